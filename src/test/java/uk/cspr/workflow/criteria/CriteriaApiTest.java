package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.criteria.CriteriaFixtures.PASSWORD;
import static uk.cspr.workflow.criteria.CriteriaFixtures.edit;
import static uk.cspr.workflow.criteria.CriteriaFixtures.engineRestDeploy;
import static uk.cspr.workflow.criteria.CriteriaFixtures.user;
import static uk.cspr.workflow.criteria.TableEdits.localTimescales;
import static uk.cspr.workflow.criteria.TableEdits.replace;
import static uk.cspr.workflow.criteria.TableEdits.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.timescales.LocalTimescales;

/**
 * {@code /api/criteria} and {@code /api/cases/{ref}/decisions} on the running application, and the
 * engine-side guard for analysts' deployments through {@code /engine-rest}. Every version a test
 * deploys is deleted afterwards, so other tests in the JVM see the shipped tables.
 */
@CsprSpringBootTest
class CriteriaApiTest {

  private static final String NL = "north-lincolnshire";
  private static final String SSL_NL = "northLincolnshire_notification_sslRecommendation";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired LocalTimescales localTimescales;

  private Set<String> deploymentsBefore;
  private String analyst;

  @BeforeEach
  void setUp() {
    deploymentsBefore = CriteriaFixtures.deploymentIds(repositoryService);
    analyst = user(identityService, "criteria-analyst", "analysts", NL);
  }

  @AfterEach
  void removeTestVersions() {
    CriteriaFixtures.deleteDeploymentsSince(repositoryService, deploymentsBefore);
  }

