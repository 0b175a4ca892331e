package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.learning.CaseThemes;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.ChromiumSession;

/**
 * Issue 14.7 in a real headless Chromium: a delegated safeguarding partner opens the task of a demo
 * case, its "Case" tab lists the case's letters and a letter opens as PDF; the demo mail sink shows
 * an e-mail's text and links to its letters. Same application context as {@link DailyToolsBrowserIT}
 * (demo users and cases; the mail sink on a free port; no job executor: the test delivers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@Timeout(90)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the letters are queued, then delivered
class CaseLettersBrowserIT {

  private static final String NL = "north-lincolnshire";
  /** Chromium for the class; a failing test leaves a screenshot of what it showed. */
  @RegisterExtension
  static final ChromiumSession CHROMIUM = new ChromiumSession();

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired CaseThemes themes;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = CHROMIUM.browser();
  }

  @Test
  @Order(1)
  void aPartnerOpensTheLettersOfTheCaseFromTheTask() {
    String reference = caseAwaitingThePartnersDecision();
    WebElement tab = theCaseTabOfThePartnersTask(reference);
    WebElement letter = browser.waitFor(By.cssSelector(".cspr-case a.cspr-letter"));
    assertThat(tab.getText()).contains("Case " + reference, "North Lincolnshire Safeguarding Children Partnership",
        "Serious incident notification " + reference, "Waiting to be sent", "Not yet")
        .doesNotContain("QUEUED", "dspNotification");
    assertThat(letter.getText()).isEqualTo("Notification of a serious child safeguarding incident (PDF)");
    assertThat(letter.getAttribute("target")).isEqualTo("_blank");
    browser.screenshot("tasklist-letters-tab");

    String href = letter.getAttribute("href");
    assertThat(fetched(href)).as("the PDF with the partner's Tasklist session").isEqualTo("200 application/pdf %PDF-");
    opensInANewTab(letter, href, "tasklist-letter-pdf");
  }

  @Test
  @Order(2)
  void theMailSinkShowsTheBodyAndOpensTheLetters() {
    String reference = caseAwaitingThePartnersDecision();
    deliverTheLettersOf(reference);
    browser.login("tasklist", "coordinator", "coordinator");
    browser.open("/mail-sink");

    WebElement mail = browser.waitFor(By.xpath("//tbody[tr[contains(@class,'mail')]/td[contains(., 'Serious incident notification "
        + reference + "')]]"));
    assertThat(mail.findElement(By.cssSelector("div.mail-body")).getText())
        .contains("Dear delegated safeguarding partners and safeguarding senior leads,", reference).doesNotContain("<p", "font-family");
    WebElement letter = mail.findElement(By.cssSelector("a.letter"));
    assertThat(letter.getText()).isEqualTo(reference + "-dspNotificationLetter.pdf");
    browser.scrollTo(mail);
    browser.screenshot("mail-sink-body-and-letters");

    String href = letter.getAttribute("href");
    opensInANewTab(letter, href, "mail-sink-letter-pdf");
    browser.open("/camunda/app/tasklist/"); // the sink page may fetch nothing (its CSP): fetch from Tasklist
    assertThat(fetched(href)).isEqualTo("200 application/pdf %PDF-");

    // the task's tab now shows when the letters went out
    assertThat(theCaseTabOfThePartnersTask(reference).getText())
        .containsPattern("\\n([1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2}, [0-2][0-9]:[0-5][0-9] Sent")
        .doesNotContain("Not yet", "SENT");
  }

  @Test
  @Order(3)
  void theTabShowsTheCasesThemesInTheEarlierCases() {
    String reference = caseAwaitingThePartnersDecision();
    String earlier = history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).tenantIdIn(NL).list()
        .stream().map(HistoricProcessInstance::getBusinessKey)
        .filter(key -> !key.equals(reference) && themes.of(key).isEmpty()).findFirst().orElseThrow();
    Instant now = ClockUtil.getCurrentTime().toInstant();
    themes.replace(reference, NL, CaseThemes.Review.RAPID_REVIEW, List.of("neglect", "young-carer"), now, "test");
    themes.replace(earlier, NL, CaseThemes.Review.RAPID_REVIEW, List.of("neglect"), now.minusSeconds(30L * 86400), "test");
    try {
      theCaseTabOfThePartnersTask(reference);
      WebElement section = browser.waitFor(By.cssSelector(".cspr-case[data-case='" + reference + "'] .cspr-case-earlier"));
      assertThat(section.getText()).startsWith("Earlier cases with the same themes")
          .containsPattern("Neglect: [1-9][0-9]* earlier cases?").contains("Young carer: no earlier case")
          .doesNotContain("young-carer");
      for (WebElement link : section.findElements(By.tagName("a"))) {
        assertThat(link.getAttribute("href")).as("each case named opens its case page").endsWith("/cases/" + link.getText());
      }
      browser.screenshot("tasklist-case-tab-earlier-cases");
    } finally {
      themes.replace(reference, NL, CaseThemes.Review.RAPID_REVIEW, List.of(), now, "test");
      themes.replace(earlier, NL, CaseThemes.Review.RAPID_REVIEW, List.of(), now, "test");
    }
  }

  /** The "Case" tab of the partners' decision task of the case, as the demo partner sees it. */
  private WebElement theCaseTabOfThePartnersTask(String reference) {
    browser.openCaseTab("partner", reference);
    browser.waitFor(By.cssSelector(".cspr-case[data-case='" + reference + "'] .cspr-letters"));
    return browser.waitFor(By.cssSelector(".cspr-case[data-case='" + reference + "']"));
  }

  /** The NL demo case whose partners' decision is open (its partners were sent Doc 2 and Doc 3). */
  private String caseAwaitingThePartnersDecision() {
    Task decide = tasks.createTaskQuery().taskDefinitionKey(NotificationProcess.Elements.RECORD_PARTNERS_DECISION)
        .taskCandidateGroup(CsprGroups.DELEGATED_PARTNERS).tenantIdIn(NL).taskUnassigned().list().get(0);
    return runtime.createProcessInstanceQuery().processInstanceId(decide.getProcessInstanceId()).singleResult().getBusinessKey();
  }

  /** The job executor is off in tests: run the case's delivery jobs, as it would. */
  private void deliverTheLettersOf(String reference) {
    List<String> deliveries = new ArrayList<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
        .processInstanceBusinessKey(reference).list().forEach(instance -> deliveries.add(instance.getId()));
    assertThat(deliveries).isNotEmpty();
    for (String instance : deliveries) {
      for (Job job : management.createJobQuery().processInstanceId(instance).list()) {
        management.executeJob(job.getId());
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Status, content type and first bytes of a GET in the page, with the browser's session. */
  private String fetched(String href) {
    Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
            + " + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))))"
            + ".catch(e => done('failed: ' + e));", href);
    return String.valueOf(result);
  }

  /** Clicking the link opens the letter in a second tab; the first stays where it was. */
  private void opensInANewTab(WebElement link, String href, String screenshot) {
    String first = browser.driver().getWindowHandle();
    browser.scrollTo(link); // Tasklist's task header may cover it otherwise
    link.click();
    long deadline = System.currentTimeMillis() + 10_000;
    while (browser.driver().getWindowHandles().size() < 2 && System.currentTimeMillis() < deadline) {
      sleep(100);
    }
    List<String> handles = new ArrayList<>(browser.driver().getWindowHandles());
    handles.remove(first);
    assertThat(handles).as("a new tab").hasSize(1);
    browser.driver().switchTo().window(handles.get(0));
    try {
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(href);
      sleep(2000); // the PDF viewer draws the first page
      browser.screenshot(screenshot);
      String page = browser.driver().getPageSource();
      assertThat(page).as("Chromium's PDF viewer, not a blocked page (crbug.com/271452)")
          .contains("chrome-extension://").doesNotContain("ERR_BLOCKED_BY_CLIENT");
    } finally {
      browser.driver().close();
      browser.driver().switchTo().window(first);
    }
  }
}
