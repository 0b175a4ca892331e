package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.criteria.CriteriaFixtures.PASSWORD;
import static uk.cspr.workflow.criteria.CriteriaFixtures.edit;
import static uk.cspr.workflow.criteria.CriteriaFixtures.engineRestDeploy;
import static uk.cspr.workflow.criteria.CriteriaFixtures.user;
import static uk.cspr.workflow.criteria.TableEdits.replace;
import static uk.cspr.workflow.criteria.TableEdits.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

/**
 * Issue 15, "Decisions are FEEL only": a JUEL cell that would run an operating-system command is
 * refused by the workbench dry-run and deploy, by {@code /engine-rest} deployments (analyst and
 * administrator alike), and the engine's DMN engine cannot evaluate JUEL even if such a table were
 * stored; FEEL cannot call Java. Each payload would create a marker file; it never appears.
 */
@CsprSpringBootTest
class FeelOnlyTest {

  private static final String NL = "north-lincolnshire";
  private static final String SSL_OUTPUT =
      "<outputEntry id=\"LiteralExpression_Rule_northLincolnshire_notification_sslRecommendation_1\">\n          <text>3</text>";

  @TempDir Path dir;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfiguration engineConfiguration;

  private Set<String> deploymentsBefore;
  private String analyst;
  private Path marker;

  @BeforeEach
  void setUp() {
    deploymentsBefore = CriteriaFixtures.deploymentIds(repositoryService);
    analyst = user(identityService, "feel-analyst", "analysts", NL);
    marker = dir.resolve("pwned");
  }

  @AfterEach
  void removeTestVersions() {
    CriteriaFixtures.deleteDeploymentsSince(repositoryService, deploymentsBefore);
  }

  /** JUEL that runs {@code touch <marker>} on the host and then answers the old value, 3. */
  private String command() {
    return "${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null)"
        + ".exec(\"touch " + marker + "\") == null ? 3 : 3}";
  }

  private Map<String, String> payloads() {
    String table = shipped("localTimescales");
    return Map.of(
        "output entry", replace(table, SSL_OUTPUT,
            "<outputEntry id=\"LiteralExpression_Rule_northLincolnshire_notification_sslRecommendation_1\""
                + " expressionLanguage=\"juel\">\n          <text>" + command() + "</text>"),
        "input entry", replace(table, "<inputEntry id=\"UnaryTests_Rule_northLincolnshire_notification_sslRecommendation_1\">",
            "<inputEntry id=\"UnaryTests_Rule_northLincolnshire_notification_sslRecommendation_1\" expressionLanguage=\"juel\">"),
        "input expression", replace(table, "<inputExpression id=\"InputExpression_partnership\" typeRef=\"string\">",
            "<inputExpression id=\"InputExpression_partnership\" typeRef=\"string\" expressionLanguage=\"javascript\">"),
        "whole table", replace(table, "id=\"Definitions_localTimescales\"",
            "id=\"Definitions_localTimescales\" expressionLanguage=\"juel\""));
  }

  @Test
  void theWorkbenchDryRunRefusesEveryNonFeelCellBeforeEvaluatingIt() {
    payloads().forEach((where, xml) -> {
      JsonNode report = as(analyst).postForObject("/api/criteria/decisions/localTimescales/dry-run",
          edit(xml, NL, null), JsonNode.class);
      assertThat(report.get("deployable").asBoolean()).as(where).isFalse();
      assertThat(report.get("problems").get(0).asText()).as(where).startsWith("Only FEEL expressions are allowed");
    });
    assertThat(marker).doesNotExist();
  }

  @Test
  void theWorkbenchRefusesToDeployIt() {
    ResponseEntity<JsonNode> refused = as(analyst).postForEntity("/api/criteria/decisions/localTimescales/deployments",
        edit(payloads().get("output entry"), NL, "Quicker meetings"), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    assertThat(refused.getBody().get("problems").get(0).asText()).startsWith("Only FEEL expressions are allowed");
    assertThat(marker).doesNotExist();
  }

  @Test
  void engineRestRefusesItFromAnAnalystAndFromAnAdministrator() {
    String admin = user(identityService, "feel-admin", "camunda-admin");
    long versions = repositoryService.createDecisionDefinitionQuery().count();
    for (String user : new String[] {analyst, admin}) {
      ResponseEntity<JsonNode> refused = engineRestDeploy(as(user), "localTimescales.dmn", payloads().get("output entry"), NL);
      assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getBody().get("message").asText()).as(user).contains("Only FEEL expressions are allowed");
    }
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(versions);
    assertThat(marker).doesNotExist();
  }

  @Test
  void theEnginesDmnEngineCannotEvaluateJuelEvenIfATableGotIn() {
    assertThatThrownBy(() -> evaluateInTheEngine(payloads().get("output entry")))
        .hasStackTraceContaining("Only FEEL expressions are allowed");
    assertThat(marker).doesNotExist();
  }

  @Test
  void feelCannotCallJava() {
    String table = replace(shipped("localTimescales"), SSL_OUTPUT,
        "<outputEntry id=\"LiteralExpression_Rule_northLincolnshire_notification_sslRecommendation_1\">\n          <text>"
            + "{f: function(n) external {java: {class: \"java.lang.Integer\", method signature: \"getInteger(java.lang.String)\"}},"
            + " r: f(\"java.specification.version\")}.r</text>");
    Object answer;
    try {
      answer = evaluateInTheEngine(table);
    } catch (RuntimeException refused) {
      answer = null;
    }
    assertThat(answer).as("a Java method's answer").isNotEqualTo(Integer.getInteger("java.specification.version"));
  }

  /** The table's answer for NL's SSL recommendation step, parsed and evaluated by the engine's own DMN engine. */
  private Object evaluateInTheEngine(String xml) {
    ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) engineConfiguration;
    return engine.getCommandExecutorTxRequired().execute(context -> {
      DmnEngine dmn = engine.getDmnEngine();
      var decision = dmn.parseDecision("localTimescales", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      return dmn.evaluateDecisionTable(decision,
          Variables.putValue("partnership", NL).putValue("step", "notification.sslRecommendation")).getSingleEntry();
    });
  }

  private TestRestTemplate as(String user) {
    return rest.withBasicAuth(user, PASSWORD);
  }
}
