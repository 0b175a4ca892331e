package uk.cspr.workflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.notification.NotificationProcess;

/**
 * What a batch of cases left behind, read from the shared database and the SMTP server: timer
 * firings and recorded deadline breaches per case, outbox messages and their deliveries per
 * Message-ID, jobs executed per node, jobs and incidents left over.
 */
final class Audit {

  static final String TIMER = NotificationProcess.Elements.REPORT_TO_PARTNERS_OVERDUE;

  /** One snapshot. Lists of ids are the offending ones (empty when all is well). */
  record Figures(
      int cases,
      int timerFirings,
      List<String> casesWithoutOneTimerFiring,
      List<String> casesWithoutOneBreachRecorded,
      int messages,
      Map<String, Integer> messagesByStatus,
      int deliveries,
      Map<String, Integer> duplicatesByMessageId,
      List<String> lostMessageIds,
      Map<String, Integer> jobsByNode,
      int jobFailures,
      int jobsStuck,
      int incidentsOpen,
      int incidentsRaised) {

    int duplicates() {
      return duplicatesByMessageId.values().stream().mapToInt(Integer::intValue).sum();
    }

    int jobs() {
      return jobsByNode.values().stream().mapToInt(Integer::intValue).sum();
    }

    boolean settled() {
      return cases > 0
          && casesWithoutOneTimerFiring.isEmpty()
          && messages == cases
          && messagesByStatus.getOrDefault("SENT", 0) == messages
          && lostMessageIds.isEmpty()
          && jobsStuck == 0
          && incidentsOpen == 0;
    }

    String summary(String name, Duration duration) {
      return String.format(
          "%s: cases=%d timerFirings=%d (exactly one per case: %s) jobs=%d %s jobFailures=%d messages=%d %s "
              + "deliveries=%d duplicates=%d lost=%d jobsStuck=%d incidentsOpen=%d incidentsRaised=%d duration=%ds",
          name, cases, timerFirings, casesWithoutOneTimerFiring.isEmpty() && casesWithoutOneBreachRecorded.isEmpty(),
          jobs(), jobsByNode, jobFailures, messages, messagesByStatus, deliveries, duplicates(), lostMessageIds.size(),
          jobsStuck, incidentsOpen, incidentsRaised, duration.toSeconds());
    }
  }

  private final Cluster cluster;
  private final JdbcTemplate jdbc;

  Audit(Cluster cluster) {
    this.cluster = cluster;
    this.jdbc = new JdbcTemplate(cluster.db);
  }

  /** How long a batch of this size may take to settle: at least 3 minutes, a second per case beyond. */
  static Duration settleTime(int cases) {
    return Duration.ofSeconds(Math.max(180, cases));
  }

  /** Polls until the batch is settled or {@code timeout} has passed; returns the last snapshot. */
  Figures awaitSettled(String marker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Figures figures = null;
    while (System.nanoTime() < deadline) {
      try {
        figures = figures(marker);
        if (figures.settled()) {
          return figures;
        }
      } catch (DataAccessException databaseDown) {
        // an outage in progress: try again
      }
      Workload.sleep(Duration.ofSeconds(1));
    }
    return figures == null ? figures(marker) : figures;
  }

  /** Process instance ids of the batch's cases (its marker is their referring agency). */
  List<String> cases(String marker) {
    return jdbc.queryForList(
        "SELECT v.PROC_INST_ID_ FROM ACT_HI_VARINST v JOIN ACT_HI_PROCINST p ON p.ID_ = v.PROC_INST_ID_ "
            + "WHERE v.NAME_ = ? AND v.TEXT_ = ? AND p.PROC_DEF_KEY_ = ?",
        String.class, NotificationProcess.Vars.REFERRING_AGENCY, marker, NotificationProcess.KEY);
  }

