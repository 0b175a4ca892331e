package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.ICB_VOTE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.LA_VOTE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.OUTCOME;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.OUTCOME_RATIONALE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.PARTNERS_AGREE;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.POLICE_VOTE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;

/**
 * Doc 4 part B: each of the three statutory partners (local authority, police, ICB) has a single
 * vote (Cambs "each of the three statutory partners … will get a single vote"). Unanimous votes
 * decide the outcome; otherwise the local dispute-resolution path follows (Panel guidance 2.4).
 */
@Component("partnersDecision")
class PartnersDecisionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    Outcome la = form.code(LA_VOTE, Outcome.class);
    Outcome police = form.code(POLICE_VOTE, Outcome.class);
    Outcome icb = form.code(ICB_VOTE, Outcome.class);
    String rationale = form.text(OUTCOME_RATIONALE, 4000, true);
    boolean agree = la == police && police == icb;
    task.setVariable(OUTCOME_RATIONALE, rationale);
    task.setVariable(PARTNERS_AGREE, agree);
    task.setVariable(OUTCOME, agree ? la.name() : null);
  }
}
