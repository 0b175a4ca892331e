package uk.cspr.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.security.CsprGroups;

/**
 * What the flow computes, only the flow writes (issue 15). For a command issued by a person —
 * Tasklist, {@code /engine-rest}, our API — who is not an administrator: variables cannot be set,
 * changed or removed through the task or execution variable endpoints (a case's facts, deadlines,
 * outcomes and votes are recorded by its forms and its flow); a task's due date, follow-up date,
 * name, description, priority and owner cannot be changed; and completing a task accepts exactly
 * the fields of its form (a disabled field only with its current value), so no extra variable is
 * stored. Engine-internal commands (jobs, listeners, delegates) have no user and pass.
 */
final class FlowWritesGuard extends CommandInterceptor {

  static final String NOT_DIRECTLY = "Case details are recorded through the task's form and the flow; they cannot be"
      + " set, changed or removed directly. Ask an administrator to correct a wrong detail.";

  private final TaskFormCheck forms;

  FlowWritesGuard(TaskFormCheck forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    if (user != null && user.getUserId() != null && !isAdministrator(user)) {
      check(command);
    }
    return next.execute(command);
  }

  private void check(Command<?> command) {
    if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
        || command instanceof AbstractRemoveVariableCmd) {
      throw new AuthorizationException(NOT_DIRECTLY);
    }
    if (command instanceof AbstractSetTaskPropertyCmd || command instanceof SaveTaskCmd && isExisting((SaveTaskCmd) command)) {
      throw new AuthorizationException("Only an administrator can change a task's due date or details.");
    }
    if (command instanceof CompleteTaskCmd) {
      onlyFormFields(field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      onlyFormFields(field(command, "taskId"), field(command, "properties"));
    }
  }

  private void onlyFormFields(String taskId, Map<String, Object> submitted) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessDefinitionId() == null) {
      return; // unknown task (the engine answers) or a standalone task, which has no case
    }
    JsonNode form = forms.form(task.getProcessDefinitionId(),
        ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef());
    Map<String, JsonNode> fields = new HashMap<>();
    collect(form == null ? List.of() : form.path("components"), fields);
    for (Map.Entry<String, Object> entry : submitted.entrySet()) {
      JsonNode field = fields.get(entry.getKey());
      if (field == null) {
        throw new InvalidCaseDataException(entry.getKey(), "this step's form has no such field, so it was not saved");
      }
      if (field.path("disabled").asBoolean(false) || field.path("readonly").asBoolean(false)) {
        Object current = task.getVariable(entry.getKey());
        if (!Objects.equals(String.valueOf(current), String.valueOf(unwrap(entry.getValue())))) {
          throw new InvalidCaseDataException(entry.getKey(), "is shown for information and cannot be changed here");
        }
      }
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof org.camunda.bpm.engine.variable.value.TypedValue typed ? typed.getValue() : value;
  }

  private static void collect(Iterable<JsonNode> components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component);
      }
      collect(component.path("components"), fields);
    }
  }

  private static boolean isExisting(SaveTaskCmd command) {
    TaskEntity task = field(command, "task");
    return task != null && task.getRevision() > 0;
  }

  private static boolean isAdministrator(Authentication user) {
    Collection<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(CsprGroups.ADMIN);
  }

  /** The engine's commands keep what a caller passed in protected fields; read, never written. */
  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(command);
      } catch (NoSuchFieldException e) {
        // declared higher up
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(command.getClass().getName() + " has no field " + name);
  }
}
