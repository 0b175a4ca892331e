package uk.cspr.workflow.demo;

import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.AGREE_TERMS_OF_REFERENCE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.ASSESS_PROGRESS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.COMMISSION_REVIEWER;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.CONFIRM_PUBLICATION_TIMETABLE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.DECIDE_PUBLICATION;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.ENDORSE_FINAL_REPORT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.ENDORSE_TERMS_OF_REFERENCE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.EXPLAIN_LATE_PUBLICATION;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.GIVE_PANEL_FEEDBACK;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.PLAN_FAMILY_ENGAGEMENT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.RECORD_FAMILY_ENGAGEMENT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.RECORD_PRACTITIONER_EVENTS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.REPORT_PROGRESS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.RETURN_AGENCY_CHRONOLOGY;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.SEND_FINAL_REPORT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.SUBMIT_DRAFT_REPORT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.SUBMIT_FINAL_REPORT;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Elements.CHECK_REQUEST;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Elements.DECIDE_REVIEW;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Elements.RECOMMEND_REVIEW;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.AUTHORISE_REFERRAL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.REPORT_TO_PARTNERS;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Elements.AGREE_WORKING;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Elements.RECORD_FACTS;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED;
import static uk.cspr.workflow.rapidreview.PanelDecisionProcess.Elements.RECORD_ANSWER;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.HOLD_WELLBEING_SESSIONS;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.RECORD_MEETING;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.RETURN_AGENCY_REPORT;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.SCHEDULE_MEETING;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.WRITE_CHAIR_REPORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.learning.LearningVariables;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.lcspr.Methodology;
import uk.cspr.workflow.lcspr.PublicationDecision;
import uk.cspr.workflow.lcspr.ReviewerSource;
import uk.cspr.workflow.learning.RecommendationStatus;
import uk.cspr.workflow.learning.Recommendations;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.nonserious.RequestCategory;
import uk.cspr.workflow.nonserious.ReviewDecision;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.rapidreview.PanelAnswer;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;

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
                "MULTI_AGENCY_REVIEW").at(13, "10:00"), "MULTI_AGENCY_REVIEW").at(12, "10:00"))),

        // Rapid review (SPEC §3.2)
        new DemoStage("Rapid review: agency reports awaited, one agency late (chaser open, Cambs)", s ->
            agencyReported(meetingScheduled(agenciesConfirmed(rapidReviewStarted(s, CP, 6).at(6, "14:00"),
                "Cambridgeshire Constabulary", "Cambridgeshire and Peterborough ICB").at(6, "15:00"), 10).at(3, "11:00"))),
        new DemoStage("Rapid review: meeting recorded, chair's report due soon", s ->
            meetingRecorded(agencyReportsReturned(meetingScheduled(agenciesConfirmed(rapidReviewStarted(s, NL, 10).at(10, "14:00"),
                "Humberside Police", "North Lincolnshire children's services").at(10, "15:00"), 5).at(7, "12:00")).at(5, "14:00"), false)),
        new DemoStage("Rapid review signed off, the Panel's answer overdue (chaser open)", s ->
            signedOff(wellbeingHeld(chairReported(meetingRecorded(agencyReportsReturned(meetingScheduled(agenciesConfirmed(
                rapidReviewStarted(s, BOLTON, 28).at(28, "14:00"), "Greater Manchester Police", "Bolton children's services")
                .at(28, "15:00"), 5).at(25, "12:00")).at(23, "14:00"), false).at(20, "16:00")).at(19, "12:00")).at(18, "11:00"), false)),

        // Local child safeguarding practice review (SPEC §3.3), statutory: decided by a rapid review
        new DemoStage("LCSPR: reviewer being commissioned", s -> lcsprStarted(s, NEL, 16)),
        new DemoStage("LCSPR: terms of reference endorsed, review under way with a progress request", s ->
            familyInvited(reviewStarted(lcsprStarted(s, BOLTON, 43), 28, 25).at(15, "10:00"))
                .at(12, "10:00").completeAny(RETURN_AGENCY_CHRONOLOGY, LcsprProcess.Vars.CHRONOLOGY_RETURNED, true,
                    LcsprProcess.Vars.CHRONOLOGY_REFERENCE, "CHR-DEMO")
                .at(10, "10:00").complete(RECORD_PRACTITIONER_EVENTS, "practitionerEventDate", s.today(),
                    "practitionersAttended", 11, "agenciesRepresented", "Police, children's services, health")),
        new DemoStage("LCSPR: final report sent to the Panel 7 working days before publication", s ->
            finalReportToSend(reviewConducted(reviewStarted(lcsprStarted(s, NL, 121), 106, 103), 100, 66), 55).at(1, "11:00")
                .complete(SEND_FINAL_REPORT, "reportDocumentReference", "https://files.example/demo/final",
                    LcsprProcess.Vars.REPORT_READY_CONFIRMED, true)),
        new DemoStage("LCSPR: publication delayed past six months (delay notice sent)", s ->
            reviewConducted(reviewStarted(lcsprStarted(s, NEL, 149), 134, 131), 128, 40)
                .at(28, "10:00").completeAny(CONFIRM_PUBLICATION_TIMETABLE, LcsprProcess.Vars.PLANNED_PUBLICATION_DATE, s.dateIn(10))
                .at(5, "10:00").complete(EXPLAIN_LATE_PUBLICATION, LcsprProcess.Vars.PLANNED_PUBLICATION_DATE, s.dateIn(25),
                    LcsprProcess.Vars.DELAY_REASONS, "Inquest adjourned; family interviews rescheduled")),

        // Request for a review of a non-serious case (SPEC §3.4)
        new DemoStage("Non-serious case request awaiting the SSL recommendation", s ->
            nonSeriousRequest(s.at(8, "10:00"), BOLTON).at(8, "12:00").complete(CHECK_REQUEST, "requestChecked", true)),
        new DemoStage("Non-serious case: partners agreed a non-statutory LCSPR, family consent pending (Cambs)", s ->
            nonSeriousRequest(s.at(20, "10:00"), CP).at(20, "12:00").complete(CHECK_REQUEST, "requestChecked", true)
                .at(14, "10:00").complete(RECOMMEND_REVIEW, NonSeriousCaseRequestProcess.Vars.SSL_RECOMMENDATION,
                    ReviewDecision.LCSPR_NON_STATUTORY.name(), NonSeriousCaseRequestProcess.Vars.SSL_RATIONALE, "Learning for the partnership")
                .at(10, "10:00").complete(DECIDE_REVIEW, NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION,
                    ReviewDecision.LCSPR_NON_STATUTORY.name(), NonSeriousCaseRequestProcess.Vars.PARTNERS_RATIONALE, "Local learning")),

        // Interface with parallel reviews (SPEC §3.5)
        new DemoStage("Parallel reviews: youth justice serious incident, YJB notification overdue (Cambs)", s ->
            reported(unanimous(recommended(informed(refer(s.at(3, "09:00"), CP).at(3, "09:30")
                .complete(AUTHORISE_REFERRAL, "referralAuthorised", "true").at(3, "10:00"))
                .at(3, "12:00").complete(RECORD_FACTS, youthJusticeFacts(s))
                .at(3, "15:00"), "NOTIFY_AND_RAPID_REVIEW").at(2, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(2, "11:00"))),
        new DemoStage("Parallel reviews: tracking a domestic homicide review", s ->
            reported(unanimous(recommended(informed(refer(s.at(25, "09:00"), NL).at(25, "10:00"))
                .at(25, "11:00").complete(RECORD_FACTS, domesticHomicideFacts(s))
                .at(24, "10:00"), "NO_FURTHER_ACTION").at(23, "10:00"), "NO_FURTHER_ACTION").at(22, "10:00"))
                .at(20, "10:00").completeAny(AGREE_WORKING, agreement(s))
                .at(8, "10:00").complete(TRACK_UNTIL_CLOSED, ParallelReviewProcess.Vars.TRACKING_UPDATE,
                    ParallelReviewProcess.TrackingUpdate.PROGRESS.name(), ParallelReviewProcess.Vars.TRACKING_NOTE,
                    "Community safety partnership commissioned the DHR; chair appointed")));
  }

  // ------------------------------------------------------------------ rapid review

  /** A referral played on one day to outcome (a): the Panel notified on time, so the rapid review starts. */
  static DemoScript rapidReviewStarted(DemoScript s, String partnership, int workingDaysAgo) {
    int day = workingDaysAgo;
    refer(s.at(day, "08:30"), partnership);
    if (CP.equals(partnership)) {
      s.at(day, "08:45").complete(AUTHORISE_REFERRAL, "referralAuthorised", "true");
    }
    reported(unanimous(recommended(informed(s.at(day, "09:00")).at(day, "09:30"), "NOTIFY_AND_RAPID_REVIEW")
        .at(day, "10:00"), "NOTIFY_AND_RAPID_REVIEW").at(day, "10:30"));
    return s.at(day, "11:00").complete(NOTIFY_PANEL, "panelNotificationSentAt", s.now(),
        "panelNotificationReference", "CSIN-DEMO-" + (2000 + day));
  }

  static DemoScript agenciesConfirmed(DemoScript s, String... names) {
    List<Map<String, Object>> agencies = new ArrayList<>();
    for (String name : names) {
      agencies.add(Map.of(RapidReviewProcess.Vars.AGENCY_NAME, name,
          RapidReviewProcess.Vars.AGENCY_EMAIL, "safeguarding@" + name.toLowerCase().replaceAll("[^a-z]+", "-") + ".example"));
    }
    return s.complete(CONFIRM_AGENCIES_AND_SCOPE, RapidReviewProcess.Vars.AGENCIES, agencies,
        RapidReviewProcess.Vars.SCOPING_PERIOD_MONTHS, "12");
  }

  /** The themes every demo case records when its meeting is scheduled: later meetings see them recur (issue 19.2). */
  private static final List<String> DEMO_THEMES = List.of("neglect", "information-sharing", "parental-mental-health");

  /** The meeting at 10:00 on the working day {@code inWorkingDays} after today's step; the letters go out. */
  static DemoScript meetingScheduled(DemoScript s, int inWorkingDays) {
    return s.complete(SCHEDULE_MEETING, RapidReviewProcess.Vars.MEETING_AT, s.dateTimeIn(inWorkingDays, "10:00"),
        "meetingVenue", "Partnership offices", LearningVariables.CASE_THEMES, CaseData.json(new ArrayList<>(DEMO_THEMES)));
  }

  /** One agency's report (the first open one). */
  static DemoScript agencyReported(DemoScript s) {
    return s.complete(RETURN_AGENCY_REPORT, agencyReport());
  }

  static DemoScript agencyReportsReturned(DemoScript s) {
    return s.completeAny(RETURN_AGENCY_REPORT, agencyReport());
  }

  private static Object[] agencyReport() {
    return new Object[] {RapidReviewProcess.Vars.AGENCY_INVOLVEMENT, "Known to the service; three contacts this year",
        RapidReviewProcess.Vars.AGENCY_LEARNING, "Information was not shared with the school",
        RapidReviewProcess.Vars.RECORDS_SECURED, "true", RapidReviewProcess.Vars.QUALITY_ASSURED_BY, "Named safeguarding lead"};
  }

  /** The meeting, held at 10:00 today; {@code lcspr}: all three partners vote for a local review. */
  static DemoScript meetingRecorded(DemoScript s, boolean lcspr) {
    String vote = String.valueOf(lcspr);
    return s.complete(RECORD_MEETING, RapidReviewProcess.Vars.MEETING_HELD_AT, s.dateTimeIn(0, "10:00"),
        RapidReviewProcess.Vars.MEETING_ATTENDEES, "LA, police, ICB, school, independent scrutineer",
        RapidReviewProcess.Vars.IMMEDIATE_SAFETY_ACTIONS, "Siblings' safety plan reviewed",
        RapidReviewProcess.Vars.LEARNING_ALREADY_CAPTURED, "Information sharing with schools",
        RapidReviewProcess.Vars.DIVERSITY_CONSIDERATIONS, "Interpreter not offered to the mother",
        RapidReviewProcess.Vars.LA_LCSPR_VOTE, vote, RapidReviewProcess.Vars.POLICE_LCSPR_VOTE, vote,
        RapidReviewProcess.Vars.ICB_LCSPR_VOTE, vote, RapidReviewProcess.Vars.LCSPR_RATIONALE, "Recurrent theme of information sharing",
        RapidReviewProcess.Vars.KEY_LINES_OF_ENQUIRY, lcspr ? KEY_LINES_OF_ENQUIRY : null,
        RapidReviewProcess.Vars.NATIONAL_REVIEW_SUGGESTED, "false",
        RapidReviewProcess.Vars.HOME_OFFICE_CONTRIBUTION_NEEDED, "false");
  }

  static final String KEY_LINES_OF_ENQUIRY = "How agencies shared information about the family";

  static DemoScript chairReported(DemoScript s) {
    return s.complete(WRITE_CHAIR_REPORT, "caseFactsSummary", "Facts", "immediateSafeguardingArrangements", "Safety plan",
        "childVoiceAndIdentity", "Voice", "learningAndGoodPractice", "Learning", "recommendations", "Recommendations",
        "actionPlan", "Action plan", "chairName", "Head of safeguarding, ICB");
  }

  static DemoScript wellbeingHeld(DemoScript s) {
    return s.complete(HOLD_WELLBEING_SESSIONS, RapidReviewProcess.Vars.WELLBEING_SESSIONS_HELD, "true",
        "wellbeingSessionsNote", "Two sessions");
  }

  /** Signed off by the three partners and sent to the Panel. */
  static DemoScript signedOff(DemoScript s, boolean lcspr) {
    return s.complete(RapidReviewProcess.Elements.SIGN_OFF, RapidReviewProcess.Vars.LCSPR_AGREED, String.valueOf(lcspr),
        RapidReviewProcess.Vars.LCSPR_DECISION_RATIONALE, "Agreed with the meeting's rationale",
        RapidReviewProcess.Vars.KEY_LINES_OF_ENQUIRY, lcspr ? KEY_LINES_OF_ENQUIRY : null,
        RapidReviewProcess.Vars.LA_SIGNED_OFF_BY, "Director of Children's Services",
        RapidReviewProcess.Vars.POLICE_SIGNED_OFF_BY, "Detective Chief Superintendent",
        RapidReviewProcess.Vars.ICB_SIGNED_OFF_BY, "Chief Nurse");
  }

  static DemoScript panelAnswered(DemoScript s, PanelAnswer answer) {
    return s.complete(RECORD_ANSWER, PanelDecisionProcess.Vars.PANEL_ANSWER, answer.name(),
        PanelDecisionProcess.Vars.PANEL_ANSWERED_AT, s.now(), PanelDecisionProcess.Vars.PANEL_ANSWER_RATIONALE, "Panel letter of today");
  }

  // ------------------------------------------------------------------ LCSPR

  /**
   * A rapid review decided {@code workingDaysAgo} that agrees a local review: signed off 9 working
   * days later (the LCSPR decision), the Panel's answer 5 days after that starts the LCSPR. Not for
   * Cambridgeshire (its meeting window opens later).
   */
  static DemoScript lcsprStarted(DemoScript s, String partnership, int workingDaysAgo) {
    int d = workingDaysAgo;
    return panelAnswered(signedOff(wellbeingHeld(chairReported(meetingRecorded(agencyReportsReturned(meetingScheduled(
        agenciesConfirmed(rapidReviewStarted(s, partnership, d).at(d, "14:00"), "Police", "Children's services")
            .at(d, "15:00"), 5).at(d - 3, "12:00")).at(d - 5, "14:00"), true).at(d - 7, "16:00")).at(d - 8, "12:00"))
        .at(d - 9, "11:00"), true).at(d - 14, "11:00"), PanelAnswer.LOCAL_DECISION_STANDS);
  }

  /** Reviewer commissioned the next working day, terms of reference agreed, endorsed {@code endorsedWorkingDaysAgo}. */
  static DemoScript reviewStarted(DemoScript s, int commissionedWorkingDaysAgo, int endorsedWorkingDaysAgo) {
    Map<String, Object> reviewer = new HashMap<>();
    reviewer.put(LcsprProcess.Vars.REVIEWER_NAME, "Dr A. Reviewer");
    reviewer.put(LcsprProcess.Vars.REVIEWER_SOURCE, ReviewerSource.PANEL_POOL.name());
    LcsprProcess.Vars.REVIEWER_CRITERIA.forEach(criterion -> reviewer.put(criterion, true));
    s.at(commissionedWorkingDaysAgo, "10:00").complete(COMMISSION_REVIEWER, pairs(reviewer));

    Map<String, Object> terms = new HashMap<>();
    terms.put(LcsprProcess.Vars.METHODOLOGY, Methodology.SYSTEMS_APPROACH.name());
    terms.put("methodologyRationale", "Multi-agency practice over two years");
    terms.put(LcsprProcess.Vars.REVIEW_PERIOD_FROM, "2024-01-01");
    terms.put(LcsprProcess.Vars.REVIEW_PERIOD_TO, s.today());
    terms.put(LcsprProcess.Vars.TERMS_OF_REFERENCE, "Agency involvement from pregnancy to the incident.");
    terms.put(LcsprProcess.Vars.KEY_LINES_OF_ENQUIRY, KEY_LINES_OF_ENQUIRY);
    terms.put(LcsprProcess.Vars.RACE_ETHNICITY_CULTURE_ADDRESSED, true);
    terms.put(LcsprProcess.Vars.RACE_ETHNICITY_CULTURE_ENQUIRY, "Whether the family's culture and language were understood.");
    terms.put("independentChallenge", "Independent reviewer chairs the panel.");
    terms.put(LcsprProcess.Vars.INVOLVED_AGENCIES, List.of(Map.of(LcsprProcess.Vars.AGENCY, "Police"),
        Map.of(LcsprProcess.Vars.AGENCY, "Children's services")));
    terms.put(LcsprProcess.Vars.PANEL_MEMBERS, List.of(Map.of("name", "A. Lead", "role", "Designated nurse", "agency", "ICB")));
    terms.put(LcsprProcess.Vars.NOTIFIED_TO_YJB, false);
    s.at(commissionedWorkingDaysAgo - 1, "10:00").complete(AGREE_TERMS_OF_REFERENCE, pairs(terms));
    return s.at(endorsedWorkingDaysAgo, "10:00").complete(ENDORSE_TERMS_OF_REFERENCE,
        LcsprProcess.Vars.TERMS_OF_REFERENCE_ENDORSED, "true");
  }

  static DemoScript familyInvited(DemoScript s) {
    return s.complete(PLAN_FAMILY_ENGAGEMENT, LcsprProcess.Vars.INVITE_FAMILY, "true", "familyMembersToInvite", "Mother; older sibling");
  }

  /** The monthly progress requests answered and assessed. */
  static DemoScript progressReported(DemoScript s) {
    return s.completeAny(REPORT_PROGRESS, "progressSummary", "Agency reports analysed", "progressOnSchedule", "true")
        .completeAny(ASSESS_PROGRESS, "progressSatisfactory", "true", "qualitySatisfactory", "true", "progressAssessment", "On track");
  }

  /**
   * Family, practitioners and chronologies from {@code from} working days ago, progress requests
   * answered, the draft report {@code draftAt} working days ago and the final report 8 days later.
   */
  static DemoScript reviewConducted(DemoScript s, int from, int draftAt) {
    familyInvited(s.at(from, "10:00"));
    s.at(from - 2, "10:00").complete(RECORD_PRACTITIONER_EVENTS, "practitionerEventDate", s.today(), "practitionersAttended", 14,
        "agenciesRepresented", "Police, school, health visiting");
    s.at(from - 5, "10:00").complete(RECORD_FAMILY_ENGAGEMENT, LcsprProcess.Vars.FAMILY_PARTICIPATED, "true",
        "familyContributionSummary", "Met the reviewer");
    s.at(from - 10, "10:00").completeAny(RETURN_AGENCY_CHRONOLOGY, LcsprProcess.Vars.CHRONOLOGY_RETURNED, true,
        LcsprProcess.Vars.CHRONOLOGY_REFERENCE, "CHR-DEMO");
    for (int day = from - 15; day > draftAt; day -= 20) {
      progressReported(s.at(day, "09:00"));
    }
    Map<String, Object> draft = new HashMap<>(Map.of("draftReportReference", "DOC-DRAFT-1"));
    LcsprProcess.Vars.DRAFT_CONTENTS.forEach(field -> draft.put(field, true));
    s.at(draftAt, "10:00").complete(SUBMIT_DRAFT_REPORT, pairs(draft));
    s.at(draftAt - 5, "10:00").complete(GIVE_PANEL_FEEDBACK, "panelFeedback", "Clarify the timeline of health visits.");
    DemoScript finalReport = s.at(draftAt - 8, "10:00");
    return progressReported(finalReport.complete(SUBMIT_FINAL_REPORT, "finalReportReference", "DOC-FINAL-1",
        "finalReportChanges", "Timeline clarified",
        LearningVariables.CASE_THEMES, CaseData.json(new ArrayList<>(List.of("neglect", "information-sharing", "professional-curiosity"))),
        Recommendations.RECOMMENDATIONS,
        recommendations(LocalDate.parse(finalReport.today()))));
  }

  /** Two recommendations of a demo report: one open, one the partners do not accept. */
  static List<Map<String, Object>> recommendations(LocalDate reportDate) {
    return List.of(
        Map.of(Recommendations.TEXT, "Strategy meetings include the health visitor and the school nurse",
            Recommendations.OWNER, "Designated nurse, ICB", Recommendations.DUE_DATE, reportDate.plusMonths(6).toString()),
        Map.of(Recommendations.TEXT, "A new multi-agency neglect screening tool",
            Recommendations.OWNER, "Head of service, children's services", Recommendations.DUE_DATE, reportDate.plusMonths(9).toString(),
            Recommendations.STATUS, RecommendationStatus.NOT_ACCEPTED.name(),
            Recommendations.REASON, "The neglect strategy already provides a screening tool"));
  }

  /** The partners endorse the final report and decide to publish it in full {@code workingDaysAgo}. */
  static DemoScript finalReportToSend(DemoScript s, int workingDaysAgo) {
    return s.at(workingDaysAgo, "10:00").complete(ENDORSE_FINAL_REPORT, LcsprProcess.Vars.FINAL_REPORT_ENDORSED, "true")
        .complete(DECIDE_PUBLICATION, LcsprProcess.Vars.PUBLICATION_DECISION, PublicationDecision.FULL_REPORT.name(),
            LcsprProcess.Vars.PUBLICATION_IMPACT_CONSIDERED, true);
  }

  // ------------------------------------------------------------------ non-serious case request

  static DemoScript nonSeriousRequest(DemoScript s, String partnership) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put(CaseVariables.PARTNERSHIP, partnership);
    request.put(NonSeriousCaseRequestProcess.Vars.REFERRING_AGENCY, "Demo NHS Foundation Trust");
    request.put(NonSeriousCaseRequestProcess.Vars.REFERRER_NAME, "R. Nurse, named nurse for safeguarding");
    request.put(NonSeriousCaseRequestProcess.Vars.REFERRER_EMAIL, "named.nurse@nhs.example");
    request.put(NonSeriousCaseRequestProcess.Vars.REQUEST_CATEGORY, RequestCategory.NEAR_MISS.name());
    request.put(NonSeriousCaseRequestProcess.Vars.REQUEST_SUMMARY, "Demo case: baby discharged without the planned pre-discharge meeting; no harm.");
    request.put(NonSeriousCaseRequestProcess.Vars.DISCUSSED_WITH_SENIOR_LEAD, true);
    request.put(NonSeriousCaseRequestProcess.Vars.SENIOR_LEAD_CONSULTED, "Designated nurse");
    return s.start(NonSeriousCaseRequestProcess.KEY, request);
  }

  // ------------------------------------------------------------------ parallel reviews

  /** A 15-year-old seriously assaulted, another child charged (GBH s18), the police investigating. */
  static Object[] youthJusticeFacts(DemoScript s) {
    return new Object[] {ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT, s.dateTimeIn(0, "10:30"),
        ParallelReviewProcess.Vars.VICTIM_DIED, "false", ParallelReviewProcess.Vars.VICTIM_AGE, "15",
        ParallelReviewProcess.Vars.PERPETRATOR_RELATIONSHIP, "OTHER", ParallelReviewProcess.Vars.MAPPA_LEVEL, "0",
        ParallelReviewProcess.Vars.OFFENCE_CATEGORY, "GBH_S18", ParallelReviewProcess.Vars.CHILD_CHARGED, true,
        ParallelReviewProcess.Vars.CRIMINAL_INVESTIGATION, "true"};
  }

  /** The child's mother killed by her partner: a domestic homicide review. */
  static Object[] domesticHomicideFacts(DemoScript s) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put(ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT, s.dateTimeIn(0, "09:00"));
    facts.put(ParallelReviewProcess.Vars.VICTIM_DIED, "true");
    facts.put(ParallelReviewProcess.Vars.VICTIM_AGE, "34");
    facts.put(ParallelReviewProcess.Vars.PERPETRATOR_RELATIONSHIP, "INTIMATE_PARTNER");
    facts.put(ParallelReviewProcess.Vars.MAPPA_LEVEL, "0");
    facts.put(ParallelReviewProcess.Vars.OFFENCE_CATEGORY, "NONE");
    facts.put(ParallelReviewProcess.Vars.CRIMINAL_INVESTIGATION, "false");
    return pairs(facts);
  }

  static Object[] agreement(DemoScript s) {
    Map<String, Object> values = new HashMap<>();
    values.put(ParallelReviewProcess.Vars.AGREED_WITH, "Chair of the community safety partnership");
    values.put(ParallelReviewProcess.Vars.AGREED_AT, s.today());
    for (String area : ParallelReviewProcess.WORKING_AREAS) {
      values.put(area + "Working", "PARALLEL");
      values.put(area + "Notes", "Agreed at the strategy meeting");
    }
    return pairs(values);
  }

  private static Object[] pairs(Map<String, Object> values) {
    List<Object> pairs = new ArrayList<>();
    values.forEach((name, value) -> {
      pairs.add(name);
      pairs.add(value);
    });
    return pairs.toArray();
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
