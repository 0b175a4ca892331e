package uk.cspr.workflow.rapidreview;

import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
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
import uk.cspr.workflow.rapidreview.RapidReviewProcess.Steps;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * Start of a rapid review (= the decision to undertake it): checks what the case must carry, and
 * stores the statutory deadline (15 working days from the Panel notification, Panel guidance June
 * 2025) and every local deadline, counted from the decision (North Lincs Appendix 1 flowchart 2;
 * Cambs "Rapid Reviews"), from the decision {@code localTimescales} (SPEC §2, §3.2).
 */
@Component("startRapidReview")
class RapidReviewStartListener implements ExecutionListener {

  /** A notification recorded a few minutes ahead of the server clock is not "in the future". */
  private static final long CLOCK_SKEW_SECONDS = 300;

  private final Partnerships partnerships;
  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  RapidReviewStartListener(Partnerships partnerships, WorkingDays workingDays, LocalTimescales timescales) {
    this.partnerships = partnerships;
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FormValues values = new FormValues(execution.getVariables());
    Instant now = ClockUtil.getCurrentTime().toInstant();

    String partnership = partnerships.required(values);
    String reference = caseReference(execution, values);

    Instant notifiedAt = values.instant(PANEL_NOTIFICATION_SENT_AT);
    if (notifiedAt.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
      throw new InvalidCaseDataException(PANEL_NOTIFICATION_SENT_AT, "cannot be in the future");
    }
    execution.setVariable(PANEL_NOTIFICATION_SENT_AT, Date.from(notifiedAt));
    if (execution.getVariable(CaseVariables.DEADLINES_BREACHED) == null) {
      execution.setVariable(CaseVariables.DEADLINES_BREACHED, CaseData.json(List.of()));
    }

    Date decidedAt = Date.from(now);
    execution.setVariable(DECIDED_AT, decidedAt);
    execution.setVariable(DUE_AT, workingDays.deadline(Date.from(notifiedAt), RapidReviewProcess.STATUTORY_WORKING_DAYS));
    execution.setVariable(AGENCY_LETTERS_DUE_AT, local(partnership, Steps.AGENCY_LETTERS, decidedAt));
    Date reportsDue = local(partnership, Steps.AGENCY_REPORTS, decidedAt);
    execution.setVariable(AGENCY_REPORTS_DUE_AT, reportsDue);
    execution.setVariable(AGENCY_REPORT_CHASER_DUE_AT, local(partnership, Steps.AGENCY_REPORT_CHASER, reportsDue));
    execution.setVariable(MEETING_EARLIEST_AT, startOfDay(local(partnership, Steps.MEETING_EARLIEST, decidedAt)));
    execution.setVariable(MEETING_DUE_AT, local(partnership, Steps.MEETING, decidedAt));
    execution.setVariable(CHAIR_REPORT_DUE_AT, local(partnership, Steps.CHAIR_REPORT, decidedAt));
    execution.setVariable(WELLBEING_SESSIONS_DUE_AT, local(partnership, Steps.WELLBEING_SESSIONS, decidedAt));
    execution.setVariable(SIGN_OFF_DUE_AT, local(partnership, Steps.SIGN_OFF, decidedAt));

    prefillCriteriaFromChildren(execution, values);
    execution.setVariable(CaseVariables.CASE_REFERENCE, reference);
  }

  private static String caseReference(DelegateExecution execution, FormValues values) {
    String businessKey = execution.getProcessBusinessKey();
    String reference = values.present(CaseVariables.CASE_REFERENCE)
        ? values.text(CaseVariables.CASE_REFERENCE, 64, true)
        : businessKey;
    if (reference == null || reference.isBlank()) {
      throw new InvalidCaseDataException(CaseVariables.CASE_REFERENCE, "is required");
    }
    if (businessKey == null) {
      execution.setProcessBusinessKey(reference);
    }
    return reference;
  }

  /**
   * The children's recorded circumstances answer two of the national review's circumstances (WT ch.4
   * para 22); the meeting can still change them.
   */
  private static void prefillCriteriaFromChildren(DelegateExecution execution, FormValues values) {
    List<Map<String, Object>> children = values.present(CHILDREN) ? values.objects(CHILDREN, 0, 100) : List.of();
    boolean educatedOtherwise = children.stream().anyMatch(child -> isTrue(child.get("educatedOtherwiseThanAtSchool")));
    boolean inCareOrOnPlan =
        children.stream().anyMatch(child -> isTrue(child.get("lookedAfter")) || isTrue(child.get("childProtectionPlan")));
    if (execution.getVariable(EDUCATED_OTHERWISE) == null) {
      execution.setVariable(EDUCATED_OTHERWISE, educatedOtherwise);
    }
    if (execution.getVariable(IN_CARE_OR_ON_PLAN) == null) {
      execution.setVariable(IN_CARE_OR_ON_PLAN, inCareOrOnPlan);
    }
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  private Date local(String partnership, String step, Date from) {
    return workingDays.deadline(from, timescales.workingDays(partnership, step));
  }

  /** The earliest meeting day starts at 00:00 London (the deadline bean gives the end of that day). */
  private static Date startOfDay(Date endOfDay) {
    LocalDate day = endOfDay.toInstant().atZone(FormValues.LONDON).toLocalDate();
    return Date.from(day.atStartOfDay(FormValues.LONDON).toInstant());
  }
}
