package uk.cspr.workflow.cases;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.NativeHistoricActivityInstanceQuery;

/**
 * The historic activity instances of several process instances in one query, in the order they
 * started: the engine's query takes one instance at a time, and a case has up to twenty flows
 * (its deliveries among them). A native query, which the engine runs without authorization checks:
 * call it as the system only, once the caller's right to the case is checked.
 */
final class HistoricActivities {

  private HistoricActivities() {}

  /** Those of {@code instanceIds} that meet {@code condition} (SQL over the table's columns, no user input). */
  static List<HistoricActivityInstance> of(HistoryService historyService, ManagementService managementService,
      List<String> instanceIds, String condition) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    StringBuilder ids = new StringBuilder();
    NativeHistoricActivityInstanceQuery query = historyService.createNativeHistoricActivityInstanceQuery();
    for (int i = 0; i < instanceIds.size(); i++) {
      ids.append(i == 0 ? "" : ", ").append("#{id").append(i).append('}');
      query.parameter("id" + i, instanceIds.get(i));
    }
    return query.sql("SELECT * FROM " + managementService.getTableName(HistoricActivityInstance.class)
        + " WHERE PROC_INST_ID_ IN (" + ids + ") AND (" + condition + ") ORDER BY START_TIME_, SEQUENCE_COUNTER_").list();
  }
}
