package uk.cspr.workflow.parallel;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * {@code POST /api/cases/{caseReference}/parallel-reviews}: the REST equivalent of the start form.
 * The body holds {@code partnership} and the facts (optional: without them the business unit is asked
 * for them). A bad request answers 400 (shape of {@code uk.cspr.workflow.config.ApiErrors}) and
 * creates nothing.
 */
@RestController
class ParallelReviewController {

  private final ParallelReviews parallelReviews;

  ParallelReviewController(ParallelReviews parallelReviews) {
    this.parallelReviews = parallelReviews;
  }

  record Started(String caseReference, String processInstanceId) {}

  @PostMapping("/api/cases/{caseReference}/parallel-reviews")
  @ResponseStatus(HttpStatus.CREATED)
  Started start(@PathVariable String caseReference, @RequestBody Map<String, Object> body) {
    Object partnership = body.get(CaseVariables.PARTNERSHIP);
    if (!(partnership instanceof String tenant)) {
      throw new InvalidCaseDataException(CaseVariables.PARTNERSHIP, "is required");
    }
    ProcessInstance instance = parallelReviews.start(caseReference, tenant, body);
    return new Started(instance.getBusinessKey(), instance.getId());
  }

}
