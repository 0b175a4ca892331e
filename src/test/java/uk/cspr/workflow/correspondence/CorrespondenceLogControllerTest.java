package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** SPEC §5 correspondence log over REST, limited to the cases the user may see (SPEC §1, §6). */
@CsprSpringBootTest
class CorrespondenceLogControllerTest {

  static final String NL_USER = "logcoordinator";
  static final String CP_USER = "logcpcoordinator";
  static final String PASSWORD = "correct-horse-battery";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired OutboxRepository repository;

  private String caseReference;

  @BeforeEach
  void setUp() {
    CorrespondenceTestProcess.deploy(repositoryService);
    user(NL_USER, CsprGroups.BUSINESS_UNIT, CorrespondenceTestProcess.NORTH_LINCS);
    user(CP_USER, CsprGroups.BUSINESS_UNIT, "cambridgeshire-peterborough");
    caseReference = CorrespondenceTestProcess.newCaseReference();
    CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);
  }

  private void user(String id, String group, String tenant) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      var user = identityService.newUser(id);
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(id, group);
      identityService.createTenantUserMembership(tenant, id);
    }
  }

  private ResponseEntity<List<Map<String, Object>>> log(String user, String reference) {
    return rest.withBasicAuth(user, PASSWORD).exchange(
        "/api/cases/{ref}/correspondence", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}, reference);
  }

  @Test
  @SuppressWarnings("unchecked")
  void listsTheCasesMessagesWithStatusAndLettersForAUserOfThePartnership() {
    ResponseEntity<List<Map<String, Object>>> response = log(NL_USER, caseReference);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).hasSize(1);
    Map<String, Object> entry = response.getBody().get(0);
    assertThat(entry).containsKeys("id", "queuedAt", "sentAt", "attempts", "lastError");
    assertThat(entry.get("template")).isEqualTo("dspNotification");
    assertThat((List<String>) entry.get("to")).containsExactly(CorrespondenceTestProcess.DSP, CorrespondenceTestProcess.PANEL);
    assertThat((List<String>) entry.get("cc")).containsExactly(CorrespondenceTestProcess.BUSINESS_UNIT, CorrespondenceTestProcess.SSL);
    assertThat(entry.get("subject").toString()).startsWith(caseReference);
    assertThat(entry.get("status")).isEqualTo("QUEUED");
    assertThat(entry.get("attempts")).isEqualTo(0);
    assertThat(entry.get("messageId").toString()).endsWith("@cspr.workflow>");
    List<Map<String, String>> attachments = (List<Map<String, String>>) entry.get("attachments");
    assertThat(attachments).extracting(a -> a.get("name"))
        .containsExactly(caseReference + "-dspNotificationLetter.pdf", caseReference + "-sslNotificationLetter.pdf");

    ResponseEntity<byte[]> pdf = rest.withBasicAuth(NL_USER, PASSWORD).getForEntity(attachments.get(0).get("url"), byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(pdf.getHeaders().getFirst("Content-Disposition")).as("opens in the browser")
        .isEqualTo("inline; filename=\"" + caseReference + "-dspNotificationLetter.pdf\"");
    assertThat(attachments).extracting(a -> a.get("title")).as("each letter by its title")
        .containsExactly("Notification of a serious child safeguarding incident",
            "Notification of a serious child safeguarding incident - recommendation needed");
    assertThat(repository.attachment(entry.get("id").toString(), attachments.get(0).get("name")).orElseThrow().content())
        .as("rendered on demand before delivery, not stored").isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anotherPartnershipsUserGetsNotFound() {
    ResponseEntity<String> response =
        rest.withBasicAuth(CP_USER, PASSWORD).getForEntity("/api/cases/{ref}/correspondence", String.class, caseReference);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).contains("Case not found").doesNotContain("@");

    String url = ((List<Map<String, String>>) log(NL_USER, caseReference).getBody().get(0).get("attachments")).get(0).get("url");
    assertThat(rest.withBasicAuth(CP_USER, PASSWORD).getForEntity(url, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void anonymousCallersGetUnauthorized() {
    assertThat(rest.getForEntity("/api/cases/{ref}/correspondence", String.class, caseReference).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void anUnknownCaseIsNotFound() {
    ResponseEntity<Map<String, String>> response =
        rest.withBasicAuth(NL_USER, PASSWORD).exchange("/api/cases/{ref}/correspondence", HttpMethod.GET, null,
            new ParameterizedTypeReference<Map<String, String>>() {}, "NL-1999-9999");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody()).containsEntry("error", "Case not found: NL-1999-9999");
  }
}
