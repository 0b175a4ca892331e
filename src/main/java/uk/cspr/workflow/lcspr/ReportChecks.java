package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.AVAILABLE_FOR_MONTHS;
import static uk.cspr.workflow.lcspr.LcsprProcess.FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * The report from draft to publication: what the report must contain (WT paras 36-38; North Lincs
 * flowchart 3), the CSPR panel's feedback deadline (local timescale {@code lcspr.panelFeedback}),
 * the partners' endorsement, the publication decision (WT para 41: justification when only the
 * improvements are published), and publication itself: an https address, not while criminal
 * proceedings pause it, and for a statutory review not sooner than 7 working days after the report
 * went to the Panel, DfE and Ofsted (WT para 40).
 */
@Component("lcsprReport")
class ReportChecks implements TaskListener {

  static final String PANEL_FEEDBACK_STEP = "lcspr.panelFeedback";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  /** What the draft must contain: checkbox and requirement. */
  static final Map<String, String> DRAFT_CONTENTS = contents();

  private final WorkingDays workingDays;
  private final LocalTimescales timescales;

  ReportChecks(WorkingDays workingDays, LocalTimescales timescales) {
    this.workingDays = workingDays;
    this.timescales = timescales;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues form = new FormValues(task.getVariables());
    switch (task.getTaskDefinitionKey()) {
      case LcsprProcess.Elements.SUBMIT_DRAFT_REPORT -> draft(task, form);
      case LcsprProcess.Elements.SUBMIT_FINAL_REPORT, LcsprProcess.Elements.REVISE_FINAL_REPORT -> { }
      case LcsprProcess.Elements.ENDORSE_FINAL_REPORT ->
          Checks.reasonsIfNot(form, FINAL_REPORT_ENDORSED, FINAL_REPORT_COMMENTS, "when the report is not endorsed");
      case LcsprProcess.Elements.DECIDE_PUBLICATION -> decide(form);
      case LcsprProcess.Elements.SEND_FINAL_REPORT ->
          Checks.confirmed(form, REPORT_READY_CONFIRMED, "the signed-off report (or improvements) is ready to send");
      case LcsprProcess.Elements.PUBLISH_REPORT -> publish(task, form);
      default -> throw new IllegalStateException("No checks for " + task.getTaskDefinitionKey());
    }
  }

  private void draft(DelegateTask task, FormValues form) {
    DRAFT_CONTENTS.forEach((field, requirement) -> Checks.confirmed(form, field, requirement));
    Date now = ClockUtil.getCurrentTime();
    String partnership = (String) task.getVariable(CaseVariables.PARTNERSHIP);
    task.setVariable(DRAFT_SUBMITTED_AT, now);
    task.setVariable(PANEL_FEEDBACK_DUE_AT,
        workingDays.deadline(now, timescales.workingDays(partnership, PANEL_FEEDBACK_STEP)));
  }

  private static void decide(FormValues form) {
    Checks.confirmed(form, PUBLICATION_IMPACT_CONSIDERED,
        "the impact of publication on the family, practitioners and others has been considered (WT para 39)");
    if (form.code(PUBLICATION_DECISION, PublicationDecision.class) == PublicationDecision.IMPROVEMENTS_ONLY
        && form.text(NON_PUBLICATION_JUSTIFICATION, 4000, false) == null) {
      throw new InvalidCaseDataException(NON_PUBLICATION_JUSTIFICATION,
          "is required when only the improvements are published (WT para 41)");
    }
  }

  private void publish(DelegateTask task, FormValues form) {
    DelegateExecution instance = task.getExecution().getProcessInstance();
    if (Boolean.TRUE.equals(instance.getVariable(PUBLICATION_PAUSED))) {
      throw new InvalidCaseDataException(PUBLISHED_AT,
          "publication is paused while criminal proceedings continue: " + instance.getVariable(PAUSE_REASON));
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
    LocalDate publishedOn = form.date(PUBLISHED_AT);
    if (publishedOn.isAfter(today)) {
      throw new InvalidCaseDataException(PUBLISHED_AT, "cannot be in the future: record publication once it has happened");
    }
    Object sentAt = instance.getVariable(FINAL_REPORT_SENT_AT);
    if (Boolean.TRUE.equals(instance.getVariable(STATUTORY)) && sentAt != null) {
      Date publishedAt = Date.from(publishedOn.atStartOfDay(FormValues.LONDON).toInstant());
      LocalDate latestSending =
          PublicationTimetable.londonDate(workingDays.latestBefore(publishedAt, FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION));
      LocalDate sentOn = PublicationTimetable.londonDate(sentAt);
      if (sentOn.isAfter(latestSending)) {
        LocalDate earliest = earliestPublication(sentOn);
        throw new InvalidCaseDataException(PUBLISHED_AT, "the report went to the Panel, DfE and Ofsted on "
            + DAY.format(sentOn) + ", so it may not be published before " + DAY.format(earliest)
            + " (7 working days, WT para 40)");
      }
    }
    task.setVariable(PUBLICATION_URL, httpsUrl(form.text(PUBLICATION_URL, 2000, true)));
    Checks.confirmed(form, REVIEWER_NAMED_IN_PUBLICATION, "the published report names the reviewer (WT para 38)");
    Date publishedAt = Date.from(publishedOn.atStartOfDay(FormValues.LONDON).toInstant());
    instance.setVariable(PUBLISHED_AT, publishedAt);
    instance.setVariable(PUBLISHED, true);
    instance.setVariable(AVAILABLE_UNTIL, workingDays.plusMonths(publishedAt, AVAILABLE_FOR_MONTHS));
  }

  /** The first day whose 7th working day before is not earlier than the day the report was sent. */
  private LocalDate earliestPublication(LocalDate sentOn) {
    LocalDate day = sentOn.plusDays(1);
    while (PublicationTimetable.londonDate(workingDays.latestBefore(
        Date.from(day.atStartOfDay(FormValues.LONDON).toInstant()), FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION))
        .isBefore(sentOn)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** An absolute https address of the published report. */
  static String httpsUrl(String text) {
    try {
      URI uri = new URI(text);
      if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank()
          && uri.getUserInfo() == null) {
        return uri.toString();
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new InvalidCaseDataException(PUBLICATION_URL, "must be an https:// web address");
  }

  private static Map<String, String> contents() {
    Map<String, String> contents = new LinkedHashMap<>();
    contents.put("reportIncludesImprovements", "a summary of recommended improvements (WT para 36)");
    contents.put("reportIncludesSystemicAnalysis", "an analysis of systemic or underlying reasons (WT para 36)");
    contents.put("reportIncludesRaceEthnicityCulture",
        "issues of race, ethnicity, religion, gender, sexuality, disability and poverty (North Lincs flowchart 3)");
    contents.put("reportReflectsChildAndFamily", "the child's perspective and the family context (WT para 32)");
    contents.put("reportNamesReviewer", "the reviewer's name (WT para 38)");
    return Collections.unmodifiableMap(contents);
  }
}
