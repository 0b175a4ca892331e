package uk.cspr.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import uk.cspr.workflow.correspondence.Correspondence;

/**
 * Scaling out: two application nodes (own JVMs, own ports) on one PostgreSQL database, job
 * executors on in both, one SMTP server. Hundreds of referrals are spread over both nodes and
 * their "Inform partners" tasks completed on the other node; each case's statutory "report to
 * partners" deadline has already passed, so its boundary timer is due at once, and each case
 * queues its Doc 2 / Doc 3 e-mail through the outbox. Proves that each timer fired exactly once,
 * each message was delivered exactly once (by Message-ID at the SMTP server), both nodes executed
 * jobs and nothing was left behind. The job lock (1 min) is far above any job's duration, so no
 * job may run twice here. Figures are printed for the README.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final int CASES = Integer.getInteger("cspr.cluster.cases", 300);
  static final int OUTAGE_CASES = Integer.getInteger("cspr.cluster.outage-cases", 30);
  /** failedJobRetryTimeCycle of correspondenceDelivery.bpmn */
  static final List<Duration> BACK_OFF =
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4));

  static Cluster cluster;
  static Audit audit;

  @BeforeAll
  static void startCluster() {
    long start = System.nanoTime();
    cluster = new Cluster(2, Duration.ofMinutes(1), Map.of("cspr.correspondence.resume-interval", "PT10S"));
    audit = new Audit(cluster);
    System.out.printf("Cluster of %d nodes ready in %ds%n", cluster.nodes.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  /** Each test starts from both nodes up and leaves them so, so one failure cannot cause another. */
  @BeforeEach
  void startFromAKnownState() {
    cluster.restoreKnownState();
    assertThat(cluster.liveNodes()).hasSize(2);
  }

  @AfterEach
  void leaveAKnownState() {
    cluster.restoreKnownState();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
      cluster = null; // let the mails it kept be collected
    }
  }

  @Test
  @Order(1)
  void casesSpreadOverTwoNodesFireEachTimerOnceAndDeliverEachMessageOnce() {
    String marker = "Cluster batch steady";
    long start = System.nanoTime();
    try (Workload workload = new Workload(cluster, marker, 4)) {
      workload.run(CASES);
    }
    Audit.Figures figures = audit.awaitSettled(marker, Audit.settleTime(CASES));
    System.out.println(figures.summary("Two nodes, steady run", Duration.ofNanos(System.nanoTime() - start)));

    assertThat(figures.cases()).isEqualTo(CASES);
    assertThat(figures.casesWithoutOneTimerFiring()).as("cases whose timer did not fire exactly once").isEmpty();
    assertThat(figures.casesWithoutOneBreachRecorded()).as("cases without exactly one recorded breach").isEmpty();
    assertThat(figures.messages()).isEqualTo(CASES);
    assertThat(figures.messagesByStatus()).containsOnlyKeys("SENT");
    assertThat(figures.lostMessageIds()).as("lost").isEmpty();
    assertThat(figures.duplicatesByMessageId()).as("duplicates").isEmpty();
    assertThat(figures.jobs()).as("a timer job and a delivery job per case, and any other asynchronous step").isGreaterThanOrEqualTo(2 * CASES);
    assertThat(figures.jobsByNode()).as("both job executors worked").containsKeys("node1", "node2");
    assertThat(figures.jobsStuck()).as("jobs left due, failed or without retries").isZero();
    assertThat(figures.incidentsRaised()).isZero();
  }

  /**
   * The mail server is down while cases queue e-mails: each delivery fails, is recorded FAILED in
   * the outbox and retried on the model's back-off (1 min, 5 min, 15 min, 1 h, 4 h), then raises an
   * incident visible at {@code /engine-rest/incident}. The nodes' engine clocks jump past each
   * back-off so the test does not wait five hours. Once the mail server is back, {@code
   * FailedDeliveryResumer} (resume interval 10 s here) retries them and every message arrives once.
   */
  @Test
  @Order(2)
  void anSmtpOutageEndsInRetriesAndIncidentsThenEveryMessageIsDeliveredOnce() {
    String marker = "Cluster batch smtp-outage";
    long start = System.nanoTime();
    List<Integer> incidentsSeen = new ArrayList<>();
    cluster.mail.stop();
    try (Workload workload = new Workload(cluster, marker, 4)) {
      workload.run(OUTAGE_CASES);
      Audit.await("first failed attempts", Duration.ofMinutes(2), () -> failedAtLeastOnce(marker, 5));
      assertThat(audit.outbox(marker)).allSatisfy(message -> {
        assertThat(message.get("status")).isEqualTo("FAILED");
        assertThat((String) message.get("last_error")).contains("MailConnectException");
      });
      Audit.await("deadline timers", Duration.ofMinutes(1), () -> audit.timersFired(marker) == OUTAGE_CASES);

      Duration offset = Duration.ZERO;
      int retriesLeft = 5;
      for (Duration backOff : BACK_OFF) {
        offset = offset.plus(backOff).plusSeconds(5);
        cluster.clockOffset(offset);
        int expected = --retriesLeft;
        Audit.await("retry with " + expected + " left", Duration.ofMinutes(2), () -> failedAtLeastOnce(marker, expected));
      }
      Audit.await("an incident per message at /engine-rest/incident", Duration.ofMinutes(1),
          () -> incidents(marker).size() == OUTAGE_CASES);
      incidentsSeen.add(OUTAGE_CASES);
      assertThat(incidents(marker)).allSatisfy(incident ->
          assertThat(incident.path("incidentMessage").asText()).contains("Delivery of <").contains("failed"));
    } finally {
      cluster.mail.start();
    }
    Audit.Figures figures = audit.awaitSettled(marker, Audit.settleTime(OUTAGE_CASES));
    cluster.clockOffset(Duration.ZERO);
    System.out.println(figures.summary("SMTP outage (5 retries, incidents, resumed)", Duration.ofNanos(System.nanoTime() - start)));

    assertThat(incidentsSeen).containsExactly(OUTAGE_CASES);
    assertThat(figures.cases()).isEqualTo(OUTAGE_CASES);
    assertThat(figures.casesWithoutOneTimerFiring()).isEmpty();
    assertThat(figures.messagesByStatus()).containsOnlyKeys("SENT");
    assertThat(figures.lostMessageIds()).as("lost").isEmpty();
    assertThat(figures.duplicatesByMessageId()).as("duplicates").isEmpty();
    assertThat(figures.jobFailures()).as("six failed attempts per message").isGreaterThanOrEqualTo(6 * OUTAGE_CASES);
    assertThat(figures.incidentsRaised()).isGreaterThanOrEqualTo(OUTAGE_CASES);
    assertThat(figures.incidentsOpen()).isZero();
    assertThat(figures.jobsStuck()).isZero();
    assertThat(audit.outbox(marker)).allSatisfy(message ->
        assertThat((Integer) message.get("attempts")).isGreaterThanOrEqualTo(7));
  }

  /** Every delivery job of the batch exists and has at most {@code retries} retries left. */
  private static boolean failedAtLeastOnce(String marker, int retries) {
    List<Integer> left = audit.deliveryRetries(marker);
    return left.size() == OUTAGE_CASES && left.stream().allMatch(r -> r <= retries);
  }

  /** Open failed-job incidents of the batch's deliveries, as an administrator sees them over REST. */
  private static List<JsonNode> incidents(String marker) {
    Set<String> references = Set.of(audit.references(marker).split(","));
    List<JsonNode> incidents = new ArrayList<>();
    JsonNode all = cluster.admin.get(cluster.node(1),
        "/engine-rest/incident?incidentType=failedJob&processDefinitionKeyIn=" + Correspondence.DELIVERY_PROCESS_KEY).body();
    for (JsonNode incident : all) {
      JsonNode instance = cluster.admin.get(cluster.node(0),
          "/engine-rest/process-instance/" + incident.path("processInstanceId").asText()).body();
      if (references.contains(instance.path("businessKey").asText())) {
        incidents.add(incident);
      }
    }
    return incidents;
  }
}
