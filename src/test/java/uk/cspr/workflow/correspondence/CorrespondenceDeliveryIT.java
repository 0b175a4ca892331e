package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.BUSINESS_UNIT;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.DSP;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.PANEL;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.SSL;
import static uk.cspr.workflow.support.SmtpSink.addresses;
import static uk.cspr.workflow.support.SmtpSink.attachments;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.cspr.workflow.CsprApplication;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * SPEC §5 end to end with a real SMTP server (GreenMail on a free loopback port): delivery with
 * letters and a stable Message-ID, letters rendered to PDF and stored by the delivery job, retries,
 * incident, resumption, exactly one delivery per Message-ID, and the safety guard refusing a real
 * SMTP host outside live.
 */
@CsprSpringBootTest
class CorrespondenceDeliveryIT {

  static final int SMTP_PORT = freePort();
  static final int RECIPIENTS = 4; // 2 To + 2 Cc: GreenMail keeps one copy per recipient

  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired OutboxRepository repository;
  @Autowired CorrespondenceDelivery delivery;
  @Autowired FailedDeliveryResumer resumer;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;

  @BeforeEach
  void deploy() {
    CorrespondenceTestProcess.deploy(repositoryService);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void deliversTheEmailWithBothLettersToTheConfiguredAddresseesWithTheStoredMessageId() throws Exception {
    String caseReference = queue();
    OutboxMessage queued = message(caseReference);

    managementService.executeJob(deliveryJob(caseReference).getId());

    assertThat(greenMail.waitForIncomingEmail(5000, RECIPIENTS)).isTrue();
    List<MimeMessage> received = received(queued.messageId());
    assertThat(received).hasSize(RECIPIENTS);
    MimeMessage mail = received.get(0);
    assertThat(mail.getMessageID()).isEqualTo(queued.messageId());
    assertThat(addresses(mail.getRecipients(RecipientType.TO))).containsExactly(DSP, PANEL);
    assertThat(addresses(mail.getRecipients(RecipientType.CC))).containsExactly(BUSINESS_UNIT, SSL);
    assertThat(addresses(mail.getReplyTo())).containsExactly(BUSINESS_UNIT);
    assertThat(mail.getSubject()).isEqualTo(caseReference + ": Notification of a serious child safeguarding incident");

    List<BodyPart> attachments = attachments(mail);
    assertThat(attachments).extracting(BodyPart::getFileName)
        .containsExactly(caseReference + "-dspNotificationLetter.pdf", caseReference + "-sslNotificationLetter.pdf");
    for (BodyPart attachment : attachments) {
      assertThat(attachment.getContentType()).startsWith("application/pdf");
      assertThat(CorrespondenceTemplatesTest.pdfText(attachment.getInputStream().readAllBytes())).contains(caseReference);
    }

    OutboxMessage sent = repository.find(queued.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.sentAt()).isNotNull();
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.lastError()).isNull();
    assertThat(historyService.createHistoricProcessInstanceQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY).processInstanceBusinessKey(caseReference)
            .finished().count())
        .isEqualTo(1);
  }

  @Test
  void theDeliveryJobRendersTheQueuedLettersStoresThemAndSendsExactlyTheStoredPdfs() throws Exception {
    String caseReference = queue();
    OutboxMessage queued = message(caseReference);
    assertThat(repository.attachments(queued.id())).hasSize(2).allSatisfy(letter -> {
      assertThat(letter.sourceXhtml()).contains(caseReference);
      assertThat(letter.content()).isNull();
    });

    managementService.executeJob(deliveryJob(caseReference).getId());

    assertThat(greenMail.waitForIncomingEmail(5000, RECIPIENTS)).isTrue();
    List<BodyPart> sent = attachments(received(queued.messageId()).get(0));
    List<Attachment> stored = repository.attachments(queued.id());
    assertThat(stored).hasSameSizeAs(sent).hasSize(2);
    for (int i = 0; i < stored.size(); i++) {
      assertThat(new String(stored.get(i).content(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
      assertThat(stored.get(i).content()).isEqualTo(sent.get(i).getInputStream().readAllBytes());
    }
  }

  @Test
  void aLetterWhosePdfCannotBeRenderedFailsTheJobIsRecordedAndRaisesAnIncidentAfterRetries() {
    String caseReference = queue();
    OutboxMessage queued = message(caseReference);
    jdbc.update("UPDATE cspr_outbox_attachment SET source_xhtml = ? WHERE outbox_id = ? AND file_name = ?",
        "<html><body><p>Unclosed</body></html>", queued.id(), queued.attachmentNames().get(1));
    Job job = deliveryJob(caseReference);

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("Delivery of " + queued.messageId());
    OutboxMessage failed = repository.find(queued.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("not well-formed XHTML");
    assertThat(incidents(job)).isEmpty();

    while (retries(job) > 0) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(Exception.class);
    }
    assertThat(repository.find(queued.id()).orElseThrow().attempts()).isEqualTo(6);
    List<Incident> incidents = incidents(job);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentMessage()).contains(queued.messageId());
    assertThat(received(queued.messageId())).as("nothing sent").isEmpty();
    assertThat(repository.attachments(queued.id())).extracting(Attachment::content)
        .as("no letter stored for a message that was not sent").allMatch(Objects::isNull);
  }

  @Test
  void whenSmtpIsDownDeliveryRetriesThenRaisesAnIncidentAndResumesOnceSmtpIsBack() throws Exception {
    greenMail.stop();
    String caseReference = queue();
    OutboxMessage queued = message(caseReference);
    Job job = deliveryJob(caseReference);

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("Delivery of " + queued.messageId());
    // PT1M,PT5M,PT15M,PT1H,PT4H: five retries after the first attempt
    assertThat(retries(job)).isEqualTo(5);
    OutboxMessage failed = repository.find(queued.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxStatus.FAILED);
    assertThat(failed.attempts()).isEqualTo(1);
    assertThat(failed.lastError()).contains("MailSendException");
    assertThat(incidents(job)).isEmpty();
    assertThat(repository.attachments(queued.id())).as("a failed attempt stores no PDF").extracting(Attachment::content)
        .containsOnlyNulls();

    int attempts = 1;
    while (retries(job) > 0) {
      assertThatThrownBy(() -> managementService.executeJob(job.getId())).isInstanceOf(Exception.class);
      attempts++;
    }
    assertThat(attempts).isEqualTo(6);
    assertThat(repository.find(queued.id()).orElseThrow().attempts()).isEqualTo(6);
    List<Incident> incidents = incidents(job);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incidents.get(0).getIncidentMessage()).contains(queued.messageId());

    resumer.resumeFailedDeliveries();
    assertThat(retries(job)).as("a fresh failure is not resumed at once").isZero();

    greenMail.start();
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 11 * 60 * 1000));
    resumer.resumeFailedDeliveries();
    assertThat(retries(job)).isEqualTo(1);
    assertThat(incidents(job)).as("the incident is resolved by the new retry").isEmpty();

    managementService.executeJob(job.getId());

    assertThat(greenMail.waitForIncomingEmail(5000, RECIPIENTS)).isTrue();
    assertThat(received(queued.messageId())).as("exactly one delivery").hasSize(RECIPIENTS);
    List<BodyPart> letters = attachments(received(queued.messageId()).get(0));
    List<Attachment> stored = repository.attachments(queued.id());
    assertThat(letters).hasSameSizeAs(stored);
    for (int i = 0; i < stored.size(); i++) {
      assertThat(letters.get(i).getInputStream().readAllBytes()).as("the letter stored with the delivery that sent it")
          .isEqualTo(stored.get(i).content());
    }
    OutboxMessage sent = repository.find(queued.id()).orElseThrow();
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(7);
    assertThat(sent.lastError()).isNull();
    assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
  }

  @Test
  void aDuplicatedOrRetriedJobForASentMessageSendsNothingMore() throws Exception {
    String caseReference = queue();
    OutboxMessage queued = message(caseReference);
    managementService.executeJob(deliveryJob(caseReference).getId());
    assertThat(greenMail.waitForIncomingEmail(5000, RECIPIENTS)).isTrue();

    // A duplicate delivery process for the same message (e.g. started twice) and a direct retry
    ProcessInstance duplicate =
        runtimeService.startProcessInstanceByKey(
            Correspondence.DELIVERY_PROCESS_KEY, caseReference,
            java.util.Map.of(Correspondence.OUTBOX_MESSAGE_ID, queued.id(),
                CaseVariables.PARTNERSHIP, CorrespondenceTestProcess.NORTH_LINCS));
    managementService.executeJob(managementService.createJobQuery().processInstanceId(duplicate.getId()).singleResult().getId());
    delivery.deliver(queued.id());

    Thread.sleep(300);
    assertThat(received(queued.messageId())).hasSize(RECIPIENTS);
    assertThat(repository.find(queued.id()).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void aContextWithARealSmtpHostOutsideLiveFailsToStart() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(CsprApplication.class)
            .profiles("test")
            // command-line arguments outrank the test profile's spring.mail.host=localhost
            .run("--server.port=0", "--spring.mail.host=smtp.example.org", "--cspr.correspondence.live=false")
            .close())
        .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("spring.mail.host 'smtp.example.org' is not a loopback host")
            .hasMessageContaining("cspr.correspondence.live is not true"));
  }

  /**
   * A delivery job holds two connections while it sends (its own and the record of the send,
   * {@link SendOnce}): as many jobs at once as half the pool has connections all complete.
   */
  @Test
  void aBurstOfDeliveriesOnHalfAsManyThreadsAsThePoolHasConnectionsCompletes() throws Exception {
    int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() / 2;
    List<String> references = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      references.add(queue());
    }
    List<String> jobs = references.stream().map(reference -> deliveryJob(reference).getId()).toList();
    ExecutorService threads = Executors.newFixedThreadPool(connections);
    try {
      List<Future<?>> runs = new ArrayList<>();
      jobs.forEach(job -> runs.add(threads.submit(() -> managementService.executeJob(job))));
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS); // waiting for a second connection would time out after 30 s
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(references).allSatisfy(reference ->
        assertThat(message(reference).status()).isEqualTo(OutboxStatus.SENT));
  }

  private String queue() {
    String caseReference = CorrespondenceTestProcess.newCaseReference();
    CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);
    return caseReference;
  }

  private OutboxMessage message(String caseReference) {
    List<OutboxMessage> messages = repository.findByCase(caseReference);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private Job deliveryJob(String caseReference) {
    ProcessInstance instance =
        runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
            .processInstanceBusinessKey(caseReference)
            .singleResult();
    return managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
  }

  private int retries(Job job) {
    return managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries();
  }

  private List<Incident> incidents(Job job) {
    return runtimeService.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).list();
  }

  private static List<MimeMessage> received(String messageId) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(message -> {
          try {
            return messageId.equals(message.getMessageID());
          } catch (jakarta.mail.MessagingException e) {
            return false;
          }
        })
        .toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
