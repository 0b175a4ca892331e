package uk.cspr.workflow.cases;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * What the caller of the managers' endpoints may see in our own tables, decided as the engine
 * decides for its queries: the tenants of the authentication (unless tenant checks are off or the
 * caller is a Camunda administrator) and, per process key, the permission on the process definition
 * (unless authorization is off, or there is no authenticated caller, e.g. a job).
 */
@Component
public class CallerScope {

  /** @param tenants null: every partnership; @param processKeys the keys the caller may read */
  record Scope(List<String> tenants, List<String> processKeys) {

    /** The tenants to show: the caller's, narrowed to {@code partnership} when given (null: all). */
    List<String> tenantsWithin(String partnership) {
      if (partnership == null) {
        return tenants;
      }
      return tenants == null || tenants.contains(partnership) ? List.of(partnership) : List.of();
    }
  }

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final ProcessEngineConfigurationImpl configuration;

  CallerScope(IdentityService identityService, AuthorizationService authorizationService, ProcessEngineConfigurationImpl configuration) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.configuration = configuration;
  }

  /** Open instances: READ on every process instance, or READ_INSTANCE on the process definition. */
  Scope board(Collection<String> processKeys) {
    Authentication caller = identityService.getCurrentAuthentication();
    boolean allInstances = !checksAuthorizations(caller)
        || authorizationService.isUserAuthorized(caller.getUserId(), caller.getGroupIds(), Permissions.READ, Resources.PROCESS_INSTANCE, ANY);
    return scope(caller, processKeys, allInstances ? null : Permissions.READ_INSTANCE);
  }

  /** History: READ_HISTORY on the process definition. */
  Scope history(Collection<String> processKeys) {
    Authentication caller = identityService.getCurrentAuthentication();
    return scope(caller, processKeys, checksAuthorizations(caller) ? Permissions.READ_HISTORY : null);
  }

  /** Runs without the caller's authentication, so the engine checks nothing (index maintenance). */
  void asSystem(Runnable work) {
    asSystem(() -> {
      work.run();
      return null;
    });
  }

  /** Reads without the caller's authentication, once the caller's right to the data is checked. */
  public <T> T asSystem(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  private Scope scope(Authentication caller, Collection<String> processKeys, Permission definitionPermission) {
    List<String> readable = processKeys.stream()
        .filter(key -> definitionPermission == null || authorizationService.isUserAuthorized(
            caller.getUserId(), caller.getGroupIds(), definitionPermission, Resources.PROCESS_DEFINITION, key))
        .toList();
    boolean tenantChecked = configuration.isTenantCheckEnabled() && caller != null && !isAdmin(caller);
    return new Scope(tenantChecked ? List.copyOf(caller.getTenantIds() == null ? List.of() : caller.getTenantIds()) : null, readable);
  }

  private boolean checksAuthorizations(Authentication caller) {
    return configuration.isAuthorizationEnabled() && caller != null && !isAdmin(caller);
  }

  private boolean isAdmin(Authentication caller) {
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    List<String> adminUsers = configuration.getAdminUsers() == null ? List.of() : configuration.getAdminUsers();
    return adminUsers.contains(caller.getUserId())
        || (caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(adminGroups::contains));
  }
}
