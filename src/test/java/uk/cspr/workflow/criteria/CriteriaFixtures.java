package uk.cspr.workflow.criteria;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import uk.cspr.workflow.support.TestUsers;

/** Users, referrals and clean-up for the criteria tests (demo users exist only in profile demo). */
final class CriteriaFixtures {

  /** One password for every user these tests create; random per JVM. */
  static final String PASSWORD = UUID.randomUUID().toString();

  private CriteriaFixtures() {}

  /** Creates the user once: member of one group and of the given partnerships (tenants). */
  static String user(IdentityService identityService, String userId, String group, String... tenants) {
    return TestUsers.user(identityService, PASSWORD, userId, group, tenants);
  }

  /** A decision table as Camunda Modeler deploys it through {@code /engine-rest}. */
  static ResponseEntity<JsonNode> engineRestDeploy(TestRestTemplate caller, String fileName, String content, String tenantId) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "modeler deployment (test)");
    parts.add("deployment-source", "Camunda Modeler");
    if (tenantId != null) {
      parts.add("tenant-id", tenantId);
    }
    parts.add("data", new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return caller.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), JsonNode.class);
  }

  /** A workbench edit: the table, the partnership (null for shared) and the reason. */
  static Map<String, Object> edit(String xml, String tenant, String comment) {
    Map<String, Object> edit = new HashMap<>();
    edit.put("xml", xml);
    edit.put("tenant", tenant);
    edit.put("comment", comment);
    return edit;
  }

  /** A referral body for {@code POST /api/referrals}: a child seriously harmed, aware yesterday. */
  static Map<String, Object> referral(String partnership) {
    LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    return Map.of(
        "partnership", partnership,
        "referringAgency", "St Mary's Primary School",
        "referrerName", "J. Smith, designated safeguarding lead",
        "referrerEmail", "dsl@school.example",
        "incidentDate", today.minusDays(2).toString(),
        "awareOfIncidentAt", today.minusDays(1) + "T09:30",
        "abuseOrNeglectKnownOrSuspected", "true",
        "incidentLocation", "IN_AREA",
        "incidentSummary", "Child admitted to hospital with unexplained injuries.",
        "children", List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
  }

  /** Removes the decision versions a test deployed, so other tests see the shipped tables. */
  static void deleteDeploymentsSince(RepositoryService repositoryService, Set<String> before) {
    repositoryService.createDeploymentQuery().list().stream()
        .filter(deployment -> !before.contains(deployment.getId()))
        .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
  }

  static Set<String> deploymentIds(RepositoryService repositoryService) {
    return new HashSet<>(repositoryService.createDeploymentQuery().list().stream().map(Deployment::getId).toList());
  }
}
