package uk.cspr.workflow.parallel;

import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.CRIMINAL_PROCEEDINGS_LOG;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.LCSPR_CORRELATION;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.MESSAGE;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.PAUSED_AREAS;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.PAUSE_REASON;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Vars.REVIEW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.config.ProcessKeys;
import uk.cspr.workflow.parallel.ParallelReviewProcess.LcsprCorrelation;
import uk.cspr.workflow.parallel.ParallelReviewProcess.Messages;

/**
 * Tells the running LCSPR of the case that criminal proceedings pause (or no longer pause) family
 * engagement or publication. Input parameter {@code message}: {@code cspr.criminalProceedingsPaused}
 * or {@code cspr.criminalProceedingsConcluded}. The message goes to every running {@code lcspr}
 * instance with the case reference as business key, in the case's partnership, that waits for it,
 * with the variables {@code pauseReason} (text) and {@code pausedAreas} (JSON list of
 * FAMILY_ENGAGEMENT, PUBLICATION; empty after the proceedings concluded).
 *
 * <p>No LCSPR running (none decided yet, or it has ended) is not a failure: the outcome is recorded
 * in {@code lcsprCorrelation} and in the case's {@code criminalProceedingsLog}, which an LCSPR
 * started later can read.
 */
@Component("correlateLcsprMessage")
class CorrelateLcsprMessageDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(CorrelateLcsprMessageDelegate.class);
  private static final Set<String> MESSAGES =
      Set.of(Messages.CRIMINAL_PROCEEDINGS_PAUSED, Messages.CRIMINAL_PROCEEDINGS_CONCLUDED);

  private final RuntimeService runtime;

  CorrelateLcsprMessageDelegate(@Lazy RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String message = (String) execution.getVariableLocal(MESSAGE);
    if (!MESSAGES.contains(message)) {
      throw new IllegalArgumentException("Input parameter 'message' must be one of " + MESSAGES + ", was " + message);
    }
    String caseReference = execution.getProcessBusinessKey();
    String partnership = execution.getTenantId();
    List<String> pausedAreas = CaseData.list(execution.getVariable(PAUSED_AREAS));
    String reason = (String) execution.getVariable(PAUSE_REASON);

    List<String> correlated = new ArrayList<>();
    LcsprCorrelation outcome = LcsprCorrelation.NO_LCSPR_RUNNING;
    for (ProcessInstance lcspr : runningLcsprs(caseReference, partnership)) {
      if (waitsFor(lcspr, message)) {
        VariableMap variables =
            Variables.createVariables()
                .putValue(PAUSE_REASON, reason)
                .putValue(PAUSED_AREAS, CaseData.json(new ArrayList<>(pausedAreas)));
        runtime.createMessageCorrelation(message).processInstanceId(lcspr.getId()).setVariables(variables).correlateWithResult();
        correlated.add(lcspr.getId());
        outcome = LcsprCorrelation.CORRELATED;
      } else if (outcome == LcsprCorrelation.NO_LCSPR_RUNNING) {
        outcome = LcsprCorrelation.LCSPR_NOT_WAITING;
      }
    }
    if (outcome != LcsprCorrelation.CORRELATED) {
      LOG.info("{} for case {}: {} (recorded, nothing to correlate)", message, caseReference, outcome);
    }
    execution.setVariable(LCSPR_CORRELATION, outcome.name());
    log(execution, message, caseReference, pausedAreas, reason, outcome, correlated);
  }

  private List<ProcessInstance> runningLcsprs(String caseReference, String partnership) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.LCSPR)
        .processInstanceBusinessKey(caseReference)
        .tenantIdIn(partnership)
        .list();
  }

  private boolean waitsFor(ProcessInstance lcspr, String message) {
    return !lcspr.isSuspended()
        && runtime
                .createEventSubscriptionQuery()
                .processInstanceId(lcspr.getId())
                .eventType("message")
                .eventName(message)
                .count()
            > 0;
  }

  private static void log(
      DelegateExecution execution,
      String message,
      String caseReference,
      List<String> pausedAreas,
      String reason,
      LcsprCorrelation outcome,
      List<String> lcsprInstances) {
    DelegateExecution caseScope = execution.getProcessInstance();
    List<Map<String, Object>> log = new ArrayList<>(CaseData.list(caseScope.getVariable(CRIMINAL_PROCEEDINGS_LOG)));
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("at", TriggerFactsRecorder.now().toInstant().toString());
    entry.put("message", message);
    entry.put(CaseVariables.CASE_REFERENCE, caseReference);
    entry.put(REVIEW, execution.getVariable(REVIEW));
    entry.put(PAUSED_AREAS, pausedAreas);
    entry.put(PAUSE_REASON, reason);
    entry.put("result", outcome.name());
    entry.put("lcsprProcessInstances", lcsprInstances);
    log.add(entry);
    caseScope.setVariable(CRIMINAL_PROCEEDINGS_LOG, CaseData.json(log));
  }
}
