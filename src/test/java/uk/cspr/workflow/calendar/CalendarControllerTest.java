package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** {@code /api/calendar}: the three endpoints, 400 bodies naming the parameter, 401 for anonymous callers. */
@CsprSpringBootTest
class CalendarControllerTest {

  /** Demo users exist only in profile demo: this test makes its own, with a random password. */
  private static final String USER_ID = "calendar-api-test";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @BeforeEach
  void createUser() {
    if (identityService.createUserQuery().userId(USER_ID).count() == 0) {
      User user = identityService.newUser(USER_ID);
      user.setFirstName("Calendar");
      user.setLastName("Test");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
  }

  @Test
  void bankHolidays() {
    JsonNode body = ok("/api/calendar/bank-holidays?year=2027");
    assertThat(body.get("year").asInt()).isEqualTo(2027);
    assertThat(body.get("dates"))
        .extracting(JsonNode::asText)
        .containsExactly("2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
            "2027-12-27", "2027-12-28");
  }

  @Test
  void addWorkingDays() {
    assertThat(ok("/api/calendar/working-days/add?date=2026-12-24&days=5").get("date").asText()).isEqualTo("2027-01-05");
    assertThat(ok("/api/calendar/working-days/add?date=2027-01-05&days=-5").get("date").asText()).isEqualTo("2026-12-24");
  }

  @Test
  void workingDaysBetween() {
    assertThat(ok("/api/calendar/working-days/between?from=2026-12-24&to=2027-01-05").get("workingDays").asInt()).isEqualTo(5);
    assertThat(ok("/api/calendar/working-days/between?from=2027-01-05&to=2026-12-24").get("workingDays").asInt()).isEqualTo(-5);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "/api/calendar/working-days/add?date=2026-02-30&days=5,            date, 2026-02-30",
    "/api/calendar/working-days/add?date=24/12/2026&days=5,            date, 24/12/2026",
    "/api/calendar/working-days/add?date=1899-12-31&days=5,            date, 1899-12-31",
    "/api/calendar/working-days/add?days=5,                            date, date",
    "/api/calendar/working-days/add?date=2026-12-24&days=10001,        days, 10001",
    "/api/calendar/working-days/add?date=2026-12-24&days=-10001,       days, -10001",
    "/api/calendar/working-days/add?date=2026-12-24&days=five,         days, five",
    "/api/calendar/working-days/add?date=2200-12-24&days=100,          days, 2200-12-24",
    "/api/calendar/working-days/add?date=2026-12-24,                   days, days",
    "/api/calendar/bank-holidays?year=abc,                             year, abc",
    "/api/calendar/bank-holidays?year=1899,                            year, 1899",
    "/api/calendar/bank-holidays?year=2201,                            year, 2201",
    "/api/calendar/bank-holidays,                                      year, year",
    "/api/calendar/working-days/between?from=2026-12-24&to=2026-13-01, to,   2026-13-01",
    "/api/calendar/working-days/between?to=2026-12-24,                 from, from",
    "/api/calendar/working-days/between?from=2026-12-24&to=2201-01-01, to,   2201-01-01",
  })
  void badInputAnswers400NamingTheParameter(String url, String parameter, String mentioned) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(USER_ID, PASSWORD).getForEntity(url, JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = response.getBody();
    assertThat(body).isNotNull();
    assertThat(body.get("error").asText()).isEqualTo("Invalid parameter");
    assertThat(body.get("parameter").asText()).isEqualTo(parameter);
    assertThat(body.get("message").asText()).contains(mentioned);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "/api/calendar/bank-holidays?year=2027",
    "/api/calendar/working-days/add?date=2026-12-24&days=5",
    "/api/calendar/working-days/between?from=2026-12-24&to=2027-01-05",
  })
  void anonymousCallersGet401(String url) {
    ResponseEntity<String> response = rest.getForEntity(url, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getBody()).doesNotContain("2027-01-05", "workingDays");
  }

  private JsonNode ok(String url) {
    ResponseEntity<JsonNode> response = rest.withBasicAuth(USER_ID, PASSWORD).getForEntity(url, JsonNode.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
