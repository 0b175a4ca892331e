package uk.cspr.workflow.lcspr;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.*;
import static uk.cspr.workflow.support.SpecMailboxes.NORTH_LINCS_BUSINESS_UNIT;
import static uk.cspr.workflow.support.SpecMailboxes.NSPCC;
import static uk.cspr.workflow.support.SpecMailboxes.OFSTED;
import static uk.cspr.workflow.support.SpecMailboxes.PANEL;
import static uk.cspr.workflow.support.SpecMailboxes.SECRETARY_OF_STATE;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.documents.CaseDocuments;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.SmtpSink;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;

/**
 * The statutory e-mails of a local review over real SMTP (GreenMail on a free loopback port):
 * the decision to the Panel, Ofsted and DfE (WT para 21), the final report no later than 7 working
 * days before publication (WT para 40) and the published report to the NSPCC repository, each with
 * the case reference in the subject and its letter as a PDF.
 */
@CsprSpringBootTest
class LcsprCorrespondenceIT {

  static final SmtpSink SMTP = SmtpSink.onFreePort().start();

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
  }

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired CaseDocuments documents;

  @AfterAll
  static void stopSmtp() {
    SMTP.close();
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void thePanelOfstedDfeAndTheNspccReceiveTheStatutoryEmails() throws Exception {
    EngineClock.setTo("2027-05-20T10:00");
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", "north-lincolnshire");
    values.put("statutory", true);
    values.put("lcsprDecidedAt", "2027-01-15T10:00");
    values.put("keyLinesOfEnquiry", "Information sharing between health and police.");
    ProcessInstance review = runtime.startProcessInstanceByKey(LcsprProcess.KEY, values);
    String reference = review.getBusinessKey();

    MimeMessage decision = deliver(reference, 4).get(0);
    assertThat(decision.getSubject()).contains(reference).doesNotContain("null");
    assertThat(SmtpSink.addresses(decision.getRecipients(RecipientType.TO))).containsExactly(PANEL, OFSTED, SECRETARY_OF_STATE);
    assertThat(SmtpSink.addresses(decision.getRecipients(RecipientType.CC))).containsExactly(NORTH_LINCS_BUSINESS_UNIT);
    assertThat(pdfText(SmtpSink.attachments(decision).get(0)))
        .contains(reference, "Decision to undertake a local child safeguarding practice review", "15 July 2027",
            "Information sharing between health and police.");

    // Publication planned for Tue 1 Jun 2027: the report is due at the Panel by Thu 20 May
    runtime.createProcessInstanceModification(review.getId()).startBeforeActivity(DECIDE_PUBLICATION).execute();
    complete(review, DECIDE_PUBLICATION, "publicationDecision", "FULL_REPORT", "publicationImpactConsidered", true);
    runtime.createMessageCorrelation(LcsprProcess.Messages.PUBLICATION_DATE_CHANGE_REQUESTED)
        .processInstanceId(review.getId()).correlate();
    complete(review, UPDATE_PLANNED_PUBLICATION_DATE, "plannedPublicationDate", "2027-06-01");
    Task sendReport = tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(SEND_FINAL_REPORT)
        .singleResult();
    assertThat(sendReport.getName()).endsWith("— due 20 May 2027");
    // issue 18.2: the business unit adds the final report to the step; it goes with the e-mail
    identity.setAuthentication("lcspr-coordinator", List.of(CsprGroups.BUSINESS_UNIT), List.of("north-lincolnshire"));
    try {
      documents.add(reference, sendReport.getId(), "Final report.docx", TestDocuments.docx());
    } finally {
      identity.clearAuthentication();
    }
    complete(review, SEND_FINAL_REPORT, "reportDocumentReference", "https://files.example/nl/final-report",
        "reportReadyConfirmed", true);

    MimeMessage finalReport = deliver(reference, 4).get(0);
    assertThat(finalReport.getSubject()).contains(reference).contains("final report");
    assertThat(SmtpSink.addresses(finalReport.getRecipients(RecipientType.TO))).containsExactly(PANEL, SECRETARY_OF_STATE, OFSTED);
    assertThat(body(finalReport)).contains("1 June 2027", "https://files.example/nl/final-report");
    assertThat(pdfText(SmtpSink.attachments(finalReport).get(0))).contains(reference, "Final report", "1 June 2027");
    BodyPart report = SmtpSink.attachments(finalReport).get(1);
    assertThat(report.getFileName()).isEqualTo("Final report.docx");
    assertThat(report.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(report.getInputStream().readAllBytes()).isEqualTo(TestDocuments.docx());

    EngineClock.setTo("2027-06-01T12:00");
    complete(review, PUBLISH_REPORT, "publishedAt", "2027-06-01",
        "publicationUrl", "https://www.northlincscmars.co.uk/reviews/" + reference, "reviewerNamedInPublication", true);
    List<MimeMessage> published = deliver(reference, 2);
    MimeMessage nspcc = published.stream().filter(m -> recipients(m).contains(NSPCC)).findFirst().orElseThrow();
    assertThat(SmtpSink.addresses(nspcc.getRecipients(RecipientType.TO))).containsExactly(NSPCC);
    assertThat(body(nspcc)).contains("https://www.northlincscmars.co.uk/reviews/" + reference, "1 June 2027");
  }

  // ------------------------------------------------------------------ helpers

  private void complete(ProcessInstance review, String key, Object... variables) {
    Task task = tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }

  /**
   * Runs the case's pending deliveries and returns the newly received messages, one per distinct
   * Message-ID (GreenMail keeps one copy per recipient), after waiting for {@code copies} copies.
   */
  private List<MimeMessage> deliver(String caseReference, int copies) throws Exception {
    MimeMessage[] earlier = SMTP.received();
    List<String> known = new ArrayList<>();
    for (MimeMessage message : earlier) {
      known.add(message.getMessageID());
    }
    List<ProcessInstance> deliveries = runtime.createProcessInstanceQuery()
        .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY).processInstanceBusinessKey(caseReference).list();
    for (ProcessInstance delivery : deliveries) {
      for (Job job : management.createJobQuery().processInstanceId(delivery.getId()).list()) {
        management.executeJob(job.getId());
      }
    }
    assertThat(SMTP.await(earlier.length + copies, 5000)).isTrue();
    List<MimeMessage> fresh = new ArrayList<>();
    for (MimeMessage message : SMTP.received()) {
      if (!known.contains(message.getMessageID())) {
        known.add(message.getMessageID());
        fresh.add(message);
      }
    }
    assertThat(SMTP.received()).hasSize(earlier.length + copies);
    return fresh;
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      List<String> all = new ArrayList<>(SmtpSink.addresses(message.getRecipients(RecipientType.TO)));
      all.addAll(SmtpSink.addresses(message.getRecipients(RecipientType.CC)));
      return all;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) throws Exception {
    Object content = message.getContent();
    if (content instanceof Multipart multipart) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < multipart.getCount(); i++) {
        text.append(part(multipart.getBodyPart(i)));
      }
      return text.toString().replaceAll("\\s+", " ");
    }
    return content.toString().replaceAll("\\s+", " ");
  }

  private static String part(BodyPart part) throws Exception {
    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
      return "";
    }
    Object content = part.getContent();
    return content instanceof Multipart nested ? body(nested) : String.valueOf(content);
  }

  private static String body(Multipart multipart) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < multipart.getCount(); i++) {
      text.append(part(multipart.getBodyPart(i)));
    }
    return text.toString();
  }

  private static String pdfText(BodyPart attachment) throws Exception {
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    return SmtpSink.pdfText(attachment).replaceAll("\\s+", " ");
  }
}
