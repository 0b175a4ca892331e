package uk.cspr.workflow.parallel;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * Bean {@code startParallelReviews}: lets another flow of the case (e.g. the serious incident
 * notification) start the interface with parallel reviews without waiting for it, as an
 * asynchronous service task {@code camunda:delegateExpression="${startParallelReviews}"}. Passes the
 * case reference, the partnership and, when known, {@code awareOfIncidentAt}; the business unit then
 * records the facts in Tasklist.
 */
@Component("startParallelReviews")
class StartParallelReviewsDelegate implements JavaDelegate {

  private final ParallelReviews parallelReviews;

  StartParallelReviewsDelegate(ParallelReviews parallelReviews) {
    this.parallelReviews = parallelReviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> facts = new HashMap<>();
    Object awareAt = execution.getVariable(ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT);
    if (awareAt != null) {
      facts.put(ParallelReviewProcess.Vars.AWARE_OF_INCIDENT_AT, awareAt);
    }
    String caseReference = (String) execution.getVariable(CaseVariables.CASE_REFERENCE);
    parallelReviews.start(
        caseReference != null ? caseReference : execution.getProcessBusinessKey(),
        (String) execution.getVariable(CaseVariables.PARTNERSHIP),
        facts);
  }
}
