package uk.cspr.workflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.ChromiumSession;
import uk.cspr.workflow.support.TestUsers;

/**
 * The "Yearly figures" Cockpit page (issue 19.4, 19.5) in headless Chromium, on the demo cases:
 * a manager sees the figures of their partnerships as the API gives them and downloads the CSV and
 * the PDF with the Cockpit session; the national group sees every partnership side by side; a
 * business-unit user of one partnership can choose no other. Screenshots in target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", DemoCasesTest.WITHOUT_PROCESS_COVERAGE,
    "cspr.reports.national-group=" + YearlyFiguresBrowserIT.NATIONAL})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@Timeout(120)
class YearlyFiguresBrowserIT {

  static final String NATIONAL = "national-reviews";
  private static final By TABLE_CELLS = By.cssSelector("table.cspr-figures-table td[data-partnership]");

  @RegisterExtension
  static final ChromiumSession CHROMIUM = new ChromiumSession();

  @Autowired TestRestTemplate http;
  @Autowired IdentityService identity;
  @Autowired ObjectMapper json;

  private Browser browser;

  @BeforeEach
  void openBrowser() {
    browser = CHROMIUM.browser();
    TestUsers.user(identity, "national", "national", NATIONAL);
  }

  @Test
  void aManagerSeesTheFiguresOfTheirPartnershipsAsTheApiGivesThemAndDownloadsThem() throws Exception {
    browser.login("cockpit", "manager", "manager");
    browser.click(By.id("cspr-figures-nav"));
    browser.waitFor(By.cssSelector("svg.cspr-figures-chart rect"));
    ReportPeriod year = ReportPeriod.financialYearOf(LocalDate.now(ReportPeriod.LONDON));
    assertThat(browser.waitFor(By.id("cspr-figures-heading")).getText())
        .isEqualTo(YearlyReportPdf.DAY.format(year.from()) + " to " + YearlyReportPdf.DAY.format(year.to()));
    assertThat(options()).containsExactly("All partnerships side by side",
        "North East Lincolnshire Safeguarding Children Partnership", "North Lincolnshire Safeguarding Children Partnership");
    browser.screenshot("cockpit-4-yearly-figures");

    JsonNode api = json.readTree(http.withBasicAuth("manager", "manager")
        .getForObject("/api/reports/annual?partnership=all&from=" + year.from() + "&to=" + year.to(), String.class));
    assertThat(shownCells()).as("every figure of both partnerships, as the API gives it")
        .containsExactlyInAnyOrderElementsOf(cells(api.path("partnerships")));
    assertThat(browser.all(By.cssSelector("section.cspr-figures-section h3")).stream().map(title -> title.getAttribute("textContent")))
        .as("every section of the figures, by its title")
        .containsExactlyElementsOf(titles(api.path("partnerships").get(0)));
    assertThat(browser.bodyText()).doesNotContain("NOTIFY_AND_RAPID_REVIEW", "referralsReceived", "north-lincolnshire", "undefined", "null");

    // one partnership: the figures of the API for it, and the downloads of the same choice with the Cockpit session
    new Select(browser.waitFor(By.id("cspr-figures-partnership"))).selectByVisibleText("North Lincolnshire Safeguarding Children Partnership");
    browser.click(By.id("cspr-figures-show"));
    browser.waitFor(By.xpath("//p[@id='cspr-figures-partnerships'][.='North Lincolnshire Safeguarding Children Partnership']"));
    JsonNode northLincs = json.readTree(http.withBasicAuth("manager", "manager")
        .getForObject("/api/reports/annual?partnership=north-lincolnshire&from=" + year.from() + "&to=" + year.to(), String.class));
    assertThat(shownCells()).containsExactlyInAnyOrderElementsOf(cells(List.of(northLincs)));
    long referrals = northLincs.path("sections").path("notifications").path("referralsReceived").asLong();
    assertThat(referrals).as("the demo cases of the year").isPositive();

    Map<String, Object> csv = download("cspr-figures-csv");
    assertThat(csv.get("status")).isEqualTo(200L);
    assertThat((String) csv.get("type")).startsWith("text/csv");
    assertThat((String) csv.get("text")).startsWith("Partnership,From,To,Section,Figure,Value")
        .contains("\"North Lincolnshire Safeguarding Children Partnership\"," + year.from() + "," + year.to()
            + ",\"Referrals and notifications\",\"Referrals received\",\"" + referrals + "\"")
        .doesNotContain("North East Lincolnshire");
    Map<String, Object> pdf = download("cspr-figures-pdf");
    assertThat(pdf.get("status")).isEqualTo(200L);
    assertThat(pdf.get("type")).isEqualTo("application/pdf");
    assertThat((String) pdf.get("text")).startsWith("%PDF-");
  }

  @Test
  void theNationalGroupSeesEveryPartnershipSideBySide() {
    browser.login("cockpit", "national", "national");
    browser.click(By.id("cspr-figures-nav"));
    browser.waitFor(By.cssSelector("svg.cspr-figures-chart rect"));
    assertThat(options()).hasSize(5).first().isEqualTo("All partnerships side by side");
    List<String> columns = browser.all(By.cssSelector("table.cspr-figures-table[data-section='notifications'] th")).stream()
        .map(WebElement::getText).toList();
    assertThat(columns).containsExactly("Figure", "Bolton Safeguarding Children Partnership",
        "Cambridgeshire and Peterborough Safeguarding Children Partnership Board",
        "North East Lincolnshire Safeguarding Children Partnership", "North Lincolnshire Safeguarding Children Partnership");
    assertThat(browser.all(By.cssSelector("svg.cspr-figures-chart[data-section='notifications'] text")).stream()
        .map(text -> text.getAttribute("textContent")))
        .as("the chart's legend names the partnerships").contains("Bolton Safeguarding Children Partnership",
            "North Lincolnshire Safeguarding Children Partnership");
    browser.scrollTo(browser.waitFor(By.cssSelector("svg.cspr-figures-chart[data-section='notifications']")));
    browser.screenshot("cockpit-5-yearly-figures-side-by-side");
  }

  @Test
  void aBusinessUnitUserOfOnePartnershipCannotChooseAnother() {
    browser.login("cockpit", "coordinator", "coordinator");
    browser.click(By.id("cspr-figures-nav"));
    browser.waitFor(By.cssSelector("svg.cspr-figures-chart rect"));
    assertThat(options()).containsExactly("North Lincolnshire Safeguarding Children Partnership");
    assertThat(shownCells()).extracting(cell -> cell.get(2)).containsOnly("north-lincolnshire");

    // a choice added to the page by hand is refused by the server and the page says so plainly
    ((JavascriptExecutor) browser.driver()).executeScript(
        "const o = document.createElement('option'); o.value = 'bolton'; o.textContent = 'Bolton';"
            + "document.getElementById('cspr-figures-partnership').appendChild(o); o.selected = true;");
    browser.click(By.id("cspr-figures-show"));
    assertThat(browser.waitFor(By.cssSelector("#cspr-figures p.text-danger")).getText())
        .isEqualTo("You cannot see the figures of that partnership.");
    assertThat(browser.all(TABLE_CELLS)).isEmpty();
  }

  private List<String> options() {
    return new Select(browser.waitFor(By.id("cspr-figures-partnership"))).getOptions().stream().map(WebElement::getText).toList();
  }

  /** Each value cell of the page's tables: section, figure label, partnership, text shown. */
  @SuppressWarnings("unchecked")
  private List<List<String>> shownCells() {
    return (List<List<String>>) ((JavascriptExecutor) browser.driver()).executeScript(
        "return [...document.querySelectorAll('table.cspr-figures-table td[data-partnership]')].map(td => ["
            + "td.closest('table').dataset.section, td.closest('tr').dataset.label, td.dataset.partnership, td.textContent]);");
  }

  /** The same cells from the API's figures: a median of nothing is shown as "none to measure". */
  private static List<List<String>> cells(Iterable<JsonNode> partnerships) {
    List<List<String>> cells = new ArrayList<>();
    for (JsonNode figures : partnerships) {
      for (JsonNode table : figures.path("tables")) {
        for (JsonNode line : table.path("lines")) {
          cells.add(List.of(table.path("section").asText(), line.path("label").asText(), figures.path("partnership").asText(),
              line.path("value").isNull() ? YearlyReportPdf.NOTHING_TO_MEASURE : line.path("value").asText().replaceAll("\\.0$", "")));
        }
      }
    }
    return cells;
  }

  private static List<String> titles(JsonNode figures) {
    List<String> titles = new ArrayList<>();
    figures.path("tables").forEach(table -> titles.add(table.path("title").asText()));
    return titles;
  }

  /** Fetches the link's address in the page, as a click would, with the Cockpit session: status, type and the start of the body. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> download(String linkId) {
    return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(document.getElementById(arguments[0]).href, {credentials: 'same-origin'})"
            + ".then(r => r.text().then(t => done({status: r.status, type: r.headers.get('content-type'), text: t.slice(0, 2000)})))"
            + ".catch(e => done({status: 0, type: '', text: String(e)}));", linkId);
  }
}
