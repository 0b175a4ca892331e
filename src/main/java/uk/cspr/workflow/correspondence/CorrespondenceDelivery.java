package uk.cspr.workflow.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * Delivers one outbox message over SMTP (SPEC §5), with its letters rendered to PDF first
 * ({@link OutboxLetters}). The send is recorded in its own transaction right after the SMTP
 * server's accept ({@link SendOnce}): a message already SENT is not sent again, so a retried,
 * rolled-back or duplicated job never sends it twice.
 * A failure is recorded (attempts, last error, FAILED) in its own transaction, so the
 * correspondence log shows it although the job's transaction rolls back, and is then rethrown so
 * the engine retries the job and finally raises an incident.
 */
@Service
class CorrespondenceDelivery {

  private static final Logger LOG = LoggerFactory.getLogger(CorrespondenceDelivery.class);

  private final OutboxRepository repository;
  private final OutboxLetters letters;
  private final ObjectProvider<JavaMailSender> mailSenders;
  private final MailSafetyGuard guard;
  private final SendOnce sendOnce;
  private final TransactionTemplate separateTransaction;

  CorrespondenceDelivery(
      OutboxRepository repository,
      OutboxLetters letters,
      ObjectProvider<JavaMailSender> mailSenders,
      MailSafetyGuard guard,
      SendOnce sendOnce,
      PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.letters = letters;
    this.mailSenders = mailSenders;
    this.guard = guard;
    this.sendOnce = sendOnce;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  void deliver(String outboxId) {
    OutboxMessage message =
        repository.find(outboxId).orElseThrow(() -> new IllegalStateException("No outbox message " + outboxId));
    if (message.status() == OutboxStatus.SENT) {
      LOG.info("Outbox message {} ({}) was already sent; nothing to do", outboxId, message.messageId());
      return;
    }
    try {
      JavaMailSender sender = mailSenders.getIfAvailable();
      if (sender == null) {
        throw new IllegalStateException("No mail server configured (" + MailSafetyGuard.HOST_PROPERTY + ")");
      }
      guard.checkBeforeSend(sender);
      List<Attachment> pdfs = letters.forDelivery(outboxId);
      MimeMessage mime = mimeMessage(message, pdfs, sender);
      if (!sendOnce.send(outboxId, pdfs, now(), () -> sender.send(mime))) {
        LOG.info("Outbox message {} ({}) was sent meanwhile; nothing to do", outboxId, message.messageId());
        return;
      }
    } catch (RuntimeException | MessagingException failure) {
      Exception e = failure instanceof SendOnce.SendFailed wrapped ? (Exception) wrapped.getCause() : failure;
      String error = describe(e);
      separateTransaction.executeWithoutResult(status -> repository.markFailed(outboxId, now(), error));
      LOG.warn("Delivery of outbox message {} ({}) failed: {}", outboxId, message.messageId(), error);
      throw new CorrespondenceDeliveryException(
          "Delivery of " + message.messageId() + " for case " + message.caseReference() + " failed: " + error, e);
    }
    LOG.info("Outbox message {} ({}) sent", outboxId, message.messageId());
  }

  private static MimeMessage mimeMessage(OutboxMessage message, List<Attachment> attachments, JavaMailSender sender)
      throws MessagingException {
    Session session =
        sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    MimeMessage mime = new StableMessageIdMimeMessage(session, message.messageId());
    MimeMessageHelper helper = new MimeMessageHelper(mime, !attachments.isEmpty(), "UTF-8");
    helper.setFrom(message.from());
    if (message.replyTo() != null) {
      helper.setReplyTo(message.replyTo());
    }
    helper.setTo(message.to().toArray(String[]::new));
    if (!message.cc().isEmpty()) {
      helper.setCc(message.cc().toArray(String[]::new));
    }
    helper.setSubject(message.subject());
    helper.setSentDate(ClockUtil.getCurrentTime());
    helper.setText(message.bodyHtml(), true);
    for (Attachment attachment : attachments) {
      helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
      // base64 always: a file that happens to be ASCII (a plain PDF) would otherwise go as 7bit text
      // and arrive with its line ends changed to CRLF, no longer the document people added
      MimeMultipart parts = helper.getRootMimeMultipart();
      parts.getBodyPart(parts.getCount() - 1).setHeader("Content-Transfer-Encoding", "base64");
    }
    mime.setHeader(StableMessageIdMimeMessage.MESSAGE_ID, message.messageId());
    mime.setHeader("Auto-Submitted", "auto-generated");
    return mime;
  }

  private static String describe(Exception e) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return cause == e ? text : text + " (cause: " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
  }
}
