package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * Profile {@code live} (application-live.yaml): the session cookie is {@code Secure} and {@code
 * SameSite=Strict}, and so is the webapps' CSRF cookie, both in the configuration and on the wire
 * (after a webapp login, which issues a new session). The SMTP host is a loopback address here, so
 * nothing can leave the machine.
 */
@CsprSpringBootTest
@ActiveProfiles({"test", "live"})
@TestPropertySource(properties = {
    "CSPR_SMTP_HOST=127.0.0.1",
    "cspr.security.admin-user=live-admin",
    "cspr.security.admin-password=live-admin-Secret-1"})
class LiveProfileCookiesTest {

  @Autowired Environment environment;
  @Autowired TestRestTemplate rest;

  @Test
  void theLiveProfileConfiguresSecureStrictCookies() {
    assertThat(environment.getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
    assertThat(environment.getProperty("server.servlet.session.cookie.same-site")).isEqualToIgnoringCase("strict");
    assertThat(environment.getProperty("server.servlet.session.cookie.http-only")).isEqualTo("true");
    assertThat(environment.getProperty("cspr.correspondence.live")).isEqualTo("true");
  }

  @Test
  void theWebappCookiesAreSecureAndStrictOnTheWire() {
    SecureDefaultsTest.Session session = SecureDefaultsTest.Session.open(rest);
    ResponseEntity<String> login = session.login("live-admin", "live-admin-Secret-1");
    assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> cookies = new ArrayList<>(login.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()));
    cookies.addAll(rest.getForEntity("/camunda/app/tasklist/", String.class).getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()));
    System.out.println("Live profile cookies: " + cookies);

    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty().allSatisfy(cookie ->
        assertThat(attributes(cookie)).contains("secure", "httponly", "samesite=strict").doesNotContain("samesite=lax", "samesite=none"));
    assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).isNotEmpty().allSatisfy(cookie ->
        assertThat(attributes(cookie)).contains("secure", "samesite=strict").doesNotContain("samesite=lax", "samesite=none"));
  }

  @Test
  void theLiveProfileSendsHstsOnEveryPageAndApi() {
    for (String path : new String[] {"/api/deadlines", "/engine-rest/engine", "/workbench/", "/camunda/app/tasklist/"}) {
      assertThat(rest.getForEntity(path, String.class).getHeaders().getFirst("Strict-Transport-Security"))
          .as(path).isEqualTo("max-age=31536000; includeSubDomains");
    }
  }

  /** A Set-Cookie header's attributes after the value, lower case (a browser applies the last of duplicates). */
  private static List<String> attributes(String setCookie) {
    return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
  }
}
