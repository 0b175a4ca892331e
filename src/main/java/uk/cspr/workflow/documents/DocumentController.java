package uk.cspr.workflow.documents;

import java.io.IOException;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import uk.cspr.workflow.cases.CaseFile;

/**
 * A case's documents over HTTP (issue 18.3): {@code POST /api/cases/{caseReference}/documents}
 * (multipart: {@code file}, and {@code taskId}, the open step it is added to) answers 201 with the
 * document; {@code GET /api/cases/{caseReference}/documents/{id}} answers its content, a PDF to
 * open in the browser, the others to save, never sniffed or cached. A case or document the caller
 * may not see answers 404, as an unknown one. Authenticated by the {@code /api/*} filter.
 */
@RestController
class DocumentController {

  private final CaseDocuments documents;

  DocumentController(CaseDocuments documents) {
    this.documents = documents;
  }

  @PostMapping(path = "/api/cases/{caseReference}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CaseFile.Document> add(@PathVariable String caseReference, @RequestParam(required = false) MultipartFile file,
      @RequestParam(required = false) String taskId) throws IOException {
    CaseDocument added = documents.add(caseReference, taskId, file == null ? null : file.getOriginalFilename(),
        file == null ? null : file.getBytes());
    CaseFile.Document listed = documents.listed(added);
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, listed.url())
        .cacheControl(CacheControl.noStore()).body(listed);
  }

  @GetMapping("/api/cases/{caseReference}/documents/{id}")
  ResponseEntity<?> download(@PathVariable String caseReference, @PathVariable String id) {
    return documents.download(caseReference, id)
        .<ResponseEntity<?>>map(content -> {
          CaseDocument document = content.document();
          ContentDisposition disposition = (document.type() == DocumentType.PDF ? ContentDisposition.inline()
              : ContentDisposition.attachment()).filename(document.fileName()).build();
          return ResponseEntity.ok()
              .contentType(MediaType.parseMediaType(document.type().contentType()))
              .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
              .header("X-Content-Type-Options", "nosniff")
              .cacheControl(CacheControl.noStore())
              .body(content.bytes());
        })
        .orElseGet(() -> refusal(new DocumentRefusal(HttpStatus.NOT_FOUND, "No such document of a case that you may see")));
  }

  @ExceptionHandler(DocumentRefusal.class)
  ResponseEntity<Map<String, String>> refusal(DocumentRefusal refusal) {
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", refusal.status().getReasonPhrase(), "message", refusal.getMessage()));
  }

  /** Beyond Spring's multipart limit: the same sentence as beyond {@code cspr.documents.max-size}. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Map<String, String>> tooLarge(MaxUploadSizeExceededException e) {
    return refusal(documents.tooLarge());
  }
}
