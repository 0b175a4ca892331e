package uk.cspr.workflow.lcspr;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/** Server-side rules the generic form check cannot express (ticked confirmations, "reasons if not"). */
final class Checks {

  /** A checkbox that must be ticked, e.g. a Working Together criterion. */
  static void confirmed(FormValues form, String field, String what) {
    if (!form.bool(field, false)) {
      throw new InvalidCaseDataException(field, "must be confirmed: " + what);
    }
  }

  /** Text required when a yes/no answer is "no" (e.g. reasons why the family was not involved). */
  static String reasonsIfNot(FormValues form, String answer, String reasons, String why) {
    boolean yes = form.bool(answer, true);
    String text = form.text(reasons, 4000, false);
    if (!yes && text == null) {
      throw new InvalidCaseDataException(reasons, "is required " + why);
    }
    return text;
  }

  /** Who completes the task (assignee, else the authenticated user), for the case's own logs. */
  static String user(DelegateTask task) {
    if (task.getAssignee() != null) {
      return task.getAssignee();
    }
    Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  private Checks() {}
}
