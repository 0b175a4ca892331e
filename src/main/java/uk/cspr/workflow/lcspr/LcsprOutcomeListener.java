package uk.cspr.workflow.lcspr;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** At an end event of the review: how it ended ({@code lcsprOutcome}, for the caller's out-mapping). */
@Component("lcsprOutcome")
class LcsprOutcomeListener implements ExecutionListener {

  private static final Map<String, LcsprOutcome> OUTCOMES =
      Map.of(
          LcsprProcess.Elements.END_REVIEW_CLOSED, LcsprOutcome.REVIEW_CLOSED,
          LcsprProcess.Elements.END_NO_FAMILY_CONSENT, LcsprOutcome.NO_FAMILY_CONSENT,
          LcsprProcess.Elements.END_SUPERSEDED_BY_NATIONAL_REVIEW, LcsprOutcome.SUPERSEDED_BY_NATIONAL_REVIEW);

  @Override
  public void notify(DelegateExecution execution) {
    LcsprOutcome outcome = OUTCOMES.get(execution.getCurrentActivityId());
    execution.getProcessInstance().setVariable(LcsprProcess.Vars.LCSPR_OUTCOME, outcome.name());
  }
}
