package uk.cspr.workflow.reports;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Whose yearly figures the caller may read (issue 19.5): administrators and the configured national
 * group ({@code cspr.reports.national-group}, which has no other permission) every partnership;
 * the business unit and managers their own partnerships (tenants); anyone else nothing (403). A
 * partnership the caller may not read answers 404, as another partnership's case does.
 */
@Component
class ReportAccess {

  private static final Set<String> OWN_PARTNERSHIP_GROUPS = Set.of(CsprGroups.BUSINESS_UNIT, CsprGroups.MANAGERS);

  private final IdentityService identityService;
  private final Partnerships partnerships;
  private final String nationalGroup;

  ReportAccess(IdentityService identityService, Partnerships partnerships, @Value("${cspr.reports.national-group:}") String nationalGroup) {
    this.identityService = identityService;
    this.partnerships = partnerships;
    this.nationalGroup = nationalGroup == null || nationalGroup.isBlank() ? null : nationalGroup.strip();
  }

  /** The configured partnerships the caller may read, in name order; 403 when none by their groups. */
  List<String> readable() {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (groups.contains(CsprGroups.ADMIN) || (nationalGroup != null && groups.contains(nationalGroup))) {
      return sorted(partnerships.tenantIds());
    }
    if (groups.stream().noneMatch(OWN_PARTNERSHIP_GROUPS::contains)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Only administrators, the national reviewers, the business unit and managers see the yearly figures");
    }
    List<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    return sorted(tenants.stream().filter(partnerships.tenantIds()::contains).toList());
  }

  private List<String> sorted(java.util.Collection<String> tenants) {
    return tenants.stream().sorted(java.util.Comparator.comparing((String id) -> partnerships.get(id).name())).toList();
  }
}
