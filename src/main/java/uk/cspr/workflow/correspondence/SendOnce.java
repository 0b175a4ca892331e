package uk.cspr.workflow.correspondence;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * Hands an outbox message to the SMTP server at most once per record (issue 16). In its own
 * transaction it locks the outbox row, sends only if the row is not SENT yet, then stores the
 * letters sent and marks it SENT, and commits right after the server's accept. So a delivery job
 * rolled back afterwards (a write conflict, a retry) or run beside another node finds it SENT and
 * sends nothing; a second run waits for the lock until the first has committed or died. A message
 * goes out twice only when a node dies, or loses the database, between the accept and this commit.
 * The delivery job's own transaction writes no outbox row, so the two never wait for each other.
 */
@Component
class SendOnce {

  /** Hands the message to the SMTP server. */
  interface Smtp {
    void send() throws Exception;
  }

  private final OutboxRepository repository;
  private final TransactionTemplate ownTransaction;

  SendOnce(OutboxRepository repository, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Sends unless already sent; returns whether this call sent it. */
  boolean send(String outboxId, List<Attachment> letters, OffsetDateTime now, Smtp smtp) {
    return Boolean.TRUE.equals(ownTransaction.execute(status -> {
      if (repository.lockStatus(outboxId) == OutboxStatus.SENT) {
        return false;
      }
      try {
        smtp.send();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new SendFailed(e);
      }
      letters.forEach(letter -> repository.storePdf(outboxId, letter.fileName(), letter.content()));
      repository.markSent(outboxId, now);
      return true;
    }));
  }

  /** A checked failure of the send, unwrapped by the caller. */
  static final class SendFailed extends RuntimeException {
    SendFailed(Exception cause) {
      super(cause);
    }
  }
}
