package uk.cspr.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedProcessDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.security.CsprGroups;

/**
 * What the flow computes, only the flow writes (issue 15). For a command issued by a person —
 * Tasklist, {@code /engine-rest}, our API — who is not an administrator: variables cannot be set,
 * changed or removed through the task or execution variable endpoints (a case's facts, deadlines,
 * outcomes and votes are recorded by its forms and its flow); a task's due date, follow-up date,
 * name, description, priority and owner cannot be changed; completing a task accepts exactly the
 * fields of its form (a disabled field only with its current value), and starting a process exactly
 * the fields of its start form, so no extra variable is stored; a message carries no variables, and
 * nobody starts a flow part-way or modifies a running one. Only the command a person issued is
 * checked: what the engine does on its own (jobs) or inside that command (listeners, delegates) passes.
 */
final class FlowWritesGuard extends CommandInterceptor {

  static final String NOT_DIRECTLY = "Case details are recorded through the task's form and the flow; they cannot be"
      + " set, changed or removed directly. Ask an administrator to correct a wrong detail.";

  private final TaskFormCheck forms;

  FlowWritesGuard(TaskFormCheck forms) {
    this.forms = forms;
  }

  /** The command a caller issued, as opposed to those the engine runs inside it. */
  private static final ThreadLocal<Command<?>> ISSUED = new ThreadLocal<>();

  /** Goes before the command context exists, so it sees only the command a caller issued. */
  static final class Issued extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command);
      }
      ISSUED.set(command);
      try {
        return next.execute(command);
      } finally {
        ISSUED.remove();
      }
    }
  }

  @Override
  public <T> T execute(Command<T> command) {
    Authentication user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthentication();
    if (ISSUED.get() == command && user != null && user.getUserId() != null && !isAdministrator(user)) {
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
    if (command instanceof StartProcessInstanceAtActivitiesCmd || command instanceof ModifyProcessInstanceCmd) {
      throw new AuthorizationException("Only an administrator can start a flow part-way or move a running one.");
    }
    if (command instanceof AbstractCorrelateMessageCmd && carriesVariables(field(command, "builder"))) {
      throw new AuthorizationException(NOT_DIRECTLY);
    }
    if (command instanceof CompleteTaskCmd) {
      onlyFormFields(field(command, "taskId"), field(command, "variables"));
    } else if (command instanceof SubmitTaskFormCmd) {
      onlyFormFields(field(command, "taskId"), field(command, "properties"));
    } else if (command instanceof SubmitStartFormCmd) {
      onlyStartFormFields(Context.getCommandContext().getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(field(command, "processDefinitionId")), field(command, "variables"));
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl start = field(command, "instantiationBuilder");
      onlyStartFormFields(new GetDeployedProcessDefinitionCmd(start, false).execute(Context.getCommandContext()),
          start.getVariables());
    }
  }

  private static boolean carriesVariables(MessageCorrelationBuilderImpl message) {
    return !isEmpty(message.getPayloadProcessInstanceVariables()) || !isEmpty(message.getPayloadProcessInstanceVariablesLocal())
        || !isEmpty(message.getPayloadProcessInstanceVariablesToTriggeredScope());
  }

  private static boolean isEmpty(Map<String, Object> variables) {
    return variables == null || variables.isEmpty();
  }

  /** A person starts a flow through its start form (referral, request, review decided, parallel reviews). */
  private void onlyStartFormFields(ProcessDefinitionEntity definition, Map<String, Object> submitted) {
    if (definition == null || isEmpty(submitted)) {
      return; // the engine answers an unknown definition
    }
    String formRef = Context.getCommandContext().getProcessEngineConfiguration().getDeploymentCache()
        .findBpmnModelInstanceForProcessDefinition(definition).getModelElementsByType(StartEvent.class).stream()
        .filter(start -> start.getParentElement() instanceof Process)
        .map(StartEvent::getCamundaFormRef).filter(Objects::nonNull).findFirst().orElse(null);
    Map<String, JsonNode> fields = fields(forms.form(definition.getId(), formRef));
    for (String name : submitted.keySet()) {
      if (!fields.containsKey(name)) {
        throw new InvalidCaseDataException(name, "this form has no such field, so nothing was started");
      }
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
    Map<String, JsonNode> fields = fields(forms.form(task.getProcessDefinitionId(),
        ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef()));
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

  /** The form's fields by key, and its lists (e.g. the children) by path; none without a form. */
  private static Map<String, JsonNode> fields(JsonNode form) {
    Map<String, JsonNode> fields = new HashMap<>();
    collect(form == null ? List.of() : form.path("components"), fields);
    return fields;
  }

  private static void collect(Iterable<JsonNode> components, Map<String, JsonNode> fields) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.put(component.get("key").asText(), component);
      } else if (component.hasNonNull("path")) {
        fields.put(component.get("path").asText(), component);
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
