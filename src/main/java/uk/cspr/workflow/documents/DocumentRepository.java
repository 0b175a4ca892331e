package uk.cspr.workflow.documents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code cspr_document} table of {@code db/cspr-schema.sql}; joins the transaction in progress. */
@Repository
class DocumentRepository {

  private static final String COLUMNS =
      "id, case_reference, tenant_id, process_key, task_key, task_name, added_by, added_at, file_name, file_type, size_bytes";

  private final JdbcTemplate jdbc;

  DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(CaseDocument document, byte[] content) {
    jdbc.update("INSERT INTO cspr_document (" + COLUMNS + ", content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        document.id(), document.caseReference(), document.tenantId(), document.processKey(), document.taskKey(),
        document.stepName(), document.addedBy(), document.addedAt().atOffset(ZoneOffset.UTC), document.fileName(),
        document.type().name(), document.size(), content);
  }

  /** The case's documents, oldest first. */
  List<CaseDocument> ofCase(String caseReference) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cspr_document WHERE case_reference = ? ORDER BY added_at, id",
        DocumentRepository::document, caseReference);
  }

  /** The case's documents added to any of the steps, oldest first. */
  List<CaseDocument> ofSteps(String caseReference, Collection<String> taskKeys) {
    if (taskKeys.isEmpty()) {
      return List.of();
    }
    return new NamedParameterJdbcTemplate(jdbc).query(
        "SELECT " + COLUMNS + " FROM cspr_document WHERE case_reference = :reference AND task_key IN (:keys) "
            + "ORDER BY added_at, id",
        new MapSqlParameterSource("reference", caseReference).addValue("keys", taskKeys), DocumentRepository::document);
  }

  Optional<CaseDocument> find(String caseReference, String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cspr_document WHERE case_reference = ? AND id = ?",
        DocumentRepository::document, caseReference, id).stream().findFirst();
  }

  byte[] content(String id) {
    return jdbc.queryForObject("SELECT content FROM cspr_document WHERE id = ?", byte[].class, id);
  }

  /** Every case reference that has documents. */
  List<String> caseReferences() {
    return jdbc.queryForList("SELECT DISTINCT case_reference FROM cspr_document", String.class);
  }

  int deleteCase(String caseReference) {
    return jdbc.update("DELETE FROM cspr_document WHERE case_reference = ?", caseReference);
  }

  private static CaseDocument document(ResultSet rs, int row) throws SQLException {
    return new CaseDocument(rs.getString("id"), rs.getString("case_reference"), rs.getString("tenant_id"),
        rs.getString("process_key"), rs.getString("task_key"), rs.getString("task_name"), rs.getString("added_by"),
        rs.getObject("added_at", OffsetDateTime.class).toInstant(), rs.getString("file_name"),
        DocumentType.valueOf(rs.getString("file_type")), rs.getLong("size_bytes"));
  }
}
