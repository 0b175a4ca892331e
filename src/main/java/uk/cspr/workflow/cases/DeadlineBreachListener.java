package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.tasks.TaskLabels;

/**
 * A missed deadline (SPEC §2: recorded, escalated, never stops the case). On a deadline boundary
 * timer it appends the overdue step's name to {@code deadlinesBreached}; the timer's path then
 * throws the escalation {@code deadlineMissed}, caught by the flow's event sub-process, whose
 * escalation task this listener names after that step ({@code breachedStep} on the task) and makes
 * due the next working day; {@link EscalationClosure} closes it when the step is done. On any
 * other event (e.g. a milestone reached from a timer event sub-process) the step is the event's own
 * name.
 */
@Component("deadlineBreach")
class DeadlineBreachListener implements ExecutionListener, TaskListener {

  static final String BREACHED_STEP = "breachedStep";
  /** An escalation is dealt with by the end of the next working day (local practice; the guidance sets none). */
  static final int ESCALATION_WORKING_DAYS = 1;

  private final WorkingDays workingDays;

  DeadlineBreachListener(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

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
    Date due = workingDays.deadline(ClockUtil.getCurrentTime(), ESCALATION_WORKING_DAYS);
    task.setDueDate(due);
    task.setName(TaskLabels.withDue(TaskLabels.withSubject(task.getName(), step), due));
  }

  private static List<String> breached(Object variable) {
    return CaseData.list(variable);
  }
}
