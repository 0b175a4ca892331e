package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 15 (3): no lock-out by strangers. Wrong passwords from one client are throttled for that
 * client (429 with Retry-After), the account itself is never locked, and each failure is logged
 * for administrators.
 */
@CsprSpringBootTest
class LoginThrottleTest {

  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired LoginThrottle throttle;

  @AfterEach
  void forget() {
    throttle.clear();
  }

  @Test
  void twentyWrongPasswordsSlowTheirClientButNeverLockTheAccount() {
    String victim = TestUsers.user(identity, PASSWORD, "throttle-victim", CsprGroups.BUSINESS_UNIT, "north-lincolnshire");
    ListAppender<ILoggingEvent> log = listen();
    int unauthorised = 0;
    ResponseEntity<String> last = null;
    for (int attempt = 0; attempt < 20; attempt++) {
      last = rest.withBasicAuth(victim, "wrong-" + attempt).getForEntity("/engine-rest/task", String.class);
      unauthorised += last.getStatusCode() == HttpStatus.UNAUTHORIZED ? 1 : 0;
    }
    assertThat(unauthorised).as("five free failures, then the client must wait").isEqualTo(LoginThrottle.FREE_FAILURES);
    assertThat(last.getStatusCode().value()).isEqualTo(429);
    assertThat(Integer.parseInt(last.getHeaders().getFirst("Retry-After"))).isBetween(1, 60);
    assertThat(last.getBody()).contains("Too many failed sign-ins");

    assertThat(identity.checkPassword(victim, PASSWORD)).as("the account is not locked: other clients sign in").isTrue();
    assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("Failed sign-in as 'throttle-victim'"))
        .hasSize(LoginThrottle.FREE_FAILURES);
    throttle.clear();
    assertThat(rest.withBasicAuth(victim, PASSWORD).getForEntity("/engine-rest/task", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theWebappLoginFormIsThrottledTooAndStillSignsIn() {
    String user = TestUsers.user(identity, PASSWORD, "throttle-webapp", CsprGroups.BUSINESS_UNIT, "north-lincolnshire");
    ListAppender<ILoggingEvent> log = listen();
    for (int attempt = 0; attempt < LoginThrottle.FREE_FAILURES; attempt++) {
      assertThat(SecureDefaultsTest.Session.open(rest).login(user, "wrong").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
    assertThat(SecureDefaultsTest.Session.open(rest).login(user, PASSWORD).getStatusCode().value()).isEqualTo(429);
    assertThat(log.list).filteredOn(e -> e.getFormattedMessage().contains("Failed sign-in as 'throttle-webapp'"))
        .hasSize(LoginThrottle.FREE_FAILURES);
    throttle.clear();
    assertThat(SecureDefaultsTest.Session.open(rest).login(user, PASSWORD).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theWaitDoublesUpToAMinuteAndIsForgottenAfterFifteenMinutes() {
    MutableClock clock = new MutableClock();
    LoginThrottle alone = new LoginThrottle(clock);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/deadlines");
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString("x:y".getBytes()));
    request.setRemoteAddr("192.0.2.7");
    for (int failure = 1; failure <= 12; failure++) {
      clock.now = clock.now.plus(alone.waitFor("192.0.2.7"));
      fail(alone, request);
      Duration expected = failure < LoginThrottle.FREE_FAILURES ? Duration.ZERO
          : Duration.ofSeconds(Math.min(60, 1L << (failure - LoginThrottle.FREE_FAILURES + 1)));
      assertThat(alone.waitFor("192.0.2.7")).as("after failure " + failure).isEqualTo(expected);
      assertThat(alone.waitFor("192.0.2.8")).as("another client").isZero();
    }
    clock.now = clock.now.plus(LoginThrottle.FORGET_AFTER);
    assertThat(alone.waitFor("192.0.2.7")).isZero();
  }

  private static void fail(LoginThrottle throttle, MockHttpServletRequest request) {
    try {
      MockHttpServletResponse response = new MockHttpServletResponse();
      throttle.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(401));
      assertThat(response.getStatus()).isEqualTo(401);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ListAppender<ILoggingEvent> listen() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    ((Logger) LoggerFactory.getLogger(LoginThrottle.class)).addAppender(appender);
    return appender;
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
