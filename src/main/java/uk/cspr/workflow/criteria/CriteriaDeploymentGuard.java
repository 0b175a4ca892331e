package uk.cspr.workflow.criteria;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import uk.cspr.workflow.security.CsprGroups;

/**
 * Engine-side guard for analysts' deployments, wherever they come from (workbench, Camunda Modeler
 * through {@code /engine-rest}): Camunda's DEPLOYMENT CREATE permission cannot be limited by
 * resource type, so a new deployment by a member of {@code analysts} who is not {@code
 * camunda-admin} is refused unless it holds only {@code .dmn} files of contracted decisions that
 * pass {@link CriteriaChecks}; a partnership's own version needs a partnership-specific decision
 * and membership of that partnership (tenant). Start-up and administrators' deployments pass those
 * checks, but no deployment of anyone's may hold a decision that is not {@link FeelOnly}.
 */
final class CriteriaDeploymentGuard implements Deployer {

  private final CriteriaChecks checks;

  CriteriaDeploymentGuard(CriteriaChecks checks) {
    this.checks = checks;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (deployment.isNew()) {
      refuseNonFeel(deployment); // whoever deploys: administrators, Modeler, the workbench
    }
    Authentication user = Context.getCommandContext().getAuthentication();
    if (!deployment.isNew() || user == null || user.getUserId() == null || !isAnalystOnly(user)) {
      return; // a cache reload, an engine-internal deployment, or not an analyst
    }
    List<String> notDecisions =
        deployment.getResources().keySet().stream().filter(name -> !name.endsWith(".dmn")).sorted().toList();
    if (!notDecisions.isEmpty()) {
      throw new AuthorizationException("User '" + user.getUserId() + "' (analysts) may deploy decision tables"
          + " (.dmn) only; refused: " + notDecisions);
    }
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      problems.addAll(check(resource, deployment.getTenantId(), user));
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("Decision deployment refused: " + String.join("; ", problems));
    }
  }

  private static void refuseNonFeel(DeploymentEntity deployment) {
    List<String> problems = new ArrayList<>();
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName().endsWith(".dmn")) {
        try {
          FeelOnly.problems(DecisionTableModel.read(new String(resource.getBytes(), StandardCharsets.UTF_8)))
              .forEach(problem -> problems.add(resource.getName() + ": " + problem));
        } catch (RuntimeException e) {
          // not parseable here: the engine's own DMN deployer refuses it
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new NotValidException("Decision deployment refused: " + String.join("; ", problems));
    }
  }

  private List<String> check(ResourceEntity resource, String tenantId, Authentication user) {
    String xml = new String(resource.getBytes(), StandardCharsets.UTF_8);
    String where = resource.getName() + ": ";
    DmnModelInstance model;
    try {
      model = DecisionTableModel.read(xml);
    } catch (RuntimeException e) {
      return List.of(where + "the table does not parse: " + CriteriaChecks.message(e));
    }
    List<String> keys = model.getModelElementsByType(Decision.class).stream().map(Decision::getId).toList();
    if (keys.size() != 1 || DecisionContract.find(keys.get(0)).isEmpty()) {
      return List.of(where + "one of the contracted decisions " + DecisionContract.KEYS + " per file (found " + keys + ")");
    }
    DecisionContract contract = DecisionContract.find(keys.get(0)).get();
    if (tenantId != null && !contract.partnershipSpecific()) {
      return List.of(where + "'" + contract.key() + "' is shared by every partnership: deploy it without a tenant id");
    }
    if (tenantId != null && (user.getTenantIds() == null || !user.getTenantIds().contains(tenantId))) {
      throw new AuthorizationException(
          "User '" + user.getUserId() + "' is not a member of partnership '" + tenantId + "'");
    }
    return checks.review(contract, xml).problems().stream().map(problem -> where + problem).toList();
  }

  private static boolean isAnalystOnly(Authentication user) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(CsprGroups.ANALYSTS) && !groups.contains(CsprGroups.ADMIN);
  }
}
