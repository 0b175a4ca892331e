package uk.cspr.workflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Test users created once: a member of one group and of the given partnerships (tenants). */
public final class TestUsers {

  private TestUsers() {}

  public static String user(IdentityService identityService, String password, String userId, String group, String... tenants) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setPassword(password);
      identityService.saveUser(user);
      identityService.createMembership(userId, group);
      for (String tenant : tenants) {
        identityService.createTenantUserMembership(tenant, userId);
      }
    }
    return userId;
  }
}
