package uk.cspr.workflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;
import uk.cspr.workflow.config.LogText;
import uk.cspr.workflow.config.Refusals;

/**
 * Failed sign-ins are throttled per client address, never per account: the engine's own lock-out
 * (ten wrong passwords lock the account until an administrator unlocks it) would let anyone keep
 * any user out, so it is off (application.yaml, loginMaxAttempts / loginDelayBase). Five failures
 * in a row from one address are free; after that the address must wait 2, 4, 8 … up to 60 seconds
 * before its next attempt, answered 429 with Retry-After meanwhile. A successful sign-in from the
 * address, or 15 minutes without a failure, clears it. Every failure is logged (WARN, user and
 * address) for administrators. Covers HTTP Basic ({@code /engine-rest}, {@code /api}) and the
 * webapps' login form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class LoginThrottle extends OncePerRequestFilter {

  static final int FREE_FAILURES = 5;
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final Duration FORGET_AFTER = Duration.ofMinutes(15);
  private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean loginForm = isLoginForm(request);
    String basicUser = basicUser(request);
    if (basicUser == null && !loginForm) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    Duration wait = waitFor(address);
    if (!wait.isZero()) {
      long seconds = Math.max(1, wait.toSeconds());
      Refusals.send(response, 429, seconds,
          "Too many failed sign-ins from this address. Please wait " + seconds + " seconds and try again.");
      return;
    }
    // The login form is read by Camunda's resource: its user name is taken from a copy afterwards
    ContentCachingRequestWrapper copy = loginForm ? new ContentCachingRequestWrapper(request, 4096) : null;
    chain.doFilter(loginForm ? copy : request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      String user = loginForm ? formUser(copy) : basicUser;
      Failures now = failures.merge(address, new Failures(1, clock.instant()),
          (old, one) -> new Failures(old.count() + 1, one.last()));
      LOG.warn("Failed sign-in as '{}' from {} ({} in a row from this address)",
          LogText.neutralised(user), address, now.count());
    } else if (response.getStatus() < 400) {
      failures.remove(address);
    }
  }

  /** How long the address must still wait before its next attempt (zero: it may try now). */
  Duration waitFor(String address) {
    Failures recorded = failures.get(address);
    if (recorded == null) {
      return Duration.ZERO;
    }
    Duration since = Duration.between(recorded.last(), clock.instant());
    if (since.compareTo(FORGET_AFTER) >= 0) {
      failures.remove(address, recorded);
      return Duration.ZERO;
    }
    if (recorded.count() < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(recorded.count() - FREE_FAILURES + 1, 6);
    Duration wait = Duration.ofSeconds(1L << doublings);
    Duration remaining = (wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait).minus(since);
    return remaining.isNegative() ? Duration.ZERO : remaining;
  }

  /** Forgets every address (tests). */
  public void clear() {
    failures.clear();
  }

  /** The user id of an HTTP Basic header, or null. */
  private static String basicUser(HttpServletRequest request) {
    BasicCredentials credentials = BasicCredentials.of(request);
    return credentials == null ? null : credentials.user();
  }

  private static boolean isLoginForm(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
  }

  private static String formUser(ContentCachingRequestWrapper copy) {
    String form = new String(copy.getContentAsByteArray(), StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      if (pair.startsWith("username=")) {
        return URLDecoder.decode(pair.substring("username=".length()), StandardCharsets.UTF_8);
      }
    }
    return "";
  }
}
