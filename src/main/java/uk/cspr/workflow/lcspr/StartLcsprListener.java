package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseReferences;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.parallel.ParallelReviewProcess;

/**
 * Start of a local review, whether called by rapidReview / nonSeriousCaseRequest (all their
 * variables, the case's business key) or started on its own (start form, tests): checks the case
 * data, gives a case without a reference a new one, and stores the review's timetable (SPEC §2,
 * computed by {@link PublicationTimetable}):
 * {@code lcsprPublicationDueAt} six calendar months after the decision (WT para 41), the warning
 * date before it, the planned publication date (by default the six-month date) and {@code
 * finalReportToPanelDueAt} 7 working days before it (WT para 40). A review without {@code
 * statutory} is statutory: only the non-statutory caller says otherwise.
 */
@Component("startLcspr")
class StartLcsprListener implements ExecutionListener {

  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final Partnerships partnerships;
  private final CaseReferences caseReferences;
  private final PublicationTimetable timetable;
  private final LcsprSettings settings;

  StartLcsprListener(
      Partnerships partnerships,
      CaseReferences caseReferences,
      PublicationTimetable timetable,
      LcsprSettings settings) {
    this.partnerships = partnerships;
    this.caseReferences = caseReferences;
    this.timetable = timetable;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    FormValues form = new FormValues(execution.getVariables());
    String tenant = partnerships.required(form);

    String reference = form.text(CaseVariables.CASE_REFERENCE, 64, false);
    if (reference == null) {
      reference = execution.getProcessBusinessKey();
    }
    if (reference == null || reference.isBlank()) {
      caseReferences.assignNew(execution);
    } else {
      if (execution.getProcessBusinessKey() == null) {
        execution.setProcessBusinessKey(reference);
      }
      execution.setVariable(CaseVariables.CASE_REFERENCE, reference);
    }

    boolean statutory = !form.present(STATUTORY) || form.bool(STATUTORY, true);
    Date decidedAt = timetable.decidedAt(execution);
    if (decidedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidCaseDataException(LCSPR_DECIDED_AT, "cannot be in the future");
    }
    Date publicationDue = timetable.publicationDueAt(execution);
    Date warningAt = timetable.publicationWarningAt(execution);
    execution.setVariable(STATUTORY, statutory);
    execution.setVariable(LCSPR_DECIDED_AT, decidedAt);
    execution.setVariable(NOTIFIED_TO_YJB, form.bool(NOTIFIED_TO_YJB, false));
    execution.setVariable(PUBLICATION_DUE_AT, publicationDue);
    execution.setVariable(PUBLICATION_WARNING_AT, warningAt);
    LocalDate dueDay = PublicationTimetable.londonDate(publicationDue);
    execution.setVariable(PROGRESS_REQUEST_INTERVAL, interval(
        form.present(PROGRESS_REQUEST_INTERVAL) ? form.text(PROGRESS_REQUEST_INTERVAL, 40, true)
            : settings.progressRequestInterval(), PROGRESS_REQUEST_INTERVAL));
    execution.setVariable(ACTION_PLAN_REVIEW_INTERVAL,
        interval(settings.actionPlanReviewInterval(), ACTION_PLAN_REVIEW_INTERVAL));

    // State the flow's gateways and wait states read, unless the caller already set it
    initialise(execution, FAMILY_ENGAGEMENT_PAUSED, false);
    initialise(execution, PUBLICATION_PAUSED, false);
    execution.setVariable(PUBLICATION_WAS_PAUSED, false);
    execution.setVariable(PUBLISHED, false);
    execution.setVariable(DELAY_NOTICE_SENT_FOR, null);
    execution.setVariable(DELAY_REASONS, null);
    for (String log : List.of(CaseVariables.DEADLINES_BREACHED, LEARNING_LOG, CHRONOLOGIES_RETURNED, DELAY_NOTICES,
        CRIMINAL_PROCEEDINGS_LOG)) {
      initialise(execution, log, CaseData.json(List.of()));
    }
    for (String deadline : List.of(AGENCY_CHRONOLOGIES_DUE_AT, PANEL_FEEDBACK_DUE_AT, FINAL_REPORT_SENT_AT)) {
      execution.setVariable(deadline, null);
    }

    LocalDate planned = form.present(PLANNED_PUBLICATION_DATE) ? form.date(PLANNED_PUBLICATION_DATE) : dueDay;
    timetable.plan(execution, planned);
    inheritPause(execution, reference, tenant);
  }

  /**
   * Criminal proceedings may have paused family engagement or publication before the review began:
   * parallelReviewInterface then found no review to tell and kept the pause in its {@code
   * criminalProceedingsLog}. The latest entry of the case decides whether the review starts paused.
   */
  @SuppressWarnings("unchecked")
  private static void inheritPause(DelegateExecution execution, String reference, String tenant) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    String[] interfaces = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(ParallelReviewProcess.KEY).processInstanceBusinessKey(reference).tenantIdIn(tenant)
        .list().stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (interfaces.length == 0) {
      return;
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    history.createHistoricVariableInstanceQuery().processInstanceIdIn(interfaces)
        .variableName(ParallelReviewProcess.Vars.CRIMINAL_PROCEEDINGS_LOG).list()
        .forEach(variable -> entries.addAll(CaseData.list(variable.getValue())));
    entries.stream().filter(entry -> entry.get("at") != null)
        .max(Comparator.comparing(entry -> entry.get("at").toString()))
        .filter(latest -> ParallelReviewProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED.equals(latest.get("message")))
        .ifPresent(latest -> {
          List<String> areas = CaseData.list(latest.get(PAUSED_AREAS));
          execution.setVariable(FAMILY_ENGAGEMENT_PAUSED, areas.contains(PausedArea.FAMILY_ENGAGEMENT.name()));
          execution.setVariable(PUBLICATION_PAUSED, areas.contains(PausedArea.PUBLICATION.name()));
          execution.setVariable(PAUSE_REASON, latest.get(PAUSE_REASON));
          execution.setVariable(PAUSED_AREAS, CaseData.json(new ArrayList<>(areas)));
          Map<String, Object> inherited = new LinkedHashMap<>(latest);
          inherited.put("event", "PAUSED_BEFORE_THE_REVIEW_STARTED");
          execution.setVariable(CRIMINAL_PROCEEDINGS_LOG, CaseData.json(List.of(inherited)));
        });
  }

  private static void initialise(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }

  /** A positive ISO 8601 duration as Camunda timers read it (P1M, P2W, PT12H …). */
  private static String interval(String value, String field) {
    try {
      if (DatatypeFactory.newInstance().newDuration(value.strip()).getSign() > 0) {
        return value.strip();
      }
    } catch (IllegalArgumentException | DatatypeConfigurationException e) {
      // reported below
    }
    throw new InvalidCaseDataException(field, "must be a positive ISO 8601 duration such as P1M");
  }
}
