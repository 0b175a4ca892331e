package uk.cspr.workflow.correspondence;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MimeMessage whose Message-ID is the one stored in the outbox: JavaMail would otherwise make a
 * new one on every {@code saveChanges()}, and a retried delivery must carry the same Message-ID so
 * recipients can recognise a duplicate (SPEC §5: at least once, stable Message-ID).
 */
final class StableMessageIdMimeMessage extends MimeMessage {

  static final String MESSAGE_ID = "Message-ID";

  private final String messageId;

  StableMessageIdMimeMessage(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader(MESSAGE_ID, messageId);
  }
}
