package uk.cspr.workflow.support;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Completes a process instance's open task by its key, as Tasklist would. */
public final class TaskSteps {

  /** @param nameValuePairs variable name, value, name, value, … */
  public static void complete(TaskService tasks, ProcessInstance instance, String taskKey, Object... nameValuePairs) {
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      variables.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    complete(tasks, instance, taskKey, variables);
  }

  public static void complete(TaskService tasks, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    String taskId = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult().getId();
    tasks.complete(taskId, variables);
  }

  private TaskSteps() {}
}
