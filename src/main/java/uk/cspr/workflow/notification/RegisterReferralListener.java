package uk.cspr.workflow.notification;

import static uk.cspr.workflow.notification.NotificationProcess.Vars.AGENCY_AUTHORISATION_REQUIRED;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.AWARE_OF_INCIDENT_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.DSP_DECISION_DUE_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.PANEL_NOTIFICATION_DUE_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.PARTNERS_INFORMED_DUE_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.PARTNERS_REPORT_DUE_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.REFERRAL_RECEIVED_AT;
import static uk.cspr.workflow.notification.NotificationProcess.Vars.SSL_RECOMMENDATION_DUE_AT;

import java.time.Instant;
import java.util.Date;
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
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.config.Partnerships.Partnership;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Start of a referral: validates it (bad input rolls the start back with a 400), replaces the
 * submitted values by typed ones, gives the case its reference (the business key) and stores
 * every deadline of the notification stage as a variable (SPEC §2).
 */
@Component("registerReferral")
class RegisterReferralListener implements ExecutionListener {

  /** Working Together 2023 ch.4 para 12: notify the Panel, and report to the partners, within 5 WD. */
  static final int STATUTORY_NOTIFICATION_WORKING_DAYS = 5;

  private final ReferralValidator validator;
  private final Partnerships partnerships;
  private final CaseReferences caseReferences;
  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  RegisterReferralListener(
      Partnerships partnerships, CaseReferences caseReferences, WorkingDays workingDays, LocalTimescales timescales) {
    this.validator = new ReferralValidator(partnerships);
    this.partnerships = partnerships;
    this.caseReferences = caseReferences;
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, Object> referral = validator.validate(execution.getVariables(), now);
    // Keep only what the referral form asks for: minimum necessary data, nothing unvalidated
    execution.getVariableNames().stream()
        .filter(name -> !referral.containsKey(name))
        .toList()
        .forEach(execution::removeVariable);
    referral.forEach(
        (name, value) -> execution.setVariable(name, value instanceof List<?> list ? CaseData.json(list) : value));

    String tenant = (String) referral.get(CaseVariables.PARTNERSHIP);
    Partnership partnership = partnerships.get(tenant);
    caseReferences.assignNew(execution);
    execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    execution.setVariable(REFERRAL_RECEIVED_AT, Date.from(now));
    execution.setVariable(AGENCY_AUTHORISATION_REQUIRED, partnership.agencyAuthorisationRequired());

    // Local timescales count from receipt of the referral (North Lincs flowchart 1);
    // the statutory ones from when the local authority became aware (WT para 12).
    Date awareAt = (Date) referral.get(AWARE_OF_INCIDENT_AT);
    execution.setVariable(PARTNERS_INFORMED_DUE_AT, local(tenant, "notification.informPartners", now));
    execution.setVariable(SSL_RECOMMENDATION_DUE_AT, local(tenant, "notification.sslRecommendation", now));
    execution.setVariable(DSP_DECISION_DUE_AT, local(tenant, "notification.dspDecision", now));
    execution.setVariables(statutoryDeadlines(workingDays, awareAt));
  }

  /** The deadlines that count from awareness: notify the Panel and report to the partners. */
  static Map<String, Date> statutoryDeadlines(WorkingDays workingDays, Date awareAt) {
    Date due = workingDays.deadline(awareAt, STATUTORY_NOTIFICATION_WORKING_DAYS);
    return Map.of(PANEL_NOTIFICATION_DUE_AT, due, PARTNERS_REPORT_DUE_AT, due);
  }

  private Date local(String partnership, String step, Instant from) {
    return workingDays.deadline(Date.from(from), timescales.workingDays(partnership, step));
  }
}
