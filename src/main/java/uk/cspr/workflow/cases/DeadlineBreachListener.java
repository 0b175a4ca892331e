package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * On a deadline boundary timer (SPEC §2: a breach is recorded, escalated, and never stops the
 * case): appends the overdue step's name to {@code deadlinesBreached} and tells the escalation
 * task which step it is about ({@code breachedStep}, local to the escalation path). On any other
 * event (e.g. a milestone reached from a timer event sub-process) the step is the event's own name.
 * As the escalation task's create listener it names the task after that step.
 */
@Component("deadlineBreach")
class DeadlineBreachListener implements ExecutionListener, TaskListener {

  static final String BREACHED_STEP = "breachedStep";

  @Override
  public void notify(DelegateExecution execution) {
    FlowElement event = execution.getBpmnModelElementInstance();
    String step = event instanceof BoundaryEvent timer ? timer.getAttachedTo().getName() : event.getName();
    List<String> breached = new ArrayList<>(CaseData.list(execution.getVariable(CaseVariables.DEADLINES_BREACHED)));
    breached.add(step);
    execution.getProcessInstance().setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(breached));
    execution.setVariableLocal(BREACHED_STEP, step);
  }

  @Override
  public void notify(DelegateTask task) {
    task.setName(task.getName() + ": " + task.getVariable(BREACHED_STEP));
  }
}
