package uk.cspr.workflow.parallel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Completing "Record the facts for parallel processes" (end listener of the task): the same checks
 * as the start form; bad input is an {@link uk.cspr.workflow.cases.InvalidCaseDataException} (400,
 * the task stays open).
 */
@Component("parallelReviewFacts")
class RecordFactsListener implements ExecutionListener {

  private final TriggerFactsRecorder recorder;

  RecordFactsListener(TriggerFactsRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    recorder.record(
        execution.getProcessInstance(),
        TriggerFacts.validate(execution.getVariables(), TriggerFactsRecorder.now().toInstant()));
  }
}
