package uk.cspr.workflow.correspondence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;

/**
 * The outbox tables of {@code db/cspr-schema.sql}. JdbcTemplate joins the transaction in progress,
 * so a message written by a process step commits or rolls back with that step (SPEC §5).
 */
@Repository
class OutboxRepository {

  private static final int MAX_ERROR = 4000;
  private static final String COLUMNS =
      "id, message_id, case_reference, tenant_id, process_instance_id, activity_id, template, "
          + "from_address, reply_to, to_addresses, cc_addresses, subject, body_html, status, queued_at, "
          + "sent_at, attempts, last_attempt_at, last_error";

  private static final String ATTACHMENT =
      "SELECT file_name, content_type, content, source_xhtml FROM cspr_outbox_attachment WHERE outbox_id = ?";

  private final JdbcTemplate jdbc;

  OutboxRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OutboxMessage message, List<Attachment> attachments) {
    jdbc.update(
        "INSERT INTO cspr_outbox_message (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        message.id(),
        message.messageId(),
        message.caseReference(),
        message.tenantId(),
        message.processInstanceId(),
        message.activityId(),
        message.template(),
        message.from(),
        message.replyTo(),
        String.join(",", message.to()),
        message.cc().isEmpty() ? null : String.join(",", message.cc()),
        message.subject(),
        message.bodyHtml(),
        message.status().name(),
        message.queuedAt(),
        message.sentAt(),
        message.attempts(),
        message.lastAttemptAt(),
        message.lastError());
    for (int i = 0; i < attachments.size(); i++) {
      Attachment attachment = attachments.get(i);
      jdbc.update(
          "INSERT INTO cspr_outbox_attachment (outbox_id, sort_order, file_name, content_type, content, source_xhtml) "
              + "VALUES (?,?,?,?,?,?)",
          message.id(), i, attachment.fileName(), attachment.contentType(), attachment.content(), attachment.sourceXhtml());
    }
  }

  Optional<OutboxMessage> find(String id) {
    return jdbc.query("SELECT " + COLUMNS + " FROM cspr_outbox_message WHERE id = ?", this::message, id)
        .stream().findFirst();
  }

  /** Every outbox message by its Message-ID. */
  Map<String, CorrespondenceLog.Sent> recordedByMessageId() {
    Map<String, CorrespondenceLog.Sent> recorded = new HashMap<>();
    jdbc.query("SELECT message_id, id, case_reference, tenant_id FROM cspr_outbox_message",
        (ResultSet rs) -> { recorded.put(rs.getString("message_id"),
            new CorrespondenceLog.Sent(rs.getString("id"), rs.getString("case_reference"), rs.getString("tenant_id"))); });
    return recorded;
  }

  /** The case's messages, oldest first. */
  List<OutboxMessage> findByCase(String caseReference) {
    return jdbc.query(
        "SELECT " + COLUMNS + " FROM cspr_outbox_message WHERE case_reference = ? ORDER BY queued_at, id",
        this::message, caseReference);
  }

  List<Attachment> attachments(String outboxId) {
    return jdbc.query(ATTACHMENT + " ORDER BY sort_order", OutboxRepository::attachment, outboxId);
  }

  /** Each letter's XHTML by outbox message and file name, in order, for all the case's messages, without loading the PDFs. */
  Map<String, Map<String, String>> letterSourcesOfCase(String caseReference) {
    Map<String, Map<String, String>> sources = new HashMap<>();
    jdbc.query("SELECT a.outbox_id, a.file_name, a.source_xhtml FROM cspr_outbox_attachment a "
            + "JOIN cspr_outbox_message m ON m.id = a.outbox_id WHERE m.case_reference = ? ORDER BY a.outbox_id, a.sort_order",
        (ResultSet rs) -> { sources.computeIfAbsent(rs.getString(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3)); },
        caseReference);
    return sources;
  }

  Optional<Attachment> attachment(String outboxId, String fileName) {
    return jdbc.query(ATTACHMENT + " AND file_name = ?", OutboxRepository::attachment, outboxId, fileName)
        .stream().findFirst();
  }

  /** Stores a letter's PDF unless one is stored already: the first one stored is the one sent. */
  void storePdf(String outboxId, String fileName, byte[] pdf) {
    jdbc.update(
        "UPDATE cspr_outbox_attachment SET content = ? WHERE outbox_id = ? AND file_name = ? AND content IS NULL",
        pdf, outboxId, fileName);
  }

  /** Locks the message's row until the transaction ends and returns its status (null: no such message). */
  OutboxStatus lockStatus(String id) {
    return jdbc.queryForList("SELECT status FROM cspr_outbox_message WHERE id = ? FOR UPDATE", String.class, id)
        .stream().findFirst().map(OutboxStatus::valueOf).orElse(null);
  }

  void markSent(String id, OffsetDateTime sentAt) {
    jdbc.update(
        "UPDATE cspr_outbox_message SET status = ?, sent_at = ?, attempts = attempts + 1, last_attempt_at = ?, "
            + "last_error = NULL WHERE id = ?",
        OutboxStatus.SENT.name(), sentAt, sentAt, id);
  }

  void markFailed(String id, OffsetDateTime attemptedAt, String error) {
    String truncated = error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR));
    jdbc.update(
        "UPDATE cspr_outbox_message SET status = ?, attempts = attempts + 1, last_attempt_at = ?, last_error = ? "
            + "WHERE id = ? AND status <> ?",
        OutboxStatus.FAILED.name(), attemptedAt, truncated, id, OutboxStatus.SENT.name());
  }

  /** Deletes sent messages (and their letters) queued before the cut-off; returns how many. */
  int deleteSentBefore(OffsetDateTime cutoff) {
    String expired = "SELECT id FROM cspr_outbox_message WHERE status = ? AND queued_at < ?";
    jdbc.update("DELETE FROM cspr_outbox_attachment WHERE outbox_id IN (" + expired + ")", OutboxStatus.SENT.name(), cutoff);
    return jdbc.update("DELETE FROM cspr_outbox_message WHERE status = ? AND queued_at < ?", OutboxStatus.SENT.name(), cutoff);
  }

  private OutboxMessage message(ResultSet rs, int row) throws SQLException {
    String id = rs.getString("id");
    return new OutboxMessage(
        id,
        rs.getString("message_id"),
        rs.getString("case_reference"),
        rs.getString("tenant_id"),
        rs.getString("process_instance_id"),
        rs.getString("activity_id"),
        rs.getString("template"),
        rs.getString("from_address"),
        rs.getString("reply_to"),
        split(rs.getString("to_addresses")),
        split(rs.getString("cc_addresses")),
        rs.getString("subject"),
        rs.getString("body_html"),
        OutboxStatus.valueOf(rs.getString("status")),
        rs.getObject("queued_at", OffsetDateTime.class),
        rs.getObject("sent_at", OffsetDateTime.class),
        rs.getInt("attempts"),
        rs.getObject("last_attempt_at", OffsetDateTime.class),
        rs.getString("last_error"),
        jdbc.queryForList(
            "SELECT file_name FROM cspr_outbox_attachment WHERE outbox_id = ? ORDER BY sort_order", String.class, id));
  }

  private static Attachment attachment(ResultSet rs, int row) throws SQLException {
    return new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4));
  }

  private static List<String> split(String addresses) {
    return addresses == null || addresses.isBlank() ? List.of() : Arrays.asList(addresses.split(","));
  }
}
