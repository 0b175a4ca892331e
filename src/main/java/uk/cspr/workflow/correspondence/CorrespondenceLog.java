package uk.cspr.workflow.correspondence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import uk.cspr.workflow.cases.CaseAccess;

/**
 * The correspondence log read-only, for the rest of the application (SPEC §5: every message
 * recorded – who, what, when, status): a case's messages with links to their letters, as {@code
 * GET /api/cases/{caseReference}/correspondence} and the case file show them, and which case an
 * e-mail with a given Message-ID belongs to (the demo mail sink). Only messages of the caller's
 * partnerships.
 */
@Component
public class CorrespondenceLog {

  private final OutboxRepository repository;
  private final OutboxLetters letters;
  private final CaseAccess caseAccess;

  CorrespondenceLog(OutboxRepository repository, OutboxLetters letters, CaseAccess caseAccess) {
    this.repository = repository;
    this.letters = letters;
    this.caseAccess = caseAccess;
  }

  /** One message of the log. */
  public record LogEntry(
      String id,
      String template,
      List<String> to,
      List<String> cc,
      String subject,
      OutboxStatus status,
      OffsetDateTime queuedAt,
      OffsetDateTime sentAt,
      int attempts,
      String lastError,
      String messageId,
      List<AttachmentLink> attachments) {}

  /** A generated letter: its file name, its title (plain English) and where to open it as PDF. */
  public record AttachmentLink(String name, String title, String url) {}

  /** Which case and partnership a message sent from the outbox belongs to. */
  public record Sent(String outboxId, String caseReference, String tenantId) {}

  /**
   * The case's messages in the caller's partnerships, oldest first, with their letters' links
   * (paths under the current request's context path). Whether the caller may read the case is
   * checked by the caller.
   */
  public List<LogEntry> of(String caseReference) {
    String contextPath = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getContextPath() : "";
    Map<String, Map<String, String>> titles = letters.titlesOfCase(caseReference);
    return repository.findByCase(caseReference).stream()
        .filter(message -> caseAccess.canSeeTenant(message.tenantId()))
        .map(message -> entry(message, titles.getOrDefault(message.id(), Map.of()), contextPath))
        .toList();
  }

  /** Every outbox message by the Message-ID it was (or will be) sent with. */
  public Map<String, Sent> byMessageId() {
    return repository.recordedByMessageId();
  }

  /** The message with this id, if it belongs to the case and the caller's partnerships. */
  Optional<OutboxMessage> find(String caseReference, String id) {
    return repository.find(id)
        .filter(message -> message.caseReference().equals(caseReference))
        .filter(message -> caseAccess.canSeeTenant(message.tenantId()));
  }

  private static LogEntry entry(OutboxMessage message, Map<String, String> titles, String contextPath) {
    List<AttachmentLink> links =
        message.attachmentNames().stream()
            .map(name -> new AttachmentLink(name, titles.getOrDefault(name, OutboxLetters.UNTITLED),
                letterUrl(contextPath, message.caseReference(), message.id(), name)))
            .toList();
    return new LogEntry(
        message.id(), message.template(), message.to(), message.cc(), message.subject(), message.status(),
        message.queuedAt(), message.sentAt(), message.attempts(), message.lastError(), message.messageId(), links);
  }

  /** Where a letter opens as PDF (inline), for anyone who may see the case. */
  public static String letterUrl(String contextPath, String caseReference, String outboxId, String name) {
    return UriComponentsBuilder.fromPath(contextPath)
        .pathSegment("api", "cases", caseReference, "correspondence", outboxId, "attachments", name)
        .encode()
        .toUriString();
  }
}
