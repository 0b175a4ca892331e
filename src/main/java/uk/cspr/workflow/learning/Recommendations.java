package uk.cspr.workflow.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.lcspr.LcsprProcess;

/**
 * A review's recommendations as items (issue 19.1): recorded with the final report (WT 2023 ch.4
 * para 37: clear on what is required of whom, and by when), numbered R1, R2… in order, each with
 * an owner (a role and agency), a due date and a status. The action plan links every action to one
 * of them, and every recommendation not accepted has no action while every other has one at least;
 * monitoring and the partners' sign-off update their status (WT para 43). Kept as the LCSPR's
 * variable {@value #RECOMMENDATIONS}, like its action plan.
 */
@Component("lcsprRecommendations")
public class Recommendations implements TaskListener {

  /**
   * The LCSPR's recommendations (form list of the final report, and the stored items); not
   * "recommendations", which is the rapid review's chair report text the LCSPR inherits.
   */
  public static final String RECOMMENDATIONS = "reviewRecommendations";
  /** Task-local: the recommendations an action may answer, as options of the action plan's select. */
  static final String CHOICES = "recommendationChoices";
  /**
   * List of the monitoring and sign-off forms: each recommendation's status, set when the step opens
   * and removed when it is done (a case variable meanwhile, so Tasklist's form submission and the
   * engine's task completion both replace it).
   */
  static final String PROGRESS = "recommendationProgress";

  public static final String NUMBER = "number";
  public static final String TEXT = "recommendation";
  public static final String OWNER = "owner";
  public static final String DUE_DATE = "dueDate";
  public static final String STATUS = "status";
  public static final String REASON = "reason";
  /** The day of the (last revised) final report that made it: the yearly figures count it then. */
  public static final String MADE_ON = "madeOn";
  static final int MAX = 50;

