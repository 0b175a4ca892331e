package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 14.7: the people who do a case's steps read its letters from the task, as PDF in the
 * browser; nobody else does. A real referral: once the partners are informed (letters Doc 2 and
 * Doc 3 queued), the senior leads' recommendation is open, then the partners' decision.
 */
@CsprSpringBootTest
class TaskUsersLettersTest {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private String coordinator;
  private String seniorLead;
  private String otherSeniorLead;
  private String partner;
  private String agencyLead;
  private String reviewer;

  @BeforeEach
  void users() {
    coordinator = TestUsers.user(identity, PASSWORD, "letters-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    seniorLead = TestUsers.user(identity, PASSWORD, "letters-ssl", CsprGroups.SENIOR_LEADS, NL);
    otherSeniorLead = TestUsers.user(identity, PASSWORD, "letters-cp-ssl", CsprGroups.SENIOR_LEADS, CP);
    partner = TestUsers.user(identity, PASSWORD, "letters-dsp", CsprGroups.DELEGATED_PARTNERS, NL);
    agencyLead = TestUsers.user(identity, PASSWORD, "letters-agency-lead", CsprGroups.AGENCY_LEADS, NL);
    reviewer = TestUsers.user(identity, PASSWORD, "letters-reviewer", CsprGroups.REVIEWERS, NL);
  }

  @Test
  void aCandidateOfTheCasesTaskFindsTheCaseFromTheTaskAndOpensItsLettersAsPdf() {
    ProcessInstance instance = partnersInformed();
    String reference = instance.getBusinessKey();
    Task recommend = task(instance, RECORD_SSL_RECOMMENDATION);

    ResponseEntity<JsonNode> found = get(seniorLead, "/api/tasks/" + recommend.getId() + "/case");
    assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(found.getBody().get("caseReference").asText()).isEqualTo(reference);
    assertThat(found.getBody().get("partnershipName").asText()).isEqualTo("North Lincolnshire Safeguarding Children Partnership");

    JsonNode log = correspondence(seniorLead, reference).getBody();
    assertThat(log).hasSize(1);
    JsonNode letters = log.get(0).get("attachments");
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).get("title").asText()).isEqualTo("Notification of a serious child safeguarding incident");
    assertThat(letters.get(0).get("name").asText()).isEqualTo(reference + "-dspNotificationLetter.pdf");

    ResponseEntity<byte[]> pdf = rest.withBasicAuth(seniorLead, PASSWORD).getForEntity(letters.get(0).get("url").asText(), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("inline; filename=\"" + reference + "-dspNotificationLetter.pdf\"");
    assertThat(pdf.getHeaders().getCacheControl()).isEqualTo("no-store");
    assertThat(pdf.getHeaders().getFirst("Content-Security-Policy")).as("the PDF viewer may embed it; nothing may run")
        .isEqualTo("default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
    assertThat(pdf.getHeaders().getFirst("X-Frame-Options")).isEqualTo("SAMEORIGIN");
    assertThat(pdf.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
  }

  @Test
  void anotherPartnershipsUserAndUsersWithoutATaskOfTheCaseGetNotFound() {
    ProcessInstance instance = partnersInformed();
    String reference = instance.getBusinessKey();
    Task recommend = task(instance, RECORD_SSL_RECOMMENDATION);
    String letter = correspondence(seniorLead, reference).getBody().get(0).get("attachments").get(0).get("url").asText();

    for (String user : new String[] {otherSeniorLead, partner, agencyLead, reviewer}) {
      assertThat(get(user, "/api/tasks/" + recommend.getId() + "/case").getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(correspondence(user, reference).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(rest.withBasicAuth(user, PASSWORD).getForEntity(letter, byte[].class).getStatusCode()).as(user)
          .isEqualTo(HttpStatus.NOT_FOUND);
    }
    assertThat(get(seniorLead, "/api/tasks/no-such-task/case").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/tasks/" + recommend.getId() + "/case", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theAssigneeReadsTheLettersWhileTheStepIsTheirsAndTheNextStepsPeopleThen() {
    ProcessInstance instance = partnersInformed();
    String reference = instance.getBusinessKey();
    Task recommend = task(instance, RECORD_SSL_RECOMMENDATION);

    tasks.setAssignee(recommend.getId(), reviewer); // an assignee outside the candidate group
    assertThat(correspondence(reviewer, reference).getStatusCode()).isEqualTo(HttpStatus.OK);

    TaskSteps.complete(tasks, instance, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NOTIFY_AND_RAPID_REVIEW",
        "sslRationale", "Criteria met");
    assertThat(task(instance, RECORD_PARTNERS_DECISION)).isNotNull();
    assertThat(correspondence(partner, reference).getStatusCode()).as("the partners decide now").isEqualTo(HttpStatus.OK);
    assertThat(correspondence(reviewer, reference).getStatusCode()).as("no step of theirs any more").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(correspondence(seniorLead, reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(correspondence(coordinator, reference).getStatusCode()).as("the business unit reads its cases").isEqualTo(HttpStatus.OK);
  }

  /** Referred by the coordinator, who informs the partners (letters queued); the senior leads' step is open. */
  private ProcessInstance partnersInformed() {
    ResponseEntity<JsonNode> created =
        rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/referrals", TestReferrals.referral(NL), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceId(created.getBody().get("processInstanceId").asText()).singleResult();
    Task inform = task(instance, INFORM_PARTNERS);
    tasks.claim(inform.getId(), coordinator);
    tasks.complete(inform.getId(), Map.of("partnersInformedConfirmed", true));
    return instance;
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  private ResponseEntity<JsonNode> correspondence(String user, String reference) {
    return get(user, "/api/cases/" + reference + "/correspondence");
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity(path, JsonNode.class);
  }
}
