package uk.cspr.workflow.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 19.3 and 19.1 through the API: {@code GET /api/cases/{ref}/briefing} answers the PDF to
 * whoever may read the case file and 404 to another partnership, exactly as for an unknown case or
 * a review not yet published; the case file lists the recommendations with their actions and the
 * briefing's sharings with who recorded them.
 */
@CsprSpringBootTest
class BriefingApiTest {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theBriefingIsForThoseWhoMayReadTheCaseAndTheFileShowsRecommendationsAndSharings() throws IOException {
    String coordinator = TestUsers.user(identity, PASSWORD, "briefing-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    String otherCoordinator = TestUsers.user(identity, PASSWORD, "briefing-cp-coordinator", CsprGroups.BUSINESS_UNIT, CP);
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance review = start();
    String reference = review.getBusinessKey();
    toStep(review, LcsprProcess.Elements.SUBMIT_FINAL_REPORT);
    complete(review, LcsprProcess.Elements.SUBMIT_FINAL_REPORT, Map.of("finalReportReference", "DOC-FINAL-1",
        "finalReportChanges", "None", "caseThemes", List.of("neglect"), Recommendations.RECOMMENDATIONS, List.of(
            Map.of("recommendation", "Strategy meetings include the health visitor", "owner", "Designated nurse, ICB",
                "dueDate", "2027-12-01"),
            Map.of("recommendation", "A new screening tool", "owner", "Head of service, children's services",
                "dueDate", "2027-12-01", "status", "NOT_ACCEPTED", "reason", "The neglect strategy has one"))));
    assertThat(briefing(coordinator, reference).getStatusCode()).as("not published yet").isEqualTo(HttpStatus.NOT_FOUND);

    toStep(review, LcsprProcess.Elements.PUBLISH_REPORT);
    EngineClock.setTo("2027-07-15T12:00");
    complete(review, LcsprProcess.Elements.PUBLISH_REPORT, Map.of("publishedAt", "2027-07-15",
        "publicationUrl", "https://www.northlincscmars.co.uk/reviews/nl-review", "reviewerNamedInPublication", true));

    ResponseEntity<byte[]> pdf = briefing(coordinator, reference);
    assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getCacheControl()).contains("no-store");
    assertThat(text(pdf.getBody())).contains(reference, "R1: Strategy meetings include the health visitor")
        .doesNotContain(NL, "unexplained injuries");
    assertThat(briefing(otherCoordinator, reference).getStatusCode()).as("another partnership's case")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(briefing(coordinator, "NL-1900-0001").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForEntity("/api/cases/" + reference + "/briefing", byte[].class).getStatusCode())
        .as("not signed in").isEqualTo(HttpStatus.UNAUTHORIZED);

    complete(review, LcsprProcess.Elements.AGREE_ACTION_PLAN, Map.of("actionPlanSmart", true, "actionPlan", List.of(
        Map.of("action", "Audit strategy meeting attendance", "owner", "Head of safeguarding, Police", "dueDate", "2027-12-01",
            "recommendation", "R1"))));
    Task share = task(review, LcsprProcess.Elements.SHARE_LEARNING);
    tasks.setAssignee(share.getId(), coordinator);
    tasks.complete(share.getId(), Map.of(BriefingContent.SHARINGS, List.of(Map.of("audience", "Humberside Police safeguarding forum",
        "method", "MEETING_OR_FORUM", "sharedOn", "2027-07-15"))));

    JsonNode file = rest.withBasicAuth(coordinator, PASSWORD).getForEntity("/api/cases/" + reference, JsonNode.class).getBody();
    assertThat(file.path("recommendations")).hasSize(2);
    assertThat(file.path("recommendations").path(0).path("number").asText()).isEqualTo("R1");
    assertThat(file.path("recommendations").path(0).path("status").asText()).isEqualTo("OPEN");
    assertThat(file.path("recommendations").path(0).path("actions").path(0).asText()).isEqualTo("Audit strategy meeting attendance");
    assertThat(file.path("recommendations").path(1).path("reason").asText()).isEqualTo("The neglect strategy has one");
    assertThat(file.path("recommendations").path(1).path("actions")).isEmpty();
    assertThat(file.path("briefing").path("pdf").asText()).isEqualTo("/api/cases/" + reference + "/briefing");
    JsonNode sharing = file.path("briefing").path("sharings").path(0);
    assertThat(sharing.path("audience").asText() + " | " + sharing.path("method").asText() + " | "
        + sharing.path("sharedOn").asText() + " | " + sharing.path("recordedBy").asText())
        .isEqualTo("Humberside Police safeguarding forum | MEETING_OR_FORUM | 2027-07-15 | " + coordinator);
  }

  private ProcessInstance start() {
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", NL);
    values.put("statutory", true);
    values.put("lcsprDecidedAt", "2027-01-15T10:00");
    values.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
    values.put("keyLinesOfEnquiry", "How agencies shared information about the family.");
    values.put("notifiedToYjb", false);
    return runtime.startProcessInstanceByKey(LcsprProcess.KEY, values);
  }

  /** Moves the review to step {@code to} (the steps between are tested in LcsprProcessTest). */
  private void toStep(ProcessInstance review, String to) {
    ActivityInstance now = runtime.getActivityInstance(review.getId());
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(review.getId());
    if (to.equals(LcsprProcess.Elements.PUBLISH_REPORT)) {
      modification = modification.startBeforeActivity(LcsprProcess.Elements.PUBLICATION_NOT_PAUSED);
    }
    modification = modification.startBeforeActivity(to);
    for (ActivityInstance waiting : now.getChildActivityInstances()) {
      modification = modification.cancelActivityInstance(waiting.getId());
    }
    modification.execute();
  }

  private Task task(ProcessInstance review, String key) {
    return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
  }

  private void complete(ProcessInstance review, String key, Map<String, Object> values) {
    tasks.complete(task(review, key).getId(), values);
  }

  private ResponseEntity<byte[]> briefing(String user, String reference) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + reference + "/briefing", byte[].class);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }
}