  @Test
  void onlyAnalystsAndAdministratorsMayUseTheWorkbenchApi() {
    String manager = user(identityService, "criteria-manager", "managers", NL);
    ResponseEntity<JsonNode> forbidden = as(manager).getForEntity("/api/criteria/decisions", JsonNode.class);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(forbidden.getBody().get("message").asText()).contains("analysts and camunda-admin");
    assertThat(as(manager).postForEntity("/api/criteria/decisions/localTimescales/deployments",
        edit(shipped("localTimescales"), null, "x"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rest.getForEntity("/api/criteria/decisions", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

    String admin = user(identityService, "criteria-admin", "camunda-admin");
    JsonNode decisions = as(admin).getForObject("/api/criteria/decisions", JsonNode.class);
    assertThat(decisions.get("partnerships")).hasSize(4);
  }

  @Test
  void listsEveryContractedDecisionWithItsActiveVersionAndServesItsXml() {
    JsonNode body = as(analyst).getForObject("/api/criteria/decisions", JsonNode.class);
    assertThat(StreamSupport.stream(body.get("decisions").spliterator(), false).map(d -> d.get("key").asText()))
        .containsExactlyElementsOf(DecisionContract.KEYS);
    assertThat(body.get("partnerships")).extracting(JsonNode::asText).containsExactly(NL);
    JsonNode timescales = body.get("decisions").get(4);
    assertThat(timescales.get("partnershipSpecific").asBoolean()).isTrue();
    assertThat(timescales.get("versions").get(0).get("version").asInt()).isEqualTo(1);
    assertThat(timescales.get("versions").get(0).get("tenantId").isNull()).isTrue();

    String xml = as(analyst).getForObject("/api/criteria/decisions/localTimescales/xml?tenant=" + NL, String.class);
    assertThat(xml).contains("<decision id=\"localTimescales\"");
    assertThat(as(analyst).getForEntity("/api/criteria/decisions/noSuchDecision/xml", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void dryRunShowsWhichCasesChangeAndDeploysNothing() {
    long versions = repositoryService.createDecisionDefinitionQuery().count();
    JsonNode report = as(analyst).postForObject("/api/criteria/decisions/localTimescales/dry-run",
        edit(localTimescales(SSL_NL, 2), NL, null), JsonNode.class);

    assertThat(report.get("deployable").asBoolean()).isTrue();
    assertThat(report.get("changedCases").asInt()).isEqualTo(1);
    assertThat(report.get("active").get("tenantId").isNull()).as("no NL version yet: the shared one is active").isTrue();
    JsonNode changed = changedCases(report).get(0);
    assertThat(changed.get("name").asText()).isEqualTo("north-lincolnshire: notification.sslRecommendation");
    assertThat(changed.get("expected").get("workingDays").asInt()).isEqualTo(3);
    assertThat(changed.get("active").get("rows").get(0).get("workingDays").asInt()).isEqualTo(3);
    assertThat(changed.get("edited").get("rows").get(0).get("workingDays").asInt()).isEqualTo(2);
    assertThat(changed.get("edited").get("passes").asBoolean()).isFalse();
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(versions);
  }

  @Test
  void aPartnershipsVersionIsDeployedWithTheCommentAndUsedForThatPartnershipOnly() {
    ResponseEntity<JsonNode> created = as(analyst).postForEntity("/api/criteria/decisions/localTimescales/deployments",
        edit(localTimescales(SSL_NL, 2), NL, "  NL partners now meet within 2 working days (board minute 2026/41)  "),
        JsonNode.class);

    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode change = created.getBody();
    assertThat(change.get("tenantId").asText()).isEqualTo(NL);
    assertThat(change.get("version").asInt()).isEqualTo(1);
    assertThat(change.get("changedBy").asText()).isEqualTo(analyst);
    assertThat(change.get("changedCases").asInt()).isEqualTo(1);
    assertThat(change.get("comment").asText()).isEqualTo("NL partners now meet within 2 working days (board minute 2026/41)");
    var deployment = repositoryService.createDeploymentQuery().deploymentId(change.get("deploymentId").asText()).singleResult();
    assertThat(deployment.getName()).isEqualTo(
        "localTimescales (north-lincolnshire): NL partners now meet within 2 working days (board minute 2026/41)");
    assertThat(deployment.getSource()).isEqualTo(CriteriaWorkbench.SOURCE);
    assertThat(deployment.getTenantId()).isEqualTo(NL);

    assertThat(localTimescales.workingDays(NL, "notification.sslRecommendation")).isEqualTo(2);
    assertThat(localTimescales.workingDays("bolton", "notification.sslRecommendation")).isEqualTo(3);

    JsonNode changes = as(analyst).getForObject("/api/criteria/changes?decisionKey=localTimescales", JsonNode.class);
    assertThat(changes.get(0).get("deploymentId").asText()).isEqualTo(change.get("deploymentId").asText());
    JsonNode decisions = as(analyst).getForObject("/api/criteria/decisions", JsonNode.class);
    assertThat(decisions.get("decisions").get(4).get("versions")).hasSize(2);
  }

  @Test
  void refusedEditsAnswer422ListingTheProblemsAndTheActiveVersionStays() {
    long versions = repositoryService.createDecisionDefinitionQuery().count();
    Map<String, String> edits = Map.of(
        "The table does not parse", "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\"><decision",
        "Input expression 'step' (string) is missing or renamed",
        replace(shipped("localTimescales"), "<text>step</text>", "<text>stepName</text>"),
        "Output 'workingDays' (integer) is missing or renamed",
        replace(shipped("localTimescales"), "name=\"workingDays\"", "name=\"days\""),
        "Statutory case 'north-lincolnshire: rapidReview.signOff' would fail",
        localTimescales("northLincolnshire_rapidReview_signOff", 16));
    edits.forEach((problem, xml) -> {
      ResponseEntity<JsonNode> refused = as(analyst).postForEntity(
          "/api/criteria/decisions/localTimescales/deployments", edit(xml, null, "An edit"), JsonNode.class);
      assertThat(refused.getStatusCode()).as(problem).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
      assertThat(refused.getBody().get("error").asText()).isEqualTo("Decision refused");
      assertThat(refused.getBody().get("problems")).extracting(JsonNode::asText).anyMatch(p -> p.startsWith(problem));
    });
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(versions);
    assertThat(localTimescales.workingDays(NL, "rapidReview.signOff")).isEqualTo(15);
  }

  @Test
  void aCommentIsRequiredAndTheTenantMustFitTheDecisionAndTheUser() {
    String xml = localTimescales(SSL_NL, 2);
    assertBadRequest(edit(xml, NL, null), "comment", "localTimescales");
    assertBadRequest(edit(xml, NL, "   "), "comment", "localTimescales");
    assertBadRequest(edit(xml, NL, "x".repeat(1001)), "comment", "localTimescales");
    assertBadRequest(edit(shipped("seriousCaseCriteria"), NL, "Why"), "tenant", "seriousCaseCriteria");
    assertBadRequest(edit(xml, "narnia", "Why"), "tenant", "localTimescales");
    ResponseEntity<JsonNode> notMember = as(analyst).postForEntity(
        "/api/criteria/decisions/localTimescales/deployments", edit(xml, "bolton", "Why"), JsonNode.class);
    assertThat(notMember.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(notMember.getBody().get("message").asText()).contains("not a member of partnership 'bolton'");
  }

  @Test
  void analystsMayDeployOnlyContractedDecisionsThroughEngineRest() {
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\">"
        + "<process id=\"sneaky\" isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"start\"/></process>"
        + "</definitions>";
    ResponseEntity<JsonNode> process = engineRestDeploy(as(analyst), "sneaky.bpmn", bpmn, null);
    assertThat(process.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(process.getBody().get("message").asText()).contains("may deploy decision tables (.dmn) only");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("sneaky").count()).isZero();

    ResponseEntity<JsonNode> statutory =
        engineRestDeploy(as(analyst), "localTimescales.dmn", localTimescales("northLincolnshire_rapidReview_signOff", 16), null);
    assertThat(statutory.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(statutory.getBody().get("message").asText()).contains("Statutory case 'north-lincolnshire: rapidReview.signOff'");

    assertThat(engineRestDeploy(as(analyst), "localTimescales.dmn", localTimescales(SSL_NL, 2), "bolton").getStatusCode())
        .as("not a member of bolton").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(engineRestDeploy(as(analyst), "localTimescales.dmn", localTimescales(SSL_NL, 2), NL).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    String admin = user(identityService, "criteria-admin", "camunda-admin");
    assertThat(engineRestDeploy(as(admin), "sneaky.bpmn", bpmn, null).getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void aCaseShowsWhichVersionOfEachDecisionProducedItsResults() {
    String coordinator = user(identityService, "criteria-coordinator", "business-unit", NL);
    String older = refer(coordinator);
    as(analyst).postForEntity("/api/criteria/decisions/localTimescales/deployments",
        edit(localTimescales(SSL_NL, 2), NL, "NL: two working days"), JsonNode.class);
    String newer = refer(coordinator);

    String manager = user(identityService, "criteria-manager", "managers", NL);
    JsonNode olderDecisions = as(manager).getForObject("/api/cases/" + older + "/decisions", JsonNode.class);
    JsonNode newerDecisions = as(manager).getForObject("/api/cases/" + newer + "/decisions", JsonNode.class);
    assertThat(decisionKeys(olderDecisions)).contains("seriousCaseCriteria", "notificationDuties", "localTimescales");

    JsonNode before = sslLookup(olderDecisions);
    assertThat(before.get("tenantId").isNull()).isTrue();
    assertThat(before.get("version").asInt()).isEqualTo(1);
    assertThat(before.get("outputs").get(0).get("value").asInt()).isEqualTo(3);
    assertThat(before.get("activityId").asText()).isEqualTo("startEvent_referralReceived");
    JsonNode after = sslLookup(newerDecisions);
    assertThat(after.get("tenantId").asText()).isEqualTo(NL);
    assertThat(after.get("decisionDefinitionId").asText()).isNotEqualTo(before.get("decisionDefinitionId").asText());
    assertThat(after.get("outputs").get(0).get("value").asInt()).isEqualTo(2);
    assertThat(after.get("changeComment").asText()).isEqualTo("NL: two working days");

    assertThat(as(analyst).getForEntity("/api/cases/" + older + "/decisions", JsonNode.class).getStatusCode())
        .as("analysts of the partnership read decision history").isEqualTo(HttpStatus.OK);
    String otherManager = user(identityService, "criteria-manager-cp", "managers", "cambridgeshire-peterborough");
    assertThat(as(otherManager).getForEntity("/api/cases/" + older + "/decisions", JsonNode.class).getStatusCode())
        .as("another partnership's case").isEqualTo(HttpStatus.NOT_FOUND);
    String agencyLead = user(identityService, "criteria-agency-lead", "agency-leads", NL);
    assertThat(as(agencyLead).getForEntity("/api/cases/" + older + "/decisions", JsonNode.class).getStatusCode())
        .as("no decision history permission").isEqualTo(HttpStatus.NOT_FOUND);
  }

  private String refer(String user) {
    ResponseEntity<JsonNode> created = as(user).postForEntity("/api/referrals", CriteriaFixtures.referral(NL), JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    return created.getBody().get("caseReference").asText();
  }

  private static List<String> decisionKeys(JsonNode evaluations) {
    return StreamSupport.stream(evaluations.spliterator(), false).map(e -> e.get("decisionKey").asText()).toList();
  }

  private static JsonNode sslLookup(JsonNode evaluations) {
    return StreamSupport.stream(evaluations.spliterator(), false)
        .filter(e -> e.get("decisionKey").asText().equals("localTimescales"))
        .filter(e -> StreamSupport.stream(e.get("inputs").spliterator(), false)
            .anyMatch(input -> input.get("value").asText().equals("notification.sslRecommendation")))
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> changedCases(JsonNode report) {
    return StreamSupport.stream(report.get("cases").spliterator(), false).filter(c -> c.get("changed").asBoolean()).toList();
  }

  private void assertBadRequest(Map<String, Object> edit, String parameter, String key) {
    ResponseEntity<JsonNode> response =
        as(analyst).postForEntity("/api/criteria/decisions/" + key + "/deployments", edit, JsonNode.class);
    assertThat(response.getStatusCode()).as(parameter + " " + edit.get("tenant")).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("error").asText()).isEqualTo("Invalid parameter");
    assertThat(response.getBody().get("parameter").asText()).isEqualTo(parameter);
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }
}
