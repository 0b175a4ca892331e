package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * SPEC §6 "no default passwords outside the demo profile" and the webapps' CSRF protection, on
 * the application started without profile {@code demo} and with the first administrator set the
 * way {@code CSPR_ADMIN_USER}/{@code CSPR_ADMIN_PASSWORD} set it.
 */
@CsprSpringBootTest
@TestPropertySource(properties = {
    "cspr.security.admin-user=first-admin",
    "cspr.security.admin-password=first-admin-Secret-1"})
class SecureDefaultsTest {

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  @Autowired IdentityService identityService;
  @Autowired TestRestTemplate rest;
  @Autowired LoginThrottle throttle;

  @Test
  void outsideDemoTheOnlyUserIsTheConfiguredAdministrator() {
    assertThat(identityService.createUserQuery().list()).extracting(User::getId).containsExactly("first-admin");
    assertThat(identityService.createGroupQuery().groupMember("first-admin").list()).extracting(g -> g.getId())
        .containsExactly(CsprGroups.ADMIN);
    assertThat(identityService.checkPassword("first-admin", "first-admin-Secret-1")).isTrue();
  }

  @Test
  void demoDemoAndOtherDemoLoginsFail() {
    for (String demoUser : List.of("demo", "coordinator", "admin")) {
      assertThat(rest.withBasicAuth(demoUser, demoUser).getForEntity("/engine-rest/user", String.class).getStatusCode())
          .as(demoUser + "/" + demoUser + " on /engine-rest").isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(rest.withBasicAuth(demoUser, demoUser).getForEntity("/api/calendar/bank-holidays?year=2027", String.class)
              .getStatusCode())
          .as(demoUser + "/" + demoUser + " on /api").isEqualTo(HttpStatus.UNAUTHORIZED);
      throttle.clear(); // more than five failures in a row would be throttled (LoginThrottleTest)
    }
    Session session = Session.open(rest);
    assertThat(session.login("demo", "demo").getStatusCode()).as("webapp login demo/demo").isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(rest.withBasicAuth("first-admin", "first-admin-Secret-1").getForEntity("/engine-rest/user", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void theWebappsRefuseAStateChangingCallWithoutTheCsrfToken() {
    Session session = Session.open(rest);
    assertThat(session.xsrfToken()).as("XSRF-TOKEN cookie from GET /camunda/app/tasklist/").isNotBlank();

    ResponseEntity<String> withoutToken = session.post(LOGIN, "first-admin", "first-admin-Secret-1", false);
    assertThat(withoutToken.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(withoutToken.getHeaders().getFirst("X-XSRF-TOKEN")).isEqualTo("Required");

    assertThat(Session.open(rest).login("first-admin", "first-admin-Secret-1").getStatusCode())
        .as("the same request with the token").isEqualTo(HttpStatus.OK);
  }

  /** A browser-like webapp session: cookies from the Tasklist page, CSRF header on request. */
  record Session(TestRestTemplate rest, String cookies, String xsrfToken) {

    static Session open(TestRestTemplate rest) {
      ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/", String.class);
      assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
      List<String> setCookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of());
      String token = setCookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
          .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).orElse(null);
      String cookies = String.join("; ", setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
      return new Session(rest, cookies, token);
    }

    ResponseEntity<String> login(String user, String password) {
      return post(LOGIN, user, password, true);
    }

    ResponseEntity<String> post(String path, String user, String password, boolean withToken) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      headers.add(HttpHeaders.COOKIE, cookies);
      if (withToken) {
        headers.add("X-XSRF-TOKEN", xsrfToken);
      }
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", user);
      form.add("password", password);
      return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }
  }
}
