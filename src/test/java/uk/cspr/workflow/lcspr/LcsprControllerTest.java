package uk.cspr.workflow.lcspr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;

/**
 * The "at any time" steps started over REST: who may open them, and for which cases.
 */
@CsprSpringBootTest
class LcsprControllerTest {

  static final String PASSWORD = UUID.randomUUID().toString();
  static final String BUSINESS_UNIT = "lcspr-api-business-unit";
  static final String OTHER_PARTNERSHIP = "lcspr-api-bolton";
  static final String AGENCY_LEAD = "lcspr-api-agency-lead";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @BeforeEach
  void users() {
    user(BUSINESS_UNIT, CsprGroups.BUSINESS_UNIT, "north-lincolnshire");
    user(OTHER_PARTNERSHIP, CsprGroups.BUSINESS_UNIT, "bolton");
    user(AGENCY_LEAD, CsprGroups.AGENCY_LEADS, "north-lincolnshire");
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theBusinessUnitOpensTheLearningTaskOfItsOwnPartnershipsReview() {
    ProcessInstance review = review();
    ResponseEntity<JsonNode> accepted = post(BUSINESS_UNIT, review.getBusinessKey(), "learning");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(accepted.getBody().get("message").asText()).isEqualTo("cspr.learningIdentified");
    assertThat(task(review, LcsprProcess.Elements.RECORD_LEARNING)).isNotNull();

    assertThat(post(AGENCY_LEAD, review.getBusinessKey(), "learning").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post(OTHER_PARTNERSHIP, review.getBusinessKey(), "learning").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(BUSINESS_UNIT, "NL-1999-0001", "learning").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.postForEntity("/api/cases/" + review.getBusinessKey() + "/lcspr/learning", null, JsonNode.class)
        .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theBusinessUnitOpensThePlannedPublicationDateTask() {
    ProcessInstance review = review();
    ResponseEntity<JsonNode> accepted = post(BUSINESS_UNIT, review.getBusinessKey(), "planned-publication-date");
    assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(accepted.getBody().get("message").asText()).isEqualTo("cspr.publicationDateChangeRequested");
    Task update = task(review, LcsprProcess.Elements.UPDATE_PLANNED_PUBLICATION_DATE);
    assertThat(update.getName()).isEqualTo(review.getBusinessKey() + " · Update the planned publication date");
    assertThat(tasks.getIdentityLinksForTask(update.getId())).extracting(link -> link.getGroupId())
        .containsExactly(CsprGroups.BUSINESS_UNIT);
    assertThat(post(AGENCY_LEAD, review.getBusinessKey(), "planned-publication-date").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ProcessInstance review() {
    EngineClock.setTo("2027-01-15T10:00");
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", "north-lincolnshire");
    values.put("statutory", true);
    values.put("lcsprDecidedAt", "2027-01-15T10:00");
    return runtime.startProcessInstanceByKey(LcsprProcess.KEY, values);
  }

  private ResponseEntity<JsonNode> post(String user, String caseReference, String action) {
    return rest.withBasicAuth(user, PASSWORD)
        .postForEntity("/api/cases/" + caseReference + "/lcspr/" + action, null, JsonNode.class);
  }

  private Task task(ProcessInstance review, String key) {
    return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
  }

  private void user(String id, String group, String tenant) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identity.newUser(id);
    user.setFirstName(id);
    user.setLastName("Test");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, group);
    identity.createTenantUserMembership(tenant, id);
  }
}
