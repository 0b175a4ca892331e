package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.REPORT_TO_PARTNERS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import uk.cspr.workflow.cases.CaseDeadlines.Deadline;
import uk.cspr.workflow.cases.InstanceSnapshot.TaskRecord;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.support.CalendarFixtures;

/** The deadline statuses of README "Deadlines", on the real notification model. */
class DeadlineRulesTest {

  private static final FlowModel MODEL = new FlowModel(
      Bpmn.readModelFromFile(Path.of("processes", NotificationProcess.KEY + ".bpmn").toFile()), NotificationProcess.KEY);
  private static final Instant NOW = Instant.parse("2027-01-13T10:00:00Z");
  /** Stand-in calendar: whole days, enough for the rules. */
  private final DeadlineRules rules = new DeadlineRules(NOW, due -> (int) Math.floorDiv(due.getEpochSecond() - NOW.getEpochSecond(), 86400));

  private static Instant day(int offset) {
    return NOW.plusSeconds(offset * 86400L + 3600);
  }

  private static Map<String, Instant> dueDates() {
    Map<String, Instant> due = new TreeMap<>();
    due.put("partnersInformedDueAt", day(-5));
    due.put("sslRecommendationDueAt", day(-1));
    due.put("dspDecisionDueAt", day(1));
    due.put("panelNotificationDueAt", day(2));
    due.put("partnersReportDueAt", day(5));
    due.put("reviewPublicationDueAt", day(20)); // no task of this model carries it
    return due;
  }

  private Map<String, Deadline> deadlines(Set<String> active, List<TaskRecord> tasks) {
    InstanceSnapshot instance = new InstanceSnapshot("pi", "pi", "def", NotificationProcess.KEY, "NL-2027-0001",
        "north-lincolnshire", dueDates(), tasks, active, List.of());
    return rules.deadlines(MODEL, instance).stream().collect(Collectors.toMap(Deadline::name, d -> d));
  }

  @Test
  void theModelSaysWhichTasksDischargeWhichDeadline() {
    assertThat(MODEL.dischargingTasks("panelNotificationDueAt")).contains(NOTIFY_PANEL);
    assertThat(MODEL.dischargingTasks("partnersInformedDueAt")).containsExactly(INFORM_PARTNERS);
    assertThat(MODEL.taskName(NOTIFY_PANEL)).isEqualTo("Notify the Panel through the online notification system");
  }

  @Test
  void deadlinesOfStepsStillToComeRunFromTheStart() {
    Map<String, Deadline> deadlines = deadlines(Set.of(RECORD_SSL_RECOMMENDATION, REPORT_TO_PARTNERS),
        List.of(new TaskRecord(INFORM_PARTNERS, day(-6), true), new TaskRecord(RECORD_SSL_RECOMMENDATION, null, false),
            new TaskRecord(REPORT_TO_PARTNERS, null, false)));

    assertThat(deadlines.get("partnersInformedDueAt").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadlines.get("partnersInformedDueAt").workingDaysLeft()).isNull();
    assertThat(deadlines.get("sslRecommendationDueAt").status()).isEqualTo(DeadlineStatus.OVERDUE);
    assertThat(deadlines.get("sslRecommendationDueAt").workingDaysLeft()).isNegative();
    assertThat(deadlines.get("dspDecisionDueAt").status()).isEqualTo(DeadlineStatus.DUE_SOON);
    assertThat(deadlines.get("panelNotificationDueAt").status()).as("reachable: the outcome may still be (a)")
        .isEqualTo(DeadlineStatus.DUE_SOON);
    assertThat(deadlines.get("partnersReportDueAt").status()).isEqualTo(DeadlineStatus.ON_TRACK);
    assertThat(deadlines.get("reviewPublicationDueAt").status()).as("runs as long as the instance").isEqualTo(DeadlineStatus.ON_TRACK);
  }

  @Test
  void aDutyThatCanNoLongerAriseIsNotShownAndCompletedOnesAreMetOrLate() {
    // Outcome (b) decided: only the report to the partners is left
    Map<String, Deadline> deadlines = deadlines(Set.of(REPORT_TO_PARTNERS),
        List.of(new TaskRecord(INFORM_PARTNERS, day(-6), true), new TaskRecord(RECORD_SSL_RECOMMENDATION, day(0), true),
            new TaskRecord(RECORD_PARTNERS_DECISION, day(0), true), new TaskRecord(REPORT_TO_PARTNERS, null, false)));

    assertThat(deadlines).doesNotContainKey("panelNotificationDueAt");
    assertThat(deadlines.get("sslRecommendationDueAt").status()).isEqualTo(DeadlineStatus.LATE);
    assertThat(deadlines.get("sslRecommendationDueAt").completedAt()).isEqualTo(day(0));
    assertThat(deadlines.get("dspDecisionDueAt").status()).isEqualTo(DeadlineStatus.MET);
    assertThat(deadlines.get("partnersReportDueAt").status()).isEqualTo(DeadlineStatus.ON_TRACK);
  }

  @Test
  void aCancelledTaskDischargesNothing() {
    Map<String, Deadline> deadlines = deadlines(Set.of(REPORT_TO_PARTNERS),
        List.of(new TaskRecord(INFORM_PARTNERS, day(-6), false), new TaskRecord(REPORT_TO_PARTNERS, null, false)));
    assertThat(deadlines).doesNotContainKey("partnersInformedDueAt");
  }

  @Test
  void withoutHistoryPermissionEveryDeadlineCountsAsOpen() {
    Map<String, Deadline> deadlines = deadlines(Set.of(), List.of());
    assertThat(deadlines.values()).allMatch(d -> d.status().open());
    assertThat(deadlines.get("partnersInformedDueAt").status()).isEqualTo(DeadlineStatus.OVERDUE);
  }

