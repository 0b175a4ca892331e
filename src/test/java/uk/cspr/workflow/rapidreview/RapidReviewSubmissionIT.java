package uk.cspr.workflow.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.rapidreview.NotifiedCases.notifiedAt;
import static uk.cspr.workflow.support.SpecMailboxes.OFSTED;
import static uk.cspr.workflow.support.SpecMailboxes.PANEL;
import static uk.cspr.workflow.support.SpecMailboxes.SECRETARY_OF_STATE;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.SmtpSink;
import uk.cspr.workflow.support.TestUsers;

/**
 * SPEC §3.2 / §5 end to end over real SMTP: the delegated safeguarding partners sign off a rapid
 * review, and the Panel mailbox receives one e-mail, copied to DfE and Ofsted, with the rapid review
 * report and the decision letter (North Lincs Doc 12) as PDFs.
 */
@CsprSpringBootTest
class RapidReviewSubmissionIT {

  static final SmtpSink SMTP = SmtpSink.onFreePort().start();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate rest;

  @AfterAll
  static void stopSmtp() {
    SMTP.close();
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void thePanelReceivesTheRapidReviewAndTheDecisionLetterCopiedToDfeAndOfsted() throws Exception {
    RapidReviewSteps steps = new RapidReviewSteps(runtime, tasks);
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), true);
    String caseReference = review.getBusinessKey();
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "true");

    deliverEverythingQueuedFor(caseReference);

    String subject = "Rapid review " + caseReference;
    assertThat(SMTP.await(3, 10_000)).isTrue();
    List<MimeMessage> copies = SMTP.withSubject(subject);
    assertThat(copies).as("one copy per recipient: Panel, DfE, Ofsted").hasSize(3);
    MimeMessage mail = copies.get(0);
    assertThat(SmtpSink.addresses(mail.getRecipients(RecipientType.TO))).containsExactly(PANEL);
    assertThat(SmtpSink.addresses(mail.getRecipients(RecipientType.CC))).containsExactly(SECRETARY_OF_STATE, OFSTED);
    assertThat(SmtpSink.addresses(mail.getReplyTo())).containsExactly("mars@northlincs.gov.uk");

    List<BodyPart> pdfs = SmtpSink.attachments(mail);
    assertThat(pdfs).extracting(BodyPart::getFileName).containsExactly(
        caseReference + "-rapidReviewReport.pdf", caseReference + "-rapidReviewDecisionLetter.pdf");
    assertThat(pdfs).allSatisfy(pdf -> assertThat(pdf.getContentType()).startsWith("application/pdf"));
    String report = SmtpSink.pdfText(pdfs.get(0)).replaceAll("\\s+", " ");
    assertThat(report).contains("Rapid review report", caseReference, "Humberside Police", "Action plan");
    String decision = SmtpSink.pdfText(pdfs.get(1)).replaceAll("\\s+", " ");
    assertThat(decision).contains("Decision of the rapid review", caseReference,
        "decided to undertake a local child safeguarding practice review", "CSIN-4711");
  }

  /**
   * Issue 18.2: the chair's report added as a document to the chair's step goes to the Panel with
   * the e-mail, after the letters, exactly as it was added.
   */
  @Test
  void thePanelReceivesTheChairsReportAsItWasAddedToTheStep() throws Exception {
    String password = UUID.randomUUID().toString();
    String coordinator = TestUsers.user(identity, password, "rr-documents-coordinator", CsprGroups.BUSINESS_UNIT, "north-lincolnshire");
    RapidReviewSteps steps = new RapidReviewSteps(runtime, tasks);
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    steps.recordMeeting(review, true, true, true);
    EngineClock.setTo("2027-04-06T10:00");
    String caseReference = review.getBusinessKey();
    byte[] report = TestDocuments.pdf("Rapid review report signed by the chair");
    ResponseEntity<String> added = rest.withBasicAuth(coordinator, password).postForEntity(
        "/api/cases/" + caseReference + "/documents",
        TestDocuments.upload("Chair report.pdf", report, steps.task(review, RapidReviewProcess.Elements.WRITE_CHAIR_REPORT).getId()),
        String.class);
    assertThat(added.getStatusCode()).as(added.getBody()).isEqualTo(HttpStatus.CREATED);
    steps.writeChairReport(review);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "true");

    deliverEverythingQueuedFor(caseReference);

    String subject = "Rapid review " + caseReference;
    assertThat(SMTP.await(3, 10_000)).isTrue();
    List<MimeMessage> copies = SMTP.withSubject(subject);
    assertThat(copies).hasSize(3);
    List<BodyPart> attachments = SmtpSink.attachments(copies.get(0));
    assertThat(attachments).extracting(BodyPart::getFileName).containsExactly(
        caseReference + "-rapidReviewReport.pdf", caseReference + "-rapidReviewDecisionLetter.pdf", "Chair report.pdf");
    assertThat(attachments.get(2).getContentType()).startsWith("application/pdf");
    assertThat(attachments.get(2).getInputStream().readAllBytes()).isEqualTo(report);
  }

  /** The outbox delivers each message in its own asynchronous job (the job executor is off in tests). */
  private void deliverEverythingQueuedFor(String caseReference) {
    List<String> deliveries = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseReference)
        .processDefinitionKey("correspondenceDelivery").list().stream().map(ProcessInstance::getId).toList();
    assertThat(deliveries).isNotEmpty();
    for (String delivery : deliveries) {
      for (Job job : management.createJobQuery().processInstanceId(delivery).list()) {
        management.executeJob(job.getId());
      }
    }
  }
}
