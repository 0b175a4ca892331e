package uk.cspr.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.correspondence.CorrespondenceTestProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** SPEC §5: in the demo profile mail goes to an embedded sink that a person can inspect. */
@CsprSpringBootTest
@ActiveProfiles({"test", "demo"})
// a free port (the sink points the sender at it); no demo cases, which this test does not read
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", "cspr.demo.cases=false"})
class MailSinkControllerTest {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired JavaMailSender mailSender;

  @Test
  @SuppressWarnings("unchecked")
  void theSinkShowsDeliveredCorrespondenceToTheBusinessUnit() {
    CorrespondenceTestProcess.deploy(repositoryService);
    String caseReference = CorrespondenceTestProcess.newCaseReference();
    CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);
    String pi = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY).processInstanceBusinessKey(caseReference)
        .singleResult().getId();
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi).singleResult().getId());

    ResponseEntity<List<Map<String, Object>>> response =
        rest.withBasicAuth("coordinator", "coordinator").exchange("/api/mail-sink/messages", HttpMethod.GET, null,
            new ParameterizedTypeReference<List<Map<String, Object>>>() {});

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    Map<String, Object> message = response.getBody().stream()
        .filter(m -> m.get("subject").toString().startsWith(caseReference)).findFirst().orElseThrow();
    assertThat(message.get("messageId").toString()).endsWith("@cspr.workflow>");
    assertThat((List<String>) message.get("to")).containsExactly(CorrespondenceTestProcess.DSP, CorrespondenceTestProcess.PANEL);
    assertThat((List<String>) message.get("cc")).containsExactly(CorrespondenceTestProcess.BUSINESS_UNIT, CorrespondenceTestProcess.SSL);
    assertThat((List<String>) message.get("attachments"))
        .containsExactly(caseReference + "-dspNotificationLetter.pdf", caseReference + "-sslNotificationLetter.pdf");
    assertThat(message.get("receivedAt")).isNotNull();
    assertThat(message.get("body").toString()).as("the e-mail's text, without its markup")
        .startsWith("Dear delegated safeguarding partners,\nThe partnership business unit has received")
        .contains("case reference " + caseReference).doesNotContain("<", "font-family");
    assertThat(response.getBody().stream().filter(m -> m.get("messageId").equals(message.get("messageId")))).hasSize(1);

    ResponseEntity<String> other = rest.withBasicAuth("cpcoordinator", "cpcoordinator").getForEntity("/mail-sink", String.class);
    assertThat(other.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(other.getBody()).as("another partnership's business unit").doesNotContain(caseReference);

    ResponseEntity<String> page = rest.withBasicAuth("demo", "demo").getForEntity("/mail-sink", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as("its own styles, no script")
        .startsWith("default-src 'none'; style-src 'unsafe-inline';");
    assertThat(page.getBody()).contains(caseReference + "-dspNotificationLetter.pdf").contains("Dear delegated safeguarding partners,");

    // issue 14.7: each letter is a link that opens it as PDF, for the business unit of the case
    String outboxId = rest.withBasicAuth("coordinator", "coordinator").exchange("/api/cases/" + caseReference + "/correspondence",
        HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody().get(0).get("id").toString();
    String link = "/api/cases/" + caseReference + "/correspondence/" + outboxId + "/attachments/" + caseReference
        + "-dspNotificationLetter.pdf";
    String coordinatorsPage = rest.withBasicAuth("coordinator", "coordinator").getForObject("/mail-sink", String.class);
    assertThat(coordinatorsPage).contains("href=\"" + link + "\"");
    ResponseEntity<byte[]> pdf = rest.withBasicAuth("coordinator", "coordinator").getForEntity(link, byte[].class);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
    assertThat(rest.withBasicAuth("cpcoordinator", "cpcoordinator").getForEntity(link, byte[].class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void thePageEscapesWhatItShows() throws Exception {
    MimeMessage mail = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mail);
    helper.setFrom("sender@localhost");
    helper.setTo("someone@localhost");
    helper.setSubject("<script>alert('sink')</script>");
    helper.setText("Body <img src=x onerror=alert('body')> & more");
    mailSender.send(mail);

    String page = rest.withBasicAuth("demo", "demo").getForObject("/mail-sink", String.class);
    assertThat(page).contains("&lt;script&gt;alert(&#39;sink&#39;)&lt;/script&gt;").doesNotContain("<script>");
    assertThat(page).contains("Body &lt;img src=x onerror=alert(&#39;body&#39;)&gt; &amp; more").doesNotContain("<img");
  }

  @Test
  void onlyAdministratorsAndTheBusinessUnitMayLook() {
    assertThat(rest.getForEntity("/mail-sink", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.getForEntity("/api/mail-sink/messages", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("partner", "partner").getForEntity("/mail-sink", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.withBasicAuth("partner", "partner").getForEntity("/api/mail-sink/messages", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
