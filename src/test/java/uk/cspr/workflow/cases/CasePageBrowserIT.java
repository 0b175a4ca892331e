package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.ChromiumSession;

/**
 * Issue 18.1 in a real headless Chromium: a manager opens a demo case's page from its row on
 * Cockpit's Statutory deadlines board and finds it again with Cockpit's case search; a delegated
 * partner (no Cockpit) opens it from the task's Case tab in Tasklist; another partnership's case is
 * "not found". Same application context as {@code CaseLettersBrowserIT} (demo users and cases).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@Timeout(120)
class CasePageBrowserIT {

  private static final String NL = "north-lincolnshire";
  private static final String PARTNERSHIP = "North Lincolnshire Safeguarding Children Partnership";
  private static final List<String> SECTIONS =
      List.of("summary", "deadlines", "timeline", "decisions", "letters", "documents", "parallel-reviews", "action-plan",
          "recommendations", "briefing");
  /** Chromium for the class; a failing test leaves a screenshot of what it showed. */
  @RegisterExtension
  static final ChromiumSession CHROMIUM = new ChromiumSession();

  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = CHROMIUM.browser();
  }

  @Test
  void aManagerOpensTheCasePageFromTheDeadlinesBoardAndTheCaseSearch() {
    String reference = caseTrackingAParallelReview();
    browser.login("cockpit", "manager", "manager");
    browser.click(By.id("cspr-deadlines-nav"));
    browser.click(By.cssSelector("#cspr-deadlines-table tr[data-case='" + reference + "'] a.cspr-case-link"));

    String page = theCasePage(reference);
    assertThat(page).contains(PARTNERSHIP, "Referring agency", "Children as recorded", "Current stage",
            "Domestic homicide review", "Chair of the community safety partnership", "No action plan agreed yet.")
        .containsPattern("\\n([1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2}, [0-2][0-9]:[0-5][0-9] ")
        .contains("Flow started", "Step done")
        .containsPattern("(Met|Met late|Overdue|Due soon|On track)");
    assertThat(browser.all(By.cssSelector("#decisions tbody tr"))).as("the decisions the manager may see").isNotEmpty();
    browser.screenshot("case-page");

    // the case search of Cockpit finds it by the start of its reference
    browser.open("/camunda/app/cockpit/default/#/deadlines");
    WebElement search = browser.waitFor(By.id("cspr-case-search"));
    search.sendKeys(reference.substring(0, reference.length() - 2));
    browser.click(By.cssSelector("form.cspr-case-search button[type='submit']"));
    browser.click(By.cssSelector("#cspr-case-search-results li[data-case='" + reference + "'] a"));
    assertThat(theCasePage(reference)).contains(PARTNERSHIP);
  }

  @Test
  void aPartnerOpensTheCaseFileFromTheTasksCaseTabAndNoOtherPartnershipsCase() {
    String reference = caseAwaitingThePartnersDecision();
    browser.openCaseTab("partner", reference);
    WebElement link = browser.waitFor(By.cssSelector(".cspr-case[data-case='" + reference + "'] a.cspr-case-file"));
    assertThat(link.getText()).isEqualTo("Open the case file");
    String tasklist = browser.driver().getWindowHandle();
    link.click();
    List<String> handles = new ArrayList<>(browser.driver().getWindowHandles());
    handles.remove(tasklist);
    assertThat(handles).as("a new tab").hasSize(1);
    browser.driver().switchTo().window(handles.get(0));
    try {
      assertThat(theCasePage(reference)).contains(PARTNERSHIP, "Letters and e-mails");
      assertThat(browser.waitFor(By.cssSelector("#letters a.letter")).getText()).endsWith("(PDF)");

      String other = history.createHistoricProcessInstanceQuery().tenantIdIn("cambridgeshire-peterborough").list().get(0).getBusinessKey();
      browser.open("/cases/" + other);
      assertThat(browser.waitFor(By.id("not-found")).getText()).isEqualTo("Not found");
      assertThat(browser.bodyText()).doesNotContain("Cambridgeshire");
    } finally {
      browser.driver().close();
      browser.driver().switchTo().window(tasklist);
    }
  }

  /** The page of the case once loaded: every section there, and nothing raw (ids, codes, keys). */
  private String theCasePage(String reference) {
    browser.waitFor(By.cssSelector("main[data-case='" + reference + "']"));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/cases/" + reference);
    SECTIONS.forEach(id -> assertThat(browser.all(By.cssSelector("section#" + id))).as(id).hasSize(1));
    String text = browser.bodyText();
    assertThat(text).startsWith("Case " + reference).doesNotContain(NL, "Could not load", "undefined", "null", "[object")
        .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
        .doesNotContainPattern("\\b(seriousIncidentNotification|rapidReview|lcspr|parallelReviewInterface|nonSeriousCaseRequest)\\b")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    return text;
  }

  /** The North Lincolnshire demo case whose domestic homicide review is being tracked. */
  private String caseTrackingAParallelReview() {
    Task track = tasks.createTaskQuery().taskDefinitionKey(ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED).tenantIdIn(NL)
        .list().get(0);
    return runtime.createProcessInstanceQuery().processInstanceId(track.getProcessInstanceId()).singleResult().getBusinessKey();
  }

  /** The NL demo case whose partners' decision is open (its partners were sent Doc 2 and Doc 3). */
  private String caseAwaitingThePartnersDecision() {
    Task decide = tasks.createTaskQuery().taskDefinitionKey(NotificationProcess.Elements.RECORD_PARTNERS_DECISION)
        .taskCandidateGroup(CsprGroups.DELEGATED_PARTNERS).tenantIdIn(NL).taskUnassigned().list().get(0);
    return runtime.createProcessInstanceQuery().processInstanceId(decide.getProcessInstanceId()).singleResult().getBusinessKey();
  }
}
