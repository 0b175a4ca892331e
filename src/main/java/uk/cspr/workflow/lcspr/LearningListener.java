package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Learning captured and corrective action taken during the review (WT 2023 ch.4 para 42; Cambs
 * "Capturing Improvements and Taking Corrective Action"): each record is kept in {@code
 * learningLog}. New information suggesting a national review is shared with the Panel (WT para 21)
 * - only in a statutory review: a non-statutory one has no Panel involvement. As end listener of
 * the sharing step it records when the Panel was sent the information.
 */
@Component("lcsprLearning")
class LearningListener implements TaskListener, ExecutionListener {

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    DelegateExecution instance = task.getExecution().getProcessInstance();
    boolean suggested = form.bool(NATIONAL_REVIEW_SUGGESTED, false);
    String information = form.text(NEW_INFORMATION_SUMMARY, 4000, false);
    if (suggested && !Boolean.TRUE.equals(instance.getVariable(STATUTORY))) {
      throw new InvalidCaseDataException(NATIONAL_REVIEW_SUGGESTED,
          "a non-statutory review is not shared with the Panel; a serious incident is referred through a notification");
    }
    if (suggested && information == null) {
      throw new InvalidCaseDataException(NEW_INFORMATION_SUMMARY, "is required: what the Panel is told");
    }
    List<Map<String, Object>> log = new ArrayList<>(CaseData.list(instance.getVariable(LEARNING_LOG)));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("recordedAt", ClockUtil.getCurrentTime().toInstant().toString());
    entry.put("recordedBy", Checks.user(task));
    entry.put(LEARNING_SUMMARY, form.text(LEARNING_SUMMARY, 4000, true));
    entry.put(CORRECTIVE_ACTION, form.text(CORRECTIVE_ACTION, 4000, false));
    entry.put(LEARNING_DISSEMINATED, form.bool(LEARNING_DISSEMINATED, false));
    entry.put(NATIONAL_REVIEW_SUGGESTED, suggested);
    log.add(entry);
    instance.setVariable(LEARNING_LOG, CaseData.json(log));
    instance.setVariable(NATIONAL_REVIEW_SUGGESTED, suggested);
    if (suggested) {
      instance.setVariable(NEW_INFORMATION_SUMMARY, information);
    }
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.getProcessInstance().setVariable(PANEL_SUBMITTED_AT, ClockUtil.getCurrentTime());
  }
}
