package uk.cspr.workflow.learning;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CallerScope;
import uk.cspr.workflow.cases.CaseAccess;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.tasks.TaskFormCheck;

/**
 * The 7-minute briefing of a case's published review, for whoever may read the case file (the
 * same rule: another partnership's case, or one the caller does not work on, is not found).
 */
@Component
class Briefings {

  private final CaseAccess access;
  private final CallerScope callerScope;
  private final HistoryService historyService;
  private final Partnerships partnerships;
  private final TaskFormCheck forms;
  private final ProcessEngineConfigurationImpl engine;
  private final BriefingPdf pdf;
  private final ThemeTypology typology;

  Briefings(CaseAccess access, CallerScope callerScope, HistoryService historyService, Partnerships partnerships,
      TaskFormCheck forms, ProcessEngineConfigurationImpl engine, BriefingPdf pdf,
      ThemeTypology typology) {
    this.access = access;
    this.callerScope = callerScope;
    this.historyService = historyService;
    this.partnerships = partnerships;
    this.forms = forms;
    this.engine = engine;
    this.pdf = pdf;
    this.typology = typology;
  }

  /** The PDF, or empty when the caller may not see the case or its review is not published. */
  Optional<byte[]> pdf(String caseReference) {
    if (!access.canSeeCase(caseReference)) {
      return Optional.empty();
    }
    return callerScope.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseReference).processDefinitionKey(LcsprProcess.KEY)
            .orderByProcessInstanceStartTime().desc().list())
        .stream().filter(review -> access.canSeeTenant(review.getTenantId())).findFirst()
        .flatMap(review -> {
          Map<String, Object> vars = variables(review);
          if (vars.get(LcsprProcess.Vars.PUBLISHED_AT) == null) {
            return Optional.empty();
          }
          String name = partnerships.find(review.getTenantId()).map(Partnerships.Partnership::name).orElse(review.getTenantId());
          Map<String, String> labels = engine.getCommandExecutorTxRequired()
              .execute(context -> forms.optionLabels(review.getProcessDefinitionId()));
          return Optional.of(pdf.pdf(caseReference, name, BriefingContent.current(vars, name, labels, typology)));
        });
  }

  /** The review's own (process-level) variables. */
  private Map<String, Object> variables(HistoricProcessInstance review) {
    Map<String, Object> vars = new HashMap<>();
    callerScope.asSystem(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(review.getId()).list())
        .stream().filter(v -> review.getId().equals(v.getExecutionId()) && v.getValue() != null)
        .forEach(v -> vars.put(v.getName(), v.getValue()));
    return vars;
  }
}
