package uk.cspr.workflow.support;

import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The correspondence log of a case as the outbox recorded it (SPEC §5: every message recorded before
 * it is sent), with the resolved e-mail addresses: what a test can hold against the real mailboxes.
 */
public final class OutboxLog {

  /** One recorded message. */
  public record Entry(String activityId, String template, List<String> to, List<String> cc, String subject) {

    public List<String> addresses() {
      return java.util.stream.Stream.concat(to.stream(), cc.stream()).toList();
    }
  }

  public static List<Entry> forCase(JdbcTemplate jdbc, String caseReference) {
    return jdbc.query(
        "SELECT activity_id, template, to_addresses, cc_addresses, subject FROM cspr_outbox_message"
            + " WHERE case_reference = ? ORDER BY queued_at, id",
        (row, i) -> new Entry(row.getString(1), row.getString(2), split(row.getString(3)), split(row.getString(4)),
            row.getString(5)),
        caseReference);
  }

  private static List<String> split(String addresses) {
    return addresses == null || addresses.isBlank()
        ? List.of()
        : Arrays.stream(addresses.split("[,;]")).map(String::strip).filter(a -> !a.isEmpty()).toList();
  }

  private OutboxLog() {}
}
