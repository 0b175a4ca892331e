package uk.cspr.workflow.criteria;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Who calls the criteria API, from the engine authentication that {@code ApiAuthenticationFilter}
 * set: the workbench is for {@code analysts} and {@code camunda-admin}; a partnership's own version
 * of a table is for members of that partnership (tenant) and administrators.
 */
@Component
class CriteriaAccess {

  private final IdentityService identityService;
  private final Partnerships partnerships;

  CriteriaAccess(IdentityService identityService, Partnerships partnerships) {
    this.identityService = identityService;
    this.partnerships = partnerships;
  }

  String userId() {
    return current().getUserId();
  }

  void requireEditor() {
    List<String> groups = groups();
    if (!groups.contains(CsprGroups.ANALYSTS) && !groups.contains(CsprGroups.ADMIN)) {
      throw new CriteriaForbiddenException(
          "The criteria workbench is for the groups analysts and camunda-admin; user '" + userId() + "' is in neither");
    }
  }

  /** A known partnership the caller belongs to, or {@code null} for the shared table. */
  String partnership(String tenantId) {
    if (tenantId == null || tenantId.isBlank()) {
      return null;
    }
    if (partnerships.find(tenantId).isEmpty()) {
      throw new InvalidParameterException(
          "tenant", "Unknown partnership '" + tenantId + "'; known: " + partnerships.tenantIds().stream().sorted().toList());
    }
    if (!isAdmin() && !tenants().contains(tenantId)) {
      throw new CriteriaForbiddenException(
          "User '" + userId() + "' is not a member of partnership '" + tenantId + "'");
    }
    return tenantId;
  }

  /** The partnerships whose own tables the caller may see and change (all for administrators). */
  List<String> editablePartnerships() {
    return isAdmin() ? partnerships.tenantIds().stream().sorted().toList() : tenants().stream().sorted().toList();
  }

  /** Runs a lookup without the caller's authorizations (for ids the caller's own query then filters). */
  <T> T asEngine(Supplier<T> lookup) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return lookup.get();
    } finally {
      identityService.setAuthentication(caller);
    }
  }

  private boolean isAdmin() {
    return groups().contains(CsprGroups.ADMIN);
  }

  private List<String> groups() {
    List<String> groups = current().getGroupIds();
    return groups == null ? List.of() : groups;
  }

  private List<String> tenants() {
    List<String> tenants = current().getTenantIds();
    return tenants == null ? List.of() : tenants;
  }

  private Authentication current() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new CriteriaForbiddenException("No authenticated user");
    }
    return authentication;
  }
}
