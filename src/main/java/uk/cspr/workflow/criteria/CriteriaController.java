package uk.cspr.workflow.criteria;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.workflow.criteria.CriteriaChangeLog.Change;

/**
 * {@code /api/criteria}: the REST API of the criteria workbench, for {@code analysts} and {@code
 * camunda-admin} only (403 otherwise, checked by {@link WorkbenchWebConfig}). {@code tenant} is a
 * partnership id for its own version of a partnership-specific table; absent for the shared one.
 */
@RestController
@RequestMapping("/api/criteria")
class CriteriaController {

  /** An edited table: DMN XML, the partnership it is for (optional) and, to deploy, why. */
  record Edit(String xml, String tenant, String comment) {}

  private final CriteriaWorkbench workbench;

  CriteriaController(CriteriaWorkbench workbench) {
    this.workbench = workbench;
  }

  @GetMapping("/decisions")
  CriteriaWorkbench.Decisions decisions() {
    return workbench.decisions();
  }

  /** The DMN XML of the version in use (for the partnership when {@code tenant} is given). */
  @GetMapping("/decisions/{key}/xml")
  ResponseEntity<String> xml(@PathVariable String key, @RequestParam(required = false) String tenant) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(workbench.xml(key, tenant));
  }

  @PostMapping("/decisions/{key}/dry-run")
  DryRun dryRun(@PathVariable String key, @RequestBody Edit edit) {
    return workbench.dryRun(key, edit.tenant(), edit.xml());
  }

  @PostMapping("/decisions/{key}/deployments")
  @ResponseStatus(HttpStatus.CREATED)
  Change deploy(@PathVariable String key, @RequestBody Edit edit) {
    return workbench.deploy(key, edit.tenant(), edit.xml(), edit.comment());
  }

  @GetMapping("/changes")
  List<Change> changes(@RequestParam(required = false) String decisionKey) {
    return workbench.changes(decisionKey);
  }
}
