package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.tasks.ShownValues;
import uk.cspr.workflow.tasks.TaskLabels;

/**
 * After a corrected fact changed deadline variables ({@code *DueAt}) of a running flow, the flow's
 * open work follows them: each open task whose due date is that variable gets the new due date
 * (and name), and each timer on it the new time; every open form shows the new values. A deadline whose breach was already recorded and
 * that now lies ahead is no longer breached: the breach and its escalation task are withdrawn and
 * the step is restarted, so its deadline timer is set again. Runs in the caller's transaction,
 * without the caller's authorization (the caller decides who may correct).
 */
@Component
public class DeadlineMoves {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final RepositoryService repository;
  private final ProcessEngineConfigurationImpl engine;
  private final ShownValues shown;

  DeadlineMoves(@Lazy RuntimeService runtime, @Lazy TaskService tasks, @Lazy ManagementService management,
      @Lazy RepositoryService repository, @Lazy ProcessEngineConfigurationImpl engine, ShownValues shown) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.repository = repository;
    this.engine = engine;
    this.shown = shown;
  }

  /** What moved: the open steps given new due dates, and the breaches withdrawn. */
  public record Moved(List<String> steps, List<String> breachesWithdrawn) {}

  /** @param deadlines the deadline variables already set to their new values, by name */
  public Moved follow(String processInstanceId, Map<String, Date> deadlines, Date now) {
    String definitionId = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
        .getProcessDefinitionId();
    BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
    List<String> steps = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    List<String> breached = new ArrayList<>(CaseData.list(runtime.getVariable(processInstanceId, CaseVariables.DEADLINES_BREACHED)));
    ProcessInstanceModificationBuilder restarts = runtime.createProcessInstanceModification(processInstanceId);

    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      UserTask step = model.getModelElementById(task.getTaskDefinitionKey());
      Date due = dueOf(deadlines, variable(step.getCamundaDueDate()));
      if (due == null || due.equals(task.getDueDate())) {
        continue;
      }
      if (breached.contains(step.getName()) && due.after(now) && !hasTimer(task, model)) {
        breached.remove(step.getName());
        withdrawn.add(step.getName());
        restarts.cancelActivityInstance(activityInstance(processInstanceId, task.getExecutionId()))
            .startBeforeActivity(task.getTaskDefinitionKey());
        escalationsOf(tasks, processInstanceId, step.getName())
            .forEach(escalation -> restarts.cancelActivityInstance(activityInstance(processInstanceId, escalation.getExecutionId())));
      } else {
        task.setDueDate(due);
        task.setName(TaskLabels.withDue(task.getName(), due));
        tasks.saveTask(task);
      }
      steps.add(step.getName());
    }
    for (Job timer : management.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
      Date due = dueOf(deadlines, timerVariable(timer, model));
      if (due != null && !due.equals(timer.getDuedate())) {
        management.setJobDuedate(timer.getId(), due);
      }
    }
    if (!withdrawn.isEmpty()) {
      runtime.setVariable(processInstanceId, CaseVariables.DEADLINES_BREACHED, CaseData.json(breached));
      restarts.execute();
    }
    // what every open form shows (the corrected fact, the new deadlines)
    engine.getCommandExecutorTxRequired().execute(context -> {
      context.getTaskManager().findTasksByProcessInstanceId(processInstanceId).forEach(shown::refresh);
      return null;
    });
    return new Moved(steps, withdrawn);
  }

  private static Date dueOf(Map<String, Date> deadlines, String variable) {
    return variable == null ? null : deadlines.get(variable);
  }

  private boolean hasTimer(Task task, BpmnModelInstance model) {
    return management.createJobQuery().executionId(task.getExecutionId()).timers().list().stream()
        .anyMatch(timer -> timerVariable(timer, model) != null);
  }

  /** The open escalation tasks of a step's missed deadline, in one query. */
  static List<Task> escalationsOf(TaskService tasks, String processInstanceId, String stepName) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskVariableValueEquals(DeadlineBreachListener.BREACHED_STEP, stepName).list();
  }

  /** The deadline variable a timer waits for, when its time is just {@code ${someDueAt}}. */
  private String timerVariable(Job timer, BpmnModelInstance model) {
    JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(timer.getJobDefinitionId()).singleResult();
    if (definition == null || !(model.getModelElementById(definition.getActivityId()) instanceof BoundaryEvent event)) {
      return null;
    }
    return event.getEventDefinitions().stream()
        .filter(TimerEventDefinition.class::isInstance).map(TimerEventDefinition.class::cast)
        .map(TimerEventDefinition::getTimeDate).filter(Objects::nonNull)
        .map(time -> variable(time.getTextContent())).filter(Objects::nonNull).findFirst().orElse(null);
  }

  /** {@code someDueAt} for the expression {@code ${someDueAt}}; null for anything else. */
  private static String variable(String expression) {
    if (expression == null) {
      return null;
    }
    String trimmed = expression.trim();
    return trimmed.matches("\\$\\{[A-Za-z_][A-Za-z0-9_]*}") ? trimmed.substring(2, trimmed.length() - 1) : null;
  }

  private String activityInstance(String processInstanceId, String executionId) {
    return find(runtime.getActivityInstance(processInstanceId), executionId);
  }

  /** The innermost activity instance the execution runs (a task's, not its sub-process's). */
  private static String find(ActivityInstance instance, String executionId) {
    for (ActivityInstance child : instance.getChildActivityInstances()) {
      String inner = find(child, executionId);
      if (inner != null) {
        return inner;
      }
      if (List.of(child.getExecutionIds()).contains(executionId)) {
        return child.getId();
      }
    }
    return null;
  }
}
