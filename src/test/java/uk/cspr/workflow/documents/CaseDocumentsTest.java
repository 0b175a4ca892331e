package uk.cspr.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.documents.TestDocuments.upload;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 18.2 and 18.3: documents of a case. A North Lincolnshire referral whose safeguarding senior
 * leads' recommendation is open: the senior lead doing that step adds documents to it; the type is
 * told by the content; the size is limited; the document downloads as it was sent and is listed in
 * the case file; nobody else, and no other partnership, adds or reads it.
 */
@CsprSpringBootTest
class CaseDocumentsTest {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  private String coordinator;
  private String seniorLead;
  private String manager;
  private String agencyLead;
  private String otherCoordinator;

  @BeforeEach
  void users() {
    coordinator = TestUsers.user(identity, PASSWORD, "doc-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    seniorLead = TestUsers.user(identity, PASSWORD, "doc-senior-lead", CsprGroups.SENIOR_LEADS, NL);
    manager = TestUsers.user(identity, PASSWORD, "doc-manager", CsprGroups.MANAGERS, NL);
    agencyLead = TestUsers.user(identity, PASSWORD, "doc-agency-lead", CsprGroups.AGENCY_LEADS, NL);
    otherCoordinator = TestUsers.user(identity, PASSWORD, "doc-cp-coordinator", CsprGroups.BUSINESS_UNIT, CP);
  }

  @Test
  void theSeniorLeadAddsAPdfToTheirStepAndEveryoneWhoReadsTheCaseDownloadsItAsSent() {
    Task recommendation = recommendationOfANewCase();
    String reference = reference(recommendation);
    byte[] pdf = TestDocuments.pdf("Agency report of Humberside Police");

    ResponseEntity<JsonNode> added = add(seniorLead, reference, "../../Agency report <Police>.pdf", pdf, recommendation.getId());

    assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode document = added.getBody();
    assertThat(document.get("fileName").asText()).as("the last part of the name, made safe").isEqualTo("Agency report _Police_.pdf");
    assertThat(document.get("type").asText()).isEqualTo("PDF");
    assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
    assertThat(recommendation.getName()).as("Tasklist's name").contains(" · " + document.get("step").asText() + " — due ");
    assertThat(document.get("step").asText()).as("the step's name in the model").isNotBlank().doesNotContain("due");
    assertThat(document.get("addedBy").asText()).isEqualTo(seniorLead);
    assertThat(added.getHeaders().getLocation()).hasToString(document.get("url").asText());
    assertThat(document.get("url").asText()).isEqualTo("/api/cases/" + reference + "/documents/" + document.get("id").asText());

    ResponseEntity<byte[]> download = download(coordinator, reference, document.get("id").asText());
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(pdf);
    assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.getHeaders().getCacheControl()).contains("no-store");
    assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("inline");
    assertThat(download(seniorLead, reference, document.get("id").asText()).getBody()).isEqualTo(pdf);

    JsonNode listed = file(coordinator, reference).get("documents");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0)).isEqualTo(document);

    assertThat(download(otherCoordinator, reference, document.get("id").asText()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download(agencyLead, reference, document.get("id").asText()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(download(coordinator, "NL-1900-0001", document.get("id").asText()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void theTypeIsToldByTheContentNotByTheName() {
    Task recommendation = recommendationOfANewCase();
    String reference = reference(recommendation);

    ResponseEntity<JsonNode> zipNamedPdf = add(seniorLead, reference, "report.pdf",
        TestDocuments.zip(false, "report.txt", "not a report"), recommendation.getId());
    assertThat(zipNamedPdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(zipNamedPdf.getBody().get("parameter").asText()).isEqualTo("file");
    assertThat(zipNamedPdf.getBody().get("message").asText()).contains("PDF", "Word", "OpenDocument", "content");
    ResponseEntity<JsonNode> html = add(seniorLead, reference, "report.docx",
        "<html><script>alert(1)</script></html>".getBytes(), recommendation.getId());
    assertThat(html.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(add(seniorLead, reference, "empty.pdf", new byte[0], recommendation.getId()).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ResponseEntity<JsonNode> docx = add(seniorLead, reference, "Scoping.pdf", TestDocuments.docx(), recommendation.getId());
    assertThat(docx.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(docx.getBody().get("type").asText()).isEqualTo("DOCX");
    assertThat(docx.getBody().get("fileName").asText()).as("the extension of the type found").isEqualTo("Scoping.pdf.docx");
    ResponseEntity<byte[]> word = download(seniorLead, reference, docx.getBody().get("id").asText());
    assertThat(word.getHeaders().getContentType())
        .hasToString("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(word.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(word.getBody()).isEqualTo(TestDocuments.docx());

    ResponseEntity<JsonNode> odt = add(seniorLead, reference, "Template.odt", TestDocuments.odt(), recommendation.getId());
    assertThat(odt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(odt.getBody().get("type").asText()).isEqualTo("ODT");
    assertThat(odt.getBody().get("fileName").asText()).isEqualTo("Template.odt");

    assertThat(file(coordinator, reference).get("documents")).extracting(d -> d.get("type").asText()).containsExactly("DOCX", "ODT");
  }

  @Test
  void aDocumentOverTheSizeLimitIsRefusedAndNothingIsStored() {
    Task recommendation = recommendationOfANewCase();
    String reference = reference(recommendation);

    ResponseEntity<JsonNode> tooLarge = add(seniorLead, reference, "large.pdf",
        TestDocuments.pdfOfSize(10 * 1024 * 1024 + 1), recommendation.getId());

    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().get("message").asText()).isEqualTo("This file is larger than 10 MB, the largest a document can be");
    assertThat(file(coordinator, reference).get("documents")).isEmpty();
    assertThat(add(seniorLead, reference, "limit.pdf", TestDocuments.pdfOfSize(10 * 1024 * 1024), recommendation.getId())
        .getStatusCode()).as("exactly the limit").isEqualTo(HttpStatus.CREATED);
  }

  @Test
  void onlyThePeopleDoingTheStepOrTheBusinessUnitAddDocuments() {
    Task recommendation = recommendationOfANewCase();
    String reference = reference(recommendation);
    byte[] pdf = TestDocuments.pdf("Evidence");

    ResponseEntity<JsonNode> byManager = add(manager, reference, "evidence.pdf", pdf, null);
    assertThat(byManager.getStatusCode()).as("reads the case, does no step").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(byManager.getBody().get("message").asText()).startsWith("Choose the step");
    assertThat(add(agencyLead, reference, "evidence.pdf", pdf, recommendation.getId()).getStatusCode())
        .as("may not see the case").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(add(otherCoordinator, reference, "evidence.pdf", pdf, recommendation.getId()).getStatusCode())
        .as("another partnership's case").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(add(seniorLead, reference, "evidence.pdf", pdf, null).getStatusCode())
        .as("the senior lead is not the business unit: a step is needed").isEqualTo(HttpStatus.FORBIDDEN);
    Task otherCasesStep = recommendationOfANewCase();
    assertThat(add(seniorLead, reference, "evidence.pdf", pdf, otherCasesStep.getId()).getStatusCode())
        .as("a step of another case").isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.postForEntity("/api/cases/" + reference + "/documents", upload("evidence.pdf", pdf, null), String.class)
        .getStatusCode()).as("no credentials").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(file(coordinator, reference).get("documents")).isEmpty();

    ResponseEntity<JsonNode> byCoordinator = add(coordinator, reference, "evidence.pdf", pdf, null);
    assertThat(byCoordinator.getStatusCode()).as("the business unit adds to the case").isEqualTo(HttpStatus.CREATED);
    assertThat(byCoordinator.getBody().get("step").isNull()).isTrue();
    assertThat(add(coordinator, reference, "evidence.pdf", pdf, recommendation.getId()).getStatusCode())
        .as("the business unit adds to any step").isEqualTo(HttpStatus.CREATED);
  }

  /** A new NL referral, partners informed: the senior leads' recommendation is open. */
  private Task recommendationOfANewCase() {
    Map<String, Object> referral = TestReferrals.referral(NL);
    ResponseEntity<JsonNode> created = rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/referrals", referral, JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String instance = created.getBody().get("processInstanceId").asText();
    Task inform = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(INFORM_PARTNERS).singleResult();
    tasks.claim(inform.getId(), coordinator);
    tasks.complete(inform.getId(), Map.of("partnersInformedConfirmed", true));
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RECORD_SSL_RECOMMENDATION).singleResult();
  }

  private String reference(Task task) {
    return tasks.getVariable(task.getId(), "caseReference").toString();
  }

  private ResponseEntity<JsonNode> add(String user, String reference, String fileName, byte[] content, String taskId) {
    return rest.withBasicAuth(user, PASSWORD)
        .postForEntity("/api/cases/" + reference + "/documents", upload(fileName, content, taskId), JsonNode.class);
  }

  private ResponseEntity<byte[]> download(String user, String reference, String id) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + reference + "/documents/" + id, byte[].class);
  }

  private JsonNode file(String user, String reference) {
    ResponseEntity<JsonNode> file = rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + reference, JsonNode.class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    return file.getBody();
  }

}
