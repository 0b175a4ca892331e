package uk.cspr.workflow.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import uk.cspr.workflow.support.ClusterNode;

/** One user's HTTP Basic client for a node's REST APIs ({@code /api}, {@code /engine-rest}). */
final class CsprClient {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  /** Status and JSON body (missing node when empty or not JSON). */
  record Response(int status, JsonNode body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final String user;
  private final String authorization;

  CsprClient(String user, String password) {
    this.user = user;
    this.authorization =
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  String user() {
    return user;
  }

  Response get(ClusterNode node, String path) {
    return send(node, "GET", path, null);
  }

  Response post(ClusterNode node, String path, Object body) {
    return send(node, "POST", path, body);
  }

  Response put(ClusterNode node, String path, Object body) {
    return send(node, "PUT", path, body);
  }

  /** Throws {@link UncheckedIOException} when the node does not answer (down, killed, timed out). */
  Response send(ClusterNode node, String method, String path, Object body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
              .timeout(Duration.ofSeconds(60))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                  : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), parse(response.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(node + " did not answer " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
