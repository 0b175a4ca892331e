package uk.cspr.workflow.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.rapidreview.PanelDecisionProcess.Elements.*;
import static uk.cspr.workflow.support.EngineClock.endOf;
import static uk.cspr.workflow.support.SpecMailboxes.PANEL;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess.Vars;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;

/**
 * The reusable Panel interaction on its own, through its input/output contract (as {@code
 * rapidReview} and later {@code lcspr} call it): due dates, the chaser, the further-information
 * loop, a national review and a local decision that stands.
 */
@CsprSpringBootTest
@SuppressWarnings("unchecked")
class PanelDecisionProcessTest {

  private static int number = 500;

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void thePanelIsExpectedToAnswerWithinFifteenWorkingDaysOverEaster() {
    // Sent Thu 18 Mar 2027; Good Friday 26 Mar and Easter Monday 29 Mar 2027 do not count
    ProcessInstance panel = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");

    assertThat(panel.getTenantId()).isEqualTo("north-lincolnshire");
    assertThat(variable(panel, Vars.PANEL_SUBMITTED_AT)).isEqualTo(london("2027-03-18T15:00"));
    assertThat(variable(panel, Vars.PANEL_ANSWER_DUE_AT)).isEqualTo(endOf("2027-04-12"));
    assertThat(variable(panel, Vars.PANEL_CHASER_DUE_AT)).isEqualTo(endOf("2027-04-13"));
    Task record = task(panel, RECORD_ANSWER);
    assertThat(record.getName()).isEqualTo(panel.getBusinessKey() + " · Record the Panel's answer — due 12 Apr 2027");
    assertThat(record.getDescription()).isEqualTo(panel.getBusinessKey() + " · North Lincolnshire Safeguarding Children Partnership");
  }

  @Test
  void thePanelIsExpectedToAnswerWithinFifteenWorkingDaysOverChristmas() {
    // Sent Thu 17 Dec 2026; 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan 2027 do not count
    ProcessInstance panel = submit(inputs("2026-12-17T16:00"), "2026-12-17T16:00");
    assertThat(variable(panel, Vars.PANEL_ANSWER_DUE_AT)).isEqualTo(endOf("2027-01-12"));
    assertThat(variable(panel, Vars.PANEL_CHASER_DUE_AT)).isEqualTo(endOf("2027-01-13"));
  }

