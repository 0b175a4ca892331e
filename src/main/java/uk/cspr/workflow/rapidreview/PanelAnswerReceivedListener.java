package uk.cspr.workflow.rapidreview;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;

/** When {@code panelDecision} returns: the follow-up task (support the national review, or record the learning) is due. */
@Component("rapidReviewFollowUp")
class PanelAnswerReceivedListener implements ExecutionListener {

  private final WorkingDays workingDays;

  PanelAnswerReceivedListener(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    execution.setVariable(
        RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT, workingDays.deadline(now, RapidReviewProcess.FOLLOW_UP_WORKING_DAYS));
  }
}
