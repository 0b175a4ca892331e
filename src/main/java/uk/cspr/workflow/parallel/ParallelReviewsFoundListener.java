package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.PARALLEL_REVIEWS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;

/**
 * After the decision {@code parallelReviewTriggers}: its codes once each, in its order (the
 * multi-instance collection), and an IDENTIFIED entry per code in the case record.
 */
@Component("parallelReviewsFound")
class ParallelReviewsFoundListener implements ExecutionListener {

  private final ParallelReviewLeads leads;

  ParallelReviewsFoundListener(ParallelReviewLeads leads) {
    this.leads = leads;
  }

  @Override
  public void notify(DelegateExecution execution) {
    List<String> reviews = new ArrayList<>();
    for (Object review : new LinkedHashSet<>(CaseData.list(execution.getVariable(PARALLEL_REVIEWS)))) {
      if (review != null) {
        reviews.add(review.toString());
      }
    }
    execution.setVariable(PARALLEL_REVIEWS, CaseData.json(reviews));
    ParallelReviewRecords.identify(execution, reviews, leads);
  }
}
