package uk.cspr.workflow.criteria;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.criteria.CriteriaChangeLog.Change;
import uk.cspr.workflow.learning.LearningVariables;

/**
 * Audit: every decision evaluated for a case (business key = case reference) and the version of the
 * table that produced it. The case's process instances are found without the caller's
 * authorizations; their decision history is then read as the caller, so the engine's
 * authorization (READ_HISTORY on the decision) and tenant checks decide what is shown.
 */
@Component
public class CaseDecisionHistory {

  /**
   * One evaluation: which version, when, where in the flow, with which inputs and outputs; notes
   * on how an input was answered (e.g. "recurrent themes" offered from earlier cases, issue 19.2).
   */
  public record Evaluation(
      String decisionKey,
      String decisionName,
      String decisionDefinitionId,
      Integer version,
      String tenantId,
      Instant evaluatedAt,
      String processInstanceId,
      String processDefinitionKey,
      String activityId,
      List<Input> inputs,
      List<Output> outputs,
      String changeComment,
      List<String> notes) {}

  public record Input(String label, Object value) {}

  /** An output by its variable name and the label the table gives it ("Statutory criteria met"). */
  public record Output(String name, String label, Object value, String ruleId, Integer ruleOrder) {}

  /** The decisions that take "recurrent themes" as an input (SPEC §4). */
  private static final Set<String> RECURRENCE_NOTED = Set.of("localReviewCriteria", "nationalReviewCriteria");

  private final HistoryService historyService;
  private final ManagementService managementService;
  private final RepositoryService repositoryService;
  private final CriteriaChangeLog changeLog;
  private final CriteriaAccess access;

  CaseDecisionHistory(
      HistoryService historyService, ManagementService managementService, RepositoryService repositoryService,
      CriteriaChangeLog changeLog, CriteriaAccess access) {
    this.historyService = historyService;
    this.managementService = managementService;
    this.repositoryService = repositoryService;
    this.changeLog = changeLog;
    this.access = access;
  }

  /** The evaluations the caller may see, oldest first; empty when there are none. */
  public List<Evaluation> of(String caseReference) {
    String[] ids = access.asEngine(() -> decisionInstancesOf(caseReference));
    if (ids.length == 0) {
      return List.of();
    }
    List<HistoricDecisionInstance> decisions = historyService.createHistoricDecisionInstanceQuery().decisionInstanceIdIn(ids)
        .includeInputs().includeOutputs().disableCustomObjectDeserialization().list().stream()
        .sorted(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime))
        .toList();
    if (decisions.isEmpty()) {
      return List.of();
    }
    String[] definitionIds = decisions.stream().map(HistoricDecisionInstance::getDecisionDefinitionId).distinct()
        .toArray(String[]::new);
    Map<String, DecisionDefinition> definitions =
        access.asEngine(() -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionIdIn(definitionIds)
            .list().stream()
            .collect(Collectors.toMap(DecisionDefinition::getId, Function.identity())));
    Map<String, Optional<String>> comments = new HashMap<>();
    return decisions.stream().map(decision -> {
      DecisionDefinition definition = definitions.get(decision.getDecisionDefinitionId());
      String comment = definition == null ? null : comments.computeIfAbsent(definition.getDeploymentId(),
          deployment -> changeLog.byDeployment(deployment).map(Change::comment)).orElse(null);
      return evaluation(decision, definition, comment);
    }).toList();
  }

  /**
   * The decisions evaluated in the case's process instances (business key) and in those they
   * started (same root), in one native query, so without the caller's authorizations: as the engine.
   */
  private String[] decisionInstancesOf(String caseReference) {
    return historyService.createNativeHistoricDecisionInstanceQuery()
        .sql("SELECT D.* FROM " + managementService.getTableName(HistoricDecisionInstance.class) + " D WHERE D.ROOT_PROC_INST_ID_ IN "
            + "(SELECT P.ROOT_PROC_INST_ID_ FROM " + managementService.getTableName(HistoricProcessInstance.class)
            + " P WHERE P.BUSINESS_KEY_ = #{caseReference})")
        .parameter("caseReference", caseReference)
        .list().stream().map(HistoricDecisionInstance::getId).toArray(String[]::new);
  }

  private Evaluation evaluation(HistoricDecisionInstance decision, DecisionDefinition definition, String comment) {
    Date evaluated = decision.getEvaluationTime();
    return new Evaluation(
        decision.getDecisionDefinitionKey(),
        decision.getDecisionDefinitionName(),
        decision.getDecisionDefinitionId(),
        definition == null ? null : definition.getVersion(),
        definition == null ? decision.getTenantId() : definition.getTenantId(),
        evaluated == null ? null : evaluated.toInstant(),
        decision.getProcessInstanceId(),
        decision.getProcessDefinitionKey(),
        decision.getActivityId(),
        decision.getInputs().stream().map(CaseDecisionHistory::input).toList(),
        decision.getOutputs().stream().map(CaseDecisionHistory::output).toList(),
        comment,
        notes(decision));
  }

  /** For the review criteria: what was offered as "recurrent themes", and what the meeting answered. */
  private List<String> notes(HistoricDecisionInstance decision) {
    if (!RECURRENCE_NOTED.contains(decision.getDecisionDefinitionKey()) || decision.getProcessInstanceId() == null) {
      return List.of();
    }
    return access.asEngine(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(decision.getProcessInstanceId()).variableName(LearningVariables.RECURRENT_THEMES_DECISION)
        .list().stream().map(variable -> variable.getValue()).filter(String.class::isInstance).map(String.class::cast).toList());
  }

  private static Input input(HistoricDecisionInputInstance input) {
    return new Input(input.getClauseName(), plain(input.getValue()));
  }

  private static Output output(HistoricDecisionOutputInstance output) {
    return new Output(output.getVariableName(), output.getClauseName(), plain(output.getValue()), output.getRuleId(), output.getRuleOrder());
  }

  /** Primitive values as they are; anything else as text. */
  private static Object plain(Object value) {
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        ? value
        : String.valueOf(value);
  }
}
