package uk.cspr.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 15 (6): more API requests than the pool serves wait their turn, then get 503 with Retry-After. */
class AdmissionControlTest {

  @Test
  void requestsBeyondThePoolWaitABoundedTimeThenGet503WithRetryAfter() throws Exception {
    AdmissionControl admission = new AdmissionControl(ready(), 6, 2, Duration.ofMillis(300)); // 6 - 2 x 2 = 2 at once
    assertThat(admission.concurrent()).isEqualTo(2);
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = clients.submit(() -> serve(admission, "/api/referrals", running, release));
      Future<?> second = clients.submit(() -> serve(admission, "/engine-rest/task", running, release));
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

      MockHttpServletResponse refused = serve(admission, "/camunda/api/engine/engine/default/task", null, null);
      assertThat(refused.getStatus()).isEqualTo(503);
      assertThat(refused.getHeader("Retry-After")).isEqualTo("5");
      assertThat(refused.getContentAsString()).contains("Nothing was saved");
      assertThat(serve(admission, "/camunda/app/tasklist/", null, null).getStatus()).as("pages are not held").isEqualTo(200);

      release.countDown();
      first.get(5, TimeUnit.SECONDS);
      second.get(5, TimeUnit.SECONDS);
      assertThat(serve(admission, "/api/referrals", null, null).getStatus()).as("a turn is free again").isEqualTo(200);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aPoolTooSmallForTheJobExecutorAndOneRequestIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new AdmissionControl(ready(), 8, 4, Duration.ofSeconds(1)))
        .hasMessageContaining("must exceed twice camunda.bpm.job-execution.max-pool-size");
  }

  @Test
  void untilTheApplicationIsReadyApiRequestsGet503AtOnce() throws Exception {
    ApplicationAvailabilityBean starting = new ApplicationAvailabilityBean(); // demo cases still being played
    AdmissionControl admission = new AdmissionControl(starting, 20, 4, Duration.ofSeconds(10));
    MockHttpServletResponse refused = serve(admission, "/api/referrals", null, null);
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getContentAsString()).contains("starting");
    starting.onApplicationEvent(new AvailabilityChangeEvent<>(this, ReadinessState.ACCEPTING_TRAFFIC));
    assertThat(serve(admission, "/api/referrals", null, null).getStatus()).isEqualTo(200);
  }

  private static ApplicationAvailabilityBean ready() {
    ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();
    availability.onApplicationEvent(new AvailabilityChangeEvent<>(AdmissionControlTest.class, ReadinessState.ACCEPTING_TRAFFIC));
    return availability;
  }

  private static MockHttpServletResponse serve(AdmissionControl admission, String path, CountDownLatch running, CountDownLatch release) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    try {
      admission.doFilter(request, response, (req, res) -> {
        if (running != null) {
          running.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response;
  }
}
