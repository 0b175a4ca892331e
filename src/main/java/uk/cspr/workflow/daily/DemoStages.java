package uk.cspr.workflow.daily;

import static uk.cspr.workflow.notification.NotificationProcess.Elements.AUTHORISE_REFERRAL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.REPORT_TO_PARTNERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.cspr.workflow.notification.NotificationProcess;

/**
 * The demo cases (profile {@code demo}): every stage of every flow across the partnerships, some
 * back-dated so deadlines are near, met and breached. A stage of another flow is a few more lines
 * here: {@code new DemoStage("…", s -> s.at(…).start(…)…complete(…))}; {@link DemoScript#complete}
 * finds the step's task in whichever flow of the case it is open.
 */
final class DemoStages {

  static final String NL = "north-lincolnshire";
  static final String NEL = "north-east-lincolnshire";
  static final String CP = "cambridgeshire-peterborough";
  static final String BOLTON = "bolton";

  static List<DemoStage> all() {
    return List.of(
        // Serious incident notification (SPEC §3.1)
        new DemoStage("Referral just received", s -> refer(s.at(0, "08:30"), NL)),
        new DemoStage("Awaiting agency lead authorisation (Cambs)", s -> refer(s.at(0, "08:00"), CP)),
        new DemoStage("Awaiting SSL recommendation", s -> informed(refer(s.at(2, "10:00"), NEL).at(2, "15:00"))),
        new DemoStage("Awaiting DSP decision, SSL recommendation late (one breach)", s ->
            recommended(informed(refer(s.at(4, "09:00"), NL).at(4, "11:00")).at(0, "07:30"), "NOTIFY_AND_RAPID_REVIEW")),
        new DemoStage("In dispute at the senior leads", s ->
            decided(recommended(informed(refer(s.at(3, "09:00"), BOLTON).at(3, "12:00")).at(2, "10:00"), "NOTIFY_AND_RAPID_REVIEW")
                .at(1, "11:00"), "NOTIFY_AND_RAPID_REVIEW", "NO_FURTHER_ACTION", "NOTIFY_AND_RAPID_REVIEW")),
        new DemoStage("Panel notification overdue", s ->
            reported(unanimous(recommended(informed(refer(s.at(8, "09:00"), NL).at(8, "12:00")).at(7, "10:00"),
                "NOTIFY_AND_RAPID_REVIEW").at(6, "15:00"), "NOTIFY_AND_RAPID_REVIEW").at(5, "11:00"))),
        new DemoStage("Outcome (a): Panel notified on time, rapid review just started", s ->
            reported(unanimous(recommended(informed(refer(s.at(6, "09:00"), NEL).at(6, "16:00")).at(5, "10:00"),
                "NOTIFY_AND_RAPID_REVIEW").at(4, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(3, "10:00")).at(1, "10:00")
                .complete(NOTIFY_PANEL, "panelNotificationSentAt", s.now(), "panelNotificationReference", "CSIN-DEMO-1001")),
        new DemoStage("Outcome (a): Panel notified late (breach), rapid review under way", s ->
            reported(unanimous(recommended(informed(refer(s.at(9, "09:00"), NL).at(9, "16:00")).at(8, "10:00"),
                "NOTIFY_AND_RAPID_REVIEW").at(7, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(6, "10:00")).at(2, "10:00")
                .complete(NOTIFY_PANEL, "panelNotificationSentAt", s.now(), "panelNotificationReference", "CSIN-DEMO-1002")
                .completeAny(ESCALATE_MISSED_DEADLINE, "escalationAction", "Head of service chased the notifier; delay explained to the Panel")),
        new DemoStage("Outcome (b): no notification, no further action", s ->
            reported(unanimous(recommended(informed(refer(s.at(30, "09:00"), NL).at(30, "14:00")).at(28, "10:00"),
                "NO_FURTHER_ACTION").at(27, "10:00"), "NO_FURTHER_ACTION").at(26, "10:00"))),
        new DemoStage("Outcome (c): no notification, single agency review (Cambs)", s ->
            reported(unanimous(recommended(informed(refer(s.at(20, "09:00"), CP).at(20, "11:00")
                .complete(AUTHORISE_REFERRAL, "referralAuthorised", "true").at(20, "15:00")).at(19, "10:00"),
                "SINGLE_AGENCY_REVIEW").at(19, "16:00"), "SINGLE_AGENCY_REVIEW").at(18, "10:00"))),
        new DemoStage("Outcome (d): no notification, multi-agency learning review", s ->
            reported(unanimous(recommended(informed(refer(s.at(15, "09:00"), BOLTON).at(15, "10:00")).at(14, "10:00"),
                "MULTI_AGENCY_REVIEW").at(13, "10:00"), "MULTI_AGENCY_REVIEW").at(12, "10:00"))));
  }

  /** A referral (start form {@code referral}) made now: one child, seriously harmed, abuse suspected. */
  static DemoScript refer(DemoScript s, String partnership) {
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("partnership", partnership);
    referral.put("referringAgency", "Demo Primary School");
    referral.put("referrerName", "Demo designated safeguarding lead");
    referral.put("referrerEmail", "dsl@school.example");
    referral.put("incidentDate", s.today());
    referral.put("awareOfIncidentAt", s.now());
    referral.put("children", List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
    referral.put("abuseOrNeglectKnownOrSuspected", "true");
    referral.put("incidentLocation", "IN_AREA");
    referral.put("incidentSummary", "Demo case: child admitted to hospital with unexplained injuries.");
    return s.start(NotificationProcess.KEY, referral);
  }

  static DemoScript informed(DemoScript s) {
    return s.complete(INFORM_PARTNERS, "partnersInformedConfirmed", true);
  }

  static DemoScript recommended(DemoScript s, String recommendation) {
    return s.complete(RECORD_SSL_RECOMMENDATION, "sslRecommendation", recommendation, "sslRationale", "Demo rationale");
  }

  static DemoScript decided(DemoScript s, String la, String police, String icb) {
    return s.complete(RECORD_PARTNERS_DECISION, "laVote", la, "policeVote", police, "icbVote", icb,
        "outcomeRationale", "Demo rationale of the partners");
  }

  static DemoScript unanimous(DemoScript s, String outcome) {
    return decided(s, outcome, outcome, outcome);
  }

  /** The local authority's report to the partners (WT para 12), where the duty arises. */
  static DemoScript reported(DemoScript s) {
    return s.completeAny(REPORT_TO_PARTNERS, "partnersReportedAt", s.now(), "partnersReportMethod", "E-mail to the partners");
  }

  private DemoStages() {}
}
