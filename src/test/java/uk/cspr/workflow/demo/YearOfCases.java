package uk.cspr.workflow.demo;

import static uk.cspr.workflow.demo.DemoStages.BOLTON;
import static uk.cspr.workflow.demo.DemoStages.NL;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.lcspr.ActionStatus;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.nonserious.ReviewDecision;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;

/**
 * A year of North Lincolnshire's cases with known figures, played through the flows at past times
 * with the demo's steps ({@link DemoStages}), the year ending at {@code now} (working days counted
 * back from it). The figures each case adds are written beside it; {@code reports.AnnualFiguresScenarios} asserts them.
 */
public final class YearOfCases {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final WorkingDays workingDays;
  private final Instant now;

  public YearOfCases(RuntimeService runtime, TaskService tasks, ManagementService management, WorkingDays workingDays, Instant now) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.workingDays = workingDays;
    this.now = now;
  }

  /** Plays every case. */
  public void play() {
    try {
      // Referral, Panel notified the same day, rapid review sent 9 working days later, the Panel lets the
      // local decision stand, the LCSPR decided then is published 76 working days later (within 6 months)
      DemoScript published = script();
      DemoStages.lcsprStarted(published, NL, 100);
      DemoStages.reviewStarted(published, 86, 83);
      DemoStages.reviewConducted(published, 80, 50);
      DemoStages.finalReportToSend(published, 30);
      published.at(29, "11:00").complete(LcsprProcess.Elements.SEND_FINAL_REPORT, "reportDocumentReference",
          "https://files.example/final", LcsprProcess.Vars.REPORT_READY_CONFIRMED, true);
      published.at(15, "10:00").complete(LcsprProcess.Elements.PUBLISH_REPORT, LcsprProcess.Vars.PUBLISHED_AT, published.today(),
          LcsprProcess.Vars.PUBLICATION_URL, "https://partnership.example/reviews/1", LcsprProcess.Vars.REVIEWER_NAMED_IN_PUBLICATION, true);
      published.finish();

      // The same earlier in the year: published 145 working days ago (within 6 months), its action plan agreed
      // the next day and monitored after the 3-month interval: of the actions due in the year one complete, one
      // in progress, one not started; a fourth falls due after the year
      DemoScript actionPlan = script();
      DemoStages.lcsprStarted(actionPlan, NL, 230);
      DemoStages.reviewStarted(actionPlan, 216, 213);
      DemoStages.reviewConducted(actionPlan, 210, 180);
      DemoStages.finalReportToSend(actionPlan, 160);
      actionPlan.at(159, "11:00").complete(LcsprProcess.Elements.SEND_FINAL_REPORT, "reportDocumentReference",
          "https://files.example/final-2", LcsprProcess.Vars.REPORT_READY_CONFIRMED, true);
      actionPlan.at(145, "10:00").complete(LcsprProcess.Elements.PUBLISH_REPORT, LcsprProcess.Vars.PUBLISHED_AT, actionPlan.today(),
          LcsprProcess.Vars.PUBLICATION_URL, "https://partnership.example/reviews/2", LcsprProcess.Vars.REVIEWER_NAMED_IN_PUBLICATION, true);
      actionPlan.at(144, "10:00");
      List<Map<String, Object>> actions = List.of(
          action("Refresh the information-sharing protocol", actionPlan.dateIn(20), null),
          action("Train school safeguarding leads", actionPlan.dateIn(50), null),
          action("Audit health visiting records", actionPlan.dateIn(100), null),
          action("Repeat the audit", "2027-06-30", null));
      actionPlan.complete(LcsprProcess.Elements.AGREE_ACTION_PLAN, LcsprProcess.Vars.ACTION_PLAN, actions,
          LcsprProcess.Vars.ACTION_PLAN_SMART_CONFIRMED, true);
      List<Map<String, Object>> reviewed = List.of(
          action("Refresh the information-sharing protocol", actionPlan.dateIn(20), ActionStatus.COMPLETE),
          action("Train school safeguarding leads", actionPlan.dateIn(50), ActionStatus.IN_PROGRESS),
          action("Audit health visiting records", actionPlan.dateIn(100), ActionStatus.NOT_STARTED),
          action("Repeat the audit", "2027-06-30", ActionStatus.IN_PROGRESS));
      actionPlan.at(60, "10:00").complete(LcsprProcess.Elements.REVIEW_ACTION_PLAN, LcsprProcess.Vars.ACTION_PLAN, reviewed,
          "actionPlanProgressNotes", "Protocol refreshed; training under way");
      actionPlan.finish();

      // Decided 140 working days ago, not published by the six-month deadline: one delay notice to the Panel
      // and the Secretary of State, 5 working days ago
      DemoScript delayed = script();
      DemoStages.reviewConducted(DemoStages.reviewStarted(DemoStages.lcsprStarted(delayed, NL, 149), 134, 131), 128, 40)
          .at(28, "10:00").completeAny(LcsprProcess.Elements.CONFIRM_PUBLICATION_TIMETABLE, LcsprProcess.Vars.PLANNED_PUBLICATION_DATE,
              delayed.dateIn(10))
          .at(5, "10:00").complete(LcsprProcess.Elements.EXPLAIN_LATE_PUBLICATION, LcsprProcess.Vars.PLANNED_PUBLICATION_DATE,
              delayed.dateIn(25), LcsprProcess.Vars.DELAY_REASONS, "Inquest adjourned; family interviews rescheduled");
      delayed.finish();

      // Outcome (b) for a child whose mother was killed by her partner: a domestic homicide review identified
      // and tracked alongside (a parallel review)
      DemoScript parallel = script();
      DemoStages.reported(DemoStages.unanimous(DemoStages.recommended(DemoStages.informed(DemoStages.refer(parallel.at(25, "09:00"), NL)
          .at(25, "10:00")).at(25, "11:00").complete(ParallelReviewProcess.Elements.RECORD_FACTS, DemoStages.domesticHomicideFacts(parallel))
          .at(24, "10:00"), "NO_FURTHER_ACTION").at(23, "10:00"), "NO_FURTHER_ACTION").at(22, "10:00"))
          .at(20, "10:00").completeAny(ParallelReviewProcess.Elements.AGREE_WORKING, DemoStages.agreement(parallel));
      parallel.finish();

      // Panel notified on the day; the rapid review signed off and sent 20 working days after the notification (late)
      DemoScript lateReview = script();
      int d = 40;
      DemoStages.signedOff(DemoStages.wellbeingHeld(DemoStages.chairReported(DemoStages.meetingRecorded(
          DemoStages.agencyReportsReturned(DemoStages.meetingScheduled(DemoStages.agenciesConfirmed(
              DemoStages.rapidReviewStarted(lateReview, NL, d).at(d, "14:00"), "Police", "Children's services")
              .at(d, "15:00"), 5).at(d - 3, "12:00")).at(d - 5, "14:00"), false).at(d - 7, "16:00")).at(d - 8, "12:00"))
          .at(d - 20, "11:00"), false);
      lateReview.finish();

      // Panel notified 7 working days after awareness (late); its rapid review is not yet sent
      DemoScript lateNotification = script();
      DemoStages.reported(DemoStages.unanimous(DemoStages.recommended(DemoStages.informed(DemoStages.refer(lateNotification.at(9, "09:00"), NL)
          .at(9, "16:00")).at(8, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(7, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(6, "10:00"))
          .at(2, "10:00").complete(NotificationProcess.Elements.NOTIFY_PANEL, "panelNotificationSentAt", lateNotification.now(),
              "panelNotificationReference", "CSIN-LATE");
      lateNotification.finish();

      // Outcome (b): no notification, no further action
      DemoScript noFurtherAction = script();
      DemoStages.reported(DemoStages.unanimous(DemoStages.recommended(DemoStages.informed(DemoStages.refer(noFurtherAction.at(30, "09:00"), NL)
          .at(30, "14:00")).at(28, "10:00"), "NO_FURTHER_ACTION").at(27, "10:00"), "NO_FURTHER_ACTION").at(26, "10:00"));
      noFurtherAction.finish();

      // A request agreed as a non-statutory LCSPR (commissioned, not statutory)
      DemoScript request = script();
      DemoStages.nonSeriousRequest(request.at(20, "10:00"), NL).at(20, "12:00")
          .complete(NonSeriousCaseRequestProcess.Elements.CHECK_REQUEST, "requestChecked", true)
          .at(14, "10:00").complete(NonSeriousCaseRequestProcess.Elements.RECOMMEND_REVIEW, NonSeriousCaseRequestProcess.Vars.SSL_RECOMMENDATION,
              ReviewDecision.LCSPR_NON_STATUTORY.name(), NonSeriousCaseRequestProcess.Vars.SSL_RATIONALE, "Learning for the partnership")
          .at(10, "10:00").complete(NonSeriousCaseRequestProcess.Elements.DECIDE_REVIEW, NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION,
              ReviewDecision.LCSPR_NON_STATUTORY.name(), NonSeriousCaseRequestProcess.Vars.PARTNERS_RATIONALE, "Local learning");
      request.finish();

      // Not in North Lincolnshire's year: a referral of the year before, and one of another partnership
      DemoScript lastYear = script();
      DemoStages.refer(lastYear.at(270, "09:00"), NL);
      lastYear.finish();
      DemoScript elsewhere = script();
      DemoStages.refer(elsewhere.at(5, "09:00"), BOLTON);
      elsewhere.finish();
    } finally {
      ClockUtil.reset();
    }
  }

  private static Map<String, Object> action(String action, String dueDate, ActionStatus status) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("recommendation", "R1"); // the demo final report's open recommendation (DemoStages.recommendations)
    entry.put("action", action);
    entry.put("owner", "Head of safeguarding");
    entry.put("dueDate", dueDate);
    if (status != null) {
      entry.put("status", status.name());
    }
    return entry;
  }

  private DemoScript script() {
    return new DemoScript(runtime, tasks, management, workingDays, now);
  }

}
