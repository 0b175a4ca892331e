package uk.cspr.workflow.criteria;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code cspr_criteria_change}: one row per decision version deployed from the workbench. */
@Repository
class CriteriaChangeLog {

  /** Who deployed which version of a decision, when and why. */
  record Change(
      String deploymentId,
      String decisionKey,
      String tenantId,
      String decisionDefinitionId,
      int version,
      String changedBy,
      Instant changedAt,
      String comment,
      int changedCases) {}

  private static final String COLUMNS =
      "deployment_id, decision_key, tenant_id, decision_definition_id, decision_version, changed_by, changed_at,"
          + " change_comment, changed_cases";

  private final JdbcTemplate jdbc;

  CriteriaChangeLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(Change change) {
    jdbc.update(
        "INSERT INTO cspr_criteria_change (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        change.deploymentId(),
        change.decisionKey(),
        change.tenantId(),
        change.decisionDefinitionId(),
        change.version(),
        change.changedBy(),
        OffsetDateTime.ofInstant(change.changedAt(), ZoneOffset.UTC),
        change.comment(),
        change.changedCases());
  }

  /** Newest first; shared tables and those of the given partnerships only (all when null). */
  List<Change> list(String decisionKey, Collection<String> tenantIds) {
    String order = " ORDER BY changed_at DESC, deployment_id";
    List<Change> changes =
        decisionKey == null
            ? jdbc.query("SELECT " + COLUMNS + " FROM cspr_criteria_change" + order, CriteriaChangeLog::change)
            : jdbc.query("SELECT " + COLUMNS + " FROM cspr_criteria_change WHERE decision_key = ?" + order,
                CriteriaChangeLog::change, decisionKey);
    return changes.stream()
        .filter(change -> tenantIds == null || change.tenantId() == null || tenantIds.contains(change.tenantId()))
        .toList();
  }

  Optional<Change> byDeployment(String deploymentId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cspr_criteria_change WHERE deployment_id = ?",
            CriteriaChangeLog::change, deploymentId)
        .stream()
        .findFirst();
  }

  private static Change change(ResultSet rs, int row) throws SQLException {
    return new Change(
        rs.getString("deployment_id"),
        rs.getString("decision_key"),
        rs.getString("tenant_id"),
        rs.getString("decision_definition_id"),
        rs.getInt("decision_version"),
        rs.getString("changed_by"),
        rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
        rs.getString("change_comment"),
        rs.getInt("changed_cases"));
  }
}
