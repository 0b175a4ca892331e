package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestReferrals;

/**
 * {@code GET /api/deadlines} and {@code /api/deadlines/summary} over HTTP as the demo users
 * (profile demo for its users; demo cases and mail sink off): tenants and authorizations of the
 * caller apply; deadline statuses follow the engine clock and the working-day calendar.
 */
@CsprSpringBootTest
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.cases=false", "cspr.demo.mail-sink.enabled=false"})
class DeadlinesApiTest {

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void managersSeeTheirPartnershipsCasesWithEveryDeadlineNearestFirst() {
    // Tue 22 Dec 2026; 25 and 28 Dec are bank holidays
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance northLincs = refer("north-lincolnshire");
    ProcessInstance cambs = refer("cambridgeshire-peterborough");
    EngineClock.setTo("2026-12-22T11:00");
    complete(northLincs, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    EngineClock.setTo("2026-12-30T10:00");
    Jobs.executeDue(management, northLincs.getId()); // the SSL recommendation deadline (29 Dec) is missed

    JsonNode board = get("manager", "/api/deadlines");
    assertThat(references(board)).contains(northLincs.getBusinessKey()).doesNotContain(cambs.getBusinessKey());
    JsonNode row = row(board, northLincs.getBusinessKey());
    assertThat(row.path("partnership").asText()).isEqualTo("north-lincolnshire");
    assertThat(row.path("status").asText()).isEqualTo("OVERDUE");
    assertThat(row.path("flows").get(0).path("processKey").asText()).isEqualTo(NotificationProcess.KEY);
    assertThat(row.path("flows").get(0).path("name").asText()).isEqualTo("Serious incident notification");
    assertThat(texts(row.path("flows").get(0).path("currentSteps")))
        .contains("Recommend to the safeguarding partners", "Escalate missed deadline");
    Map<String, JsonNode> deadlines = deadlines(row);
    assertThat(deadlines.get("partnersInformedDueAt").path("status").asText()).isEqualTo("MET");
    assertThat(deadlines.get("sslRecommendationDueAt").path("status").asText()).isEqualTo("OVERDUE");
    assertThat(deadlines.get("sslRecommendationDueAt").path("workingDaysLeft").asInt()).isEqualTo(-1);
    assertThat(deadlines.get("dspDecisionDueAt").path("status").asText()).isEqualTo("DUE_SOON");
    assertThat(deadlines.get("dspDecisionDueAt").path("workingDaysLeft").asInt()).isZero();
    assertThat(deadlines.get("panelNotificationDueAt").path("status").asText()).isEqualTo("DUE_SOON");
    assertThat(deadlines.get("panelNotificationDueAt").path("workingDaysLeft").asInt()).isEqualTo(1);
    assertThat(row.path("nearestDueAt").asText()).isEqualTo(deadlines.get("sslRecommendationDueAt").path("dueAt").asText());
    assertThat(row.path("deadlines").get(0).path("name").asText()).isEqualTo("sslRecommendationDueAt");

    assertThat(references(get("manager", "/api/deadlines?status=OVERDUE"))).contains(northLincs.getBusinessKey());
    assertThat(references(get("manager", "/api/deadlines?status=ON_TRACK"))).doesNotContain(northLincs.getBusinessKey());
    assertThat(references(get("manager", "/api/deadlines?partnership=north-east-lincolnshire"))).isEmpty();
    assertThat(references(get("cpcoordinator", "/api/deadlines")))
        .contains(cambs.getBusinessKey()).doesNotContain(northLincs.getBusinessKey());

    // Outcome (b): the Panel notification no longer arises; the decided steps are met or late
    EngineClock.setTo("2026-12-30T11:00");
    complete(northLincs, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NO_FURTHER_ACTION", "sslRationale", "Not met");
    complete(northLincs, RECORD_PARTNERS_DECISION, "laVote", "NO_FURTHER_ACTION", "policeVote", "NO_FURTHER_ACTION",
        "icbVote", "NO_FURTHER_ACTION", "outcomeRationale", "Criteria not met");
    deadlines = deadlines(row(get("manager", "/api/deadlines"), northLincs.getBusinessKey()));
    assertThat(deadlines).doesNotContainKey("panelNotificationDueAt");
    assertThat(deadlines.get("sslRecommendationDueAt").path("status").asText()).isEqualTo("LATE");
    assertThat(deadlines.get("dspDecisionDueAt").path("status").asText()).isEqualTo("MET");

    JsonNode summary = get("manager", "/api/deadlines/summary?months=12");
    Map<String, JsonNode> duties = new HashMap<>();
    summary.path("duties").forEach(d -> duties.put(d.path("taskKey").asText(), d));
    assertThat(duties.get(INFORM_PARTNERS).path("onTime").asInt()).isEqualTo(1);
    assertThat(duties.get(INFORM_PARTNERS).path("name").asText()).isEqualTo("Inform the delegated safeguarding partners and senior leads");
    assertThat(duties.get(RECORD_SSL_RECOMMENDATION).path("late").asInt()).isEqualTo(1);
    assertThat(duties).as("due tonight: not yet counted").doesNotContainKey(RECORD_PARTNERS_DECISION);
  }

  @Test
  void aCaseShowsItsCalledFlowsAndEachDeadlineOnce() {
    ProcessInstance notification = notifiedOnMondayWithRapidReview();

    JsonNode row = row(get("manager", "/api/deadlines"), notification.getBusinessKey());
    List<String> flows = new ArrayList<>();
    row.path("flows").forEach(f -> flows.add(f.path("processKey").asText()));
    assertThat(flows).contains(NotificationProcess.KEY, "rapidReview");
    List<String> names = new ArrayList<>();
    row.path("deadlines").forEach(d -> names.add(d.path("name").asText()));
    assertThat(names).as("the rapid review's copies of the notification deadlines are not repeated").doesNotHaveDuplicates()
        .contains("panelNotificationDueAt", "rapidReviewDueAt");
    JsonNode panel = deadlines(row).get("panelNotificationDueAt");
    assertThat(panel.path("processKey").asText()).isEqualTo(NotificationProcess.KEY);
    assertThat(panel.path("status").asText()).isEqualTo("MET");
  }

  @Test
  void anLcsprStartedFromARapidReviewShowsNoDutyThatCanNoLongerArise() {
    ProcessInstance notification = notifiedOnMondayWithRapidReview();
    String key = notification.getBusinessKey();
    ProcessInstance review = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKey(RapidReviewProcess.KEY).singleResult();

    // Every agency report comes back on time: no chaser ever arises
    complete(review, RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE, RapidReviewProcess.Vars.AGENCIES,
        List.of(agency("Humberside Police"), agency("Northern Lincolnshire and Goole NHS Trust")),
        RapidReviewProcess.Vars.SCOPING_PERIOD_MONTHS, "12");
    complete(review, RapidReviewProcess.Elements.SCHEDULE_MEETING, RapidReviewProcess.Vars.MEETING_AT, "2027-01-18T10:00",
        "meetingVenue", "Church Square House", "caseThemes", List.of("neglect"));
    EngineClock.setTo("2027-01-15T12:00");
    tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(RapidReviewProcess.Elements.RETURN_AGENCY_REPORT)
        .list().forEach(report -> tasks.complete(report.getId(), Map.of(
            RapidReviewProcess.Vars.AGENCY_INVOLVEMENT, "Known to the service since 2025",
            RapidReviewProcess.Vars.AGENCY_LEARNING, "Information was not shared with the school",
            RapidReviewProcess.Vars.RECORDS_SECURED, "true", RapidReviewProcess.Vars.QUALITY_ASSURED_BY, "Named lead")));
    EngineClock.setTo("2027-01-18T15:00");
    Map<String, Object> meeting = new HashMap<>();
    meeting.put(RapidReviewProcess.Vars.MEETING_HELD_AT, "2027-01-18T13:00");
    meeting.put(RapidReviewProcess.Vars.MEETING_ATTENDEES, "LA, police, ICB");
    meeting.put(RapidReviewProcess.Vars.IMMEDIATE_SAFETY_ACTIONS, "Siblings' safety plan reviewed");
    meeting.put(RapidReviewProcess.Vars.LEARNING_ALREADY_CAPTURED, "Information sharing with schools");
    meeting.put(RapidReviewProcess.Vars.DIVERSITY_CONSIDERATIONS, "Interpreter not offered");
    meeting.put(RapidReviewProcess.Vars.LA_LCSPR_VOTE, "true");
    meeting.put(RapidReviewProcess.Vars.POLICE_LCSPR_VOTE, "true");
    meeting.put(RapidReviewProcess.Vars.ICB_LCSPR_VOTE, "true");
    meeting.put(RapidReviewProcess.Vars.LCSPR_RATIONALE, "Recurrent theme of information sharing");
    meeting.put(RapidReviewProcess.Vars.KEY_LINES_OF_ENQUIRY, "Professional curiosity");
    meeting.put(RapidReviewProcess.Vars.NATIONAL_REVIEW_SUGGESTED, "false");
    meeting.put(RapidReviewProcess.Vars.HOME_OFFICE_CONTRIBUTION_NEEDED, "false");
    complete(review, RapidReviewProcess.Elements.RECORD_MEETING, meeting);
    EngineClock.setTo("2027-01-20T10:00");
    complete(review, RapidReviewProcess.Elements.WRITE_CHAIR_REPORT, "caseFactsSummary", "Facts",
        "immediateSafeguardingArrangements", "Safety plan", "childVoiceAndIdentity", "Voice", "learningAndGoodPractice", "Learning",
        "recommendations", "Recommendations", "actionPlan", "Action plan", "chairName", "Head of safeguarding, ICB");
    complete(review, RapidReviewProcess.Elements.HOLD_WELLBEING_SESSIONS, "wellbeingSessionsHeld", "true",
        "wellbeingSessionsNote", "Two sessions");
    Map<String, Object> signOff = new HashMap<>();
    signOff.put(RapidReviewProcess.Vars.LCSPR_AGREED, "true");
    signOff.put(RapidReviewProcess.Vars.LCSPR_DECISION_RATIONALE, "Agreed with the meeting's rationale");
    signOff.put(RapidReviewProcess.Vars.KEY_LINES_OF_ENQUIRY, "Professional curiosity");
    signOff.put(RapidReviewProcess.Vars.LA_SIGNED_OFF_BY, "Director of Children's Services");
    signOff.put(RapidReviewProcess.Vars.POLICE_SIGNED_OFF_BY, "Detective Chief Superintendent");
    signOff.put(RapidReviewProcess.Vars.ICB_SIGNED_OFF_BY, "Chief Nurse");
    complete(review, RapidReviewProcess.Elements.SIGN_OFF, signOff);
    ProcessInstance panel = runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId()).singleResult();
    EngineClock.setTo("2027-01-25T10:00");
    complete(panel, PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "LOCAL_DECISION_STANDS",
        "panelAnsweredAt", "2027-01-25T09:00", "panelAnswerRationale", "Panel letter of today");
    assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId()).processDefinitionKey(LcsprProcess.KEY)
        .count()).as("the rapid review waits in its LCSPR").isEqualTo(1);

