package uk.cspr.workflow.criteria;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;

/** Users, referrals and clean-up for the criteria tests (demo users exist only in profile demo). */
final class CriteriaFixtures {

  /** One password for every user these tests create; random per JVM. */
  static final String PASSWORD = UUID.randomUUID().toString();

  private CriteriaFixtures() {}

  /** Creates the user once: member of one group and of the given partnerships (tenants). */
  static String user(IdentityService identityService, String userId, String group, String... tenants) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(userId, group);
      for (String tenant : tenants) {
        identityService.createTenantUserMembership(tenant, userId);
      }
    }
    return userId;
  }

  /** A referral body for {@code POST /api/referrals}: a child seriously harmed, aware yesterday. */
  static Map<String, Object> referral(String partnership) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    return Map.of(
        "partnership", partnership,
        "referringAgency", "St Mary's Primary School",
        "referrerName", "J. Smith, designated safeguarding lead",
        "referrerEmail", "dsl@school.example",
        "incidentDate", today.minusDays(2).toString(),
        "awareOfIncidentAt", today.minusDays(1) + "T09:30",
        "abuseOrNeglectKnownOrSuspected", "true",
        "incidentLocation", "IN_AREA",
        "incidentSummary", "Child admitted to hospital with unexplained injuries.",
        "children", List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
  }

  /** Removes the decision versions a test deployed, so other tests see the shipped tables. */
  static void deleteDeploymentsSince(RepositoryService repositoryService, Set<String> before) {
    repositoryService.createDeploymentQuery().list().stream()
        .filter(deployment -> !before.contains(deployment.getId()))
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  static Set<String> deploymentIds(RepositoryService repositoryService) {
    return new HashSet<>(repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
  }
}