  @Test
  void theInputContractIsChecked() {
    EngineClock.setTo("2027-03-18T16:00");
    Map<String, Object> noSummary = inputs("2027-03-18T15:00");
    noSummary.remove(Vars.PANEL_SUBMISSION_SUMMARY);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PanelDecisionProcess.KEY, noSummary))
        .hasMessageContaining("panelSubmissionSummary: is required");
    Map<String, Object> noDate = inputs("2027-03-18T15:00");
    noDate.remove(Vars.PANEL_SUBMITTED_AT);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PanelDecisionProcess.KEY, noDate))
        .hasMessageContaining("panelSubmittedAt: is required");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PanelDecisionProcess.KEY, inputs("2027-03-19T15:00")))
        .hasMessageContaining("panelSubmittedAt: cannot be in the future");
    Map<String, Object> noReference = inputs("2027-03-18T15:00");
    noReference.remove(Vars.CASE_REFERENCE);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PanelDecisionProcess.KEY, noReference))
        .hasMessageContaining("caseReference: is required");
  }

  @Test
  void aLateAnswerIsChasedAndAnOpenChaserCloses() {
    ProcessInstance panel = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");
    EngineClock.setTo("2027-04-12T23:59");
    assertThat(Jobs.executeDue(management, panel.getId())).isZero();
    EngineClock.setTo("2027-04-13T00:00:30");
    assertThat(Jobs.executeDue(management, panel.getId())).isEqualTo(1);

    Task chase = task(panel, CHASE_PANEL);
    assertThat(chase.getName()).isEqualTo(panel.getBusinessKey() + " · Chase the Panel — due 13 Apr 2027");
    tasks.complete(chase.getId(), Map.of(Vars.PANEL_CHASE_NOTE, "The rapid review decision is needed for the LCSPR start"));
    Map<String, Object> chaser = message(panel, "panelChaser");
    assertThat(chaser.get("TO_ADDRESSES")).isEqualTo(PANEL);
    assertThat(chaser.get("CC_ADDRESSES")).isEqualTo("mars@northlincs.gov.uk");
    assertThat(task(panel, RECORD_ANSWER)).as("still waiting").isNotNull();

    // The answer arrives after the chase; in a second case the chaser is left open and closes with the answer
    EngineClock.setTo("2027-04-14T10:00");
    answer(panel, "LOCAL_DECISION_STANDS", null);
    assertThat(ended(panel, END_LOCAL_DECISION_STANDS)).isTrue();
    assertThat(variable(panel, Vars.PANEL_ANSWER)).isEqualTo("LOCAL_DECISION_STANDS");
    assertThat(variable(panel, Vars.NATIONAL_REVIEW)).isEqualTo(false);

    ProcessInstance unanswered = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");
    EngineClock.setTo("2027-04-13T00:00:30");
    Jobs.executeDue(management, unanswered.getId());
    assertThat(task(unanswered, CHASE_PANEL)).isNotNull();
    EngineClock.setTo("2027-04-13T10:00");
    answer(unanswered, "LOCAL_DECISION_STANDS", null);
    assertThat(tasks.createTaskQuery().processInstanceId(unanswered.getId()).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(unanswered.getId()).finished().count())
        .isEqualTo(1);
  }

  @Test
  void furtherInformationLoopsBackWithANewDueDateUntilThePanelDecides() {
    ProcessInstance panel = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");
    EngineClock.setTo("2027-03-30T10:00");
    assertThatThrownBy(() -> answer(panel, "FURTHER_INFORMATION_REQUESTED", null))
        .hasMessageContaining("panelRequestedInformation: is required");
    answer(panel, "FURTHER_INFORMATION_REQUESTED", "The school's attendance records and the GP chronology");

    Task provide = task(panel, PROVIDE_FURTHER_INFORMATION);
    assertThat(provide.getDueDate()).isEqualTo(endOf("2027-04-13")); // 10 WD from the request (Easter)
    EngineClock.setTo("2027-04-01T12:00");
    tasks.complete(provide.getId(), Map.of(Vars.FURTHER_INFORMATION, "Attendance 62%; GP saw the child twice"));

    Map<String, Object> sent = message(panel, "panelFurtherInformation");
    assertThat(sent.get("TO_ADDRESSES")).isEqualTo(PANEL);
    assertThat(attachments(sent)).containsExactly(panel.getBusinessKey() + "-panelFurtherInformation.pdf");
    assertThat(runtime.getVariable(panel.getId(), Vars.FURTHER_INFORMATION_ROUNDS)).isEqualTo(1);
    assertThat(runtime.getVariable(panel.getId(), Vars.PANEL_SUBMITTED_AT)).isEqualTo(london("2027-04-01T12:00"));
    Task again = task(panel, RECORD_ANSWER);
    assertThat(again.getDueDate()).isEqualTo(endOf("2027-04-22")); // 15 WD from the new submission

    EngineClock.setTo("2027-04-13T09:00");
    answer(panel, "NATIONAL_REVIEW", null);
    Task scope = task(panel, RECORD_SCOPE_DISCUSSIONS);
    assertThat(scope.getDueDate()).isEqualTo(endOf("2027-04-27"));
    tasks.complete(scope.getId(), Map.of(Vars.SCOPE_DISCUSSIONS, "Panel reviewer to meet the partners on 3 May"));

    assertThat(ended(panel, END_NATIONAL_REVIEW)).isTrue();
    assertThat(variable(panel, Vars.NATIONAL_REVIEW)).isEqualTo(true);
    List<Map<String, Object>> exchanges = (List<Map<String, Object>>) variable(panel, Vars.PANEL_EXCHANGES);
    assertThat(exchanges).extracting(e -> e.get(Vars.PANEL_ANSWER))
        .containsExactly("FURTHER_INFORMATION_REQUESTED", "NATIONAL_REVIEW");
    assertThat(exchanges.get(0).get(Vars.FURTHER_INFORMATION)).isEqualTo("Attendance 62%; GP saw the child twice");
  }

  @Test
  void lateFurtherInformationIsRecordedAndEscalated() {
    ProcessInstance panel = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");
    EngineClock.setTo("2027-03-30T10:00");
    answer(panel, "FURTHER_INFORMATION_REQUESTED", "Chronology");
    EngineClock.setTo("2027-04-14T00:00:30");
    assertThat(Jobs.executeDue(management, panel.getId())).isEqualTo(1);
    assertThat(task(panel, ESCALATE_MISSED_DEADLINE).getName())
        .isEqualTo(panel.getBusinessKey() + " · Escalate missed deadline: Provide further information — due 15 Apr 2027");
    assertThat((List<String>) runtime.getVariable(panel.getId(), "deadlinesBreached"))
        .containsExactly("Provide further information");
  }

  @Test
  void anAnswerCannotPredateTheSubmission() {
    ProcessInstance panel = submit(inputs("2027-03-18T15:00"), "2027-03-18T15:05");
    EngineClock.setTo("2027-03-30T10:00");
    Task record = task(panel, RECORD_ANSWER);
    assertThatThrownBy(() -> tasks.complete(record.getId(), Map.of(Vars.PANEL_ANSWER, "LOCAL_DECISION_STANDS",
        Vars.PANEL_ANSWERED_AT, "2027-03-17T10:00", Vars.PANEL_ANSWER_RATIONALE, "x")))
        .hasMessageContaining("panelAnsweredAt: cannot be before the submission");
    assertThatThrownBy(() -> tasks.complete(record.getId(), Map.of(Vars.PANEL_ANSWER, "MAYBE",
        Vars.PANEL_ANSWERED_AT, "2027-03-29T10:00", Vars.PANEL_ANSWER_RATIONALE, "x")))
        .hasMessageContaining("panelAnswer");
  }

  // ------------------------------------------------------------------ helpers

  private static Map<String, Object> inputs(String submittedAt) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(Vars.CASE_REFERENCE, "NL-2027-" + (++number));
    inputs.put(Vars.PARTNERSHIP, "north-lincolnshire");
    inputs.put(Vars.PANEL_SUBMITTED_AT, london(submittedAt));
    inputs.put(Vars.PANEL_SUBMISSION_SUMMARY, "Rapid review: LCSPR to be undertaken");
    return inputs;
  }

  private ProcessInstance submit(Map<String, Object> inputs, String now) {
    EngineClock.setTo(now);
    return runtime.startProcessInstanceByKey(PanelDecisionProcess.KEY, inputs);
  }

  private void answer(ProcessInstance panel, String answer, String requested) {
    Map<String, Object> values = new HashMap<>();
    values.put(Vars.PANEL_ANSWER, answer);
    values.put(Vars.PANEL_ANSWERED_AT, LocalDateTime.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), EngineClock.LONDON).minusHours(1).toString());
    values.put(Vars.PANEL_ANSWER_RATIONALE, "Letter from the Panel secretariat");
    values.put(Vars.PANEL_REQUESTED_INFORMATION, requested);
    tasks.complete(task(panel, RECORD_ANSWER).getId(), values);
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  private boolean ended(ProcessInstance instance, String endEvent) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(endEvent).finished().count() == 1;
  }

  private Map<String, Object> message(ProcessInstance panel, String template) {
    List<Map<String, Object>> messages = jdbc.queryForList(
        "SELECT id, template, to_addresses, cc_addresses FROM cspr_outbox_message WHERE case_reference = ? AND template = ?",
        panel.getBusinessKey(), template);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private List<String> attachments(Map<String, Object> message) {
    return jdbc.queryForList("SELECT file_name FROM cspr_outbox_attachment WHERE outbox_id = ? ORDER BY sort_order",
        String.class, message.get("ID"));
  }

  private static Date london(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(EngineClock.LONDON).toInstant());
  }
}
