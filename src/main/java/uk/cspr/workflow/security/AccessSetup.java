package uk.cspr.workflow.security;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.Partnerships;

/**
 * Creates the groups, tenants and authorizations of SPEC §1 at start-up, and the national group of
 * the yearly figures when {@code cspr.reports.national-group} names one (issue 19.5). Idempotent: an existing
 * group, tenant or grant is left as it is, so administrators' later changes survive restarts.
 */
@Component
class AccessSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccessSetup.class);
  static final String NATIONAL_GROUP_NAME = "National reviewers (yearly figures only)";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final Partnerships partnerships;
  private final SecurityProperties securityProperties;
  private final String nationalGroup;

  AccessSetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      Partnerships partnerships,
      SecurityProperties securityProperties,
      @Value("${cspr.reports.national-group:}") String nationalGroup) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.partnerships = partnerships;
    this.securityProperties = securityProperties;
    this.nationalGroup = nationalGroup == null ? "" : nationalGroup.strip();
    if (CsprGroups.ALL.stream().anyMatch(group -> group.get(0).equals(this.nationalGroup))) {
      throw new IllegalStateException("cspr.reports.national-group must be a group of its own, not '" + this.nationalGroup
          + "': its members read every partnership's yearly figures");
    }
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(0)
  void setUp() {
    CsprGroups.ALL.forEach(group -> createGroup(group.get(0), group.get(1)));
    partnerships.partnerships().forEach((id, partnership) -> createTenant(id, partnership.name()));
    AccessPolicy.grants().forEach(this::grant);
    if (!nationalGroup.isEmpty()) {
      createGroup(nationalGroup, NATIONAL_GROUP_NAME);
      AccessPolicy.nationalGroupGrants(nationalGroup).forEach(this::grant);
    }
    createFirstAdministrator();
  }

  private void createGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType(CsprGroups.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    }
  }

  private void createTenant(String id, String name) {
    if (identityService.createTenantQuery().tenantId(id).count() == 0) {
      Tenant tenant = identityService.newTenant(id);
      tenant.setName(name);
      identityService.saveTenant(tenant);
    }
  }

  private void grant(AccessPolicy.Grant grant) {
    List<Authorization> existing =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(grant.groupId())
            .resourceType(grant.resource())
            .resourceId(grant.resourceId())
            .list();
    Authorization authorization;
    if (existing.isEmpty()) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.groupId());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else {
      authorization = existing.get(0);
      if (Arrays.stream(grant.permissions()).allMatch(authorization::isPermissionGranted)) {
        return;
      }
    }
    Arrays.stream(grant.permissions()).forEach(authorization::addPermission);
    authorizationService.saveAuthorization(authorization);
  }

  /** Outside the demo profile the only user created is the one named by the environment. */
  private void createFirstAdministrator() {
    String userId = securityProperties.adminUser();
    String password = securityProperties.adminPassword();
    if (userId == null || userId.isBlank() || password == null || password.isBlank()) {
      return;
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      var user = identityService.newUser(userId);
      user.setPassword(password);
      user.setFirstName("Administrator");
      user.setLastName(userId);
      identityService.saveUser(user);
      identityService.createMembership(userId, CsprGroups.ADMIN);
      LOG.info("Created first administrator '{}' from the environment", userId);
    }
  }
}
