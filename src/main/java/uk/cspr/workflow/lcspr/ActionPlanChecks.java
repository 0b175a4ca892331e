package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.ACTION_PLAN;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.ACTION_PLAN_COMPLETE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.ACTION_PLAN_SIGNED_OFF;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.ACTION_PLAN_SMART_CONFIRMED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * The action plan (North Lincs "Actions in response to local and national reviews"; Cambs: SMART
 * recommendations): every action has an owner and a due date; monitoring records each action's
 * status until all are complete; the partners sign it off.
 */
@Component("lcsprActionPlan")
class ActionPlanChecks implements TaskListener {

  static final int MAX_ACTIONS = 100;
  static final String ACTION = "action";
  static final String OWNER = "owner";
  static final String DUE_DATE = "dueDate";
  static final String STATUS = "status";
  static final String RECOMMENDATION = "recommendation";

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    switch (task.getTaskDefinitionKey()) {
      case LcsprProcess.Elements.AGREE_ACTION_PLAN -> {
        Checks.confirmed(form, ACTION_PLAN_SMART_CONFIRMED, "the actions are specific, measurable, achievable, relevant and time-bound");
        store(task, actions(form, true));
      }
      case LcsprProcess.Elements.REVIEW_ACTION_PLAN -> store(task, actions(form, false));
      case LcsprProcess.Elements.SIGN_OFF_ACTION_PLAN ->
          Checks.confirmed(form, ACTION_PLAN_SIGNED_OFF, "the safeguarding partners sign off the completed action plan");
      default -> throw new IllegalStateException("No checks for " + task.getTaskDefinitionKey());
    }
  }

  private static void store(DelegateTask task, List<Map<String, Object>> actions) {
    task.setVariable(ACTION_PLAN, CaseData.json(actions));
    task.setVariable(ACTION_PLAN_COMPLETE,
        actions.stream().allMatch(a -> ActionStatus.COMPLETE.name().equals(a.get(STATUS))));
  }

  /** The submitted actions, checked and typed; a new plan's due dates may not be in the past. */
  static List<Map<String, Object>> actions(FormValues form, boolean newPlan) {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
    List<Map<String, Object>> submitted = form.objects(ACTION_PLAN, 1, MAX_ACTIONS);
    List<Map<String, Object>> actions = new ArrayList<>();
    for (int i = 0; i < submitted.size(); i++) {
      Map<String, Object> entry = submitted.get(i);
      Map<String, Object> action = new LinkedHashMap<>();
      action.put(ACTION, CommissioningChecks.entry(entry, ACTION_PLAN, i, ACTION, 1000, true));
      action.put(OWNER, CommissioningChecks.entry(entry, ACTION_PLAN, i, OWNER, 200, true));
      action.put(RECOMMENDATION, CommissioningChecks.entry(entry, ACTION_PLAN, i, RECOMMENDATION, 200, false));
      LocalDate due = field(i, DUE_DATE, () -> new FormValues(entry).date(DUE_DATE));
      if (newPlan && due.isBefore(today)) {
        throw new InvalidCaseDataException(ACTION_PLAN + "[" + (i + 1) + "]." + DUE_DATE, "cannot be in the past");
      }
      action.put(DUE_DATE, due.toString());
      ActionStatus status = newPlan && !new FormValues(entry).present(STATUS)
          ? ActionStatus.NOT_STARTED
          : field(i, STATUS, () -> new FormValues(entry).code(STATUS, ActionStatus.class));
      action.put(STATUS, status.name());
      actions.add(action);
    }
    return actions;
  }

  private static <T> T field(int index, String field, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidCaseDataException e) {
      throw new InvalidCaseDataException(ACTION_PLAN + "[" + (index + 1) + "]." + field,
          e.problem());
    }
  }
}
