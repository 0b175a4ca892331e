package uk.cspr.workflow.timescales;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionDefinitionQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>A deployed decision version never changes, so the answer for (version, partnership, step) is
 * kept once evaluated ({@code cspr.timescales.cache-results}, default on): the FEEL evaluation of the
 * whole table cost ~15 % of a rapid review's CPU time (benchmark 2, README "Benchmarks"). The latest
 * version is still looked up in the database on every call, so a new version deployed by an analyst
 * (on any node) applies at once. Only the first evaluation per version, partnership and step is then
 * written to the decision history.
 */
@Component("localTimescales")
public class LocalTimescales {

  static final String DECISION_KEY = "localTimescales";
  static final String PARTNERSHIP = "partnership";
  static final String STEP = "step";
  static final String WORKING_DAYS = "workingDays";

  /** Bounds the cache: versions × partnerships × steps is small; a flood of unknown names is not kept. */
  private static final int MAX_CACHED = 10_000;

  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final boolean cacheResults;
  private final Map<String, Integer> cache = new ConcurrentHashMap<>();

  public LocalTimescales(DecisionService decisionService, RepositoryService repositoryService,
      @Value("${cspr.timescales.cache-results:true}") boolean cacheResults) {
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.cacheResults = cacheResults;
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
    DecisionDefinition definition = latestVersion(partnership);
    String key = definition.getId() + '\n' + partnership + '\n' + step;
    Integer cached = cacheResults ? cache.get(key) : null;
    if (cached != null) {
      return cached;
    }
    DmnDecisionResult result =
        decisionService
            .evaluateDecisionById(definition.getId())
            .variables(Variables.putValue(PARTNERSHIP, partnership).putValue(STEP, step))
            .evaluate();
    DmnDecisionResultEntries row = result.getFirstResult();
    Object value = row == null ? null : row.getEntry(WORKING_DAYS);
    if (!(value instanceof Number days)) {
      throw new IllegalStateException(
          "Decision '" + DECISION_KEY + "' has no working days for step '" + step
              + "' in partnership '" + partnership
              + "': add a row for the step (a default row with partnership '-' serves every partnership)");
    }
    if (cacheResults) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      cache.put(key, days.intValue());
    }
    return days.intValue();
  }

  /** The partnership's (tenant's) own latest version of the decision if it has one, else the shared one. */
  private DecisionDefinition latestVersion(String partnership) {
    DecisionDefinition own = partnership == null ? null
        : query().tenantIdIn(partnership).latestVersion().singleResult();
    DecisionDefinition definition = own != null ? own : query().withoutTenantId().latestVersion().singleResult();
    if (definition == null) {
      throw new IllegalStateException("Decision '" + DECISION_KEY + "' is not deployed");
    }
    return definition;
  }

  private DecisionDefinitionQuery query() {
    return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION_KEY);
  }
}
