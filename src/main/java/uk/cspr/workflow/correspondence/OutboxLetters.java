package uk.cspr.workflow.correspondence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * The letters (PDF) of an outbox message. Their XHTML is fixed when the message is queued; the PDF
 * is rendered later, out of the user's step: by the delivery job, which stores it with the record
 * of the send ({@link SendOnce}), so the log serves what was sent and a failed attempt stores
 * nothing; or on demand, without storing, for a download before delivery.
 */
@Component
class OutboxLetters {

  /** The letter's title as fragments/letter.html writes it into the XHTML (escaped). */
  private static final Pattern SUBJECT = Pattern.compile("<meta name=\"subject\" content=\"([^\"]*)\"");
  static final String UNTITLED = "Letter";

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

  /**
   * Each attachment's title by outbox message and file name, in order, for all the case's messages
   * in one query ("Letter" where a letter's XHTML has none).
   */
  Map<String, Map<String, String>> titlesOfCase(String caseReference) {
    Map<String, Map<String, String>> titles = new HashMap<>();
    repository.letterSourcesOfCase(caseReference).forEach((outboxId, sources) -> {
      Map<String, String> ofMessage = titles.computeIfAbsent(outboxId, id -> new LinkedHashMap<>());
      // a document people added to the case (no XHTML) is called by its file name
      sources.forEach((fileName, xhtml) -> ofMessage.put(fileName, xhtml == null ? fileName : title(xhtml)));
    });
    return titles;
  }

  static String title(String xhtml) {
    Matcher subject = SUBJECT.matcher(xhtml == null ? "" : xhtml);
    return subject.find() && !subject.group(1).isBlank() ? HtmlUtils.htmlUnescape(subject.group(1)) : UNTITLED;
  }
}
