package uk.cspr.workflow.criteria;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseReference}/decisions}: the decisions of a case and the version of each
 * table that produced them, for whoever may read that partnership's decision history (managers,
 * business unit, analysts who belong to it, administrators); 404 when there is none to show.
 */
@RestController
class CaseDecisionsController {

  private final CaseDecisionHistory history;

  CaseDecisionsController(CaseDecisionHistory history) {
    this.history = history;
  }

  @GetMapping("/api/cases/{caseReference}/decisions")
  List<CaseDecisionHistory.Evaluation> decisions(@PathVariable String caseReference) {
    List<CaseDecisionHistory.Evaluation> evaluations = history.of(caseReference);
    if (evaluations.isEmpty()) {
      throw new NotFoundException("No decision history you may see for case '" + caseReference + "'");
    }
    return evaluations;
  }
}
