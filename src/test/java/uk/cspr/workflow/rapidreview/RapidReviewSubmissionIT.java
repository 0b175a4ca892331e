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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.SmtpSink;

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
