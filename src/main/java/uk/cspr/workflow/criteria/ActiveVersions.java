package uk.cspr.workflow.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The deployed versions the flows use: the latest version of a decision, the partnership's own
 * (deployed with its tenant id) where there is one, else the shared one (as {@code
 * LocalTimescales} resolves it). Queries run as the caller, so the engine's authorization and
 * tenant checks apply.
 */
@Component
class ActiveVersions {

  /** One deployed version of a decision. */
  record Version(
      String decisionKey,
      String decisionDefinitionId,
      int version,
      String tenantId,
      String deploymentId,
      String deploymentName,
      String deploymentSource,
      Instant deployedAt) {}

  private final RepositoryService repositoryService;

  ActiveVersions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The version the flows of the partnership use ({@code tenantId} null: the shared version). */
  Version active(String decisionKey, String tenantId) {
    Optional<DecisionDefinition> own = tenantId == null ? Optional.empty() : latest(decisionKey, tenantId);
    return own.or(() -> latest(decisionKey, null))
        .map(this::version)
        .orElseThrow(() -> new NotFoundException("Decision '" + decisionKey + "' has no deployed version"));
  }

  /** The latest shared version and every partnership's own latest version the caller may see. */
  List<Version> latestVersions(String decisionKey) {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion().list()
        .stream()
        .map(this::version)
        .sorted(Comparator.comparing(Version::tenantId, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  String xml(Version version) {
    try (InputStream in = repositoryService.getDecisionModel(version.decisionDefinitionId())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<DecisionDefinition> latest(String decisionKey, String tenantId) {
    DecisionDefinitionQuery query =
        repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey).latestVersion();
    return Optional.ofNullable(
        (tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId)).singleResult());
  }

  private Version version(DecisionDefinition definition) {
    Deployment deployment =
        repositoryService.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return new Version(
        definition.getKey(),
        definition.getId(),
        definition.getVersion(),
        definition.getTenantId(),
        definition.getDeploymentId(),
        deployment == null ? null : deployment.getName(),
        deployment == null ? null : deployment.getSource(),
        deployment == null || deployment.getDeploymentTime() == null ? null : deployment.getDeploymentTime().toInstant());
  }
}
