package uk.cspr.workflow.nonserious;

import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Vars.*;

import java.time.Instant;
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
import uk.cspr.workflow.cases.CaseReferences;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Start of a request for a review of a non-serious case. Two ways in:
 * <ul>
 *   <li>an agency's request after discussion with a safeguarding senior lead (North Lincs flowchart
 *       4; start form): checked, reduced to the form's fields, given a case reference (the business
 *       key) and the local deadlines for the senior leads' recommendation and the partners' decision;
 *   <li>seriousIncidentNotification with outcome (c) SINGLE_AGENCY_REVIEW or (d) MULTI_AGENCY_REVIEW:
 *       the case keeps its reference and variables and the partners' decision is already taken, so
 *       the recommendation and decision steps are skipped.
 * </ul>
 */
@Component("registerNonSeriousRequest")
class RegisterRequestListener implements ExecutionListener {

  static final String SSL_RECOMMENDATION_STEP = "nonSerious.sslRecommendation";
  static final String PARTNERS_DECISION_STEP = "nonSerious.partnersDecision";

  private final Partnerships partnerships;
  private final CaseReferences caseReferences;
  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  RegisterRequestListener(
      Partnerships partnerships, CaseReferences caseReferences, WorkingDays workingDays, LocalTimescales timescales) {
    this.partnerships = partnerships;
    this.caseReferences = caseReferences;
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    FormValues form = new FormValues(execution.getVariables());
    String tenant = partnerships.required(form);
    execution.setVariable(REQUEST_RECEIVED_AT, Date.from(now));
    if (form.present(NOTIFICATION_OUTCOME)) {
      decidedAtNotification(execution, form, now);
    } else {
      newRequest(execution, form, tenant, now);
    }
  }

  private static void decidedAtNotification(DelegateExecution execution, FormValues form, Instant now) {
    String outcome = form.text(NOTIFICATION_OUTCOME, 100, true);
    ReviewDecision decision = switch (outcome) {
      case "SINGLE_AGENCY_REVIEW" -> ReviewDecision.SINGLE_AGENCY_REVIEW;
      case "MULTI_AGENCY_REVIEW" -> ReviewDecision.MULTI_AGENCY_LEARNING_REVIEW;
      default -> throw new InvalidCaseDataException(NOTIFICATION_OUTCOME,
          "must be SINGLE_AGENCY_REVIEW or MULTI_AGENCY_REVIEW (outcomes (c) and (d) of the notification)");
    };
    String reference = form.text(CaseVariables.CASE_REFERENCE, 64, true);
    if (execution.getProcessBusinessKey() == null) {
      execution.setProcessBusinessKey(reference);
    }
    execution.setVariable(DECISION_ALREADY_TAKEN, true);
    execution.setVariable(PARTNERS_DECISION, decision.name());
    execution.setVariable(PARTNERS_RATIONALE, form.text(NOTIFICATION_OUTCOME_RATIONALE, 4000, false));
    execution.setVariable(PARTNERS_DECIDED_AT, Date.from(now));
    if (execution.getVariable(CaseVariables.DEADLINES_BREACHED) == null) {
      execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    }
  }

  private void newRequest(
      DelegateExecution execution, FormValues form, String tenant, Instant now) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(CaseVariables.PARTNERSHIP, tenant);
    request.put(REFERRING_AGENCY, form.text(REFERRING_AGENCY, 200, true));
    request.put(REFERRER_NAME, form.text(REFERRER_NAME, 200, true));
    request.put(REFERRER_EMAIL, form.email(REFERRER_EMAIL));
    request.put(REQUEST_CATEGORY, form.code(REQUEST_CATEGORY, RequestCategory.class).name());
    request.put(REQUEST_SUMMARY, form.text(REQUEST_SUMMARY, 4000, true));
    if (!form.bool(DISCUSSED_WITH_SENIOR_LEAD, false)) {
      throw new InvalidCaseDataException(DISCUSSED_WITH_SENIOR_LEAD,
          "discuss the case with a safeguarding senior lead before requesting a review (North Lincs flowchart 4)");
    }
    request.put(DISCUSSED_WITH_SENIOR_LEAD, true);
    request.put(SENIOR_LEAD_CONSULTED, form.text(SENIOR_LEAD_CONSULTED, 200, false));
    // Minimum necessary data: nothing the request form does not ask for
    execution.getVariableNames().stream()
        .filter(name -> !request.containsKey(name) && !REQUEST_RECEIVED_AT.equals(name))
        .toList()
        .forEach(execution::removeVariable);
    request.forEach(execution::setVariable);

    caseReferences.assignNew(execution);
    execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    execution.setVariable(DECISION_ALREADY_TAKEN, false);
    // Both local timescales count from receipt of the request, as the notification's do
    Date received = Date.from(now);
    execution.setVariable(SSL_RECOMMENDATION_DUE_AT,
        workingDays.deadline(received, timescales.workingDays(tenant, SSL_RECOMMENDATION_STEP)));
    execution.setVariable(PARTNERS_DECISION_DUE_AT,
        workingDays.deadline(received, timescales.workingDays(tenant, PARTNERS_DECISION_STEP)));
  }
}
