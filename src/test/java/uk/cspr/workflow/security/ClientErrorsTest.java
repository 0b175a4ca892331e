package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 15 (7): a client error answers 4xx on {@code /engine-rest} as on {@code /api}, and is logged
 * as one WARN line without a stack trace, the value people typed neutralised (a CRLF cannot forge a
 * log line); every page and API of ours sends nosniff, frame protection and a Content-Security-Policy.
 */
@CsprSpringBootTest
class ClientErrorsTest {

  private static final String NL = "north-lincolnshire";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private String coordinator;
  private String admin;

  @BeforeEach
  void listen() {
    coordinator = TestUsers.user(identity, PASSWORD, "errors-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    admin = TestUsers.user(identity, PASSWORD, "errors-admin", CsprGroups.ADMIN);
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void stopListening() {
    root().detachAppender(log);
  }

  @Test
  void aRefusedValueIsOneWarnLineWithoutStackTraceAndItsLineBreaksEscaped() {
    ResponseEntity<String> refused = send(coordinator, HttpMethod.POST, "/api/referrals",
        withReferringAgency("St Mary's\r\n2026-12-02 ERROR forged line"));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    Task task = referredTask();
    ResponseEntity<String> extra = send(coordinator, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/complete",
        "{\"variables\":{\"x\\r\\nERROR forged\":{\"value\":1}}}");
    assertThat(extra.getStatusCode().value()).as(extra.getBody()).isEqualTo(400);

    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
    List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    assertThat(warnings).isNotEmpty().allSatisfy(warning -> {
      assertThat(warning.getThrowableProxy()).as(warning.getFormattedMessage()).isNull();
      assertThat(warning.getFormattedMessage()).doesNotContain("\r", "\n");
    });
    assertThat(warnings).anySatisfy(w -> assertThat(w.getFormattedMessage()).contains("x\\u000D\\u000AERROR forged"));
  }

  /** Issue 14.5: one sentence naming the field by its label, the field's key beside it, for both ways to start. */
  @Test
  void aRefusedStartAnswersOnePlainSentenceAndTheFieldsKey() throws Exception {
    String tomorrow = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London")).plusDays(1).withNano(0).toString();
    Map<String, Object> referral = TestReferrals.referral(NL);
    referral.put(NotificationProcess.Vars.AWARE_OF_INCIDENT_AT, tomorrow);
    Map<String, Object> start = TestReferrals.engineStart(referral);
    for (String operation : List.of("/start", "/submit-form")) {
      ResponseEntity<String> refused = send(coordinator, HttpMethod.POST,
          "/engine-rest/process-definition/key/" + NotificationProcess.KEY + operation, start);
      assertThat(refused.getStatusCode().value()).as(operation + " " + refused.getBody()).isEqualTo(400);
      JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.getBody());
      assertThat(body.path("message").asText()).as(operation)
          .isEqualTo("When the local authority became aware cannot be in the future: enter the date and time it happened.");
      assertThat(body.path("field").asText()).as(operation).isEqualTo(NotificationProcess.Vars.AWARE_OF_INCIDENT_AT);
      assertThat(body.path("type").asText()).as(operation).isEqualTo("InvalidCaseDataException");
    }
  }

  @Test
  void claimingAClaimedTaskDeletingAProcessTaskAndTooDeepJsonAre4xx() {
    Task task = referredTask();
    tasks.claim(task.getId(), admin);
    assertThat(send(coordinator, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
        "{\"userId\":\"" + coordinator + "\"}").getStatusCode().value()).isEqualTo(409);
    tasks.setAssignee(task.getId(), null);

    ResponseEntity<String> deleted = send(admin, HttpMethod.DELETE, "/engine-rest/task/" + task.getId(), null);
    assertThat(deleted.getStatusCode().value()).as(deleted.getBody()).isBetween(400, 499);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

    Map<String, Object> start = TestReferrals.engineStart(TestReferrals.referral(NL));
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = (Map<String, Object>) start.get("variables");
    variables.put("children", Map.of("type", "Json", "value", "[".repeat(3000) + "]".repeat(3000)));
    for (String operation : List.of("/start", "/submit-form")) {
      ResponseEntity<String> json = send(coordinator, HttpMethod.POST,
          "/engine-rest/process-definition/key/" + NotificationProcess.KEY + operation, start);
      assertThat(json.getStatusCode().value()).as(operation + " " + json.getBody()).isBetween(400, 499);
    }
  }

  @Test
  void everyPageAndApiOfOursSendsNosniffFrameProtectionAndAPolicy() {
    for (String path : List.of("/api/deadlines", "/engine-rest/engine", "/engine-rest/task", "/workbench/", "/api/no-such-thing")) {
      HttpHeaders headers = send(coordinator, HttpMethod.GET, path, null).getHeaders();
      assertThat(headers.getFirst("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
      assertThat(headers.getFirst("X-Frame-Options")).as(path).isEqualTo("DENY");
      assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
      assertThat(headers.getFirst("Strict-Transport-Security")).as(path + ": HSTS only in live").isNull();
    }
    assertThat(rest.getForEntity("/api/deadlines", String.class).getHeaders().getFirst("Content-Security-Policy"))
        .as("a refused request too").startsWith("default-src 'none'");
  }

  private static Map<String, Object> withReferringAgency(String agency) {
    Map<String, Object> referral = new HashMap<>(TestReferrals.referral(NL));
    referral.put("referringAgency", agency);
    return referral;
  }

  private Task referredTask() {
    ResponseEntity<JsonNode> created = as(coordinator).postForEntity("/api/referrals", TestReferrals.referral(NL), JsonNode.class);
    assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
    return tasks.createTaskQuery().processInstanceBusinessKey(created.getBody().get("caseReference").asText())
        .taskCandidateGroup(CsprGroups.BUSINESS_UNIT).list().get(0);
  }

  private ResponseEntity<String> send(String user, HttpMethod method, String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return as(user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
