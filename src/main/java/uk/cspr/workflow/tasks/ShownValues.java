package uk.cspr.workflow.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.config.Partnerships;

/**
 * What a task's form shows of the case, as people read it (issues 14 and 15): the form's text
 * templates name {@code {{shown.x}}}, and this listener gives the task a local variable
 * {@code shown} holding each such case value as text — dates as written in England ("30 Nov 2026,
 * 11:00"), yes/no, the partnership's name, coded answers by the label their form gives them — with
 * every character that Markdown would read as markup escaped, so what people typed stays text
 * (form-js renders text templates as Markdown: links, images, HTML). A task-local variable, so it
 * is never submitted and never reaches the case.
 */
@Component
public class ShownValues implements TaskListener {

  public static final String SHOWN = "shown";

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*" + SHOWN + "\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  private static final Pattern ASCII_PUNCTUATION = Pattern.compile("([!-/:-@\\[-`{-~])");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

  private final TaskFormCheck forms;
  private final Partnerships partnerships;

  ShownValues(TaskFormCheck forms, Partnerships partnerships) {
    this.forms = forms;
    this.partnerships = partnerships;
  }

  @Override
  public void notify(DelegateTask task) {
    refresh(task);
  }

  /** Sets (again) what the task's form shows, e.g. after a corrected fact. */
  public void refresh(DelegateTask task) {
    JsonNode form = forms.form(task.getProcessDefinitionId(), ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef());
    Set<String> names = templated(form);
    if (names.isEmpty()) {
      return;
    }
    Map<String, String> labels = forms.optionLabels(task.getProcessDefinitionId());
    Map<String, Object> shown = new LinkedHashMap<>();
    for (String name : names) {
      shown.put(name, markdownText(text(name, task.getVariable(name), labels)));
    }
    task.setVariableLocal(SHOWN, CaseData.json(shown));
  }

  /** The names the form's text templates show, {@code x} of {@code {{shown.x}}}. */
  static Set<String> templated(JsonNode form) {
    Set<String> names = new TreeSet<>();
    collect(form == null ? null : form.path("components"), names);
    return names;
  }

  private static void collect(JsonNode components, Set<String> names) {
    if (components == null) {
      return;
    }
    for (JsonNode component : components) {
      Matcher matcher = TEMPLATE.matcher(component.path("text").asText(""));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
      collect(component.path("components"), names);
    }
  }

  private String text(String name, Object value, Map<String, String> labels) {
    if (value == null) {
      return "not recorded";
    }
    if (CaseVariables.PARTNERSHIP.equals(name)) {
      return partnerships.find((String) value).map(Partnerships.Partnership::name).orElse((String) value);
    }
    if (value instanceof Date date) {
      // a deadline is the end of its day, a date (e.g. of the incident) its start: both by the day
      ZonedDateTime london = date.toInstant().atZone(FormValues.LONDON);
      boolean day = name.endsWith("DueAt") || london.toLocalTime().equals(LocalTime.MIDNIGHT);
      return (day ? DAY : DAY_AND_TIME).format(london);
    }
    if (value instanceof Boolean yes) {
      return yes ? "Yes" : "No";
    }
    if (value instanceof Collection<?> list) {
      return list.isEmpty() ? "none" : list.stream().map(item -> item instanceof Map<?, ?> map
          ? map.values().stream().map(String::valueOf).collect(Collectors.joining(", "))
          : text(name, item, labels)).collect(Collectors.joining("; "));
    }
    String text = String.valueOf(value);
    return labels.getOrDefault(text, text);
  }

  /** Text that Markdown shows as written: every ASCII punctuation character backslash-escaped. */
  static String markdownText(String text) {
    return ASCII_PUNCTUATION.matcher(text).replaceAll("\\\\$1");
  }
}
