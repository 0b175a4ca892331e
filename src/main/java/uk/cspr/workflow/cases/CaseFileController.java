package uk.cspr.workflow.cases;

import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file as JSON for other tools (issue 18.3): {@code GET /api/cases?query=NL-2026} finds
 * the caller's cases by reference prefix; {@code GET /api/cases/{caseReference}} answers the file,
 * or 404 for a case the caller may not see, exactly as for an unknown one; {@code GET
 * /api/tasks/{taskId}/case} answers the case of a task in the caller's task view (Tasklist's case
 * tab, issue 14.7). Authenticated by the {@code /api/*} filter; never cached (special-category
 * data about children).
 */
@RestController
class CaseFileController {

  private final CaseFiles files;

  CaseFileController(CaseFiles files) {
    this.files = files;
  }

  @GetMapping("/api/cases")
  ResponseEntity<List<CaseFiles.Found>> search(@RequestParam String query) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(files.search(query));
  }

  @GetMapping("/api/cases/{caseReference}")
  ResponseEntity<?> file(@PathVariable String caseReference) {
    return files.file(caseReference)
        .<ResponseEntity<?>>map(file -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(file))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "No case " + caseReference + " that you may see")));
  }

  @GetMapping("/api/tasks/{taskId}/case")
  ResponseEntity<?> caseOfTask(@PathVariable String taskId) {
    return files.caseOfTask(taskId)
        .<ResponseEntity<?>>map(found -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(found))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "No task that you may see with this id")));
  }
}
