package uk.cspr.workflow.correspondence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * The letters (PDF) of an outbox message. Their XHTML is fixed when the message is queued; the PDF
 * is rendered later, out of the user's step: by the delivery job, which stores it in its own
 * transaction before sending (so every attempt sends, and the log serves, the same bytes), or on
 * demand, without storing, for a download before delivery.
 */
@Component
class OutboxLetters {

  private final OutboxRepository repository;
  private final LetterPdfRenderer renderer;
  private final TransactionTemplate separateTransaction;

  OutboxLetters(OutboxRepository repository, LetterPdfRenderer renderer, PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.renderer = renderer;
    this.separateTransaction = new TransactionTemplate(transactionManager);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Every letter of the message as PDF, rendering and storing those not rendered yet. */
  List<Attachment> forDelivery(String outboxId) {
    List<Attachment> letters = repository.attachments(outboxId);
    Map<String, byte[]> rendered = new LinkedHashMap<>();
    for (Attachment letter : letters) {
      if (!letter.rendered()) {
        rendered.put(letter.fileName(), renderer.pdf(letter.sourceXhtml()));
      }
    }
    if (rendered.isEmpty()) {
      return letters;
    }
    separateTransaction.executeWithoutResult(
        status -> rendered.forEach((fileName, pdf) -> repository.storePdf(outboxId, fileName, pdf)));
    return repository.attachments(outboxId); // what is stored, should another attempt have stored first
  }

  /** One letter as PDF: the stored one, else rendered now. */
  Optional<Attachment> forDownload(String outboxId, String fileName) {
    return repository.attachment(outboxId, fileName)
        .map(letter -> letter.rendered() ? letter : letter.withContent(renderer.pdf(letter.sourceXhtml())));
  }
}