  @Test
  void aCopyReceivedFromTheCallingRapidReviewIsShownOnlyByTheRapidReview() {
    FlowModel rapidReview = model(RapidReviewProcess.KEY);
    FlowModel lcspr = model(LcsprProcess.KEY);
    Set<String> carriedInCase = new HashSet<>(rapidReview.tasksByDueVariable().keySet());
    carriedInCase.addAll(lcspr.tasksByDueVariable().keySet());
    Map<String, Instant> due = new TreeMap<>();
    due.put(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT, day(-90));
    due.put(RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT, day(-70));
    due.put(RapidReviewProcess.Vars.AGENCY_REPORTS_DUE_AT, day(-91));
    due.put("reviewPublicationDueAt", day(20)); // carried by no model of the case
    assertThat(lcspr.carries(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT)).isFalse();
    assertThat(lcspr.carries(RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT)).isFalse();

    // The rapid review waits in its LCSPR: every report came back on time, the follow-ups are on branches not taken
    InstanceSnapshot review = new InstanceSnapshot("rr", "root", "def-rr", RapidReviewProcess.KEY, "NL-2027-0001",
        "north-lincolnshire", due, List.of(new TaskRecord(RapidReviewProcess.Elements.RETURN_AGENCY_REPORT, day(-92), true)),
        Set.of(RapidReviewProcess.Elements.CALL_LCSPR), List.of());
    Map<String, Deadline> ofReview = byName(rules.deadlines(rapidReview, review, carriedInCase::contains));
    assertThat(ofReview).doesNotContainKeys(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT, RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT);
    assertThat(ofReview.get(RapidReviewProcess.Vars.AGENCY_REPORTS_DUE_AT).status()).isEqualTo(DeadlineStatus.MET);

    // The LCSPR it calls received copies of them all (camunda:in variables="all")
    InstanceSnapshot lcsprInstance = new InstanceSnapshot("lc", "root", "def-lc", LcsprProcess.KEY, "NL-2027-0001",
        "north-lincolnshire", due, List.of(), Set.of(LcsprProcess.Elements.COMMISSION_REVIEWER), List.of());
    Map<String, Deadline> ofLcspr = byName(rules.deadlines(lcspr, lcsprInstance, carriedInCase::contains));
    assertThat(ofLcspr).as("copies of deadlines the rapid review carries")
        .doesNotContainKeys(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT, RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT,
            RapidReviewProcess.Vars.AGENCY_REPORTS_DUE_AT);
    assertThat(ofLcspr.get("reviewPublicationDueAt").status()).as("carried by no model: runs as long as the instance")
        .isEqualTo(DeadlineStatus.ON_TRACK);
  }

  private static FlowModel model(String key) {
    return new FlowModel(Bpmn.readModelFromFile(Path.of("processes", key + ".bpmn").toFile()), key);
  }

  private static Map<String, Deadline> byName(List<Deadline> deadlines) {
    return deadlines.stream().collect(Collectors.toMap(Deadline::name, d -> d));
  }

  @Test
  void labelsAreReadable() {
    assertThat(VariableLabels.label("panelNotificationDueAt")).isEqualTo("Panel notification due");
    assertThat(VariableLabels.label("caseReference")).isEqualTo("Case");
    assertThat(VariableLabels.label("sslRecommendationDueAt")).isEqualTo("SSL recommendation due");
    assertThat(VariableLabels.label("lcsprPublicationDueAt")).isEqualTo("LCSPR publication due");
  }

  /** The board filters cases by status as ranges of their nearest due time (cases.CaseIndex). */
  @Test
  void statusesAreRangesOfTheDueTimeAroundChristmasAndWeekends() {
    for (String today : List.of("2026-12-22T16:30:00Z", "2026-12-24T09:00:00Z", "2027-01-08T23:30:00Z", "2027-03-26T12:00:00Z")) {
      Instant now = Instant.parse(today);
      WorkingDays calendar = CalendarFixtures.workingDays(Clock.fixed(now, ZoneOffset.UTC));
      DeadlineRules real = new DeadlineRules(now, due -> calendar.workingDaysLeft(Date.from(due)));
      Instant onTrackFrom = real.onTrackFrom();
      for (Instant due = now.minusSeconds(3 * 86400); due.isBefore(now.plusSeconds(14 * 86400)); due = due.plusSeconds(1800)) {
        DeadlineStatus byRange = due.isBefore(now) ? DeadlineStatus.OVERDUE
            : due.isBefore(onTrackFrom) ? DeadlineStatus.DUE_SOON : DeadlineStatus.ON_TRACK;
        Deadline open = new Deadline("d", "d", "p", due, 0, DeadlineStatus.ON_TRACK, null);
        assertThat(real.asOf(open).status()).as("due %s, today %s", due, today).isEqualTo(byRange);
      }
    }
    // Tue 22 Dec 2026, 25 and 28 Dec bank holidays: 23 and 24 Dec are due soon, and so is the long weekend; 29 Dec is the 3rd working day
    Instant tuesday = Instant.parse("2026-12-22T16:30:00Z");
    DeadlineRules christmas = new DeadlineRules(tuesday,
        due -> CalendarFixtures.workingDays(Clock.fixed(tuesday, ZoneOffset.UTC)).workingDaysLeft(Date.from(due)));
    assertThat(christmas.onTrackFrom()).isEqualTo(Instant.parse("2026-12-29T00:00:00Z"));
  }
}
