package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.PanelDecisionProcess.Vars.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Two moments of {@code panelDecision} where something was sent to the Panel and its answer is
 * awaited: the start (checks the input contract of {@link PanelDecisionProcess}) and the end of
 * "Send further information" (a new submission, now). Both store {@code panelAnswerDueAt} = the
 * Panel's 15 working days (NEL §3: "The Panel will aim to respond [...] within 15 working days of a
 * rapid review being received"; {@code localTimescales} step rapidReview.panelAnswer) and the date
 * the chaser is due.
 */
@Component("panelSubmission")
class PanelSubmissionListener implements ExecutionListener {

  private final Partnerships partnerships;
  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  PanelSubmissionListener(Partnerships partnerships, WorkingDays workingDays, LocalTimescales timescales) {
    this.partnerships = partnerships;
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValues values = new FormValues(execution.getVariables());
    Instant submittedAt;
    if (PanelDecisionProcess.Elements.START.equals(execution.getCurrentActivityId())) {
      checkContract(execution, values);
      submittedAt = values.instant(PANEL_SUBMITTED_AT);
      execution.setVariable(FURTHER_INFORMATION_ROUNDS, 0);
      execution.setVariable(PANEL_EXCHANGES, CaseData.json(List.of()));
    } else {
      submittedAt = ClockUtil.getCurrentTime().toInstant();
      execution.setVariable(FURTHER_INFORMATION_ROUNDS, (Integer) execution.getVariable(FURTHER_INFORMATION_ROUNDS) + 1);
      recordFurtherInformation(execution, submittedAt);
    }
    String partnership = (String) execution.getVariable(PARTNERSHIP);
    Date answerDue = workingDays.deadline(Date.from(submittedAt), timescales.workingDays(partnership, PanelDecisionProcess.Steps.PANEL_ANSWER));
    execution.setVariable(PANEL_SUBMITTED_AT, Date.from(submittedAt));
    execution.setVariable(PANEL_ANSWER_DUE_AT, answerDue);
    execution.setVariable(PANEL_CHASER_DUE_AT, workingDays.deadline(answerDue, PanelDecisionProcess.CHASER_WORKING_DAYS));
  }

  /** The information sent completes the latest exchange (the Panel's request). */
  private static void recordFurtherInformation(DelegateExecution execution, Instant sentAt) {
    List<Map<String, Object>> exchanges = new ArrayList<>(CaseData.list(execution.getVariable(PANEL_EXCHANGES)));
    if (!exchanges.isEmpty()) {
      Map<String, Object> latest = new LinkedHashMap<>(exchanges.get(exchanges.size() - 1));
      latest.put(FURTHER_INFORMATION, execution.getVariable(FURTHER_INFORMATION));
      latest.put("furtherInformationSentAt", sentAt.toString());
      exchanges.set(exchanges.size() - 1, latest);
      execution.setVariable(PANEL_EXCHANGES, CaseData.json(exchanges));
    }
  }

  private void checkContract(DelegateExecution execution, FormValues values) {
    String partnership = partnerships.required(values);
    String reference = values.present(CASE_REFERENCE) ? values.text(CASE_REFERENCE, 64, true) : execution.getProcessBusinessKey();
    if (reference == null || reference.isBlank()) {
      throw new InvalidCaseDataException(CASE_REFERENCE, "is required");
    }
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(reference);
    }
    execution.setVariable(CASE_REFERENCE, reference);
    Instant submittedAt = values.instant(PANEL_SUBMITTED_AT);
    if (submittedAt.isAfter(ClockUtil.getCurrentTime().toInstant().plusSeconds(300))) {
      throw new InvalidCaseDataException(PANEL_SUBMITTED_AT, "cannot be in the future");
    }
    execution.setVariable(PANEL_SUBMISSION_SUMMARY, values.text(PANEL_SUBMISSION_SUMMARY, 4000, true));
    if (execution.getVariable(CaseVariables.DEADLINES_BREACHED) == null) {
      execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    }
  }
}