  @Override
  public void notify(DelegateTask task) {
    String step = task.getTaskDefinitionKey();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task, stored(task), !LcsprProcess.Elements.SIGN_OFF_ACTION_PLAN.equals(step),
          !LcsprProcess.Elements.AGREE_ACTION_PLAN.equals(step));
      return;
    }
    switch (step) {
      case LcsprProcess.Elements.SUBMIT_FINAL_REPORT, LcsprProcess.Elements.REVISE_FINAL_REPORT ->
          store(task, recorded(new FormValues(task.getVariables()), today()));
      case LcsprProcess.Elements.AGREE_ACTION_PLAN -> linked(stored(task), new FormValues(task.getVariables()));
      case LcsprProcess.Elements.REVIEW_ACTION_PLAN -> {
        List<Map<String, Object>> updated = progressed(stored(task), new FormValues(task.getVariables()), false);
        linked(updated, new FormValues(task.getVariables()));
        store(task, updated);
        task.getExecution().getProcessInstance().removeVariable(PROGRESS);
      }
      case LcsprProcess.Elements.SIGN_OFF_ACTION_PLAN -> {
        store(task, progressed(stored(task), new FormValues(task.getVariables()), true));
        task.getExecution().getProcessInstance().removeVariable(PROGRESS);
      }
      default -> throw new IllegalStateException("No recommendations at " + step);
    }
  }

  /** The recommendations as the final report's form lists them, checked, numbered and typed. */
  static List<Map<String, Object>> recorded(FormValues form, LocalDate reportDate) {
    List<Map<String, Object>> submitted = form.objects(RECOMMENDATIONS, 1, MAX);
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < submitted.size(); i++) {
      FormValues entry = new FormValues(submitted.get(i));
      int index = i;
      Map<String, Object> item = new LinkedHashMap<>();
      item.put(NUMBER, "R" + (i + 1));
      item.put(TEXT, field(RECOMMENDATIONS, index, TEXT, () -> entry.text(TEXT, 1000, true)));
      item.put(OWNER, field(RECOMMENDATIONS, index, OWNER, () -> entry.text(OWNER, 200, true, false)));
      LocalDate due = field(RECOMMENDATIONS, index, DUE_DATE, () -> entry.date(DUE_DATE));
      if (due.isBefore(reportDate)) {
        throw new InvalidCaseDataException(entry(RECOMMENDATIONS, index, DUE_DATE), "cannot be before the report");
      }
      item.put(DUE_DATE, due.toString());
      RecommendationStatus status = entry.present(STATUS)
          ? field(RECOMMENDATIONS, index, STATUS, () -> entry.code(STATUS, RecommendationStatus.class))
          : RecommendationStatus.OPEN;
      item.put(STATUS, status.name());
      item.put(REASON, reason(entry, RECOMMENDATIONS, index, status));
      item.put(MADE_ON, reportDate.toString());
      items.add(item);
    }
    return items;
  }

  /**
   * Every action names a recorded recommendation, and every recommendation that is not "not
   * accepted" has at least one action.
   */
  static void linked(List<Map<String, Object>> recommendations, FormValues form) {
    if (recommendations.isEmpty()) {
      return; // a review whose final report was recorded before recommendations were items
    }
    Set<String> numbers = new LinkedHashSet<>();
    recommendations.forEach(r -> numbers.add(String.valueOf(r.get(NUMBER))));
    List<Map<String, Object>> actions = form.objects(LcsprProcess.Vars.ACTION_PLAN, 0, Integer.MAX_VALUE);
    Set<String> answered = new LinkedHashSet<>();
    for (int i = 0; i < actions.size(); i++) {
      Object named = actions.get(i).get(TEXT);
      String number = named == null ? "" : String.valueOf(named).strip();
      if (number.isEmpty()) {
        throw new InvalidCaseDataException(entry(LcsprProcess.Vars.ACTION_PLAN, i, TEXT), "is required");
      }
      if (!numbers.contains(number)) {
        throw new InvalidCaseDataException(entry(LcsprProcess.Vars.ACTION_PLAN, i, TEXT),
            "must be one of the review's recommendations: choose one from the list");
      }
      answered.add(number);
    }
    for (Map<String, Object> r : recommendations) {
      if (!answered.contains(String.valueOf(r.get(NUMBER)))
          && !RecommendationStatus.NOT_ACCEPTED.name().equals(r.get(STATUS))) {
        throw new InvalidCaseDataException(LcsprProcess.Vars.ACTION_PLAN, "has no action for recommendation "
            + r.get(NUMBER) + " (" + r.get(TEXT) + "): add one, or record that it is not accepted");
      }
    }
  }

  /**
   * The recommendations with the statuses of the monitoring or sign-off form (its list shows them
   * in order and cannot add or remove one); at sign-off each must be implemented or not accepted.
   */
  static List<Map<String, Object>> progressed(List<Map<String, Object>> recommendations, FormValues form, boolean signOff) {
    if (recommendations.isEmpty() && !form.present(PROGRESS)) {
      return recommendations; // a review whose final report was recorded before recommendations were items
    }
    List<Map<String, Object>> submitted = form.objects(PROGRESS, recommendations.size(), recommendations.size());
    List<Map<String, Object>> updated = new ArrayList<>();
    for (int i = 0; i < recommendations.size(); i++) {
      FormValues entry = new FormValues(submitted.get(i));
      int index = i;
      RecommendationStatus status = field(PROGRESS, index, STATUS, () -> entry.code(STATUS, RecommendationStatus.class));
      if (signOff && !status.settled()) {
        throw new InvalidCaseDataException(entry(PROGRESS, index, STATUS),
            "must be Implemented or Not accepted before the partners sign the plan off");
      }
      Map<String, Object> item = new LinkedHashMap<>(recommendations.get(i));
      item.put(STATUS, status.name());
      item.put(REASON, reason(entry, PROGRESS, index, status));
      updated.add(item);
    }
    return updated;
  }

  private static String reason(FormValues entry, String list, int index, RecommendationStatus status) {
    String reason = field(list, index, REASON, () -> entry.text(REASON, 1000, false));
    if (status == RecommendationStatus.NOT_ACCEPTED && reason == null) {
      throw new InvalidCaseDataException(entry(list, index, REASON), "is required when a recommendation is not accepted");
    }
    return status == RecommendationStatus.NOT_ACCEPTED ? reason : null;
  }

  /** What the action plan may link to, and (monitoring, sign-off) each recommendation's status to update. */
  private static void offer(DelegateTask task, List<Map<String, Object>> recommendations, boolean choices, boolean progress) {
    List<Map<String, Object>> options = new ArrayList<>();
    List<Map<String, Object>> statuses = new ArrayList<>();
    for (Map<String, Object> r : recommendations) {
      options.add(Map.of("value", r.get(NUMBER), "label", r.get(NUMBER) + ": " + shortened(String.valueOf(r.get(TEXT)))));
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put(NUMBER, r.get(NUMBER));
      entry.put(TEXT, r.get(TEXT));
      entry.put(STATUS, r.get(STATUS));
      if (r.get(REASON) != null) {
        entry.put(REASON, r.get(REASON));
      }
      statuses.add(entry);
    }
    if (choices) {
      task.setVariableLocal(CHOICES, CaseData.json(options));
    }
    if (progress) {
      task.getExecution().getProcessInstance().setVariable(PROGRESS, CaseData.json(statuses));
    }
  }

  private static String shortened(String text) {
    return text.length() <= 120 ? text : text.substring(0, 119) + "…";
  }

  private static void store(DelegateTask task, List<Map<String, Object>> recommendations) {
    task.getExecution().getProcessInstance().setVariable(RECOMMENDATIONS, CaseData.json(recommendations));
  }

  /** The LCSPR's recorded recommendations (empty before the final report). */
  private static List<Map<String, Object>> stored(DelegateTask task) {
    return new ArrayList<>(new FormValues(Map.of(RECOMMENDATIONS, orEmpty(task.getExecution().getProcessInstance()
        .getVariable(RECOMMENDATIONS)))).objects(RECOMMENDATIONS, 0, MAX));
  }

  private static Object orEmpty(Object value) {
    return value == null ? List.of() : value;
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
  }

  private static String entry(String list, int index, String field) {
    return list + "[" + (index + 1) + "]." + field;
  }

  private static <T> T field(String list, int index, String field, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidCaseDataException e) {
      throw new InvalidCaseDataException(entry(list, index, field), e.problem());
    }
  }
}
