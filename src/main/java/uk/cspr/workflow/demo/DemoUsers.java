package uk.cspr.workflow.demo;

import static uk.cspr.workflow.security.CsprGroups.ADMIN;
import static uk.cspr.workflow.security.CsprGroups.AGENCY_LEADS;
import static uk.cspr.workflow.security.CsprGroups.ANALYSTS;
import static uk.cspr.workflow.security.CsprGroups.BUSINESS_UNIT;
import static uk.cspr.workflow.security.CsprGroups.DELEGATED_PARTNERS;
import static uk.cspr.workflow.security.CsprGroups.INDEPENDENT_SCRUTINEER;
import static uk.cspr.workflow.security.CsprGroups.LOCAL_AUTHORITY;
import static uk.cspr.workflow.security.CsprGroups.MANAGERS;
import static uk.cspr.workflow.security.CsprGroups.REVIEWERS;
import static uk.cspr.workflow.security.CsprGroups.SENIOR_LEADS;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.Partnerships;

/**
 * Demo profile only: {@code demo}/{@code demo} administers everything; one user per group, password
 * equal to the user id, spread over the partnerships. Listed in the README.
 */
@Component
@Profile("demo")
class DemoUsers {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String NEL = "north-east-lincolnshire";
  private static final String BOLTON = "bolton";

  /** A demo user: id (= password), display name, group and partnerships. */
  record DemoUser(String id, String firstName, String lastName, String group, List<String> tenants) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("coordinator", "Casey", "Coordinator", BUSINESS_UNIT, List.of(NL)),
          new DemoUser("agencylead", "Alex", "Agency-Lead", AGENCY_LEADS, List.of(NL)),
          new DemoUser("seniorlead", "Sam", "Senior-Lead", SENIOR_LEADS, List.of(NL)),
          new DemoUser("partner", "Pat", "Partner", DELEGATED_PARTNERS, List.of(NL)),
          new DemoUser("notifier", "Lee", "Notifier", LOCAL_AUTHORITY, List.of(NL)),
          new DemoUser("scrutineer", "Jo", "Scrutineer", INDEPENDENT_SCRUTINEER, List.of(NL, CP)),
          new DemoUser("reviewer", "Robin", "Reviewer", REVIEWERS, List.of(NL, CP)),
          new DemoUser("manager", "Morgan", "Manager", MANAGERS, List.of(NL, NEL)),
          new DemoUser("analyst", "Ari", "Analyst", ANALYSTS, List.of(NL)),
          new DemoUser("cpcoordinator", "Chris", "Cambs-Coordinator", BUSINESS_UNIT, List.of(CP)),
          new DemoUser("nelcoordinator", "Nell", "NEL-Coordinator", BUSINESS_UNIT, List.of(NEL)),
          new DemoUser("boltoncoordinator", "Bo", "Bolton-Coordinator", BUSINESS_UNIT, List.of(BOLTON)));

  private final IdentityService identityService;
  private final Partnerships partnerships;

  DemoUsers(IdentityService identityService, Partnerships partnerships) {
    this.identityService = identityService;
    this.partnerships = partnerships;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  void createDemoUsers() {
    createUser(new DemoUser("demo", "Demo", "Administrator", ADMIN, List.copyOf(partnerships.tenantIds())));
    USERS.forEach(this::createUser);
  }

  private void createUser(DemoUser demoUser) {
    if (identityService.createUserQuery().userId(demoUser.id()).count() > 0) {
      return;
    }
    User user = identityService.newUser(demoUser.id());
    user.setFirstName(demoUser.firstName());
    user.setLastName(demoUser.lastName());
    user.setEmail(demoUser.id() + "@demo.invalid");
    user.setPassword(demoUser.id());
    identityService.saveUser(user);
    identityService.createMembership(demoUser.id(), demoUser.group());
    demoUser.tenants().forEach(tenant -> identityService.createTenantUserMembership(tenant, demoUser.id()));
  }
}
