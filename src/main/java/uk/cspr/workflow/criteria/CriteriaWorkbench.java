package uk.cspr.workflow.criteria;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.criteria.ActiveVersions.Version;
import uk.cspr.workflow.criteria.CriteriaChangeLog.Change;

/**
 * What the criteria workbench does: show the active version of a table, run the regression cases
 * against an edit (dry run), and deploy an edit that passes the guard rails as a new version with
 * the analyst's comment, recorded in {@link CriteriaChangeLog}. Engine calls run as the analyst.
 */
@Service
class CriteriaWorkbench {

  static final int MAX_COMMENT = 1000;
  static final String SOURCE = "CSPR criteria workbench";
  private static final int MAX_DEPLOYMENT_NAME = 255;

  /** A decision and the versions of it the caller may see. */
  record Decision(String key, boolean partnershipSpecific, List<Version> versions) {}

  /** The decisions, and the partnerships whose own versions the caller may change. */
  record Decisions(List<Decision> decisions, List<String> partnerships) {}

  private final RepositoryService repositoryService;
  private final ActiveVersions activeVersions;
  private final CriteriaChecks checks;
  private final CriteriaChangeLog changeLog;
  private final CriteriaAccess access;
  private final TransactionTemplate transaction;

  CriteriaWorkbench(
      RepositoryService repositoryService,
      ActiveVersions activeVersions,
      CriteriaChecks checks,
      CriteriaChangeLog changeLog,
      CriteriaAccess access,
      PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.activeVersions = activeVersions;
    this.checks = checks;
    this.changeLog = changeLog;
    this.access = access;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  Decisions decisions() {
    List<Decision> decisions =
        DecisionContract.ALL.stream()
            .map(c -> new Decision(c.key(), c.partnershipSpecific(), activeVersions.latestVersions(c.key())))
            .toList();
    return new Decisions(decisions, access.editablePartnerships());
  }

  /** The XML of the version the partnership's flows use (the shared one for tenant null). */
  String xml(String decisionKey, String tenantId) {
    DecisionContract contract = contract(decisionKey, tenantId);
    return activeVersions.xml(activeVersions.active(contract.key(), access.partnership(tenantId)));
  }

  DryRun dryRun(String decisionKey, String tenantId, String xml) {
    DecisionContract contract = contract(decisionKey, tenantId);
    String tenant = access.partnership(tenantId);
    if (xml == null || xml.isBlank()) {
      throw new InvalidParameterException("xml", "The edited table (DMN XML) is required");
    }
    Version active = activeVersions.active(contract.key(), tenant);
    CriteriaChecks.Review current = checks.review(contract, activeVersions.xml(active));
    return DryRun.of(tenant, active, current, checks.review(contract, xml), contract.collect());
  }

  /** Deploys the edit as a new version, or refuses it (422) and the active version stays. */
  Change deploy(String decisionKey, String tenantId, String xml, String comment) {
    String why = comment == null ? "" : comment.strip();
    if (why.isEmpty() || why.length() > MAX_COMMENT) {
      throw new InvalidParameterException(
          "comment", "Say why the criteria change, in 1 to " + MAX_COMMENT + " characters (was " + why.length() + ")");
    }
    DryRun report = dryRun(decisionKey, tenantId, xml);
    if (!report.deployable()) {
      throw new CriteriaRefusedException(decisionKey, report.problems());
    }
    return transaction.execute(status -> {
      DeploymentWithDefinitions deployment =
          repositoryService.createDeployment()
              .name(deploymentName(decisionKey, report.tenantId(), why))
              .source(SOURCE)
              .tenantId(report.tenantId())
              .addInputStream(decisionKey + ".dmn", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .deployWithResult();
      DecisionDefinition definition = deployment.getDeployedDecisionDefinitions().get(0);
      Change change = new Change(deployment.getId(), decisionKey, report.tenantId(), definition.getId(),
          definition.getVersion(), access.userId(), ClockUtil.getCurrentTime().toInstant(), why, report.changedCases());
      changeLog.record(change);
      return change;
    });
  }

  List<Change> changes(String decisionKey) {
    List<String> tenants = access.editablePartnerships();
    return changeLog.list(decisionKey == null || decisionKey.isBlank() ? null : decisionKey, tenants);
  }

  private DecisionContract contract(String decisionKey, String tenantId) {
    DecisionContract contract =
        DecisionContract.find(decisionKey)
            .orElseThrow(() -> new NotFoundException(
                "No decision '" + decisionKey + "'; the workbench edits " + DecisionContract.KEYS));
    if (tenantId != null && !tenantId.isBlank() && !contract.partnershipSpecific()) {
      throw new InvalidParameterException("tenant",
          "'" + decisionKey + "' is shared by every partnership (the flows never read a partnership's own version);"
              + " edit it without a partnership");
    }
    return contract;
  }

  /** Deployment name carrying the comment, as Cockpit lists deployments (the full text is in the change log). */
  private static String deploymentName(String decisionKey, String tenantId, String comment) {
    String name = decisionKey + (tenantId == null ? "" : " (" + tenantId + ")") + ": " + comment.replaceAll("\\s+", " ");
    return name.length() <= MAX_DEPLOYMENT_NAME ? name : name.substring(0, MAX_DEPLOYMENT_NAME - 1) + "…";
  }
}
