package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.YJB_NOTIFIED_AT;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.parallel.ParallelReviewRecords.Status;

/**
 * Completing "Notify the Youth Justice Board": the notification was made outside this system (the
 * YJB serious incidents mailbox); its time must not be in the future (400, the task stays open).
 * Noted in the case record. End listener of the task.
 */
@Component("yjbNotification")
class YjbNotificationListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Instant notifiedAt = new FormValues(execution.getVariables()).instant(YJB_NOTIFIED_AT);
    if (notifiedAt.isAfter(TriggerFactsRecorder.now().toInstant().plusSeconds(300))) {
      throw new InvalidCaseDataException(YJB_NOTIFIED_AT, "cannot be in the future");
    }
    ParallelReviewRecords.update(
        execution, execution.getProcessInstance(), Status.LEAD_NOTIFIED, "Youth Justice Board notified");
  }
}
