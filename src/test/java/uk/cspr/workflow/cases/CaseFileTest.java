package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestReferrals;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 18.3: a case's file as JSON for other tools, for the caller's partnerships only; found by
 * the start of its reference. A referral made on Tue 22 Dec 2026 (aware Mon 21 Dec, 09:30): the
 * Panel is to be notified within 5 working days of awareness (WT 2023 ch.4 para 12), i.e. by
 * Wed 30 Dec without Christmas Day and the Boxing Day substitute.
 */
@CsprSpringBootTest
class CaseFileTest {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String PASSWORD = UUID.randomUUID().toString();
  /** A senior lead's user id that the identity service does not know (e.g. removed since). */
  private static final String FORMER_USER = "former-senior-lead";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired Partnerships partnerships;

  private String coordinator;
  private String otherCoordinator;

  @BeforeEach
  void users() {
    coordinator = TestUsers.user(identity, PASSWORD, "file-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    otherCoordinator = TestUsers.user(identity, PASSWORD, "file-cp-coordinator", CsprGroups.BUSINESS_UNIT, CP);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theFileTellsTheCasesStoryWithEveryDeadlineMetLateOrOpen() throws IOException {
    ProcessInstance instance = referralDecidedForTheNotification();
    EngineClock.setTo("2026-12-31T10:00"); // the Panel's deadline passed last night
    Jobs.executeDue(management, instance.getId());

    JsonNode file = file(coordinator, instance.getBusinessKey()).getBody();

    assertThat(file.get("partnershipName").asText()).isEqualTo(partnerships.get(NL).name());
    assertThat(file.at("/summary/referringAgency").asText()).isEqualTo("St Mary's Primary School");
    assertThat(file.at("/summary/children")).hasSize(1);
    assertThat(fieldNames(file.at("/summary/children/0"))).as("the facts the referral form records of a child, no names")
        .contains("age", "sex", "ethnicity", "seriouslyHarmed")
        .isSubsetOf("age", "sex", "ethnicity", "disability", "died", "seriouslyHarmed", "lookedAfter", "careLeaver",
            "childProtectionPlan", "educatedOtherwiseThanAtSchool");
    assertThat(file.at("/summary/children/0/age").asInt()).isEqualTo(7);
    assertThat(file.at("/summary/outcome").asText()).as("the outcome by the label people chose it by")
        .isEqualTo(optionLabel("recordPartnersDecision", "NOTIFY_AND_RAPID_REVIEW"));
    assertThat(file.get("stage").asText()).contains("Notify the Panel");
    assertThat(file.get("flows")).anySatisfy(flow -> {
      assertThat(flow.get("processKey").asText()).isEqualTo("seriousIncidentNotification");
      assertThat(flow.get("open").asBoolean()).isTrue();
    });

    List<String> timeline = new ArrayList<>();
    file.get("timeline").forEach(event -> timeline.add(event.get("kind").asText() + " | " + event.get("what").asText()
        + " | " + event.path("who").asText("") + " | " + event.path("whoName").asText("")));
    assertThat(timeline.get(0)).as("who by user id and by name").startsWith("flow started | ")
        .endsWith("| " + coordinator + " | " + coordinator + " Test");
    assertThat(timeline).anyMatch(e -> e.startsWith("step done | Inform") && e.endsWith("| " + coordinator + " | " + coordinator + " Test"))
        .as("a user the identity service no longer knows: by id").anyMatch(e -> e.startsWith("step done | ")
            && e.endsWith("| " + FORMER_USER + " | " + FORMER_USER))
        .anyMatch(e -> e.startsWith("deadline passed | "))
        .anyMatch(e -> e.startsWith("decision | "));
    List<String> times = new ArrayList<>();
    file.get("timeline").forEach(event -> times.add(event.get("at").asText()));
    assertThat(times).as("in the order it happened").isSorted();

    JsonNode notify = deadline(file, "Notify the Panel");
    assertThat(notify.get("dueAt").asText()).isEqualTo(EngineClock.endOf("2026-12-30").toInstant().toString());
    assertThat(notify.get("status").asText()).isEqualTo("OVERDUE");
    assertThat(notify.get("workingDays").asInt()).as("one working day late (31 Dec)").isEqualTo(-1);
    JsonNode inform = deadline(file, "Inform");
    assertThat(inform.get("status").asText()).isEqualTo("MET");
    assertThat(inform.get("doneAt").asText()).isNotBlank();

    ResponseEntity<JsonNode> added = rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/cases/"
        + instance.getBusinessKey() + "/documents", TestDocuments.upload("Agency report.pdf", TestDocuments.pdf("Report"), null),
        JsonNode.class);
    assertThat(added.getStatusCode()).as(String.valueOf(added.getBody())).isEqualTo(HttpStatus.CREATED);
    JsonNode document = file(coordinator, instance.getBusinessKey()).getBody().at("/documents/0");
    assertThat(document.get("addedBy").asText() + " | " + document.get("addedByName").asText()).as("who added it, by id and by name")
        .isEqualTo(coordinator + " | " + coordinator + " Test");

    JsonNode log = rest.withBasicAuth(coordinator, PASSWORD)
        .getForEntity("/api/cases/" + instance.getBusinessKey() + "/correspondence", JsonNode.class).getBody();
    assertThat(file.get("correspondence")).as("the letters as the case's correspondence log lists them").isNotEmpty().isEqualTo(log);
    assertThat(file.at("/correspondence/0/attachments/0/url").asText())
        .startsWith("/api/cases/" + instance.getBusinessKey() + "/correspondence/");
  }

