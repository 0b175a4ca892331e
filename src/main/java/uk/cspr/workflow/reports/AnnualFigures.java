package uk.cspr.workflow.reports;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CodeLabels;
import uk.cspr.workflow.learning.CaseThemes;
import uk.cspr.workflow.learning.ThemeTypology;
import uk.cspr.workflow.lcspr.ActionStatus;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.learning.RecommendationStatus;
import uk.cspr.workflow.learning.Recommendations;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.nonserious.ReviewDecision;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.notification.Outcome;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.rapidreview.PanelAnswer;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;

/**
 * A partnership's figures for a period (issue 19.4), from the engine's history: each figure reads
 * the variables the flows themselves store and decide by, so it matches the cases. An event is
 * counted in the period it happened in: a referral or request when received, a Panel notification,
 * submission, answer, publication or delay notice when sent or recorded. "On time" compares with
 * the deadline the case stored (SPEC §2), so a corrected awareness time counts as the case does.
 * Statutory steps are counted apart from the escalations of missed deadlines.
 */
@Component
class AnnualFigures {

  private static final double DAYS_PER_MONTH = 365.25 / 12;
  private static final String ESCALATE_MISSED_DEADLINE = NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE;

  private final FlowHistory history;
  private final WorkingDays workingDays;
  private final CaseThemes caseThemes;
  private final ThemeTypology typology;

  AnnualFigures(FlowHistory history, WorkingDays workingDays, CaseThemes caseThemes, ThemeTypology typology) {
    this.history = history;
    this.workingDays = workingDays;
    this.caseThemes = caseThemes;
    this.typology = typology;
  }

  Figures figures(String partnership, String partnershipName, ReportPeriod period) {
    Figures.Builder figures = new Figures.Builder();
    notifications(figures, partnership, period);
    rapidReviews(figures, partnership, period);
    panelAnswers(figures, partnership, period);
    lcsprs(figures, partnership, period);
    nonSeriousRequests(figures, partnership, period);
    parallelReviews(figures, partnership, period);
    themes(figures, partnership, period);
    figures.section("escalations", "Escalations")
        .figure("missedDeadlinesEscalated", "Missed deadlines escalated to managers",
            history.stepsStarted(ESCALATE_MISSED_DEADLINE, partnership, period));
    return figures.build(partnership, partnershipName, period);
  }

  private void notifications(Figures.Builder figures, String partnership, ReportPeriod period) {
    List<FlowHistory.Instance> cases = history.instances(NotificationProcess.KEY, partnership, period,
        NotificationProcess.Vars.OUTCOME, NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, NotificationProcess.Vars.PANEL_NOTIFICATION_DUE_AT);
    List<FlowHistory.Instance> received = cases.stream().filter(c -> period.contains(c.startedAt())).toList();
    List<FlowHistory.Instance> notified = sentIn(cases, NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, period);
    figures.section("notifications", "Referrals and notifications")
        .figure("referralsReceived", "Referrals received", (long) received.size())
        .byKind("decisionsByOutcome", "Decisions on referrals received", countBy(received, NotificationProcess.Vars.OUTCOME, Outcome.values()),
            CodeLabels.packaged())
        .figure("panelNotifications", "Notifications to the Panel", (long) notified.size())
        .figure("panelNotificationsWithin5WorkingDays", "Notifications to the Panel within 5 working days of awareness",
            count(notified, onTime(NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, NotificationProcess.Vars.PANEL_NOTIFICATION_DUE_AT)));
  }

  private void rapidReviews(Figures.Builder figures, String partnership, ReportPeriod period) {
    List<FlowHistory.Instance> reviews = history.instances(RapidReviewProcess.KEY, partnership, period,
        RapidReviewProcess.Vars.PANEL_NOTIFICATION_SENT_AT, RapidReviewProcess.Vars.SENT_AT, RapidReviewProcess.Vars.DUE_AT);
    List<FlowHistory.Instance> submitted = sentIn(reviews, RapidReviewProcess.Vars.SENT_AT, period);
    figures.section("rapidReviews", "Rapid reviews")
        .figure("started", "Rapid reviews started", count(reviews, c -> period.contains(c.startedAt())))
        .figure("submittedToPanel", "Rapid reviews submitted to the Panel", (long) submitted.size())
        .figure("submittedWithin15WorkingDays", "Rapid reviews submitted within 15 working days of the notification",
            count(submitted, onTime(RapidReviewProcess.Vars.SENT_AT, RapidReviewProcess.Vars.DUE_AT)))
        .figure("medianWorkingDays", "Median working days from the notification to the submission", median(submitted.stream()
            .filter(c -> c.date(RapidReviewProcess.Vars.PANEL_NOTIFICATION_SENT_AT) != null)
            .map(c -> (double) workingDays.workingDaysBetween(c.date(RapidReviewProcess.Vars.PANEL_NOTIFICATION_SENT_AT),
                c.date(RapidReviewProcess.Vars.SENT_AT)))
            .toList()));
  }

