package uk.cspr.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

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

  static Cluster cluster;
  static Audit audit;

  @BeforeAll
  static void startCluster() {
    long start = System.nanoTime();
    cluster = new Cluster(2, Duration.ofMinutes(1), Map.of("cspr.correspondence.resume-interval", "PT10S"));
    audit = new Audit(cluster);
    System.out.printf("Cluster of %d nodes ready in %ds%n", cluster.nodes.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
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
    Audit.Figures figures = audit.awaitSettled(marker, Duration.ofMinutes(5));
    System.out.println(figures.summary("Two nodes, steady run", Duration.ofNanos(System.nanoTime() - start)));

    assertThat(figures.cases()).isEqualTo(CASES);
    assertThat(figures.casesWithoutOneTimerFiring()).as("cases whose timer did not fire exactly once").isEmpty();
    assertThat(figures.casesWithoutOneBreachRecorded()).as("cases without exactly one recorded breach").isEmpty();
    assertThat(figures.messages()).isEqualTo(CASES);
    assertThat(figures.messagesByStatus()).containsOnlyKeys("SENT");
    assertThat(figures.lostMessageIds()).as("lost").isEmpty();
    assertThat(figures.duplicatesByMessageId()).as("duplicates").isEmpty();
    assertThat(figures.jobs()).as("one timer job and one delivery job per case").isEqualTo(2 * CASES);
    assertThat(figures.jobsByNode()).as("both job executors worked").containsKeys("node1", "node2");
    assertThat(figures.jobsDue()).as("jobs left due or without retries").isZero();
    assertThat(figures.incidentsRaised()).isZero();
  }
}
