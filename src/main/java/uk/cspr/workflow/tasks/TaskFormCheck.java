package uk.cspr.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CodeLabels;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Server-side check of every task form submission against the task's own Camunda Form: required
 * fields, lengths, e-mail format, select and radio options, numbers and dates. Tasklist (form-js
 * 1.8) submits dates as strings and yes/no radios as "true"/"false"; they are stored typed. A bad
 * value throws {@link InvalidCaseDataException}: 400 and the task stays open.
 */
@Component
public class TaskFormCheck implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RepositoryService repositoryService;
  private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> labels = new ConcurrentHashMap<>();

  TaskFormCheck(@Lazy RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  @Override
  public void notify(DelegateTask task) {
    String formId = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
    if (formId == null) {
      return;
    }
    JsonNode form = form(task.getProcessDefinitionId(), formId);
    // Only the form's own fields: reading every case variable would deserialise them all
    Map<String, Object> submitted = new HashMap<>();
    for (JsonNode component : form.path("components")) {
      String key = component.path("key").asText(null);
      if (key != null) {
        submitted.put(key, task.getVariable(key));
      }
    }
    FormValues values = new FormValues(submitted);
    for (JsonNode component : form.path("components")) {
      String key = component.path("key").asText(null);
      if (key == null || component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)) {
        continue;
      }
      boolean required = component.path("validate").path("required").asBoolean(false);
      if (!values.present(key)) {
        if (required) {
          throw new InvalidCaseDataException(key, "is required");
        }
        continue;
      }
      Object typed = typed(component, key, values);
      task.setVariable(key, typed);
    }
  }

  private static Object typed(JsonNode component, String key, FormValues values) {
    JsonNode validate = component.path("validate");
    switch (component.path("type").asText()) {
      case "checkbox":
        return values.bool(key, false);
      case "number":
        return values.integer(
            key, validate.path("min").asInt(Integer.MIN_VALUE), validate.path("max").asInt(Integer.MAX_VALUE));
      case "datetime":
        return "date".equals(component.path("subtype").asText())
            ? Date.from(values.date(key).atStartOfDay(FormValues.LONDON).toInstant())
            : Date.from(values.instant(key));
      case "radio":
      case "select":
        return option(component, key, values.raw(key));
      case "textfield":
      case "textarea":
        String text = values.text(key, validate.path("maxLength").asInt(4000), false, component.path("type").asText().equals("textarea"));
        if ("email".equals(validate.path("validationType").asText()) && !text.isEmpty()) {
          return values.email(key);
        }
        return text;
      default:
        return values.raw(key);
    }
  }

  /** The submitted value must be one of the options; "true"/"false" options are stored as booleans. */
  private static Object option(JsonNode component, String key, Object value) {
    String submitted = String.valueOf(value);
    for (JsonNode option : component.path("values")) {
      if (option.path("value").asText().equals(submitted)) {
        return submitted.equals("true") || submitted.equals("false") ? Boolean.valueOf(submitted) : submitted;
      }
    }
    throw new InvalidCaseDataException(key, "'" + submitted + "' is not one of the options");
  }

  /** The deployed form of a task's model, or null when the task has none. */
  JsonNode form(String processDefinitionId, String formId) {
    if (formId == null || processDefinitionId == null) {
      return null;
    }
    // The model's own form, read for whoever completes the task: a senior lead may do a step
    // without being allowed to read deployments (security.AccessPolicy)
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
      return forms.computeIfAbsent(deploymentId + "/" + formId, key -> load(deploymentId, formId));
    });
  }

  /**
   * The label of every coded answer the deployment's forms offer (radio and select options), by
   * code, e.g. NOTIFY_AND_RAPID_REVIEW → "Notify the Panel and hold a rapid review".
   */
  public Map<String, String> optionLabels(String processDefinitionId) {
    return Context.getCommandContext().runWithoutAuthorization(() -> {
      String deploymentId = repositoryService.getProcessDefinition(processDefinitionId).getDeploymentId();
      return labels.computeIfAbsent(deploymentId, id -> {
        Map<String, String> labels = new HashMap<>();
        repositoryService.getDeploymentResourceNames(id).stream().filter(name -> name.endsWith(".form"))
            .forEach(name -> CodeLabels.collect(readForm(id, name).path("components"), labels));
        return Map.copyOf(labels);
      });
    });
  }

  private JsonNode load(String deploymentId, String formId) {
    String resource =
        repositoryService.getDeploymentResourceNames(deploymentId).stream()
            .filter(name -> name.endsWith("/" + formId + ".form") || name.equals(formId + ".form"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Form " + formId + " not deployed with " + deploymentId));
    return readForm(deploymentId, resource);
  }

  private JsonNode readForm(String deploymentId, String resource) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, resource)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read form " + resource, e);
    }
  }
}
