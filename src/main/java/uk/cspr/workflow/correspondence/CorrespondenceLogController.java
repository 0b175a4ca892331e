package uk.cspr.workflow.correspondence;

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

  private final CorrespondenceLog log;
  private final OutboxLetters letters;
  private final CaseAccess caseAccess;

  CorrespondenceLogController(CorrespondenceLog log, OutboxLetters letters, CaseAccess caseAccess) {
    this.log = log;
    this.letters = letters;
    this.caseAccess = caseAccess;
  }

  @GetMapping
  ResponseEntity<?> log(@PathVariable String caseReference) {
    if (!caseAccess.canSeeCase(caseReference)) {
      return notFound("Case not found: " + caseReference);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(log.of(caseReference));
  }

  @GetMapping("/{id}/attachments/{name}")
  ResponseEntity<?> attachment(
      @PathVariable String caseReference, @PathVariable String id, @PathVariable String name) {
    if (!caseAccess.canSeeCase(caseReference)) {
      return notFound("Case not found: " + caseReference);
    }
    Optional<Attachment> attachment = log.find(caseReference, id).flatMap(message -> letters.forDownload(id, name));
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

  private static ResponseEntity<Map<String, String>> notFound(String error) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(Map.of("error", error));
  }
}
