package uk.cspr.workflow.cases;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * An escalation closes itself when the step it escalates is done (issue 14): completing any step
 * completes the open "Escalate missed deadline" tasks of that step in its flow, recording why. The
 * breach stays recorded in {@code deadlinesBreached}. Done for the person completing the step, who
 * need not be among the escalation's candidates.
 */
@Component
public class EscalationClosure implements TaskListener {

  static final String ESCALATION_ACTION = "escalationAction";
  static final String CLOSED = "Closed on its own: the step was done.";

  private final TaskService tasks;

  EscalationClosure(@Lazy TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void notify(DelegateTask step) {
    String name = ((UserTask) step.getBpmnModelElementInstance()).getName();
    Context.getCommandContext().runWithoutAuthorization(() -> {
      DeadlineMoves.escalationsOf(tasks, step.getProcessInstanceId(), name)
          .forEach(escalation -> tasks.complete(escalation.getId(), Map.of(ESCALATION_ACTION, CLOSED)));
      return null;
    });
  }
}
