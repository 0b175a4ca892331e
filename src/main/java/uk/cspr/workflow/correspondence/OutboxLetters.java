package uk.cspr.workflow.correspondence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * The letters (PDF) of an outbox message. Their XHTML is fixed when the message is queued; the PDF
 * is rendered later, out of the user's step: by the delivery job, which stores it with the record
 * of the send ({@link SendOnce}), so the log serves what was sent and a failed attempt stores
 * nothing; or on demand, without storing, for a download before delivery.
 */
@Component
class OutboxLetters {

  private final OutboxRepository repository;
  private final LetterPdfRenderer renderer;

  OutboxLetters(OutboxRepository repository, LetterPdfRenderer renderer) {
    this.repository = repository;
    this.renderer = renderer;
  }

  /** Every letter of the message as PDF: the stored ones, the others rendered now (not stored here). */
  List<Attachment> forDelivery(String outboxId) {
    List<Attachment> letters = new ArrayList<>();
    for (Attachment letter : repository.attachments(outboxId)) {
      letters.add(letter.rendered() ? letter : letter.withContent(renderer.pdf(letter.sourceXhtml())));
    }
    return letters;
  }

  /** One letter as PDF: the stored one, else rendered now. */
  Optional<Attachment> forDownload(String outboxId, String fileName) {
    return repository.attachment(outboxId, fileName)
        .map(letter -> letter.rendered() ? letter : letter.withContent(renderer.pdf(letter.sourceXhtml())));
  }
}
