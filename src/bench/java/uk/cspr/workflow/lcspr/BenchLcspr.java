package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The LCSPR steps of {@code LcsprProcessTest}'s end-to-end case (statutory review, decision to
 * closure) for the benchmarks: which task, and the form values it is completed with (the test's
 * own value builders, {@code reviewer()}, {@code termsOfReference()}, {@code action(..)}).
 */
public final class BenchLcspr {

  public static final String KEY = LcsprProcess.KEY;

  /** A user task to complete: its element id and form values. */
  public record Step(String name, String taskKey, Map<String, Object> values) {}

  public static Step commissionReviewer() {
    return new Step("LCSPR commission reviewer", COMMISSION_REVIEWER, LcsprProcessTest.reviewer());
  }

  public static Step agreeTermsOfReference() {
    return new Step("LCSPR terms of reference", AGREE_TERMS_OF_REFERENCE, LcsprProcessTest.termsOfReference());
  }

  public static Step endorseTermsOfReference() {
    return new Step("LCSPR endorse terms", ENDORSE_TERMS_OF_REFERENCE, Map.of("termsOfReferenceEndorsed", "true"));
  }

  public static List<Step> familyAndPractitioners() {
    return List.of(
        new Step("LCSPR plan family engagement", PLAN_FAMILY_ENGAGEMENT,
            Map.of("inviteFamily", "true", "familyMembersToInvite", "Mother; older sibling")),
        new Step("LCSPR record family engagement", RECORD_FAMILY_ENGAGEMENT,
            Map.of("familyParticipated", "true", "familyContributionSummary", "Met the reviewer")),
        new Step("LCSPR practitioner events", RECORD_PRACTITIONER_EVENTS,
            Map.of("practitionerEventDate", "2027-05-08", "practitionersAttended", 14,
                "agenciesRepresented", "Police, school, health visiting")));
  }

  /** Every open chronology task is completed with these values (plus its own reference). */
  public static String chronologyTask() {
    return RETURN_AGENCY_CHRONOLOGY;
  }

  public static Map<String, Object> chronology(String reference) {
    return Map.of("chronologyReturned", true, "chronologyReference", reference);
  }

  public static Step submitDraft() {
    Map<String, Object> values = new HashMap<>(Map.of("draftReportReference", "DOC-DRAFT-1"));
    ReportChecks.DRAFT_CONTENTS.keySet().forEach(field -> values.put(field, true));
    return new Step("LCSPR draft report", SUBMIT_DRAFT_REPORT, values);
  }

  public static List<Step> finalReport() {
    return List.of(
        new Step("LCSPR Panel feedback", GIVE_PANEL_FEEDBACK, Map.of("panelFeedback", "Clarify the timeline of health visits.")),
        new Step("LCSPR final report", SUBMIT_FINAL_REPORT,
            Map.of("finalReportReference", "DOC-FINAL-1", "finalReportChanges", "Timeline clarified",
                "caseThemes", List.of("neglect"),
                "reviewRecommendations", LcsprProcessTest.recommendations())),
        new Step("LCSPR endorse final report", ENDORSE_FINAL_REPORT, Map.of("finalReportEndorsed", "true")),
        new Step("LCSPR publication decision", DECIDE_PUBLICATION,
            Map.of("publicationDecision", "FULL_REPORT", "publicationImpactConsidered", true)));
  }

  public static Step sendFinalReport() {
    return new Step("LCSPR report to Panel, DfE, Ofsted", SEND_FINAL_REPORT,
        Map.of("reportDocumentReference", "https://files.example/nl/final", "reportReadyConfirmed", true));
  }

  public static Step publish(String on) {
    return new Step("LCSPR publish", PUBLISH_REPORT, Map.of("publishedAt", on,
        "publicationUrl", "https://www.northlincscmars.co.uk/reviews/nl-review", "reviewerNamedInPublication", true));
  }

  public static Step shareLearning(String on) {
    return new Step("LCSPR 7-minute briefing", SHARE_LEARNING, Map.of("briefingSharings", List.of(LcsprProcessTest.sharing(on))));
  }

  public static Step agreeActionPlan() {
    return new Step("LCSPR agree action plan", AGREE_ACTION_PLAN,
        Map.of("actionPlan", List.of(LcsprProcessTest.action("Audit strategy meeting attendance", null)), "actionPlanSmart", true));
  }

  public static Step reviewActionPlanComplete() {
    return new Step("LCSPR review action plan", REVIEW_ACTION_PLAN,
        Map.of("actionPlan", List.of(LcsprProcessTest.action("Audit strategy meeting attendance", "COMPLETE")),
            "recommendationProgress", LcsprProcessTest.progress("IN_PROGRESS")));
  }

  public static List<Step> signOffAndAudit() {
    return List.of(
        new Step("LCSPR action plan sign-off", SIGN_OFF_ACTION_PLAN,
            Map.of("actionPlanSignedOff", true, "independentScrutinyRequested", "true",
                "recommendationProgress", LcsprProcessTest.progress("IMPLEMENTED"))),
        new Step("LCSPR audit improvements", AUDIT_IMPROVEMENTS, Map.of("auditDate", "2027-12-01",
            "improvementsEmbedded", "true", "auditFindings", "Attendance audited in 20 cases")));
  }

  public static Step reviewReportAvailability() {
    return new Step("LCSPR report availability", REVIEW_REPORT_AVAILABILITY,
        Map.of("reportRemainsAvailable", "false", "availabilityNote", "Archived; available on request"));
  }

  private BenchLcspr() {}
}
