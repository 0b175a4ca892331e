package uk.cspr.workflow.config;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A request refused by a filter, before any controller runs: the status, {@code Retry-After} when
 * the caller may try again, and the JSON body our controllers answer, {@code {"error": "…"}}.
 * The message is ours, never the caller's input, so it needs no escaping.
 */
public final class Refusals {

  public static void send(HttpServletResponse response, int status, long retryAfterSeconds, String message)
      throws IOException {
    response.setStatus(status);
    if (retryAfterSeconds > 0) {
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    response.setContentType("application/json");
    response.getWriter().write("{\"error\":\"" + message + "\"}");
  }

  private Refusals() {}
}
