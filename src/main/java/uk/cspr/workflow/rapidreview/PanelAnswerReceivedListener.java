package uk.cspr.workflow.rapidreview;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * When {@code panelDecision} returns: the deadlines missed while waiting for the Panel are added to
 * the case's own record (which may have grown meanwhile, e.g. from the wellbeing sessions, so it is
 * never overwritten by the called process), and the follow-up task (support the national review,
 * or record the learning) becomes due.
 */
@Component("rapidReviewFollowUp")
class PanelAnswerReceivedListener implements ExecutionListener {

  private final WorkingDays workingDays;

  PanelAnswerReceivedListener(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<Object> panelStage = CaseData.list(execution.getVariable(RapidReviewProcess.Vars.PANEL_DEADLINES_BREACHED));
    if (!panelStage.isEmpty()) {
      List<Object> breached = new ArrayList<>(CaseData.list(execution.getVariable(CaseVariables.DEADLINES_BREACHED)));
      breached.addAll(panelStage);
      execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(breached));
    }
    execution.removeVariable(RapidReviewProcess.Vars.PANEL_DEADLINES_BREACHED);
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(
        RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT, workingDays.deadline(now, RapidReviewProcess.FOLLOW_UP_WORKING_DAYS));
  }
}
