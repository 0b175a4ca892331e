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
 * A missed deadline (SPEC §2: recorded, escalated, never stops the case). On a deadline boundary
 * timer it appends the overdue step's name to {@code deadlinesBreached}; the timer's path then
 * throws the escalation {@code deadlineMissed}, caught by the flow's event sub-process, whose
 * escalation task this listener names after that step ({@code breachedStep} on the task). On any
 * other event (e.g. a milestone reached from a timer event sub-process) the step is the event's own
 * name.
 */
@Component("deadlineBreach")
class DeadlineBreachListener implements ExecutionListener, TaskListener {

  static final String BREACHED_STEP = "breachedStep";

  @Override
  public void notify(DelegateExecution execution) {
    FlowElement event = execution.getBpmnModelElementInstance();
    String step = event instanceof BoundaryEvent timer ? timer.getAttachedTo().getName() : event.getName();
    List<String> breached = new ArrayList<>(breached(execution.getVariable(CaseVariables.DEADLINES_BREACHED)));
    breached.add(step);
    execution.getProcessInstance().setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(breached));
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> breached = breached(task.getVariable(CaseVariables.DEADLINES_BREACHED));
    String step = breached.isEmpty() ? "unknown step" : breached.get(breached.size() - 1);
    task.setVariableLocal(BREACHED_STEP, step);
    task.setName(task.getName() + ": " + step);
  }

  private static List<String> breached(Object variable) {
    return CaseData.list(variable);
  }
}
