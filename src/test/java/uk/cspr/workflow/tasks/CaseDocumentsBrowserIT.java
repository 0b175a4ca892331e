package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.MultiValueMap;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.Browser;

/**
 * Issue 18.2 in a real headless Chromium: Tasklist's forms have no file field, so a delegated
 * safeguarding partner adds a PDF to their task's step from the task's "Case" tab (the login
 * session and Tasklist's CSRF token, no other credentials) and sees it listed with a link that
 * downloads it. Same application context as {@link CaseLettersBrowserIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.port=0", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@Timeout(90)
class CaseDocumentsBrowserIT {

  private static final String NL = "north-lincolnshire";
  private static Browser browser;

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  @BeforeAll
  static void available() {
    assumeTrue(Browser.available(), Browser.SKIPPED);
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  @Test
  void aPartnerAddsAPdfToTheirStepFromTheCaseTab(@TempDir Path folder) throws IOException {
    browser = new Browser("http://localhost:" + port);
    Task decide = tasks.createTaskQuery().taskDefinitionKey(NotificationProcess.Elements.RECORD_PARTNERS_DECISION)
        .taskCandidateGroup(CsprGroups.DELEGATED_PARTNERS).tenantIdIn(NL).taskUnassigned().list().get(0);
    String reference = runtime.createProcessInstanceQuery().processInstanceId(decide.getProcessInstanceId()).singleResult()
        .getBusinessKey();
    Path pdf = Files.write(folder.resolve("Police chronology.pdf"), TestDocuments.pdf("Chronology of Humberside Police"));

    browser.openCaseTab("partner", reference);
    String tab = ".cspr-case[data-case='" + reference + "'] ";
    browser.waitFor(By.cssSelector(tab + ".cspr-no-documents"));

    browser.waitForPresence(By.cssSelector(tab + "input.cspr-document-file")).sendKeys(pdf.toString());
    browser.click(By.cssSelector(tab + "button.cspr-document-upload"));

    WebElement link = browser.waitFor(By.cssSelector(tab + "table.cspr-documents a.cspr-document"));
    assertThat(link.getText()).isEqualTo("Police chronology.pdf");
    WebElement row = link.findElement(By.xpath("ancestor::tr"));
    assertThat(row.getText()).contains("PDF, 1 KB", decide.getName().replaceFirst("^.* · ", "").replaceFirst(" — due .*", ""), "Pat Partner")
        .containsPattern("([1-9]|[12][0-9]|3[01]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2}, [0-2][0-9]:[0-5][0-9]");
    assertThat(browser.waitFor(By.cssSelector(tab + ".cspr-document-message")).getText())
        .isEqualTo("Police chronology.pdf was added to this step.");
    browser.scrollTo(row);
    browser.screenshot("tasklist-documents-tab");

    Object fetched = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer().then(b => done(r.status + ' '"
            + " + r.headers.get('content-type') + ' ' + String.fromCharCode(...new Uint8Array(b).slice(0, 5)))))"
            + ".catch(e => done('failed: ' + e));", link.getAttribute("href"));
    assertThat(fetched).as("the document with the partner's Tasklist session").isEqualTo("200 application/pdf %PDF-");

    // the login cookie alone, as a cross-site form would send it, or with a guessed token, adds nothing
    String session = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
    String token = browser.driver().manage().getCookieNamed("XSRF-TOKEN").getValue();
    assertThat(withSession(reference, decide.getId(), session, null)).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(withSession(reference, decide.getId(), session, "guessed")).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(withSession(reference, decide.getId(), session, token)).isEqualTo(HttpStatus.CREATED);
    JsonNode file = rest.withBasicAuth("partner", "partner").getForObject("/api/cases/" + reference, JsonNode.class);
    assertThat(file.get("documents")).as("the browser's and the one with the session's token").hasSize(2);
  }

  private HttpStatusCode withSession(String reference, String taskId, String sessionCookie, String csrfToken) {
    HttpEntity<MultiValueMap<String, Object>> upload = TestDocuments.upload("forged.pdf", TestDocuments.pdf("forged"), taskId);
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(upload.getHeaders());
    headers.add(HttpHeaders.COOKIE, sessionCookie);
    if (csrfToken != null) {
      headers.add("X-XSRF-TOKEN", csrfToken);
    }
    return rest.postForEntity("/api/cases/" + reference + "/documents", new HttpEntity<>(upload.getBody(), headers), String.class)
        .getStatusCode();
  }
}
