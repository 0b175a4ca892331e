package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static uk.cspr.workflow.criteria.CriteriaFixtures.PASSWORD;
import static uk.cspr.workflow.criteria.CriteriaFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * The criteria workbench in Chromium: an analyst of North Lincolnshire signs in, changes the
 * partnership's working days for the SSL recommendation in the {@code localTimescales} table, sees
 * the regression diff, deploys with a comment; a case referred afterwards uses the new version
 * while an older case's decision history still shows the old one (audit endpoint). Screenshots go
 * to {@code target/screenshots/}.
 */
@CsprSpringBootTest
class CriteriaWorkbenchIT {

  // The same binaries, and the same -Dcspr.chromium / -Dcspr.chromedriver overrides, as support.Browser
  private static final Path CHROMIUM = Path.of(Browser.CHROMIUM);
  private static final Path CHROMEDRIVER = Path.of(Browser.CHROMEDRIVER);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String NL = "north-lincolnshire";
  private static final String RULE = "Rule_northLincolnshire_notification_sslRecommendation";
  private static final String CASE = "north-lincolnshire: notification.sslRecommendation";

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;

  private ChromeDriver browser;
  private WebDriverWait wait;
  private Path profile;
  private Set<String> deploymentsBefore;

  @BeforeEach
  void startBrowser() throws IOException {
    assumeTrue(Browser.available(), Browser.SKIPPED);
    assumeTrue(getClass().getResource("/static/workbench/workbench.js") != null,
        "Skipped: the workbench bundle was not built (built by the Maven front-end step; -DskipFrontend skips it)");
    deploymentsBefore = CriteriaFixtures.deploymentIds(repositoryService);
    profile = Files.createTempDirectory("cspr-workbench-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
    if (deploymentsBefore != null) {
      CriteriaFixtures.deleteDeploymentsSince(repositoryService, deploymentsBefore);
    }
  }

  @Test
  void analystChangesAPartnershipsTimescaleAndNewCasesUseTheNewVersion() {
    String analyst = user(identityService, "workbench-analyst", "analysts", NL);
    String coordinator = user(identityService, "workbench-coordinator", "business-unit", NL);
    String manager = user(identityService, "workbench-manager", "managers", NL);
    String olderCase = refer(coordinator);

    signIn(analyst);
    new Select(browser.findElement(By.id("decision"))).selectByValue("localTimescales");
    new Select(browser.findElement(By.id("tenant"))).selectByValue(NL);
    assertThat(browser.findElement(By.id("activeInfo")).getText()).contains("version 1 (shared)");
    browser.findElement(By.id("load")).click();
    WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("td.output-cell[data-row-id='" + RULE + "']")));
    assertThat(cell.getText()).isEqualTo("3");
    screenshot("1-opened");

    editCell(cell, "2");
    screenshot("2-edited");
    browser.findElement(By.id("dryRun")).click();
    WebElement changed = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#diff tr.changed[data-case='" + CASE + "']")));
    assertThat(browser.findElement(By.id("summary")).getText())
        .startsWith("1 of 43 regression cases change their result")
        .contains("The edit may be deployed.");
    assertThat(changed.findElements(By.tagName("td"))).extracting(WebElement::getText)
        .containsExactly(CASE, "no", "workingDays = 3", "workingDays = 3", "workingDays = 2");
    screenshot("3-regression-diff");

    browser.findElement(By.id("comment")).sendKeys("NL partners agreed to meet within 2 working days (test)");
    browser.findElement(By.id("deployButton")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deployResult"), "Deployed localTimescales version 1"));
    assertThat(browser.findElement(By.id("deployResult")).getText()).contains("(north-lincolnshire)");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changes"), "NL partners agreed"));
    assertThat(browser.findElement(By.id("activeInfo")).getText()).contains("version 1 (north-lincolnshire)");
    screenshot("4-deployed");

    String newerCase = refer(coordinator);
    JsonNode before = sslLookup(manager, olderCase);
    JsonNode after = sslLookup(manager, newerCase);
    assertThat(before.get("tenantId").isNull()).as("older case: the shared version").isTrue();
    assertThat(before.get("outputs").get(0).get("value").asInt()).isEqualTo(3);
    assertThat(after.get("tenantId").asText()).as("newer case: the partnership's new version").isEqualTo(NL);
    assertThat(after.get("version").asInt()).isEqualTo(1);
    assertThat(after.get("outputs").get(0).get("value").asInt()).isEqualTo(2);
    assertThat(after.get("changeComment").asText()).isEqualTo("NL partners agreed to meet within 2 working days (test)");
  }

  @Test
  void aStatutoryChangeIsRefusedInThePageAndNothingIsDeployed() {
    String analyst = user(identityService, "workbench-analyst", "analysts", NL);
    signIn(analyst);
    new Select(browser.findElement(By.id("decision"))).selectByValue("localTimescales");
    browser.findElement(By.id("load")).click();
    WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("td.output-cell[data-row-id='Rule_northLincolnshire_rapidReview_signOff']")));
    editCell(cell, "16");
    browser.findElement(By.id("dryRun")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("summary"), "would be refused"));
    assertThat(browser.findElement(By.id("problems")).getText())
        .contains("Statutory case 'north-lincolnshire: rapidReview.signOff' would fail");
    browser.findElement(By.id("comment")).sendKeys("Try a longer sign-off");
    browser.findElement(By.id("deployButton")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("deployResult"), "Not deployed"));
    assertThat(browser.findElement(By.id("deployProblems")).getText()).contains("rapidReview.signOff");
    screenshot("5-refused");
    assertThat(CriteriaFixtures.deploymentIds(repositoryService)).isEqualTo(deploymentsBefore);
  }

  private void signIn(String userId) {
    browser.get("http://localhost:" + port + "/workbench/");
    browser.findElement(By.id("user")).sendKeys(userId);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("signIn")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("app")));
  }

  /** A click opens dmn-js's FEEL editor in the cell; leaving the cell commits the text typed. */
  private void editCell(WebElement cell, String text) {
    cell.findElement(By.cssSelector(".content-editable")).click();
    WebElement editor = wait.until(ExpectedConditions.visibilityOf(cell.findElement(By.cssSelector(".cm-content"))));
    new Actions(browser).click(editor).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(text).perform();
    browser.findElement(By.tagName("h1")).click(); // leave the cell: dmn-js commits the edit
    wait.until(ExpectedConditions.textToBePresentInElement(cell, text));
  }

  private String refer(String coordinator) {
    ResponseEntity<JsonNode> created = rest.withBasicAuth(coordinator, PASSWORD)
        .postForEntity("/api/referrals", CriteriaFixtures.referral(NL), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("caseReference").asText();
  }

  /** The case's evaluation of {@code localTimescales} for the SSL recommendation step. */
  private JsonNode sslLookup(String user, String caseReference) {
    JsonNode evaluations =
        rest.withBasicAuth(user, PASSWORD).getForObject("/api/cases/" + caseReference + "/decisions", JsonNode.class);
    return StreamSupport.stream(evaluations.spliterator(), false)
        .filter(e -> e.get("decisionKey").asText().equals("localTimescales"))
        .filter(e -> e.get("inputs").toString().contains("notification.sslRecommendation"))
        .findFirst()
        .orElseThrow();
  }

  private void screenshot(String name) {
    try {
      Files.write(SCREENSHOTS.resolve("workbench-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
