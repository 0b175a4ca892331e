package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How each duty was kept ({@code cspr_duty_outcome}): one row per completed user task that had a
 * due date — on time when completed at or before it. Written in the transaction that completes the
 * task ({@link DeadlineHistoryPlugin}), so {@code GET /api/deadlines/summary} counts in the
 * database instead of reading history task by task. Cancelled tasks never get a row.
 */
@Component
class DutyOutcomes {

  /** Met and late counts of one duty (process key, task key). */
  record Count(String processKey, String taskKey, long onTime, long late) {}

  private final NamedParameterJdbcTemplate jdbc;

  DutyOutcomes(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(HistoricTaskInstanceEventEntity task) {
    insert(task.getId(), task.getTenantId(), task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), task.getDueDate(), task.getEndTime());
  }

  /** A task completed before this table existed (see {@link DeadlineIndexes}); kept once. */
  void recordFromHistory(HistoricTaskInstance task) {
    insert(task.getId(), task.getTenantId(), task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), task.getDueDate(), task.getEndTime());
  }

  private void insert(String taskId, String tenantId, String processKey, String taskKey, Date dueAt, Date completedAt) {
    if (processKey == null) {
      return; // a standalone task is no duty of a flow
    }
    jdbc.update(
        "INSERT INTO cspr_duty_outcome (task_id, tenant_id, process_key, task_key, due_at, completed_at, on_time) "
            + "SELECT :id, :tenant, :processKey, :taskKey, :due, :completed, :onTime "
            + "WHERE NOT EXISTS (SELECT 1 FROM cspr_duty_outcome WHERE task_id = :id)",
        new MapSqlParameterSource("id", taskId)
            .addValue("tenant", tenantId)
            .addValue("processKey", processKey)
            .addValue("taskKey", taskKey)
            .addValue("due", SqlTimes.utc(dueAt))
            .addValue("completed", SqlTimes.utc(completedAt))
            .addValue("onTime", !completedAt.after(dueAt)));
  }

  /** Counts per duty of tasks due in [from, to) in these tenants (null: all). */
  List<Count> counts(Instant from, Instant to, List<String> tenants) {
    if (tenants != null && tenants.isEmpty()) {
      return List.of();
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource("from", SqlTimes.utc(from)).addValue("to", SqlTimes.utc(to)).addValue("tenants", tenants);
    return jdbc.query(
        "SELECT process_key, task_key, SUM(CASE WHEN on_time THEN 1 ELSE 0 END), SUM(CASE WHEN on_time THEN 0 ELSE 1 END) "
            + "FROM cspr_duty_outcome WHERE due_at >= :from AND due_at < :to"
            + (tenants == null ? "" : " AND tenant_id IN (:tenants)")
            + " GROUP BY process_key, task_key",
        parameters, (rs, i) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
  }

  boolean isEmpty() {
    return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM cspr_duty_outcome", Integer.class) == 0;
  }
}
