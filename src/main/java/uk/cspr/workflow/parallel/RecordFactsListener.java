package uk.cspr.workflow.parallel;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing "Record the facts for parallel processes": the same checks as the start form. */
@Component("parallelReviewFacts")
class RecordFactsListener implements TaskListener {

  private final TriggerFactsRecorder recorder;

  RecordFactsListener(TriggerFactsRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void notify(DelegateTask task) {
    recorder.record(
        task.getExecution().getProcessInstance(),
        TriggerFacts.validate(task.getVariables(), TriggerFactsRecorder.now().toInstant()));
  }
}