  /** Every answer the Panel gave (a request for further information, then the decision, are two answers). */
  private void panelAnswers(Figures.Builder figures, String partnership, ReportPeriod period) {
    List<FlowHistory.Instance> exchanges = history.instances(PanelDecisionProcess.KEY, partnership, period, PanelDecisionProcess.Vars.PANEL_EXCHANGES);
    Map<String, Long> byKind = zeros(PanelAnswer.values());
    exchanges.stream().flatMap(c -> records(c.get(PanelDecisionProcess.Vars.PANEL_EXCHANGES)).stream())
        .filter(exchange -> period.contains(instant(exchange.get(PanelDecisionProcess.Vars.PANEL_ANSWERED_AT))))
        .forEach(exchange -> byKind.merge(String.valueOf(exchange.get(PanelDecisionProcess.Vars.PANEL_ANSWER)), 1L, Long::sum));
    figures.section("panelAnswers", "Answers from the Panel").byKind("byKind", "Panel answers", byKind, CodeLabels.packaged());
  }

  private void lcsprs(Figures.Builder figures, String partnership, ReportPeriod period) {
    List<FlowHistory.Instance> reviews = history.instances(LcsprProcess.KEY, partnership, period,
        LcsprProcess.Vars.STATUTORY, LcsprProcess.Vars.LCSPR_DECIDED_AT, LcsprProcess.Vars.PUBLISHED_AT,
        LcsprProcess.Vars.PUBLICATION_DUE_AT, LcsprProcess.Vars.DELAY_NOTICES, LcsprProcess.Vars.ACTION_PLAN,
        Recommendations.RECOMMENDATIONS);
    List<FlowHistory.Instance> commissioned = reviews.stream().filter(c -> period.contains(c.startedAt())).toList();
    List<FlowHistory.Instance> published = sentIn(reviews, LcsprProcess.Vars.PUBLISHED_AT, period);
    List<Map<String, Object>> notices = reviews.stream()
        .flatMap(c -> records(c.get(LcsprProcess.Vars.DELAY_NOTICES)).stream())
        .filter(notice -> period.contains(instant(notice.get("sentAt"))))
        .toList();
    Map<String, Long> actions = zeros(ActionStatus.values());
    reviews.stream().flatMap(c -> records(c.get(LcsprProcess.Vars.ACTION_PLAN)).stream())
        .filter(action -> action.get("dueDate") != null && period.contains(java.time.LocalDate.parse(String.valueOf(action.get("dueDate")))
            .atStartOfDay(ReportPeriod.LONDON).toInstant()))
        .forEach(action -> actions.merge(String.valueOf(action.get("status")), 1L, Long::sum));
    figures.section("lcsprs", "Local child safeguarding practice reviews")
        .figure("commissioned", "Local reviews commissioned", (long) commissioned.size())
        .figure("commissionedStatutory", "Local reviews commissioned after a rapid review (statutory)",
            count(commissioned, c -> !Boolean.FALSE.equals(c.get(LcsprProcess.Vars.STATUTORY))))
        .figure("published", "Local reviews published", (long) published.size())
        .figure("publishedWithin6Months", "Local reviews published within 6 months of the decision",
            count(published, onTime(LcsprProcess.Vars.PUBLISHED_AT, LcsprProcess.Vars.PUBLICATION_DUE_AT)))
        .figure("medianMonths", "Median months from the decision to publication", median(published.stream()
            .filter(c -> c.date(LcsprProcess.Vars.LCSPR_DECIDED_AT) != null)
            .map(c -> Duration.between(c.date(LcsprProcess.Vars.LCSPR_DECIDED_AT).toInstant(),
                c.date(LcsprProcess.Vars.PUBLISHED_AT).toInstant()).toHours() / 24.0 / DAYS_PER_MONTH)
            .toList()));
    figures.section("delayNotices", "Delay notices")
        .figure("sent", "Delay notices sent to the Panel and the Secretary of State", (long) notices.size());
    Map<String, Long> recommendations = zeros(RecommendationStatus.values());
    reviews.stream().flatMap(c -> records(c.get(Recommendations.RECOMMENDATIONS)).stream())
        .filter(r -> r.get(Recommendations.MADE_ON) != null && period.contains(java.time.LocalDate.parse(
            String.valueOf(r.get(Recommendations.MADE_ON))).atStartOfDay(ReportPeriod.LONDON).toInstant()))
        .forEach(r -> recommendations.merge(String.valueOf(r.get(Recommendations.STATUS)), 1L, Long::sum));
    figures.section("recommendations", "Recommendations of the local reviews")
        .byKind("madeByStatus", "Recommendations made in the period, by their status now", recommendations, Map.of(
            RecommendationStatus.OPEN.name(), "open", RecommendationStatus.IN_PROGRESS.name(), "in progress",
            RecommendationStatus.IMPLEMENTED.name(), "implemented", RecommendationStatus.NOT_ACCEPTED.name(), "not accepted"));
    figures.section("actions", "Actions of the action plans")
        .byKind("dueByStatus", "Actions due in the period", actions, Map.of(
            ActionStatus.NOT_STARTED.name(), "not started", ActionStatus.IN_PROGRESS.name(), "in progress",
            ActionStatus.COMPLETE.name(), "complete"));
  }

