package uk.cspr.workflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A process step that fails, so the step's transaction rolls back (test model only). */
public class FailingStep implements JavaDelegate {

  static final String MESSAGE = "step after the letter fails";

  @Override
  public void execute(DelegateExecution execution) {
    throw new IllegalStateException(MESSAGE);
  }
}
