package uk.cspr.workflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
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
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.demo.YearOfCases;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.TestUsers;

/**
 * The yearly figures (issue 19.4, 19.5) on a year of cases with known answers ({@link YearOfCases},
 * North Lincolnshire's financial year 2026-27), over HTTP as each kind of caller. Run on H2
 * ({@link AnnualFiguresTest}) and PostgreSQL ({@link AnnualFiguresPostgresIT}).
 */
@TestPropertySource(properties = {"cspr.demo.cases=false", "cspr.reports.national-group=" + AnnualFiguresScenarios.NATIONAL})
abstract class AnnualFiguresScenarios {

  static final String NATIONAL = "national-reviews";
  static final String NL = "north-lincolnshire";
  static final String YEAR = "from=2026-04-01&to=2027-03-31";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired WorkingDays workingDays;
  @Autowired ObjectMapper json;

  @BeforeEach
  void aYearOfCases() {
    TestUsers.user(identity, "pw", "figures-admin", CsprGroups.ADMIN);
    TestUsers.user(identity, "pw", "figures-national", NATIONAL);
    TestUsers.user(identity, "pw", "figures-bu", CsprGroups.BUSINESS_UNIT, NL);
    TestUsers.user(identity, "pw", "figures-agency", CsprGroups.AGENCY_LEADS, NL);
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).tenantIdIn(NL).count() == 0) {
      new YearOfCases(runtime, tasks, management, workingDays,
          LocalDateTime.parse("2027-03-24T17:00").atZone(EngineClock.LONDON).toInstant()).play();
    }
  }

  @Test
  void theFiguresAreTheYearsCases() {
    JsonNode figures = get("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR);
    assertThat(figures.path("partnershipName").asText()).isEqualTo("North Lincolnshire Safeguarding Children Partnership");

    JsonNode notifications = figures.path("sections").path("notifications");
    assertThat(notifications.path("referralsReceived").asLong()).as("seven this year, one the year before").isEqualTo(7);
    assertThat(counts(notifications.path("decisionsByOutcome"))).isEqualTo(Map.of(
        "NOTIFY_AND_RAPID_REVIEW", 5L, "NO_FURTHER_ACTION", 2L, "SINGLE_AGENCY_REVIEW", 0L, "MULTI_AGENCY_REVIEW", 0L));
    assertThat(notifications.path("panelNotifications").asLong()).isEqualTo(5);
    assertThat(notifications.path("panelNotificationsWithin5WorkingDays").asLong()).as("one sent 7 working days after awareness").isEqualTo(4);

    JsonNode rapidReviews = figures.path("sections").path("rapidReviews");
    assertThat(rapidReviews.path("started").asLong()).isEqualTo(5);
    assertThat(rapidReviews.path("submittedToPanel").asLong()).isEqualTo(4);
    assertThat(rapidReviews.path("submittedWithin15WorkingDays").asLong()).isEqualTo(3);
    assertThat(rapidReviews.path("medianWorkingDays").asDouble()).as("sent after 9, 9, 9 and 20 working days").isEqualTo(9.0);

    assertThat(counts(figures.path("sections").path("panelAnswers").path("byKind"))).isEqualTo(Map.of(
        "LOCAL_DECISION_STANDS", 3L, "NATIONAL_REVIEW", 0L, "FURTHER_INFORMATION_REQUESTED", 0L));

    JsonNode lcsprs = figures.path("sections").path("lcsprs");
    assertThat(lcsprs.path("commissioned").asLong()).as("three after a rapid review, one agreed on a request").isEqualTo(4);
    assertThat(lcsprs.path("commissionedStatutory").asLong()).isEqualTo(3);
    assertThat(lcsprs.path("published").asLong()).isEqualTo(2);
    assertThat(lcsprs.path("publishedWithin6Months").asLong()).isEqualTo(2);
    assertThat(lcsprs.path("medianMonths").asDouble()).isEqualTo(monthsFromDecisionToPublication());

    assertThat(figures.path("sections").path("delayNotices").path("sent").asLong()).isEqualTo(1);
    assertThat(counts(figures.path("sections").path("recommendations").path("madeByStatus")))
        .as("three final reports in the year (two published reviews, the delayed one), each one open, one not accepted")
        .isEqualTo(Map.of("OPEN", 3L, "IN_PROGRESS", 0L, "IMPLEMENTED", 0L, "NOT_ACCEPTED", 3L));
    assertThat(counts(figures.path("sections").path("actions").path("dueByStatus"))).as("the fourth action is due after the year")
        .isEqualTo(Map.of("NOT_STARTED", 1L, "IN_PROGRESS", 1L, "COMPLETE", 1L));
    JsonNode requests = figures.path("sections").path("nonSeriousRequests");
    assertThat(requests.path("received").asLong()).isEqualTo(1);
    assertThat(counts(requests.path("byDecision"))).isEqualTo(Map.of(
        "LCSPR_NON_STATUTORY", 1L, "SINGLE_AGENCY_REVIEW", 0L, "MULTI_AGENCY_LEARNING_REVIEW", 0L, "NOT_AGREED", 0L));
    assertThat(counts(figures.path("sections").path("parallelReviews").path("byKind"))).as("a domestic homicide review identified").isEqualTo(Map.of("DOMESTIC_HOMICIDE_REVIEW", 1L));

    // the demo's themes (issue 19.1): the three LCSPRs' rapid reviews (neglect, information sharing, parental mental
    // health) and final reports (neglect, information sharing, professional curiosity), and the late rapid review
    Map<String, Long> themes = counts(figures.path("sections").path("themes").path("casesByTheme"));
    assertThat(themes).as("every configured theme is listed").hasSize(31).containsEntry("safe-sleep", 0L);
    assertThat(themes.entrySet().stream().filter(theme -> theme.getValue() > 0)
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))).isEqualTo(Map.of(
        "neglect", 4L, "information-sharing", 4L, "parental-mental-health", 4L, "professional-curiosity", 3L));

    long escalations = history.createHistoricActivityInstanceQuery().activityId(NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .tenantIdIn(NL).list().stream()
        .filter(step -> step.getStartTime().after(EngineClock.endOf("2026-03-31"))).count();
    assertThat(escalations).as("the late notification and the late rapid review were escalated").isGreaterThanOrEqualTo(2);
    assertThat(figures.path("sections").path("escalations").path("missedDeadlinesEscalated").asLong()).isEqualTo(escalations);
  }

  @Test
  void theCsvHasOneRowPerFigureInPlainEnglish() {
    for (ResponseEntity<String> csv : List.of(
        exchange("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR + "&format=csv", MediaType.ALL),
        exchange("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR, MediaType.parseMediaType("text/csv")))) {
      assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
      assertThat(csv.getBody()).startsWith("Partnership,From,To,Section,Figure,Value\r\n")
          .contains("\"North Lincolnshire Safeguarding Children Partnership\",2026-04-01,2027-03-31,"
              + "\"Referrals and notifications\",\"Referrals received\",\"7\"\r\n")
          .contains("\"Notifications to the Panel within 5 working days of awareness\",\"4\"")
          .contains("\"Rapid reviews submitted within 15 working days of the notification\",\"3\"")
          .contains("\"Local reviews published within 6 months of the decision\",\"2\"")
          .contains("\"Themes of the cases\",\"Cases with the theme: Neglect\",\"4\"")
          .contains("\"Delay notices sent to the Panel and the Secretary of State\",\"1\"")
          .doesNotContain("NOTIFY_AND_RAPID_REVIEW", "lcsprs", "panelNotifications");
    }
  }

  @Test
  void eachCallerSeesOnlyThePartnershipsTheyMay() {
    JsonNode own = get("figures-bu", "/api/reports/annual?" + YEAR);
    assertThat(own.path("partnership").asText()).as("the caller's one partnership by default").isEqualTo(NL);
    assertThat(exchange("figures-bu", "/api/reports/annual?partnership=bolton&" + YEAR, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(exchange("figures-agency", "/api/reports/annual?partnership=" + NL + "&" + YEAR, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(exchange("figures-bu", "/api/reports/annual?partnership=nowhere&" + YEAR, MediaType.APPLICATION_JSON).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(exchange("figures-bu", "/api/reports/annual?partnership=" + NL + "&from=2027-03-31&to=2026-04-01", MediaType.APPLICATION_JSON)
        .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(http.getForEntity("/api/reports/annual", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    for (String everyPartnership : List.of("figures-admin", "figures-national")) {
      JsonNode all = get(everyPartnership, "/api/reports/annual?partnership=all&" + YEAR);
      assertThat(all.path("partnerships")).hasSize(4);
      Map<String, Long> referrals = new java.util.HashMap<>();
      all.path("partnerships").forEach(p -> referrals.put(p.path("partnership").asText(),
          p.path("sections").path("notifications").path("referralsReceived").asLong()));
      assertThat(referrals).as(everyPartnership).containsEntry(NL, 7L).containsEntry("bolton", 1L);
    }
  }

  @Test
  void theNationalGroupReadsTheFiguresAndChangesNothing() {
    long before = history.createHistoricProcessInstanceQuery().count();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> start = http.withBasicAuth("figures-national", "pw").exchange(
        "/engine-rest/process-definition/key/" + NotificationProcess.KEY + "/tenant-id/" + NL + "/start", HttpMethod.POST,
        new HttpEntity<>("{\"variables\":{}}", headers), String.class);
    assertThat(start.getStatusCode().is4xxClientError()).as(start.getBody()).isTrue();
    ResponseEntity<String> tasksOfOthers = http.withBasicAuth("figures-national", "pw").getForEntity("/engine-rest/task/count", String.class);
    assertThat(tasksOfOthers.getBody()).isEqualTo("{\"count\":0}");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  @Test
  void theYearlyReportIsAPdfWithEverySectionOfTheFigures() throws java.io.IOException {
    JsonNode figures = get("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR);
    for (ResponseEntity<byte[]> pdf : List.of(
        bytes("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR + "&format=pdf", MediaType.ALL),
        bytes("figures-bu", "/api/reports/annual?partnership=" + NL + "&" + YEAR, MediaType.APPLICATION_PDF))) {
      assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
      assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("yearly-figures-2026-04-01-to-2027-03-31.pdf");
      String text = pdfText(pdf.getBody()).replaceAll("-\\s+", "-").replaceAll("\\s+", " ");
      assertThat(text).contains("Yearly figures of child safeguarding practice reviews",
          "North Lincolnshire Safeguarding Children Partnership", "1 Apr 2026 to 31 Mar 2027")
          .doesNotContain("NOTIFY_AND_RAPID_REVIEW", "referralsReceived", "null");
      assertThat(figures.path("tables")).hasSize(figures.path("sections").size());
      for (JsonNode table : figures.path("tables")) {
        assertThat(text).contains(table.path("title").asText());
        for (JsonNode line : table.path("lines")) {
          String value = line.path("value").isNull() ? YearlyReportPdf.NOTHING_TO_MEASURE : line.path("value").asText().replaceAll("\\.0$", "");
          assertThat(text).contains(line.path("label").asText() + " " + value + " ");
        }
      }
    }
    assertThat(bytes("figures-agency", "/api/reports/annual?partnership=" + NL + "&" + YEAR + "&format=pdf", MediaType.ALL)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(bytes("figures-bu", "/api/reports/annual?partnership=bolton&" + YEAR + "&format=pdf", MediaType.ALL)
        .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    String sideBySide = pdfText(bytes("figures-national", "/api/reports/annual?partnership=all&" + YEAR + "&format=pdf", MediaType.ALL).getBody());
    assertThat(sideBySide).contains("North Lincolnshire Safeguarding Children Partnership", "Bolton Safeguarding Children Partnership");
  }

  @Test
  void theNationalGroupIsCreatedWithCockpitAccessOnly() {
    assertThat(identity.createGroupQuery().groupId(NATIONAL).singleResult().getName()).isEqualTo("National reviewers (yearly figures only)");
    assertThat(authorizations.createAuthorizationQuery().groupIdIn(NATIONAL).list())
        .as("Cockpit, and reading its own group as the engine lets every group")
        .extracting(grant -> grant.getResourceType() + " " + grant.getResourceId() + " "
            + java.util.Arrays.toString(grant.getPermissions(new Permissions[] {Permissions.ACCESS, Permissions.READ, Permissions.UPDATE,
                Permissions.CREATE, Permissions.DELETE, Permissions.READ_HISTORY, Permissions.READ_INSTANCE})))
        .containsExactlyInAnyOrder(Resources.APPLICATION.resourceType() + " cockpit [ACCESS]",
            Resources.GROUP.resourceType() + " " + NATIONAL + " [READ]");
  }

  /** The median months from the decision to publication of the published LCSPRs, as the cases record them. */
  private double monthsFromDecisionToPublication() {
    List<Double> months = history.createHistoricVariableInstanceQuery().processDefinitionKey(LcsprProcess.KEY).tenantIdIn(NL)
        .variableName(LcsprProcess.Vars.PUBLISHED_AT).list().stream()
        .map(published -> {
          Date decided = (Date) history.createHistoricVariableInstanceQuery().processInstanceId(published.getProcessInstanceId())
              .variableName(LcsprProcess.Vars.LCSPR_DECIDED_AT).singleResult().getValue();
          return Duration.between(decided.toInstant(), ((Date) published.getValue()).toInstant()).toHours() / 24.0 / (365.25 / 12);
        })
        .toList();
    assertThat(months).as("both decided about 76 working days before publication").hasSize(2).allSatisfy(m -> assertThat(m).isBetween(3.0, 4.5));
    return Math.round((months.get(0) + months.get(1)) / 2 * 10) / 10.0;
  }

  private JsonNode get(String user, String path) {
    ResponseEntity<String> response = exchange(user, path, MediaType.APPLICATION_JSON);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    try {
      return json.readTree(response.getBody());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private ResponseEntity<String> exchange(String user, String path, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    return http.withBasicAuth(user, "pw").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  private ResponseEntity<byte[]> bytes(String user, String path, MediaType accept) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(accept));
    return http.withBasicAuth(user, "pw").exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
  }

  static String pdfText(byte[] pdf) throws java.io.IOException {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
    }
  }

  private static Map<String, Long> counts(JsonNode node) {
    Map<String, Long> counts = new java.util.HashMap<>();
    node.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
    return counts;
  }
}
