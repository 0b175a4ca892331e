package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the managers' tables in step with the engine, in the engine's own transaction: every
 * history event (the engine still writes its history as well) tells {@link CaseIndex} which case a
 * command touched, and every completed task with a due date becomes a {@link DutyOutcomes} row.
 * History events cover every way a case changes: Tasklist, REST, jobs, Cockpit modifications.
 */
@Component
class DeadlineHistoryPlugin extends AbstractProcessEnginePlugin implements HistoryEventHandler {

  private static final String TASK_COMPLETED = HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName();

  private final ObjectProvider<CaseIndex> caseIndex;
  private final ObjectProvider<DutyOutcomes> outcomes;

  DeadlineHistoryPlugin(ObjectProvider<CaseIndex> caseIndex, ObjectProvider<DutyOutcomes> outcomes) {
    this.caseIndex = caseIndex;
    this.outcomes = outcomes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(this);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event.getProcessInstanceId() != null && belongsToFlow(event)) {
      caseIndex.getObject().touched(event.getProcessInstanceId(), businessKey(event));
    }
    if (event instanceof HistoricTaskInstanceEventEntity task
        && TASK_COMPLETED.equals(task.getEventType())
        && task.getDueDate() != null) {
      outcomes.getObject().record(task);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** The case reference, if the command already knows it (else {@link CaseIndex} looks it up). */
  private static String businessKey(HistoryEvent event) {
    if (event instanceof HistoricProcessInstanceEventEntity instance && instance.getBusinessKey() != null) {
      return instance.getBusinessKey();
    }
    CommandContext command = Context.getCommandContext();
    ExecutionEntity processInstance = command == null ? null
        : command.getDbEntityManager().getCachedEntity(ExecutionEntity.class, event.getProcessInstanceId());
    return processInstance == null ? null : processInstance.getBusinessKey();
  }

  /** A flow's instance or one it calls; not e.g. the delivery of a letter. */
  private static boolean belongsToFlow(HistoryEvent event) {
    String root = event.getRootProcessInstanceId();
    return Flows.isFlow(event.getProcessDefinitionKey()) || (root != null && !root.equals(event.getProcessInstanceId()));
  }
}
