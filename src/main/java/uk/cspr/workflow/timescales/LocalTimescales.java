package uk.cspr.workflow.timescales;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.dmn.DecisionsEvaluationBuilder;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Local step offsets from the decision {@code localTimescales} (SPEC §4), bean {@code
 * localTimescales}. Use in BPMN as {@code ${workingDays.deadline(decidedAt,
 * localTimescales.workingDays(partnership, 'rapidReview.meeting'))}}.
 *
 * <p>The latest version of the decision is evaluated: the partnership's own version when one is
 * deployed for its tenant, otherwise the shared version (deployed without a tenant). Inside the
 * table, the partnership's own rows come before the default rows (hit policy FIRST), so a step the
 * partnership has not set falls back to the default.
 */
@Component("localTimescales")
public class LocalTimescales {

  static final String DECISION_KEY = "localTimescales";
  static final String PARTNERSHIP = "partnership";
  static final String STEP = "step";
  static final String WORKING_DAYS = "workingDays";

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;

  public LocalTimescales(DecisionService decisionService, RepositoryService repositoryService) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
  }

  /**
   * Working days allowed for a step in a partnership (its own row, else the default row).
   *
   * @throws IllegalStateException when the decision has no row for the step, not even a default
   */
  public int workingDays(String partnership, String step) {
    if (step == null || step.isBlank()) {
      throw new IllegalArgumentException(
          "No step given for the working-day lookup (partnership '" + partnership + "')");
    }
    DecisionsEvaluationBuilder evaluation =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(Variables.putValue(PARTNERSHIP, partnership).putValue(STEP, step));
    if (hasOwnVersion(partnership)) {
      evaluation.decisionDefinitionTenantId(partnership);
    } else {
      evaluation.decisionDefinitionWithoutTenantId();
    }
    DmnDecisionResult result = evaluation.evaluate();
    DmnDecisionResultEntries row = result.getFirstResult();
    Object value = row == null ? null : row.getEntry(WORKING_DAYS);
    if (!(value instanceof Number days)) {
      throw new IllegalStateException(
          "Decision '" + DECISION_KEY + "' has no working days for step '" + step
              + "' in partnership '" + partnership
              + "': add a row for the step (a default row with partnership '-' serves every partnership)");
    }
    return days.intValue();
  }

  /** Whether the partnership (tenant) has deployed its own version of the decision. */
  private boolean hasOwnVersion(String partnership) {
    return partnership != null
        && repositoryService
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey(DECISION_KEY)
                .tenantIdIn(partnership)
                .count()
            > 0;
  }
}
