package uk.cspr.workflow.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A user of one group and one partnership (tenant), created through the {@code IdentityService} of
 * a benchmark's application, calling it over HTTP Basic on its random loopback port. Shared by the
 * benchmarks that go through the application's HTTP API (4 Tasklist, 5 dashboard).
 */
final class BenchUser {

  final String id;
  private final String password = "bench-" + Long.toHexString(System.nanoTime());
  private final String authorization;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Creates the user, its membership of {@code group} and of the tenant {@code partnership}. */
  BenchUser(ConfigurableApplicationContext app, String id, String group, String partnership) {
    this.id = id;
    IdentityService identity = app.getBean(IdentityService.class);
    User user = identity.newUser(id);
    user.setFirstName("Bench");
    user.setLastName(group);
    user.setPassword(password);
    identity.saveUser(user);
    identity.createMembership(id, group);
    identity.createTenantUserMembership(partnership, id);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  /** GET {@code path} (from the server root); fails on a non-2xx answer; returns the body. */
  String get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
  }

  /** POST a JSON body to {@code path} (from the server root); fails on a non-2xx answer. */
  String post(String path, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)), path);
  }

  /** POST a JSON body without waiting for or checking the answer (many at once). */
  java.util.concurrent.CompletableFuture<HttpResponse<String>> postAsync(String path, String json) {
    return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Authorization", authorization).timeout(Duration.ofSeconds(120))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String send(HttpRequest.Builder request, String path) throws Exception {
    HttpResponse<String> response = http.send(
        request.timeout(Duration.ofSeconds(60)).header("Authorization", authorization).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(request.build().method() + " " + path + " -> " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
