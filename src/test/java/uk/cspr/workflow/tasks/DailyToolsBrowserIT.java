package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.ChromiumSession;

/**
 * Tasklist and Cockpit in a real headless Chromium (issue "Tasklist and Cockpit as the daily
 * tools"): the whole application on a random port with the demo users and demo cases (profiles
 * test and demo; no job executor; the mail sink on a free port). Skipped, with the reason, where
 * Chromium or chromedriver is not installed. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@Timeout(90)
class DailyToolsBrowserIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

  /** Chromium for the class; a failing test leaves a screenshot of what it showed. */
  @RegisterExtension
  static final ChromiumSession CHROMIUM = new ChromiumSession();

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = CHROMIUM.browser();
  }

  @Test
  void aCoordinatorRefersThroughTheStartFormSeesTheServersRefusalAndCompletesTheNextTask() {
    // markup in what people type stays text in every form that shows it (issue 15.5)
    String agency = "Browser test school " + UUID.randomUUID().toString().substring(0, 8) + " [click](https://evil.example) <b>b</b>";
    LocalDate today = LocalDate.now(LONDON);
    browser.login("tasklist", "coordinator", "coordinator");
    browser.clickText("Start process");
    browser.clickInDialog("Serious incident notification");

    fillReferral(agency, today.minusDays(1), today.plusDays(1), "09:30");
    addAndRemoveASecondChildWithAnError();
    browser.screenshot("tasklist-1-referral-filled");
    // the children list was edited: without the Tasklist script formjs-dynamiclist-fix, Start would
    // stay disabled here (bpmn-io/form-js#1494) and pressSubmit fails
    browser.pressSubmit(START);
    // the server's refusal (issue 14.5): one sentence under the field it is about, no ids or keys
    WebElement refusal = browser.waitFor(By.xpath("//div[contains(@class,'fjs-form-field-datetime')]"
        + "[.//label[starts-with(normalize-space(.), 'When the local authority became aware')]]"
        + "//*[contains(@class,'fjs-form-field-error')]"));
    browser.scrollTo(refusal);
    assertThat(refusal.getText())
        .isEqualTo("When the local authority became aware cannot be in the future: enter the date and time it happened.");
    browser.waitForText("could not be started");
    assertThat(browser.bodyText()).as("Tasklist's notification too says it plainly")
        .doesNotContain("awareOfIncidentAt").doesNotContain("Cannot instantiate").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
    browser.screenshot("tasklist-2-referral-refused");
    assertThat(referral(agency)).as("a refused referral creates nothing").isNull();

    // 3 Dec typed as 03/12: read as 3 Dec, not 12 Mar, in this US-English browser (issue 14.4)
    LocalDate thirdOfDecember = LocalDate.of(today.getYear() - 1, 12, 3);
    fillReferral(agency, thirdOfDecember, today.minusDays(1), "09:37");
    assertThat(browser.all(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText))
        .as("the next edit clears the refusal").noneMatch(error -> error.contains("cannot be in the future"));
    browser.pressSubmit(START);
    ProcessInstance instance = waitForReferral(agency);
    assertThat(localDate(instance, NotificationProcess.Vars.INCIDENT_DATE)).isEqualTo(thirdOfDecember);
    assertThat(runtime.getVariable(instance.getId(), NotificationProcess.Vars.AWARE_OF_INCIDENT_AT))
        .as("the awareness time keeps the minute typed").isEqualTo(
            Date.from(today.minusDays(1).atTime(9, 37).atZone(LONDON).toInstant()));
    String reference = instance.getBusinessKey();
    assertThat(reference).startsWith("NL-");
    // the coordinator sees the case reference and the next step, and can open it
    WebElement started = browser.waitFor(By.id("cspr-started"));
    browser.screenshot("tasklist-3-referral-started");
    assertThat(started.getText()).startsWith(reference + " started. Next: Inform the delegated safeguarding partners and senior leads (due ")
        .contains("), in My groups' tasks.");

    browser.click(By.cssSelector("#cspr-started a.cspr-started-open"));
    browser.clickText("Claim");
    browser.check("I have checked the referral");
    browser.screenshot("tasklist-4-inform-partners");
    assertThat(browser.bodyText()).contains("referred by " + agency).contains("North Lincolnshire Safeguarding Children Partnership");
    assertThat(browser.all(By.cssSelector(".fjs-form a[href*='evil.example'], .fjs-form img, .fjs-form-field-text b"))).isEmpty();
    browser.pressSubmit(COMPLETE);
    waitUntil(() -> history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(NotificationProcess.Elements.INFORM_PARTNERS).finished().count() == 1);
    browser.screenshot("tasklist-5-task-completed");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(NotificationProcess.Elements.INFORM_PARTNERS).singleResult().getAssignee()).isEqualTo("coordinator");
  }

  @Test
  void noWebappShowsTheCamunda8Banner() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      browser.login(app, "demo", "demo");
      // Camunda renders the banner into every webapp's header; our user-styles.css hides it
      assertThat(browser.waitForPresence(By.cssSelector(".ce-eol-banner")).isDisplayed()).as(app).isFalse();
    }
  }

  @Test
  void aManagerSeesOverdueCasesInTheStatutoryDeadlinesPlugin() {
    browser.login("cockpit", "manager", "manager");
    browser.waitFor(By.cssSelector(".cspr-deadlines-dashboard li[data-case]"));
    browser.screenshot("cockpit-1-dashboard");
    browser.click(By.id("cspr-deadlines-nav"));
    WebElement overdue = browser.waitFor(By.cssSelector("#cspr-deadlines-table tr[data-status='OVERDUE']"));
    assertThat(overdue.getAttribute("data-case")).matches("(NL|NEL)-\\d{4}-\\d{4}");
    assertThat(overdue.findElements(By.cssSelector(".cspr-deadline[data-status='OVERDUE']"))).isNotEmpty();
    assertThat(overdue.getText()).contains("WD overdue");
    browser.screenshot("cockpit-2-statutory-deadlines");
    browser.scrollTo(browser.waitForPresence(By.cssSelector("#cspr-deadlines-chart rect")));
    browser.screenshot("cockpit-3-deadlines-kept");

    List<String> partnerships = browser.all(By.cssSelector("#cspr-deadlines-table tbody tr")).stream()
        .map(row -> row.getAttribute("data-case").replaceAll("-.*", "")).distinct().toList();
    assertThat(partnerships).as("the manager's partnerships only").isSubsetOf("NL", "NEL").isNotEmpty();

    browser.click(By.cssSelector("#cspr-deadlines-table th[data-column='0']"));
    List<String> cases = browser.all(By.cssSelector("#cspr-deadlines-table tbody tr")).stream()
        .map(row -> row.getAttribute("data-case")).toList();
    assertThat(cases).isSorted();
  }

  @Test
  void aPartnershipsUserSeesNoOtherPartnershipsCaseInTasklistOrTheApi() {
    List<String> northLincs = history.createHistoricProcessInstanceQuery().tenantIdIn("north-lincolnshire").list()
        .stream().map(HistoricProcessInstance::getBusinessKey).toList();
    assertThat(northLincs).isNotEmpty();

    browser.login("tasklist", "cpcoordinator", "cpcoordinator");
    browser.clickText("Serious incident notification");
    browser.waitFor(By.xpath("//li[contains(@class,'task')][contains(normalize-space(.), 'CP-')]"));
    browser.screenshot("isolation-1-tasklist-cambs");
    String tasklist = browser.bodyText();
    northLincs.forEach(reference -> assertThat(tasklist).doesNotContain(reference));

    browser.open("/api/deadlines");
    String api = browser.bodyText();
    browser.screenshot("isolation-2-api-cambs");
    assertThat(api).contains("\"partnership\":\"cambridgeshire-peterborough\"").doesNotContain("north-lincolnshire");
    northLincs.forEach(reference -> assertThat(api).doesNotContain(reference));
  }

  /** The referral start form, as a coordinator fills it in (one child, seriously harmed). */
  private void fillReferral(String agency, LocalDate incident, LocalDate aware, String awareTime) {
    browser.select("Safeguarding partnership", "North Lincolnshire");
    browser.type("Referring agency", agency);
    browser.type("Your name and role", "Browser test, designated safeguarding lead");
    browser.type("Your work e-mail", "dsl@school.example");
    browser.date("Date of the incident", incident);
    browser.date("When the local authority became aware", aware);
    browser.type("Time", awareTime);
    browser.type("Age at the incident", "7");
    browser.select("Sex", "Female");
    browser.type("Ethnicity", "White British");
    browser.check("The child was seriously harmed");
    browser.radio("Is abuse or neglect known or suspected?", "Yes");
    browser.select("Where did the incident happen?", "In this partnership's area");
    browser.type("Summary of the incident", "Child admitted to hospital with unexplained injuries.");
  }

  /**
   * A second child added, its age typed and emptied (a required error), then the child removed:
   * the error must go with it (form-js 1.8 keeps it, and Start stays disabled, without the fix).
   */
  private void addAndRemoveASecondChildWithAnError() {
    browser.click(By.cssSelector(".fjs-repeat-render-add"));
    By secondAge = By.xpath("(//label[contains(@class,'fjs-form-field-label') and starts-with(normalize-space(.), 'Age at the incident')])[2]");
    WebElement age = browser.driver().findElement(By.id(browser.waitForPresence(secondAge).getAttribute("for")));
    browser.scrollTo(age);
    age.sendKeys("5");
    sleep(Duration.ofMillis(600)); // form-js debounce
    age.sendKeys(Keys.BACK_SPACE);
    browser.waitFor(By.cssSelector(".fjs-has-errors"));
    browser.click(By.cssSelector("button.fjs-repeat-row-remove[aria-label='Remove list item 2']"));
    waitUntil(() -> browser.all(By.cssSelector(".fjs-has-errors")).isEmpty()
        && browser.all(secondAge).isEmpty());
  }

  private LocalDate localDate(ProcessInstance instance, String variable) {
    return ((Date) runtime.getVariable(instance.getId(), variable)).toInstant().atZone(LONDON).toLocalDate();
  }

  private ProcessInstance referral(String agency) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
        .variableValueEquals(NotificationProcess.Vars.REFERRING_AGENCY, agency).singleResult();
  }

  private ProcessInstance waitForReferral(String agency) {
    waitUntil(() -> referral(agency) != null);
    return referral(agency);
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
