package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 15, "What the flow computes, only the flow writes", through Camunda's own REST as the
 * task's candidate (the partnership's business unit): every attempt to set, change or remove a
 * case variable, to store an extra variable on completion or to move the task's due date is
 * refused, and nothing changed; an administrator may still change a due date.
 */
@CsprSpringBootTest
class FlowWritesTest {

  private static final String NL = "north-lincolnshire";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String coordinator;
  private Task task;
  private Map<String, Object> before;

  @BeforeEach
  void referACase() {
    coordinator = user("writes-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    ResponseEntity<JsonNode> created =
        as(coordinator).postForEntity("/api/referrals", TestReferrals.referral(NL), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String reference = created.getBody().get("caseReference").asText();
    task = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateGroup(CsprGroups.BUSINESS_UNIT)
        .list().get(0);
    before = runtimeService.getVariables(task.getProcessInstanceId());
  }

  @Test
  void aCandidateCannotSetChangeOrRemoveCaseVariables() {
    String modifications = "{\"modifications\":{\"panelNotificationDueAt\":{\"value\":\"2030-01-01T00:00:00.000+0000\","
        + "\"type\":\"Date\"},\"deadlinesBreached\":{\"value\":\"[]\",\"type\":\"String\"}},"
        + "\"deletions\":[\"awareOfIncidentAt\"]}";
    assertRefused(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/variables", modifications);
    assertRefused(HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/localVariables", modifications);
    assertRefused(HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/partnership",
        "{\"value\":\"bolton\",\"type\":\"String\"}");
    assertRefused(HttpMethod.DELETE, "/engine-rest/task/" + task.getId() + "/variables/referrerEmail", null);
    assertRefused(HttpMethod.POST, "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables", modifications);
    assertRefused(HttpMethod.POST, "/engine-rest/execution/" + task.getExecutionId() + "/localVariables", modifications);

    assertThat(runtimeService.getVariables(task.getProcessInstanceId())).isEqualTo(before);
  }

  @Test
  void aCandidateCannotMoveTheTasksDueDate() {
    Date due = task.getDueDate();
    assertRefused(HttpMethod.PUT, "/engine-rest/task/" + task.getId(),
        "{\"name\":\"" + task.getName() + "\",\"tenantId\":\"" + NL + "\",\"due\":\"2030-01-01T00:00:00.000+0000\"}");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(due);

    String admin = user("writes-admin", CsprGroups.ADMIN);
    ResponseEntity<String> moved = exchange(admin, HttpMethod.PUT, "/engine-rest/task/" + task.getId(),
        "{\"name\":\"" + task.getName() + "\",\"tenantId\":\"" + NL + "\",\"due\":\"2030-01-01T00:00:00.000+0000\"}");
    assertThat(moved.getStatusCode()).as(moved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void completingATaskAcceptsOnlyItsFormsFields() {
    ResponseEntity<String> refused = exchange(coordinator, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"panelNotificationDueAt\":{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}}");
    assertThat(refused.getStatusCode()).as(refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody()).contains("panelNotificationDueAt", "no such field");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    assertThat(runtimeService.getVariables(task.getProcessInstanceId())).isEqualTo(before);
  }

  /** Every group of the permission matrix but administrators: no variable or due-date write gets through. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyGroupButAdministrators")
  void noGroupCanRewriteACasesDeadlinesThroughEngineRest(String group) {
    String member = user("writes-" + group, group, NL);
    String dueAt = "{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}";
    Date due = task.getDueDate();
    for (String[] attempt : new String[][] {
        {"POST", "/engine-rest/task/" + task.getId() + "/variables", "{\"modifications\":{\"panelNotificationDueAt\":" + dueAt + "}}"},
        {"PUT", "/engine-rest/task/" + task.getId() + "/variables/panelNotificationDueAt", dueAt},
        {"DELETE", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables/deadlinesBreached", null},
        {"POST", "/engine-rest/process-instance/" + task.getProcessInstanceId() + "/variables",
            "{\"modifications\":{\"awareOfIncidentAt\":" + dueAt + "}}"},
        {"PUT", "/engine-rest/task/" + task.getId(), "{\"name\":\"x\",\"tenantId\":\"" + NL + "\",\"due\":\"2030-01-01T00:00:00.000+0000\"}"},
        {"POST", "/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{\"panelNotificationDueAt\":" + dueAt + "}}"}}) {
      ResponseEntity<String> response = exchange(member, HttpMethod.valueOf(attempt[0]), attempt[1], attempt[2]);
      assertThat(response.getStatusCode().is4xxClientError()).as(group + ": " + attempt[0] + " " + attempt[1] + " " + response.getBody()).isTrue();
    }
    assertThat(runtimeService.getVariables(task.getProcessInstanceId())).isEqualTo(before);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(due);
  }

  /** The flows a coordinator starts through a start form: a start takes exactly that form's fields. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"seriousIncidentNotification, userTask_notifyPanel", "nonSeriousCaseRequest, userTask_decideReview",
      "parallelReviewInterface, userTask_recordFacts"})
  void startingAFlowAcceptsOnlyItsStartFormsFields(String processKey, String laterStep) {
    long instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
    String definition = "/engine-rest/process-definition/key/" + processKey;
    String extra = "{\"partnership\":{\"value\":\"" + NL + "\"},"
        + "\"panelNotificationDueAt\":{\"value\":\"2030-01-01T00:00:00.000+0000\",\"type\":\"Date\"}}";
    for (String path : new String[] {definition + "/start", definition + "/submit-form"}) {
      ResponseEntity<String> refused = exchange(coordinator, HttpMethod.POST, path, "{\"variables\":" + extra + "}");
      assertThat(refused.getStatusCode()).as(path + ": " + refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody()).contains("panelNotificationDueAt", "no such field");
    }
    ResponseEntity<String> partWay = exchange(coordinator, HttpMethod.POST, definition + "/start",
        "{\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + laterStep + "\"}],"
            + "\"variables\":{\"partnership\":{\"value\":\"" + NL + "\"}}}");
    assertThat(partWay.getStatusCode()).as(partWay.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count()).isEqualTo(instances);
  }

  static Stream<String> everyGroupButAdministrators() {
    return CsprGroups.ALL.stream().map(group -> group.get(0)).filter(group -> !group.equals(CsprGroups.ADMIN));
  }

  private void assertRefused(HttpMethod method, String path, String body) {
    ResponseEntity<String> response = exchange(coordinator, method, path, body);
    assertThat(response.getStatusCode().is4xxClientError()).as(method + " " + path + ": " + response.getBody()).isTrue();
  }

  private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private String user(String userId, String group, String... tenants) {
    return TestUsers.user(identityService, PASSWORD, userId, group, tenants);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }
}
