package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 15 (5): free text that cannot go into a letter (control characters, lone surrogates; line
 * breaks in one-line fields) is refused with a 400 naming the field, on every way in: our referral
 * API, the start form's REST equivalents, and task completion. Nothing is stored.
 */
@CsprSpringBootTest
class TextStaysTextTest {

  private static final String NL = "north-lincolnshire";
  private static final String PASSWORD = UUID.randomUUID().toString();

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Replaced by a JSON escape after serialising: Jackson will not write a lone surrogate. */
  private static final String LONE_SURROGATE = "@@LONE@@";

  @Autowired TestRestTemplate rest;
  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private String agencyLead;
  private String coordinator;
  private String seniorLead;

  @BeforeEach
  void users() {
    agencyLead = TestUsers.user(identity, PASSWORD, "text-agency-lead", CsprGroups.AGENCY_LEADS, NL);
    coordinator = TestUsers.user(identity, PASSWORD, "text-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    seniorLead = TestUsers.user(identity, PASSWORD, "text-senior-lead", CsprGroups.SENIOR_LEADS, NL);
  }

  @Test
  void aReferralWithANulOrALoneSurrogateOrAnEscapeIsRefusedNamingTheField() throws Exception {
    assertRefused("/api/referrals", apiBody("referringAgency", "St Mary\u0000s"), "referringAgency", "Referring agency");
    assertRefused("/api/referrals", apiBody("incidentSummary", "Injured " + LONE_SURROGATE), "incidentSummary", "Summary of the incident and agency involvement");
    assertRefused("/api/referrals", apiBody("referrerName", "J. Smith\r\nX-Forged: yes"), "referrerName", "Your name and role");
    String start = "/engine-rest/process-definition/key/" + NotificationProcess.KEY;
    for (String operation : new String[] {"/submit-form", "/start"}) {
      assertRefused(start + operation, engineBody("incidentSummary", "bell \u0007"), "incidentSummary", "Summary of the incident and agency involvement");
      assertRefused(start + operation, engineBody("referringAgency", LONE_SURROGATE), "referringAgency", "Referring agency");
    }
  }

  @Test
  void multiLineTextKeepsItsLineBreaksAndTabs() throws Exception {
    ResponseEntity<String> created = post(agencyLead, "/api/referrals",
        apiBody("incidentSummary", "Line one\r\n\tLine two \uD83D\uDE00"));
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
  }

  @Test
  void aTaskCompletionWithAControlCharacterIsRefusedAndTheTaskStaysOpen() throws Exception {
    ResponseEntity<String> created = post(agencyLead, "/api/referrals", apiBody("incidentSummary", "As referred."));
    String instanceId = JSON.readTree(created.getBody()).path("processInstanceId").asText();
    String informId = taskId(instanceId, NotificationProcess.Elements.INFORM_PARTNERS);
    assertThat(post(coordinator, "/engine-rest/task/" + informId + "/complete",
        "{\"variables\":{\"partnersInformedConfirmed\":{\"value\":true}}}").getStatusCode().value()).isEqualTo(204);
    String taskId = taskId(instanceId, NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION);
    String body = "{\"variables\":{\"sslRecommendation\":{\"value\":\"NO_FURTHER_ACTION\"},"
        + "\"sslRationale\":{\"value\":\"Below the threshold \\u0000\"}}}";
    for (String operation : new String[] {"/complete", "/submit-form"}) {
      ResponseEntity<String> response = post(seniorLead, "/engine-rest/task/" + taskId + operation, body);
      assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
      assertThat(response.getBody()).contains("sslRationale").contains("Rationale contains").doesNotContain("sslRationale:");
    }
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtime.getVariable(instanceId, "sslRationale")).isNull();
  }

  /** What Tasklist loads for the form's text (form-variables, as Tasklist asks): markup escaped, dates in English. */
  @Test
  void whatPeopleTypedIsShownAsTextInTheTasksForm() throws Exception {
    Map<String, Object> referral = new LinkedHashMap<>(TestReferrals.referral(NL, "2026-11-30T11:05"));
    referral.put("referringAgency", "St Mary's [click](https://evil.example) ![x](https://evil.example/i.png) <b>b</b>");
    String instanceId = JSON.readTree(post(agencyLead, "/api/referrals", JSON.writeValueAsString(referral)).getBody())
        .path("processInstanceId").asText();
    String informId = taskId(instanceId, NotificationProcess.Elements.INFORM_PARTNERS);

    JsonNode shown = JSON.readTree(JSON.readTree(rest.withBasicAuth(coordinator, PASSWORD).getForObject(
        "/engine-rest/task/" + informId + "/form-variables?variableNames=shown&deserializeValues=false", String.class))
        .at("/shown/value").asText());

    assertThat(shown.get("referringAgency").asText()).isEqualTo(
        "St Mary\\'s \\[click\\]\\(https\\:\\/\\/evil\\.example\\) \\!\\[x\\]\\(https\\:\\/\\/evil\\.example\\/i\\.png\\) \\<b\\>b\\<\\/b\\>");
    assertThat(shown.get("partnership").asText()).isEqualTo("North Lincolnshire Safeguarding Children Partnership");
    assertThat(shown.get("awareOfIncidentAt").asText()).isEqualTo("30 Nov 2026\\, 11\\:05"); // Markdown shows "30 Nov 2026, 11:05"
    assertThat(shown.get("incidentDate").asText()).isEqualTo("30 Nov 2026");
    assertThat(runtime.getVariable(instanceId, "referringAgency")).as("the case keeps what was typed")
        .isEqualTo(referral.get("referringAgency"));
    assertThat(runtime.getVariable(instanceId, "shown")).as("shown is the task's own").isNull();
  }

  private String taskId(String instanceId, String key) {
    return tasks.createTaskQuery().processInstanceId(instanceId).taskDefinitionKey(key).singleResult().getId();
  }

  private void assertRefused(String path, String body, String field, String label) {
    long before = history.createHistoricProcessInstanceQuery().count();
    ResponseEntity<String> response = post(agencyLead, path, body);
    assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(400);
    assertThat(response.getBody()).contains(field).contains(label + " contains");
    assertThat(history.createHistoricProcessInstanceQuery().count()).as("nothing stored").isEqualTo(before);
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.withBasicAuth(user, PASSWORD).postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }

  private static String apiBody(String field, String value) throws Exception {
    Map<String, Object> referral = new LinkedHashMap<>(TestReferrals.referral(NL));
    referral.put(field, value);
    return JSON.writeValueAsString(referral).replace(LONE_SURROGATE, "\\ud800");
  }

  private static String engineBody(String field, String value) throws Exception {
    Map<String, Object> referral = new LinkedHashMap<>(TestReferrals.referral(NL));
    referral.put(field, value);
    return JSON.writeValueAsString(TestReferrals.engineStart(referral)).replace(LONE_SURROGATE, "\\ud800");
  }
}
