package uk.cspr.workflow.parallel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * Start facade of {@code parallelReviewInterface} for Java callers (REST controller, other flows).
 * Validation, the business key and the deadlines come from the process start itself, so every way
 * in (Tasklist start form, REST, another flow) is checked the same way.
 */
@Service
public class ParallelReviews {

  private final RuntimeService runtime;

  ParallelReviews(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  /**
   * Starts the interface for a case. {@code facts} holds the decision's inputs as a form would submit
   * them; when they are absent the business unit is asked to record them.
   */
  public ProcessInstance start(String caseReference, String partnership, Map<String, Object> facts) {
    Map<String, Object> variables = new LinkedHashMap<>(facts);
    variables.put(CaseVariables.CASE_REFERENCE, caseReference);
    variables.put(CaseVariables.PARTNERSHIP, partnership);
    return runtime.startProcessInstanceByKey(ParallelReviewProcess.KEY, caseReference, variables);
  }
}
