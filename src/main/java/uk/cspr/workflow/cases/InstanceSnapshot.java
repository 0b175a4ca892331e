package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the board needs of one open process instance, fetched by {@link CaseRows}:
 * its {@code *DueAt} variables, the tasks that carried a deadline (open or ended), and its active
 * activities.
 */
record InstanceSnapshot(
    String processInstanceId,
    String rootProcessInstanceId,
    String processDefinitionId,
    String processKey,
    String caseReference,
    String partnership,
    Map<String, Instant> dueDates,
    List<TaskRecord> tasks,
    Set<String> activeActivityIds,
    List<String> currentSteps) {

  /** Not called by another instance. */
  boolean isRoot() {
    return rootProcessInstanceId == null || rootProcessInstanceId.equals(processInstanceId);
  }

  /** A user task of the instance: open when {@code endTime} is null; {@code completed} false when cancelled. */
  record TaskRecord(String taskKey, Instant endTime, boolean completed) {}
}
