package uk.cspr.workflow.correspondence;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;
import uk.cspr.workflow.cases.CaseAccess;

/**
 * The correspondence log of a case (SPEC §5: every message recorded – who, what, when, status)
 * and its generated letters, so Tasklist (the task's case tab, issue 14.7), the demo mail sink and
 * Cockpit users can open them as PDF in the browser. Authenticated by
 * the {@code /api/*} filter; a case the user may not see answers 404, like an unknown one.
 */
@RestController
@RequestMapping("/api/cases/{caseReference}/correspondence")
class CorrespondenceLogController {

  private final OutboxRepository repository;
  private final OutboxLetters letters;
  private final CaseAccess caseAccess;

  CorrespondenceLogController(OutboxRepository repository, OutboxLetters letters, CaseAccess caseAccess) {
    this.repository = repository;
    this.letters = letters;
    this.caseAccess = caseAccess;
  }

  /** One message of the log. */
  record LogEntry(
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
  record AttachmentLink(String name, String title, String url) {}

  @GetMapping
  ResponseEntity<?> log(@PathVariable String caseReference, HttpServletRequest request) {
    if (!caseAccess.canSeeCase(caseReference)) {
      return notFound("Case not found: " + caseReference);
    }
    List<LogEntry> entries =
        repository.findByCase(caseReference).stream()
            .filter(message -> caseAccess.canSeeTenant(message.tenantId()))
            .map(message -> entry(message, request.getContextPath()))
            .toList();
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(entries);
  }

  @GetMapping("/{id}/attachments/{name}")
  ResponseEntity<?> attachment(
      @PathVariable String caseReference, @PathVariable String id, @PathVariable String name) {
    if (!caseAccess.canSeeCase(caseReference)) {
      return notFound("Case not found: " + caseReference);
    }
    Optional<Attachment> attachment =
        repository.find(id)
            .filter(message -> message.caseReference().equals(caseReference))
            .filter(message -> caseAccess.canSeeTenant(message.tenantId()))
            .flatMap(message -> letters.forDownload(id, name));
    if (attachment.isEmpty()) {
      return notFound("Attachment not found: " + name);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.get().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .cacheControl(CacheControl.noStore())
        .body(attachment.get().content());
  }

  private LogEntry entry(OutboxMessage message, String contextPath) {
    Map<String, String> titles = letters.titles(message.id());
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
  static String letterUrl(String contextPath, String caseReference, String outboxId, String name) {
    return UriComponentsBuilder.fromPath(contextPath)
        .pathSegment("api", "cases", caseReference, "correspondence", outboxId, "attachments", name)
        .encode()
        .toUriString();
  }

  private static ResponseEntity<Map<String, String>> notFound(String error) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
  }
}
