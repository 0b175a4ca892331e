package uk.cspr.workflow.cases;

import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Whether the current user may see a case: its file, correspondence and documents (SPEC §1 and
 * §6: authorization on, users see only their partnership's cases). The engine decides: the case is visible when a
 * process instance with that business key is in the user's history view or one of its tasks is
 * in the user's task view (authorization and tenant checks apply to both queries); each message
 * must also belong to one of the user's partnerships (administrators see all).
 */
@Component
public class CaseAccess {

  private final IdentityService identityService;
  private final HistoryService historyService;
  private final TaskService taskService;

  CaseAccess(IdentityService identityService, HistoryService historyService, TaskService taskService) {
    this.identityService = identityService;
    this.historyService = historyService;
    this.taskService = taskService;
  }

  public Optional<Authentication> currentUser() {
    return Optional.ofNullable(identityService.getCurrentAuthentication()).filter(auth -> auth.getUserId() != null);
  }

  /**
   * True when the (authenticated) current user can see the case; never for what cannot be a case
   * reference, so every caller answers such a reference as it answers an unknown case.
   */
  public boolean canSeeCase(String caseReference) {
    if (caseReference == null || !CaseReferences.WELL_FORMED.matcher(caseReference).matches() || currentUser().isEmpty()) {
      return false;
    }
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).count() > 0
        || taskService.createTaskQuery().processInstanceBusinessKey(caseReference).count() > 0;
  }

  /** True when the current user is in the message's partnership (or an administrator). */
  public boolean canSeeTenant(String tenantId) {
    return currentUser()
        .map(auth -> isAdmin(auth) || (auth.getTenantIds() != null && auth.getTenantIds().contains(tenantId)))
        .orElse(false);
  }

  public static boolean isAdmin(Authentication auth) {
    return auth.getGroupIds() != null && auth.getGroupIds().contains(CsprGroups.ADMIN);
  }
}
