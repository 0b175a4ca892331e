package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.PanelDecisionProcess.Vars.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * "Record the Panel's answer" (WT ch.4 para 25): the answer, when it arrived (not before the
 * submission, not in the future) and the Panel's rationale. A request for further information
 * must say what was asked; the partners must share it (WT para 24) within the local timescale
 * rapidReview.furtherInformation, counted from the request. Every answer is appended to {@code
 * panelExchanges}; {@code nationalReview} is derived.
 */
@Component("panelAnswerRecord")
class PanelAnswerListener implements TaskListener {

  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  PanelAnswerListener(WorkingDays workingDays, LocalTimescales timescales) {
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    PanelAnswer answer = form.code(PANEL_ANSWER, PanelAnswer.class);
    Instant answeredAt = form.instant(PANEL_ANSWERED_AT);
    if (answeredAt.isAfter(ClockUtil.getCurrentTime().toInstant().plusSeconds(300))) {
      throw new InvalidCaseDataException(PANEL_ANSWERED_AT, "cannot be in the future");
    }
    Instant submittedAt = ((Date) task.getVariable(PANEL_SUBMITTED_AT)).toInstant();
    if (answeredAt.isBefore(submittedAt)) {
      throw new InvalidCaseDataException(PANEL_ANSWERED_AT, "cannot be before the submission to the Panel");
    }
    String rationale = form.text(PANEL_ANSWER_RATIONALE, 4000, true);
    String requested = form.text(PANEL_REQUESTED_INFORMATION, 4000, false);
    if (answer == PanelAnswer.FURTHER_INFORMATION_REQUESTED && requested == null) {
      throw new InvalidCaseDataException(PANEL_REQUESTED_INFORMATION, "is required when the Panel asks for further information");
    }

    task.setVariable(PANEL_ANSWER, answer.name());
    task.setVariable(PANEL_ANSWERED_AT, Date.from(answeredAt));
    task.setVariable(PANEL_ANSWER_RATIONALE, rationale);
    task.setVariable(PANEL_REQUESTED_INFORMATION, answer == PanelAnswer.FURTHER_INFORMATION_REQUESTED ? requested : null);
    task.setVariable(NATIONAL_REVIEW, answer == PanelAnswer.NATIONAL_REVIEW);
    String partnership = (String) task.getVariable(PARTNERSHIP);
    if (answer == PanelAnswer.FURTHER_INFORMATION_REQUESTED) {
      task.setVariable(FURTHER_INFORMATION_DUE_AT, workingDays.deadline(
          Date.from(answeredAt), timescales.workingDays(partnership, PanelDecisionProcess.Steps.FURTHER_INFORMATION)));
    } else if (answer == PanelAnswer.NATIONAL_REVIEW) {
      task.setVariable(SCOPE_DISCUSSIONS_DUE_AT,
          workingDays.deadline(Date.from(answeredAt), PanelDecisionProcess.SCOPE_DISCUSSIONS_WORKING_DAYS));
    }

    List<Map<String, Object>> exchanges = new ArrayList<>(CaseData.list(task.getVariable(PANEL_EXCHANGES)));
    Map<String, Object> exchange = new LinkedHashMap<>();
    exchange.put("round", exchanges.size() + 1);
    exchange.put(PANEL_SUBMITTED_AT, submittedAt.toString());
    exchange.put(PANEL_ANSWER, answer.name());
    exchange.put(PANEL_ANSWERED_AT, answeredAt.toString());
    exchange.put(PANEL_ANSWER_RATIONALE, rationale);
    exchange.put(PANEL_REQUESTED_INFORMATION, requested);
    exchange.put("recordedBy", task.getAssignee());
    exchanges.add(exchange);
    task.setVariable(PANEL_EXCHANGES, CaseData.json(exchanges));
  }
}
