package uk.cspr.workflow.support;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/** What a case's history shows: one place for the reads every process test makes. */
public final class CaseHistory {

  /**
   * A variable of the process instance's own scope (not a sub-process or multi-instance copy), from
   * history so it can be read after the instance ended; null if it was never set.
   */
  public static Object variable(HistoryService history, String processInstanceId, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).variableName(name)
        .list().stream()
        .filter(v -> processInstanceId.equals(v.getActivityInstanceId()))
        .findFirst()
        .map(HistoricVariableInstance::getValue)
        .orElse(null);
  }

  private CaseHistory() {}
}