  @Test
  void anotherPartnershipsCaseIsNotFoundAndSearchFindsOnlyTheCallersCases() {
    ProcessInstance instance = referralDecidedForTheNotification();
    String reference = instance.getBusinessKey();

    assertThat(file(otherCoordinator, reference).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(file(coordinator, "NL-1900-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    assertThat(search(coordinator, reference.substring(0, 7)).getBody()).anySatisfy(found -> {
      assertThat(found.get("caseReference").asText()).isEqualTo(reference);
      assertThat(found.get("partnershipName").asText()).isEqualTo(partnerships.get(NL).name());
    });
    assertThat(search(otherCoordinator, reference.substring(0, 7)).getBody()).isEmpty();
    assertThat(search(coordinator, "NL%").getStatusCode()).as("no wildcards").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(rest.getForEntity("/api/cases/" + reference, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void theCasePageHasAStableAddressHoldsNoDataAndReadsTheFileWithTheCallersRights() {
    ProcessInstance instance = referralDecidedForTheNotification();
    String reference = instance.getBusinessKey();

    ResponseEntity<String> page = rest.getForEntity("/cases/" + reference, String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(page.getBody()).as("a static page: the data comes from the API, with the caller's rights")
        .contains("<script type=\"module\" src=\"../case/case.js\"></script>").doesNotContain(reference, "<script>");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).as("no inline script, nothing from elsewhere")
        .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    assertThat(rest.getForEntity("/case/case.js", String.class).getBody()).contains("textContent").doesNotContain("innerHTML");
    assertThat(rest.getForEntity("/scripts/page.js", String.class).getBody()).as("what the pages share builds text nodes only")
        .contains("createTextNode").doesNotContain("innerHTML");

    assertThat(rest.getForEntity("/api/cases/" + reference, String.class).getStatusCode()).as("anonymous")
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(file(otherCoordinator, reference).getStatusCode()).as("another partnership's case")
        .isEqualTo(HttpStatus.NOT_FOUND);
    JsonNode file = file(coordinator, reference).getBody();
    assertThat(file.get("parallelReviews").isArray()).isTrue();
    assertThat(file.get("actionPlan").isArray()).as("the LCSPR's plan only, not the rapid review's text").isTrue();
    assertThat(file.get("decisions")).allSatisfy(decision -> assertThat(decision.get("outputs"))
        .allSatisfy(output -> assertThat(output.get("label").asText()).as("the table's label of the output").isNotBlank()));
  }

  /** Referred by the coordinator; partners informed by them; the SSL's recommendation by a former user; outcome (a): the Panel is to be notified. */
  private ProcessInstance referralDecidedForTheNotification() {
    EngineClock.setTo("2026-12-22T10:00");
    Map<String, Object> referral = TestReferrals.referral(NL, "2026-12-21T09:30");
    ResponseEntity<JsonNode> created = rest.withBasicAuth(coordinator, PASSWORD).postForEntity("/api/referrals", referral, JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    ProcessInstance instance = runtime.createProcessInstanceQuery()
        .processInstanceId(created.getBody().get("processInstanceId").asText()).singleResult();
    Task inform = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(INFORM_PARTNERS).singleResult();
    tasks.claim(inform.getId(), coordinator);
    tasks.complete(inform.getId(), Map.of("partnersInformedConfirmed", true));
    tasks.claim(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(RECORD_SSL_RECOMMENDATION)
        .singleResult().getId(), FORMER_USER);
    TaskSteps.complete(tasks, instance, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NOTIFY_AND_RAPID_REVIEW",
        "sslRationale", "Criteria met");
    TaskSteps.complete(tasks, instance, RECORD_PARTNERS_DECISION, "laVote", "NOTIFY_AND_RAPID_REVIEW",
        "policeVote", "NOTIFY_AND_RAPID_REVIEW", "icbVote", "NOTIFY_AND_RAPID_REVIEW", "outcomeRationale", "Unanimous");
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(NOTIFY_PANEL).count()).isOne();
    return instance;
  }

  private ResponseEntity<JsonNode> file(String user, String reference) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + reference, JsonNode.class);
  }

  private ResponseEntity<JsonNode> search(String user, String query) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases?query=" + query, JsonNode.class);
  }

  private static JsonNode deadline(JsonNode file, String stepStart) {
    for (JsonNode deadline : file.get("deadlines")) {
      if (deadline.get("step").asText().startsWith(stepStart)) {
        return deadline;
      }
    }
    throw new AssertionError("no deadline for '" + stepStart + "' in " + file.get("deadlines"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The label the form gives a coded answer (read from the form, so a relabelling is followed). */
  private static String optionLabel(String form, String code) throws IOException {
    JsonNode schema = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
    for (JsonNode option : schema.findValues("values")) {
      for (JsonNode value : option) {
        if (value.path("value").asText().equals(code)) {
          return value.get("label").asText();
        }
      }
    }
    throw new AssertionError(code + " has no label in " + form);
  }
}
