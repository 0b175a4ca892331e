package uk.cspr.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.Referrals.referral;

import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;

/** POST /api/referrals and the engine REST task form path: 201, clear 400s naming the field, 401, 403. */
@CsprSpringBootTest
class ReferralApiTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @BeforeEach
  void users() {
    EngineClock.setTo("2026-12-22T10:00");
    user("nlagency", "agency-leads", "north-lincolnshire");
    user("nlcoordinator", "business-unit", "north-lincolnshire");
  }

  @AfterEach
  void reset() {
    EngineClock.reset();
  }

  private void user(String id, String group, String tenant) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setPassword(id + "-secret");
      identity.saveUser(user);
      identity.createMembership(id, group);
      identity.createTenantUserMembership(tenant, id);
    }
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, user + "-secret");
  }

  @Test
  void anAgencyLeadRefersACaseOfTheirPartnership() {
    ResponseEntity<Map> response = as("nlagency").postForEntity("/api/referrals", referral().values(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat((String) response.getBody().get("caseReference")).matches("NL-2026-\\d{4}");
  }

  @Test
  void badInputAnswers400NamingTheFieldAndStoresNothing() {
    long before = history.createHistoricProcessInstanceQuery().count();
    ResponseEntity<Map> response = as("nlagency").postForEntity("/api/referrals",
        referral().with("awareOfIncidentAt", "2027-01-01T10:00").values(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("parameter", "awareOfIncidentAt");

    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(as("nlagency").postForEntity("/api/referrals", new HttpEntity<>("{not json", json), Map.class)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    ResponseEntity<Map> wrongType = as("nlagency").postForEntity("/api/referrals",
        referral().with("children", "three").values(), Map.class);
    assertThat(wrongType.getBody()).containsEntry("parameter", "children");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void anotherPartnershipsCaseIsRefused() {
    ResponseEntity<Map> response = as("nlagency").postForEntity("/api/referrals",
        referral().with("partnership", "bolton").values(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void anonymousIsRefused() {
    assertThat(rest.postForEntity("/api/referrals", referral().values(), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void aBadTaskFormValueThroughEngineRestIs400AndTheTaskStaysOpen() {
    String id = (String) as("nlagency").postForEntity("/api/referrals", referral().values(), Map.class)
        .getBody().get("processInstanceId");
    String taskId = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
    Map<String, Object> body = Map.of("variables", Map.of("partnersInformedConfirmed", Map.of("value", "maybe")));
    ResponseEntity<Map> response = as("nlcoordinator").postForEntity("/engine-rest/task/" + taskId + "/complete", body, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("field", "partnersInformedConfirmed");
    assertThat((String) response.getBody().get("message")).as("the field by its label, for people")
        .startsWith("I have checked the referral").doesNotContain("partnersInformedConfirmed");
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }
}
