package uk.cspr.workflow.reports;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The engine's history of one flow in one partnership: every instance open at some time in the
 * period, with the values of the named case variables (process-level, as the case has them now).
 * Reads as the caller of the engine API; {@link AnnualFigures} calls it as the system once the
 * caller's right to the partnership is checked.
 */
@Component
class FlowHistory {

  private static final int CHUNK = 500;

  /** One flow instance: when it started and its case variables. */
  record Instance(String id, String caseReference, Date startedAt, Map<String, Object> variables) {

    Object get(String name) {
      return variables.get(name);
    }

    Date date(String name) {
      return variables.get(name) instanceof Date d ? d : null;
    }
  }

  private final HistoryService historyService;

  FlowHistory(HistoryService historyService) {
    this.historyService = historyService;
  }

  /** Instances of {@code processKey} in {@code tenant} started before the period ends and not ended before it starts. */
  List<Instance> instances(String processKey, String tenant, ReportPeriod period, String... variableNames) {
    List<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey).tenantIdIn(tenant).startedBefore(Date.from(period.end())).list().stream()
        .filter(instance -> instance.getEndTime() == null || !instance.getEndTime().toInstant().isBefore(period.start()))
        .toList();
    Map<String, Map<String, Object>> values = new HashMap<>();
    for (int i = 0; i < found.size(); i += CHUNK) {
      String[] ids = found.subList(i, Math.min(found.size(), i + CHUNK)).stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
      for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(ids).variableNameIn(variableNames).list()) {
        if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getTaskId() == null) {
          values.computeIfAbsent(variable.getProcessInstanceId(), id -> new HashMap<>()).put(variable.getName(), variable.getValue());
        }
      }
    }
    List<Instance> instances = new ArrayList<>();
    for (HistoricProcessInstance instance : found) {
      instances.add(new Instance(instance.getId(), instance.getBusinessKey(), instance.getStartTime(),
          values.getOrDefault(instance.getId(), Map.of())));
    }
    return instances;
  }

  /** How many times the step {@code activityId} of any flow began in the tenant within the period. */
  long stepsStarted(String activityId, String tenant, ReportPeriod period) {
    return historyService.createHistoricActivityInstanceQuery().activityId(activityId).tenantIdIn(tenant)
        .startedAfter(Date.from(period.start())).startedBefore(Date.from(period.end())).list().stream()
        .filter(step -> period.contains(step.getStartTime()))
        .count();
  }
}