  private void nonSeriousRequests(Figures.Builder figures, String partnership, ReportPeriod period) {
    List<FlowHistory.Instance> requests = history.instances(NonSeriousCaseRequestProcess.KEY, partnership, period,
        NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION).stream().filter(c -> period.contains(c.startedAt())).toList();
    figures.section("nonSeriousRequests", "Requests for a review of a case that is not serious")
        .figure("received", "Requests received", (long) requests.size())
        .byKind("byDecision", "Partners' decisions on requests received",
            countBy(requests, NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION, ReviewDecision.values()), CodeLabels.packaged());
  }

  private void parallelReviews(Figures.Builder figures, String partnership, ReportPeriod period) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    history.instances(ParallelReviewProcess.KEY, partnership, period, ParallelReviewProcess.Vars.PARALLEL_REVIEW_RECORDS).stream()
        .filter(c -> period.contains(c.startedAt()))
        .flatMap(c -> records(c.get(ParallelReviewProcess.Vars.PARALLEL_REVIEW_RECORDS)).stream())
        .forEach(record -> {
          String code = String.valueOf(record.get(ParallelReviewProcess.Vars.REVIEW));
          byKind.merge(code, 1L, Long::sum);
          names.putIfAbsent(code, String.valueOf(record.getOrDefault(ParallelReviewProcess.Vars.REVIEW_NAME, code)));
        });
    figures.section("parallelReviews", "Parallel reviews").byKind("byKind", "Parallel reviews identified", byKind, names);
  }

  /** Cases whose themes were recorded in the period (rapid review or LCSPR), each case once per theme (issue 19.4). */
  private void themes(Figures.Builder figures, String partnership, ReportPeriod period) {
    Map<String, Long> byTheme = new LinkedHashMap<>();
    typology.labels().keySet().forEach(code -> byTheme.put(code, 0L));
    byTheme.putAll(caseThemes.casesByTheme(partnership, period.start(), period.end()));
    Map<String, String> labels = new LinkedHashMap<>();
    byTheme.keySet().forEach(code -> labels.put(code, typology.label(code))); // a theme since removed from the list too
    figures.section("themes", "Themes of the cases").byKind("casesByTheme", "Cases with the theme", byTheme, labels);
  }

  // ------------------------------------------------------------------ helpers

  /** The instances whose {@code sentAt} variable falls in the period. */
  private static List<FlowHistory.Instance> sentIn(List<FlowHistory.Instance> instances, String sentAt, ReportPeriod period) {
    return instances.stream().filter(c -> period.contains(c.date(sentAt))).toList();
  }

  /** Done by the stored deadline (a case without one is not on time). */
  private static Predicate<FlowHistory.Instance> onTime(String doneAt, String dueAt) {
    return c -> c.date(dueAt) != null && !c.date(doneAt).after(c.date(dueAt));
  }

  private static long count(Collection<FlowHistory.Instance> instances, Predicate<FlowHistory.Instance> test) {
    return instances.stream().filter(test).count();
  }

  /** Counts of the variable's codes, every code listed (0 when none). */
  private static Map<String, Long> countBy(List<FlowHistory.Instance> instances, String variable, Enum<?>[] codes) {
    Map<String, Long> counts = zeros(codes);
    instances.stream().map(c -> c.get(variable)).filter(Objects::nonNull)
        .forEach(code -> counts.merge(String.valueOf(code), 1L, Long::sum));
    return counts;
  }

  private static Map<String, Long> zeros(Enum<?>[] codes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Arrays.stream(codes).forEach(code -> counts.put(code.name(), 0L));
    return counts;
  }

  /** The median to one decimal place; null for none. */
  static Double median(List<Double> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    return Math.round(median * 10) / 10.0;
  }

  /**
   * The records of a JSON list variable; anything else is none (e.g. a rapid review's text
   * {@code actionPlan} passed into the LCSPR before the LCSPR's own action plan is agreed).
   */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(Object value) {
    return value instanceof List<?> list
        ? list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList()
        : List.of();
  }

  /** A time kept in a JSON record (ISO instant), or a Date. */
  private static Instant instant(Object value) {
    if (value instanceof Date date) {
      return date.toInstant();
    }
    return value == null ? null : Instant.parse(String.valueOf(value));
  }
}