    // Months later, past the chaser and follow-up dates: neither duty can arise any more
    EngineClock.setTo("2027-06-01T10:00");
    JsonNode row = row(get("manager", "/api/deadlines"), key);
    Map<String, JsonNode> deadlines = deadlines(row);
    assertThat(deadlines).as("no chaser task ever arose: every report came back on time")
        .doesNotContainKey(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT);
    assertThat(deadlines).as("the follow-up tasks are on the branches not taken")
        .doesNotContainKey(RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT);
    assertThat(deadlines.get(RapidReviewProcess.Vars.AGENCY_REPORTS_DUE_AT).path("status").asText()).isEqualTo("MET");
    List<String> names = new ArrayList<>();
    row.path("deadlines").forEach(d -> names.add(d.path("name").asText()));
    assertThat(names).as("each deadline once").doesNotHaveDuplicates();
  }

  private static Map<String, Object> agency(String name) {
    Map<String, Object> agency = new HashMap<>();
    agency.put(RapidReviewProcess.Vars.AGENCY_NAME, name);
    agency.put(RapidReviewProcess.Vars.AGENCY_EMAIL, null);
    return agency;
  }

  @Test
  void anAgencyLeadWithoutReadInstanceGetsAnEmptyListAndStrangersAre401() {
    EngineClock.setTo("2026-12-22T10:00");
    refer("north-lincolnshire");
    assertThat(get("agencylead", "/api/deadlines").path("cases")).isEmpty();
    assertThat(get("agencylead", "/api/deadlines").path("total").asInt()).isZero();
    assertThat(http.getForEntity("/api/deadlines", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aStandaloneTaskWithADueDateIsNoDutyAndBreaksNothing() {
    EngineClock.setTo("2027-02-10T10:00");
    Task overdue = standaloneTask("Phone the school");
    Task done = standaloneTask("Chase the GP");
    tasks.complete(done.getId());

    JsonNode summary = get("manager", "/api/deadlines/summary");
    summary.path("duties").forEach(duty -> assertThat(duty.path("processKey").asText()).isNotBlank());
    tasks.deleteTask(overdue.getId(), true);
  }

  private Task standaloneTask(String name) {
    Task task = tasks.newTask();
    task.setName(name);
    task.setDueDate(EngineClock.endOf("2027-02-01"));
    task.setTenantId("north-lincolnshire");
    tasks.saveTask(task);
    return task;
  }

  @Test
  void badParametersAre400NamingTheParameter() {
    ResponseEntity<JsonNode> refused = http.withBasicAuth("manager", "manager").getForEntity("/api/deadlines?status=LATE", JsonNode.class);
    assertThat(refused.getBody().path("parameter").asText()).isEqualTo("status");
    assertThat(refused.getBody().path("message").asText()).contains("OVERDUE, DUE_SOON, ON_TRACK, ALL");
    assertThat(status("/api/deadlines?status=LATE")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/deadlines?partnership=atlantis")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/deadlines?limit=0")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status("/api/deadlines/summary?months=0")).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  private HttpStatus status(String path) {
    return HttpStatus.valueOf(http.withBasicAuth("manager", "manager").getForEntity(path, String.class).getStatusCode().value());
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<JsonNode> response = http.withBasicAuth(user, user).getForEntity(path, JsonNode.class);
    assertThat(response.getStatusCode()).as(user + " GET " + path).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  private static List<String> references(JsonNode board) {
    return StreamSupport.stream(board.path("cases").spliterator(), false).map(c -> c.path("caseReference").asText()).toList();
  }

  private static JsonNode row(JsonNode board, String reference) {
    return StreamSupport.stream(board.path("cases").spliterator(), false)
        .filter(c -> c.path("caseReference").asText().equals(reference)).findFirst().orElseThrow();
  }

  private static Map<String, JsonNode> deadlines(JsonNode row) {
    Map<String, JsonNode> deadlines = new HashMap<>();
    row.path("deadlines").forEach(d -> deadlines.put(d.path("name").asText(), d));
    return deadlines;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }

  /** Mon 11 Jan 2027: outcome (a), the Panel notified at once, the rapid review started. */
  private ProcessInstance notifiedOnMondayWithRapidReview() {
    EngineClock.setTo("2027-01-11T10:00");
    ProcessInstance notification = refer("north-lincolnshire", "2027-01-11T09:30");
    complete(notification, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    complete(notification, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NOTIFY_AND_RAPID_REVIEW", "sslRationale", "Met");
    complete(notification, RECORD_PARTNERS_DECISION, "laVote", "NOTIFY_AND_RAPID_REVIEW", "policeVote", "NOTIFY_AND_RAPID_REVIEW",
        "icbVote", "NOTIFY_AND_RAPID_REVIEW", "outcomeRationale", "Criteria met");
    complete(notification, NOTIFY_PANEL, "panelNotificationSentAt", "2027-01-11T09:55", "panelNotificationReference", "CSIN-1");
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(notification.getBusinessKey())
        .processDefinitionKeyIn(Flows.KEYS).list().forEach(instance -> Jobs.executeDue(management, instance.getId()));
    return notification;
  }

  private ProcessInstance refer(String partnership) {
    return refer(partnership, "2026-12-22T09:30");
  }

  private ProcessInstance refer(String partnership, String awareAt) {
    return runtime.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral(partnership, awareAt));
  }

  private void complete(ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    TaskSteps.complete(tasks, instance, taskKey, variables);
  }

  private void complete(ProcessInstance instance, String taskKey, Object... values) {
    TaskSteps.complete(tasks, instance, taskKey, values);
  }
}
