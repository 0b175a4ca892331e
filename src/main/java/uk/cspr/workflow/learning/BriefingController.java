package uk.cspr.workflow.learning;

import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseReference}/briefing}: the 7-minute briefing of the case's published
 * review as a PDF (issue 19.3); 404 for a case the caller may not see, exactly as for an unknown
 * one or a review not yet published. Never cached.
 */
@RestController
class BriefingController {

  private final Briefings briefings;

  BriefingController(Briefings briefings) {
    this.briefings = briefings;
  }

  @GetMapping("/api/cases/{caseReference}/briefing")
  ResponseEntity<?> briefing(@PathVariable String caseReference) {
    return briefings.pdf(caseReference)
        .<ResponseEntity<?>>map(pdf -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                .filename("7-minute-briefing-" + caseReference + ".pdf").build().toString())
            .body(pdf))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "No published review of case " + caseReference + " that you may see")));
  }
}
