package uk.cspr.workflow.parallel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.parallel.ParallelReviewRecords.Status;

/**
 * Keeps {@code parallelReviewRecords} up to date: after the lead notification (LEAD_NOTIFIED), on
 * completion of "Agree joint or parallel working" (AGREED, with the agreement per area) and at the
 * end of a review's sub-process (CLOSED).
 */
@Component("parallelReviewRecord")
class ParallelReviewRecordListener implements TaskListener, ExecutionListener {

  @Override
  public void notify(DelegateTask task) {
    ParallelReviewRecords.update(task, task.getExecution().getProcessInstance(), Status.AGREED, null);
  }

  @Override
  public void notify(DelegateExecution execution) {
    Status status =
        ParallelReviewProcess.Elements.NOTIFY_LEAD.equals(execution.getCurrentActivityId())
            ? Status.LEAD_NOTIFIED
            : Status.CLOSED;
    ParallelReviewRecords.update(execution, execution.getProcessInstance(), status, null);
  }
}
