package uk.cspr.workflow.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.ClusterNode;

/**
 * Drives cases through the REST APIs like users behind a load balancer: referrals ({@code POST
 * /api/referrals}) go to the nodes in turn, each case's "Inform partners" task is completed through
 * {@code /engine-rest} on another node than the one that registered it. A node that does not answer
 * or answers 5xx (killed, database down) is retried on the next live node until {@link #PATIENCE}
 * runs out; a 4xx fails the test. Every case of a batch carries the batch's marker as its
 * referring agency, so the audit finds the batch in the database even when a client did not see
 * the answer.
 */
final class Workload implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String INFORM_PARTNERS = NotificationProcess.Elements.INFORM_PARTNERS;

  final String marker;
  final AtomicInteger retried = new AtomicInteger();
  private final Cluster cluster;
  private final ExecutorService clients;

  Workload(Cluster cluster, String marker, int clientThreads) {
    this.cluster = cluster;
    this.marker = marker;
    this.clients = Executors.newFixedThreadPool(clientThreads);
  }

  /** Refers and informs partners for {@code count} cases; returns their process instance ids. */
  List<String> run(int count) {
    List<String> cases = refer(count);
    informPartners(cases);
    return cases;
  }

  List<String> refer(int count) {
    List<Future<String>> referrals = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      referrals.add(clients.submit(() -> referOne(index)));
    }
    return all(referrals);
  }

  void informPartners(List<String> processInstanceIds) {
    List<Future<String>> completions = new ArrayList<>();
    for (int i = 0; i < processInstanceIds.size(); i++) {
      int index = i;
      completions.add(clients.submit(() -> informPartners(processInstanceIds.get(index), index + 1)));
    }
    all(completions);
  }

  /**
   * Completes "Inform partners" of every case of the batch still waiting there, e.g. a referral
   * whose answer was lost in an outage although it had been registered.
   */
  int informPartnersOfOpenCases() {
    String filter = URLEncoder.encode(NotificationProcess.Vars.REFERRING_AGENCY + "_eq_" + marker, StandardCharsets.UTF_8);
    JsonNode tasks = withFailover(0, "open tasks",
        node -> cluster.coordinator.get(node, "/engine-rest/task?taskDefinitionKey=" + INFORM_PARTNERS + "&processVariables=" + filter)).body();
    List<String> open = new ArrayList<>();
    tasks.forEach(task -> open.add(task.path("processInstanceId").asText()));
    informPartners(open);
    return open.size();
  }

  private String referOne(int index) {
    CsprClient.Response response =
        withFailover(index, "referral " + index, node -> cluster.referrer.post(node, "/api/referrals", referral(index)));
    expect(response.status() == 201, "referral " + index, response);
    return response.body().path("processInstanceId").asText();
  }

  private String informPartners(String processInstanceId, int nodeIndex) {
    JsonNode tasks = withFailover(nodeIndex, "task of " + processInstanceId,
        node -> cluster.coordinator.get(node,
            "/engine-rest/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + INFORM_PARTNERS)).body();
    if (tasks.isEmpty()) {
      expect(completed(processInstanceId, nodeIndex), "inform partners of " + processInstanceId, null);
      return processInstanceId;
    }
    String taskId = tasks.get(0).path("id").asText();
    Map<String, Object> body = Map.of("variables", Map.of("partnersInformedConfirmed", Map.of("value", true, "type", "Boolean")));
    CsprClient.Response response = withFailover(nodeIndex, "complete " + taskId, node -> {
      CsprClient.Response answer = cluster.coordinator.post(node, "/engine-rest/task/" + taskId + "/complete", body);
      // an earlier attempt whose answer was lost may have completed it
      return answer.ok() || !completed(processInstanceId, nodeIndex) ? answer : new CsprClient.Response(204, answer.body());
    });
    expect(response.ok(), "complete " + taskId, response);
    return processInstanceId;
  }

  private boolean completed(String processInstanceId, int nodeIndex) {
    return !withFailover(nodeIndex, "history of " + processInstanceId,
            node -> cluster.coordinator.get(node, "/engine-rest/history/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + INFORM_PARTNERS + "&finished=true"))
        .body().isEmpty();
  }

  private CsprClient.Response withFailover(int preferred, String what, Function<ClusterNode, CsprClient.Response> call) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    String last = "";
    for (int attempt = 0; ; attempt++) {
      List<ClusterNode> live = cluster.liveNodes();
      if (!live.isEmpty()) {
        ClusterNode node = live.get((preferred + attempt) % live.size());
        try {
          CsprClient.Response response = call.apply(node);
          if (response.status() < 500) {
            return response;
          }
          last = node + ": " + response.status() + " " + response.body();
        } catch (UncheckedIOException e) {
          last = e.getMessage();
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " failed for " + PATIENCE + "; last: " + last);
      }
      retried.incrementAndGet();
      sleep(Duration.ofMillis(500));
    }
  }

  /** A serious incident referral whose statutory "report to partners" deadline has already passed. */
  private Map<String, Object> referral(int index) {
    ZonedDateTime aware = ZonedDateTime.now(ZoneOffset.UTC).minusDays(20);
    LocalDate incident = aware.toLocalDate().minusDays(1);
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("partnership", Cluster.PARTNERSHIPS.get(index % Cluster.PARTNERSHIPS.size()));
    referral.put(NotificationProcess.Vars.REFERRING_AGENCY, marker);
    referral.put(NotificationProcess.Vars.REFERRER_NAME, "Cluster test referrer " + index);
    referral.put(NotificationProcess.Vars.REFERRER_EMAIL, "referrer@cluster.invalid");
    referral.put(NotificationProcess.Vars.INCIDENT_DATE, incident.toString());
    referral.put(NotificationProcess.Vars.AWARE_OF_INCIDENT_AT, aware.withNano(0).toOffsetDateTime().toString());
    referral.put(NotificationProcess.Vars.ABUSE_OR_NEGLECT, true);
    referral.put(NotificationProcess.Vars.INCIDENT_LOCATION, "IN_AREA");
    referral.put(NotificationProcess.Vars.INCIDENT_SUMMARY, "Cluster test case " + index + ": child admitted to hospital.");
    referral.put(NotificationProcess.Vars.CHILDREN,
        List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
    return referral;
  }

  private static <T> List<T> all(List<Future<T>> futures) {
    List<T> results = new ArrayList<>();
    for (Future<T> future : futures) {
      try {
        results.add(future.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return results;
  }

  private static void expect(boolean condition, String what, CsprClient.Response response) {
    if (!condition) {
      throw new AssertionError(what + " failed" + (response == null ? "" : ": " + response.status() + " " + response.body()));
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    clients.shutdownNow();
  }
}
