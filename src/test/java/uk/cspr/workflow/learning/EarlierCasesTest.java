package uk.cspr.workflow.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 19.2, "references for those allowed to read them": {@code GET
 * /api/cases/{ref}/earlier-cases} counts, for each of the case's themes, the partnership's earlier
 * cases of the last 3 years, and names only those the caller may read.
 */
@CsprSpringBootTest
class EarlierCasesTest {

  private static final String NL = "north-lincolnshire";
  private static final String CP = "cambridgeshire-peterborough";
  private static final String PASSWORD = UUID.randomUUID().toString();

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired CaseThemes themes;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void eachThemeCountsTheEarlierCasesAndNamesThoseTheCallerMayRead() {
    EngineClock.setTo("2027-03-01T10:00"); // themes no other test records, so the counts are this test's own
    String thisCase = start(NL, true); // a statutory review: its first step is the senior leads' (commission the reviewer)
    String lastYear = start(NL, false); // non-statutory: the business unit's (the family's consent), not the senior leads'
    String fourYearsAgo = start(NL, false);
    String elsewhere = start(CP, false);
    Instant now = Instant.parse("2027-03-01T10:00:00Z");
    themes.replace(thisCase, NL, CaseThemes.Review.RAPID_REVIEW, List.of("criminal-exploitation", "extra-familial-harm"), now, "test");
    themes.replace(lastYear, NL, CaseThemes.Review.LCSPR, List.of("criminal-exploitation"), now.minusSeconds(365L * 86400), "test");
    themes.replace(fourYearsAgo, NL, CaseThemes.Review.RAPID_REVIEW, List.of("criminal-exploitation"), now.minusSeconds(4 * 365L * 86400), "test");
    themes.replace(elsewhere, CP, CaseThemes.Review.RAPID_REVIEW, List.of("criminal-exploitation", "extra-familial-harm"), now, "test");

    String coordinator = TestUsers.user(identity, PASSWORD, "earlier-coordinator", CsprGroups.BUSINESS_UNIT, NL);
    JsonNode seen = get(coordinator, thisCase).getBody();
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).path("theme").asText()).isEqualTo("Child criminal exploitation (including county lines)");
    assertThat(seen.get(0).path("earlierCases").asInt()).as("last year's case; not one of four years ago, nor another partnership's")
        .isEqualTo(1);
    assertThat(seen.get(0).path("references").get(0).asText()).isEqualTo(lastYear);
    assertThat(seen.get(1).path("theme").asText()).isEqualTo("Serious violence and other harm outside the home");
    assertThat(seen.get(1).path("earlierCases").asInt()).isZero();

    // a senior lead sees this case through a step of theirs, but may not read the earlier case: counted, not named
    String seniorLead = TestUsers.user(identity, PASSWORD, "earlier-senior-lead", CsprGroups.SENIOR_LEADS, NL);
    JsonNode counted = get(seniorLead, thisCase).getBody();
    assertThat(counted.get(0).path("earlierCases").asInt()).isEqualTo(1);
    assertThat(counted.get(0).path("references")).isEmpty();

    String otherCoordinator = TestUsers.user(identity, PASSWORD, "earlier-cp-coordinator", CsprGroups.BUSINESS_UNIT, CP);
    assertThat(get(otherCoordinator, thisCase).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(coordinator, "NL_2027_0001").getStatusCode()).as("what cannot be a case reference: as an unknown case")
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<JsonNode> get(String user, String reference) {
    return rest.withBasicAuth(user, PASSWORD).getForEntity("/api/cases/" + reference + "/earlier-cases", JsonNode.class);
  }

  private String start(String partnership, boolean statutory) {
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", partnership);
    values.put("statutory", statutory);
    values.put("lcsprDecidedAt", "2027-02-15T10:00");
    values.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
    values.put("keyLinesOfEnquiry", "How agencies shared information about the family.");
    values.put("notifiedToYjb", false);
    return runtime.startProcessInstanceByKey(LcsprProcess.KEY, values).getBusinessKey();
  }
}
