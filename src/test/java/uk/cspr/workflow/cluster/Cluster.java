package uk.cspr.workflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.ClusterNode;
import uk.cspr.workflow.support.PostgresTestDatabase;
import uk.cspr.workflow.support.RestartablePostgres;

/**
 * The production topology of docker/compose.yaml without Docker: application nodes in their own
 * JVMs on different ports, one PostgreSQL database, one SMTP server, job executors on in every
 * node. Node 1 starts first (it creates the schema and deploys the models), the others join it.
 * Users are created through the REST API like an administrator would.
 */
final class Cluster implements AutoCloseable {

  static final List<String> PARTNERSHIPS = List.of("north-lincolnshire", "north-east-lincolnshire", "bolton");
  private static final String ADMIN = "cluster-admin";

  final RestartablePostgres postgres;
  final String database;
  final DataSource db;
  final MailSink mail;
  final List<ClusterNode> nodes = new ArrayList<>();
  final CsprClient admin;
  final CsprClient referrer;
  final CsprClient coordinator;
  private Duration clockOffset = Duration.ZERO;

  /**
   * @param jobLockTime how long a node's job lock lasts: after a crash, the other nodes take over
   *     its jobs once it has expired; it must exceed the longest job
   */
  Cluster(int nodeCount, Duration jobLockTime, Map<String, String> extraProperties) {
    postgres = RestartablePostgres.startNew();
    database = postgres.createDatabase();
    db = postgres.dataSource(database);
    mail = new MailSink(RestartablePostgres.freePort());
    mail.start();
    String adminPassword = UUID.randomUUID().toString();
    admin = new CsprClient(ADMIN, adminPassword);
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", postgres.jdbcUrl(database));
    properties.put("spring.datasource.username", PostgresTestDatabase.USER);
    properties.put("spring.datasource.password", PostgresTestDatabase.PASSWORD);
    properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
    // fail fast while the database is down instead of queueing requests for 30 s
    properties.put("spring.datasource.hikari.connection-timeout", "5000");
    properties.put("spring.datasource.hikari.maximum-pool-size", "16"); // 8 for the job threads (2 each), 8 for requests
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", String.valueOf(mail.port()));
    properties.put("camunda.bpm.job-execution.enabled", "true");
    properties.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(jobLockTime.toMillis()));
    properties.put("camunda.bpm.job-execution.wait-time-in-millis", "1000");
    properties.put("camunda.bpm.job-execution.max-wait", "5000");
    properties.put("camunda.bpm.job-execution.max-jobs-per-acquisition", "4");
    properties.put("camunda.bpm.job-execution.core-pool-size", "2");
    properties.put("camunda.bpm.job-execution.max-pool-size", "4");
    properties.put("camunda.bpm.job-execution.queue-capacity", "4");
    properties.put("cspr.security.admin-user", ADMIN);
    properties.put("cspr.security.admin-password", adminPassword);
    properties.put("spring.main.banner-mode", "off");
    properties.putAll(extraProperties);
    Path logs = Path.of("target", "cluster", String.valueOf(System.currentTimeMillis()));
    for (int i = 1; i <= nodeCount; i++) {
      nodes.add(new ClusterNode("node" + i, properties, logs));
    }
    try {
      // node 1 creates the schema; concurrent first starts on an empty database would race for it
      nodes.forEach(ClusterNode::start);
      referrer = user("cluster-referrer", CsprGroups.AGENCY_LEADS);
      coordinator = user("cluster-coordinator", CsprGroups.BUSINESS_UNIT);
    } catch (RuntimeException | Error e) {
      close(); // the test never gets the cluster, so nothing else would stop it
      throw e;
    }
  }

  ClusterNode node(int index) {
    return nodes.get(index % nodes.size());
  }

  List<ClusterNode> liveNodes() {
    return nodes.stream().filter(ClusterNode::isAlive).toList();
  }

  /**
   * The state every cluster test starts from and leaves behind, whatever the previous one did: the
   * database and the mail server running, engine clocks on real time, every node up.
   */
  void restoreKnownState() {
    if (!postgres.isRunning()) {
      postgres.start();
    }
    mail.start();
    nodes.stream().filter(node -> !node.isAlive()).forEach(ClusterNode::start);
    clockOffset(Duration.ZERO);
  }

  /** Moves the engine clock of every node (the real clock keeps running). */
  void clockOffset(Duration offset) {
    clockOffset = offset;
    liveNodes().forEach(node -> node.clockOffset(offset));
  }

  /** Engine time of the nodes. */
  Date engineNow() {
    return new Date(System.currentTimeMillis() + clockOffset.toMillis());
  }

  /** A user of a group in every test partnership, created through {@code /engine-rest} as the administrator. */
  private CsprClient user(String id, String group) {
    String password = UUID.randomUUID().toString();
    ClusterNode node = node(0);
    Map<String, Object> profile = Map.of("id", id, "firstName", "Cluster", "lastName", id, "email", id + "@cluster.invalid");
    expectOk(admin.post(node, "/engine-rest/user/create", Map.of("profile", profile, "credentials", Map.of("password", password))));
    expectOk(admin.put(node, "/engine-rest/group/" + group + "/members/" + id, null));
    for (String partnership : PARTNERSHIPS) {
      expectOk(admin.put(node, "/engine-rest/tenant/" + partnership + "/user-members/" + id, null));
    }
    return new CsprClient(id, password);
  }

  private static void expectOk(CsprClient.Response response) {
    assertThat(response.status()).as(response.body().toString()).isBetween(200, 299);
  }

  @Override
  public void close() {
    nodes.forEach(ClusterNode::close);
    mail.close();
    postgres.close();
  }
}
