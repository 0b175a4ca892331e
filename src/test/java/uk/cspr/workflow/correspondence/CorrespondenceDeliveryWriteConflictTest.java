package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.SmtpSink;

/**
 * Issue 16: a delivery job that handed its message to the SMTP server and then loses a write
 * conflict (here: another node takes over the job's lock right after the server's accept, as when a
 * lock expires under load) is rolled back and retried; the message must still reach the server
 * exactly once, because the send was recorded in its own committed transaction.
 */
@CsprSpringBootTest
class CorrespondenceDeliveryWriteConflictTest {

  static final SmtpSink SMTP = SmtpSink.onFreePort().start();
  static final int RECIPIENTS = 4; // GreenMail keeps one copy per recipient (2 To + 2 Cc)
  static final String OTHER_NODE = "node2";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    SMTP.register(registry);
  }

  @AfterAll
  static void stopSmtp() {
    SMTP.close();
  }

  @MockitoSpyBean JavaMailSender mailSender;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired OutboxRepository repository;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void deploy() {
    CorrespondenceTestProcess.deploy(repositoryService);
  }

  @AfterEach
  void heal() throws Exception {
    doCallRealMethod().when(mailSender).send(any(MimeMessage.class));
  }

  @Test
  void aJobThatLosesAWriteConflictAfterTheSmtpAcceptDoesNotSendAgain() throws Exception {
    String caseReference = queue();
    OutboxMessage queued = single(caseReference);
    Job job = deliveryJob(caseReference);
    AtomicBoolean takenOver = new AtomicBoolean();
    doAnswer(send -> {
      send.callRealMethod();
      if (takenOver.compareAndSet(false, true)) {
        takeOverLock(job.getId()); // the SMTP server has accepted; now the job's commit must conflict
      }
      return null;
    }).when(mailSender).send(any(MimeMessage.class));

    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .isInstanceOf(OptimisticLockingException.class);
    assertThat(takenOver).isTrue();
    assertThat(repository.find(queued.id()).orElseThrow().status())
        .as("the send is recorded although the job rolled back").isEqualTo(OutboxStatus.SENT);
    assertThat(lockOwner(job.getId())).as("the write-conflict retry leaves the job to the node that holds it")
        .isEqualTo(OTHER_NODE);

    // the other node runs the job: it finds the message sent and only finishes the process
    managementService.executeJob(job.getId());

    assertThat(SMTP.await(RECIPIENTS, 5000)).isTrue();
    assertThat(received(queued.messageId())).as("exactly one delivery").hasSize(RECIPIENTS);
    OutboxMessage sent = repository.find(queued.id()).orElseThrow();
    assertThat(sent.attempts()).isEqualTo(1);
    assertThat(sent.sentAt()).isNotNull();
    List<Attachment> stored = repository.attachments(queued.id());
    assertThat(stored).as("the letters sent are stored with the record of the send").hasSize(2)
        .allSatisfy(letter -> assertThat(letter.content()).isNotNull());
    assertThat(managementService.createJobQuery().jobId(job.getId()).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
        .finished().count()).isOne();
  }

  /** What another node's job acquisition does once this node's lock has expired. */
  private void takeOverLock(String jobId) {
    jdbc.update("UPDATE ACT_RU_JOB SET REV_ = REV_ + 1, LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        OTHER_NODE, new Timestamp(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis()), jobId);
  }

  private String lockOwner(String jobId) {
    return jdbc.queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ?", String.class, jobId);
  }

  private String queue() {
    String caseReference = CorrespondenceTestProcess.newCaseReference();
    CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);
    return caseReference;
  }

  private OutboxMessage single(String caseReference) {
    List<OutboxMessage> messages = repository.findByCase(caseReference);
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  private Job deliveryJob(String caseReference) {
    String instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
        .processInstanceBusinessKey(caseReference)
        .singleResult()
        .getId();
    return managementService.createJobQuery().processInstanceId(instance).singleResult();
  }

  private static List<MimeMessage> received(String messageId) {
    return Arrays.stream(SMTP.received()).filter(message -> messageId.equals(messageIdOf(message))).toList();
  }

  private static String messageIdOf(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      return null;
    }
  }
}
