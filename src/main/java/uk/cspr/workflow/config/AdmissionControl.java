package uk.cspr.workflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Overload gets an answer, not an error. Requests to the APIs ({@code /api}, {@code /engine-rest},
 * the webapps' {@code /camunda/api}) run at most as many at once as the database pool can serve
 * beside the job executor, whose delivery jobs hold two connections each (correspondence.SendOnce):
 * {@code pool - 2 x job threads}. A request beyond that waits up to {@code cspr.admission.max-wait}
 * (10 s) for its turn, then is answered 503 with Retry-After, before anything is created. Without
 * this, 200 simultaneous referrals waited 30 s for a connection and a quarter failed with a 500.
 * Until the application is ready (demo profile: while the demo cases are played with the engine
 * clock moved back) API requests are answered 503 at once, so none is served on a moved clock.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class AdmissionControl extends OncePerRequestFilter {

  static final int RETRY_AFTER_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(AdmissionControl.class);

  private final Semaphore turns;
  private final int concurrent;
  private final Duration maxWait;
  private final ApplicationAvailability availability;

  AdmissionControl(
      ApplicationAvailability availability,
      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
      @Value("${camunda.bpm.job-execution.max-pool-size:10}") int jobThreads,
      @Value("${cspr.admission.max-wait:PT10S}") Duration maxWait) {
    this.concurrent = poolSize - 2 * jobThreads;
    if (concurrent < 1) {
      throw new IllegalStateException("spring.datasource.hikari.maximum-pool-size (" + poolSize
          + ") must exceed twice camunda.bpm.job-execution.max-pool-size (" + jobThreads
          + "): each delivery job holds two connections, and web requests need at least one");
    }
    this.turns = new Semaphore(concurrent, true);
    this.maxWait = maxWait;
    this.availability = availability;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
      refuse(response, "The service is starting.");
      return;
    }
    boolean admitted;
    try {
      admitted = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      LOG.warn("Busy: {} {} refused after waiting {} s ({} requests at once)", request.getMethod(),
          LogText.neutralised(request.getRequestURI()), maxWait.toSeconds(), concurrent);
      refuse(response, "The service is busy.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      turns.release();
    }
  }

  private static void refuse(HttpServletResponse response, String why) throws IOException {
    Refusals.send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, RETRY_AFTER_SECONDS,
        why + " Nothing was saved; please try again in " + RETRY_AFTER_SECONDS + " seconds.");
  }

  /** How many API requests may run at once. */
  int concurrent() {
    return concurrent;
  }
}
