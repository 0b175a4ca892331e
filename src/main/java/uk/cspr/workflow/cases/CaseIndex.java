package uk.cspr.workflow.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the deadlines board's table ({@code cspr_case_deadline}, read by {@link DeadlineBoard}) in
 * step with the engine: one row per open case with its nearest open deadline, partnership, first
 * flow and its board row (JSON), written in the engine's transaction. {@link DeadlineHistoryPlugin}
 * reports each flow instance a command touches, and just before the transaction commits (the engine
 * has flushed by then) each touched case's row is computed anew by {@link CaseRows}, as the system.
 * A case's row disappears with its last open flow. Flows carry the case reference as business key
 * (their start listeners set it).
 */
@Component
class CaseIndex {

  static final String TABLE = "cspr_case_deadline";
  private static final Logger LOG = LoggerFactory.getLogger(CaseIndex.class);

  private final CaseRows rows;
  private final HistoryService historyService;
  private final CallerScope callerScope;
  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;

  CaseIndex(CaseRows rows, HistoryService historyService, CallerScope callerScope, NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
    this.rows = rows;
    this.historyService = historyService;
    this.callerScope = callerScope;
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * A command touched this flow instance (of the case {@code caseReference}, when the command knows
   * it): its case is refreshed before the transaction commits.
   */
  void touched(String processInstanceId, String caseReference) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) { // engine commands run in Spring transactions
      LOG.warn("Deadlines board: instance {} changed outside a Spring transaction; its case is not refreshed", processInstanceId);
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> touched = (Map<String, String>) TransactionSynchronizationManager.getResource(this);
    if (touched == null) {
      Map<String, String> instances = new HashMap<>();
      TransactionSynchronizationManager.bindResource(this, instances);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void beforeCommit(boolean readOnly) {
          refresh(instances);
        }

        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(CaseIndex.this);
        }
      });
      touched = instances;
    }
    if (caseReference != null) {
      touched.put(processInstanceId, caseReference);
    } else {
      touched.putIfAbsent(processInstanceId, null);
    }
  }

  /** Computes the rows of these instances' cases anew (removes those no longer open); unknown cases are looked up. */
  private void refresh(Map<String, String> caseOfInstance) {
    callerScope.asSystem(() -> {
      Set<String> cases = new TreeSet<>(); // one order, so two refreshes never wait for each other's locks
      Set<String> unknown = new HashSet<>();
      caseOfInstance.forEach((instance, reference) -> {
        if (reference != null) {
          cases.add(reference);
        } else {
          unknown.add(instance);
        }
      });
      if (!unknown.isEmpty()) {
        historyService.createHistoricProcessInstanceQuery().processInstanceIds(unknown).list().stream()
            .map(HistoricProcessInstance::getBusinessKey).filter(Objects::nonNull).forEach(cases::add);
      }
      cases.forEach(this::refreshCase);
    });
  }

  /**
   * Computes one case's row anew, as the system. The row is locked first, so two transactions
   * changing the same case (e.g. on two nodes) refresh it one after the other, the second seeing
   * what the first committed.
   */
  void refreshCase(String caseReference) {
    callerScope.asSystem(() -> {
      MapSqlParameterSource key = new MapSqlParameterSource("ref", caseReference);
      boolean indexed = !jdbc.queryForList(
          "SELECT case_reference FROM " + TABLE + " WHERE case_reference = :ref FOR UPDATE", key, String.class).isEmpty();
      Optional<CaseDeadlines> row;
      try {
        row = rows.row(caseReference);
      } catch (RuntimeException e) { // the board must never stop a statutory step
        LOG.error("Deadlines board: the row of case {} could not be computed and stays as it was", caseReference, e);
        return;
      }
      if (row.isEmpty()) {
        jdbc.update("DELETE FROM " + TABLE + " WHERE case_reference = :ref", key);
        return;
      }
      key.addValue("tenant", row.get().partnership())
          .addValue("key", row.get().flows().get(0).processKey())
          .addValue("nearest", SqlTimes.utc(row.get().nearestDueAt()))
          .addValue("row", write(row.get()))
          .addValue("now", SqlTimes.utc(ClockUtil.getCurrentTime().toInstant()));
      jdbc.update(indexed
          ? "UPDATE " + TABLE + " SET tenant_id = :tenant, process_key = :key, nearest_due_at = :nearest, case_row = :row, "
              + "refreshed_at = :now WHERE case_reference = :ref"
          : "INSERT INTO " + TABLE + " (case_reference, tenant_id, process_key, nearest_due_at, case_row, refreshed_at) "
              + "VALUES (:ref, :tenant, :key, :nearest, :row, :now)",
          key);
    });
  }

  boolean isEmpty() {
    return jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM " + TABLE, Integer.class) == 0;
  }

  private String write(CaseDeadlines row) {
    try {
      return json.writeValueAsString(row);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Board row of " + row.caseReference() + " not serialisable", e);
    }
  }
}