  Figures figures(String marker) {
    List<String> cases = cases(marker);
    String caseIds = String.join(",", cases);
    List<String> references = jdbc.queryForList(
        "SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE ID_ = ANY(string_to_array(?, ','))", String.class, caseIds);
    String referenceList = String.join(",", references);
    List<String> deliveryProcesses = jdbc.queryForList(
        "SELECT ID_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = ? AND BUSINESS_KEY_ = ANY(string_to_array(?, ','))",
        String.class, Correspondence.DELIVERY_PROCESS_KEY, referenceList);
    List<String> allProcesses = new ArrayList<>(cases);
    allProcesses.addAll(deliveryProcesses);
    String processIds = String.join(",", allProcesses);

    Map<String, Integer> firings = countBy(
        "SELECT PROC_INST_ID_, COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND END_TIME_ IS NOT NULL "
            + "AND PROC_INST_ID_ = ANY(string_to_array(?, ',')) GROUP BY PROC_INST_ID_", TIMER, caseIds);
    Map<String, Integer> breaches = new HashMap<>();
    jdbc.query(
        "SELECT v.PROC_INST_ID_, b.BYTES_ FROM ACT_RU_VARIABLE v JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_ "
            + "WHERE v.NAME_ = 'deadlinesBreached' AND v.PROC_INST_ID_ = ANY(string_to_array(?, ','))",
        rs -> { breaches.put(rs.getString(1), breachCount(rs.getBytes(2))); }, caseIds);

    Map<String, Integer> byStatus = new TreeMap<>();
    Map<String, Integer> duplicates = new TreeMap<>();
    List<String> lost = new ArrayList<>();
    Map<String, Integer> copies = cluster.mail.copiesByMessageId();
    int[] deliveries = {0};
    int messages = jdbc.query(
        "SELECT message_id, status, to_addresses, cc_addresses FROM cspr_outbox_message "
            + "WHERE case_reference = ANY(string_to_array(?, ','))",
        rs -> {
          int count = 0;
          while (rs.next()) {
            count++;
            String messageId = rs.getString(1);
            byStatus.merge(rs.getString(2), 1, Integer::sum);
            int recipients = addresses(rs.getString(3)) + addresses(rs.getString(4));
            int delivered = copies.getOrDefault(messageId, 0) / recipients;
            deliveries[0] += delivered;
            if (delivered == 0) {
              lost.add(messageId);
            } else if (delivered > 1) {
              duplicates.put(messageId, delivered - 1);
            }
          }
          return count;
        },
        referenceList);

    Map<String, Integer> jobsByNode = countBy(
        "SELECT HOSTNAME_, COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 "
            + "AND PROCESS_INSTANCE_ID_ = ANY(string_to_array(?, ',')) GROUP BY HOSTNAME_", processIds);
    Integer jobFailures = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 1 AND PROCESS_INSTANCE_ID_ = ANY(string_to_array(?, ','))",
        Integer.class, processIds);
    // due now, failed and waiting for a retry, or out of retries: none may be left once settled
    Integer jobsStuck = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ = ANY(string_to_array(?, ',')) "
            + "AND (RETRIES_ = 0 OR EXCEPTION_MSG_ IS NOT NULL OR DUEDATE_ IS NULL OR DUEDATE_ <= ?)",
        Integer.class, processIds, new Timestamp(cluster.engineNow().getTime()));
    Integer incidentsOpen = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_INCIDENT WHERE PROC_INST_ID_ = ANY(string_to_array(?, ','))", Integer.class, processIds);
    Integer incidentsRaised = jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_INCIDENT WHERE PROC_INST_ID_ = ANY(string_to_array(?, ','))", Integer.class, processIds);

    return new Figures(
        cases.size(),
        firings.values().stream().mapToInt(Integer::intValue).sum(),
        cases.stream().filter(id -> firings.getOrDefault(id, 0) != 1).toList(),
        cases.stream().filter(id -> breaches.getOrDefault(id, 0) != 1).toList(),
        messages,
        byStatus,
        deliveries[0],
        duplicates,
        lost,
        jobsByNode,
        jobFailures,
        jobsStuck,
        incidentsOpen,
        incidentsRaised);
  }

  /** Message-IDs whose delivery job is locked right now (being executed, or held by a dead node). */
  List<String> lockedDeliveries() {
    return jdbc.queryForList(
        "SELECT m.message_id FROM ACT_RU_JOB j JOIN ACT_RU_VARIABLE v ON v.PROC_INST_ID_ = j.PROCESS_INSTANCE_ID_ "
            + "AND v.NAME_ = ? JOIN cspr_outbox_message m ON m.id = v.TEXT_ "
            + "WHERE j.PROCESS_DEF_KEY_ = ? AND j.LOCK_OWNER_ IS NOT NULL",
        String.class, Correspondence.OUTBOX_MESSAGE_ID, Correspondence.DELIVERY_PROCESS_KEY);
  }

  /** Case references of the batch. */
  String references(String marker) {
    return String.join(",", jdbc.queryForList(
        "SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE ID_ = ANY(string_to_array(?, ','))",
        String.class, String.join(",", cases(marker))));
  }

  /** How many of the batch's messages are SENT. */
  int sent(String marker) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM cspr_outbox_message WHERE status = 'SENT' AND case_reference = ANY(string_to_array(?, ','))",
        Integer.class, references(marker));
  }

  /** How many of the batch's cases have had their deadline timer fire. */
  int timersFired(String marker) {
    return jdbc.queryForObject(
        "SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_HI_ACTINST WHERE ACT_ID_ = ? AND END_TIME_ IS NOT NULL "
            + "AND PROC_INST_ID_ = ANY(string_to_array(?, ','))",
        Integer.class, TIMER, String.join(",", cases(marker)));
  }

  /** Remaining retries of the batch's delivery jobs (5 before the first attempt fails, 0 = incident). */
  List<Integer> deliveryRetries(String marker) {
    return jdbc.queryForList(
        "SELECT j.RETRIES_ FROM ACT_RU_JOB j JOIN ACT_HI_PROCINST p ON p.ID_ = j.PROCESS_INSTANCE_ID_ "
            + "WHERE p.PROC_DEF_KEY_ = ? AND p.BUSINESS_KEY_ = ANY(string_to_array(?, ','))",
        Integer.class, Correspondence.DELIVERY_PROCESS_KEY, references(marker));
  }

  /** The batch's outbox messages as (status, attempts, last error). */
  List<Map<String, Object>> outbox(String marker) {
    return jdbc.queryForList(
        "SELECT message_id, status, attempts, last_error FROM cspr_outbox_message "
            + "WHERE case_reference = ANY(string_to_array(?, ','))", references(marker));
  }

  /** Successful jobs executed by a node (its engine host name) so far, all batches. */
  int jobsExecutedBy(String node) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND HOSTNAME_ = ?", Integer.class, node);
  }

  /** Waits until the condition holds (database errors during an outage count as "not yet"). */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (DataAccessException databaseDown) {
        // try again
      }
      Workload.sleep(Duration.ofMillis(500));
    }
    throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
  }

  private Map<String, Integer> countBy(String sql, Object... args) {
    Map<String, Integer> counts = new TreeMap<>();
    jdbc.query(sql, rs -> { counts.put(String.valueOf(rs.getString(1)), rs.getInt(2)); }, args);
    return counts;
  }

  private static int breachCount(byte[] json) {
    try {
      JsonNode list = CsprClient.JSON.readTree(json);
      return list.size();
    } catch (IOException e) {
      return -1;
    }
  }

  private static int addresses(String commaSeparated) {
    return commaSeparated == null || commaSeparated.isBlank() ? 0 : commaSeparated.split(",").length;
  }
}
