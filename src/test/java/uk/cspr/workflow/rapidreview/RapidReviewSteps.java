package uk.cspr.workflow.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.*;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars;
import uk.cspr.workflow.support.EngineClock;

/**
 * Drives a rapid review through its tasks as Tasklist users would (form values as Tasklist submits
 * them), for the process test and the integration test alike.
 */
final class RapidReviewSteps {

  private final RuntimeService runtime;
  private final TaskService tasks;

  RapidReviewSteps(RuntimeService runtime, TaskService tasks) {
    this.runtime = runtime;
    this.tasks = tasks;
  }

  ProcessInstance start(NotifiedCases notified, String decidedAt) {
    EngineClock.setTo(decidedAt);
    return runtime.startProcessInstanceByKey(RapidReviewProcess.KEY, notified.caseReference(), notified.values());
  }

  /** NL case notified 18 Mar 2027, decision 19 Mar, one agency reported: at the meeting. */
  ProcessInstance toMeeting(NotifiedCases notified) {
    ProcessInstance review = start(notified, "2027-03-19T10:00");
    confirmAgencies(review, "Humberside Police");
    schedule(review, "2027-03-26T10:00");
    EngineClock.setTo("2027-03-25T12:00");
    returnAllReports(review);
    EngineClock.setTo("2027-03-26T15:00");
    return review;
  }

  ProcessInstance toSignOff(NotifiedCases notified, boolean lcspr) {
    ProcessInstance review = toMeeting(notified);
    recordMeeting(review, lcspr, lcspr, lcspr);
    EngineClock.setTo("2027-04-06T10:00");
    writeChairReport(review);
    return review;
  }

  void confirmAgencies(ProcessInstance review, String... names) {
    List<Map<String, Object>> agencies = new ArrayList<>();
    for (String name : names) {
      agencies.add(agency(name, null));
    }
    complete(review, CONFIRM_AGENCIES_AND_SCOPE, Vars.AGENCIES, agencies, Vars.SCOPING_PERIOD_MONTHS, "12");
  }

  Map<String, Object> agency(String name, String email) {
    Map<String, Object> agency = new LinkedHashMap<>();
    agency.put(Vars.AGENCY_NAME, name);
    agency.put(Vars.AGENCY_EMAIL, email);
    return agency;
  }

  void schedule(ProcessInstance review, String meetingAt) {
    complete(review, SCHEDULE_MEETING, Vars.MEETING_AT, meetingAt, "meetingVenue", "Church Square House",
        "caseThemes", List.of("neglect", "information-sharing"));
  }

  List<Task> reportTasks(ProcessInstance review) {
    return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(RETURN_AGENCY_REPORT).list();
  }

  void returnAllReports(ProcessInstance review) {
    reportTasks(review).forEach(this::returnReport);
  }

  void returnReport(Task report) {
    complete(report, Vars.AGENCY_INVOLVEMENT, "Known to the service since 2025; three contacts",
        Vars.AGENCY_LEARNING, "Information was not shared with the school", Vars.RECORDS_SECURED, "true",
        Vars.QUALITY_ASSURED_BY, "Named safeguarding lead");
  }

  Map<String, Object> meetingValues(String la, String police, String icb) {
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.MEETING_HELD_AT, LocalDateTime.ofInstant(
        ClockUtil.getCurrentTime().toInstant(), EngineClock.LONDON).minusHours(2).toString());
    values.put(Vars.MEETING_ATTENDEES, "LA, police, ICB, school, independent scrutineer");
    values.put(Vars.IMMEDIATE_SAFETY_ACTIONS, "Siblings' safety plan reviewed");
    values.put(Vars.LEARNING_ALREADY_CAPTURED, "Information sharing with schools");
    values.put(Vars.DIVERSITY_CONSIDERATIONS, "Interpreter not offered to the mother");
    values.put(Vars.LA_LCSPR_VOTE, la);
    values.put(Vars.POLICE_LCSPR_VOTE, police);
    values.put(Vars.ICB_LCSPR_VOTE, icb);
    values.put(Vars.LCSPR_RATIONALE, "Recurrent theme of information sharing");
    if (List.of(la, police, icb).stream().filter("true"::equals).count() >= 2) {
      values.put(Vars.KEY_LINES_OF_ENQUIRY, "How race and culture shaped professional curiosity");
    }
    values.put(Vars.NATIONAL_REVIEW_SUGGESTED, "false");
    values.put(Vars.HOME_OFFICE_CONTRIBUTION_NEEDED, "false");
    return values;
  }

  void recordMeetingWith(ProcessInstance review, String la, String police, String icb, Map<String, Object> extra) {
    Map<String, Object> values = meetingValues(la, police, icb);
    values.putAll(extra);
    tasks.complete(task(review, RECORD_MEETING).getId(), values);
  }

  void recordMeeting(ProcessInstance review, boolean la, boolean police, boolean icb) {
    recordMeetingWith(review, String.valueOf(la), String.valueOf(police), String.valueOf(icb), Map.of());
  }

  void writeChairReport(ProcessInstance review) {
    complete(review, WRITE_CHAIR_REPORT, "caseFactsSummary", "Facts", "immediateSafeguardingArrangements", "Safety plan",
        "childVoiceAndIdentity", "Voice", "learningAndGoodPractice", "Learning", "recommendations", "Recommendations",
        "actionPlan", "Action plan", "chairName", "Head of safeguarding, ICB");
  }

  void completeWellbeing(ProcessInstance review) {
    complete(review, HOLD_WELLBEING_SESSIONS, "wellbeingSessionsHeld", "true", "wellbeingSessionsNote", "Two sessions");
  }

  void signOff(ProcessInstance review, String lcspr) {
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.LCSPR_AGREED, lcspr);
    values.put(Vars.LCSPR_DECISION_RATIONALE, "Agreed with the meeting's rationale");
    values.put(Vars.KEY_LINES_OF_ENQUIRY, "true".equals(lcspr) ? runtime.getVariable(review.getId(), Vars.KEY_LINES_OF_ENQUIRY) : null);
    values.put(Vars.LA_SIGNED_OFF_BY, "Director of Children's Services");
    values.put(Vars.POLICE_SIGNED_OFF_BY, "Detective Chief Superintendent");
    values.put(Vars.ICB_SIGNED_OFF_BY, "Chief Nurse");
    tasks.complete(task(review, SIGN_OFF).getId(), values);
  }

  ProcessInstance panelDecision(ProcessInstance review) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId()).singleResult();
  }

  void answer(ProcessInstance panel, String answer) {
    Task record = tasks.createTaskQuery().processInstanceId(panel.getId())
        .taskDefinitionKey(PanelDecisionProcess.Elements.RECORD_ANSWER).singleResult();
    tasks.complete(record.getId(), Map.of("panelAnswer", answer, "panelAnsweredAt",
        LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), EngineClock.LONDON)
            .minusHours(1).toString(), "panelAnswerRationale", "Panel letter of today"));
  }

  Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  void complete(ProcessInstance instance, String taskKey, Object... variables) {
    Task task = task(instance, taskKey);
    assertThat(task).as("open task " + taskKey).isNotNull();
    complete(task, variables);
  }

  void complete(Task task, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }
}
