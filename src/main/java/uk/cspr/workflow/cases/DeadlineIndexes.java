package uk.cspr.workflow.cases;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the managers' tables for a database whose cases predate them (they are otherwise kept in
 * step as the cases change): at start-up, an empty board index gets a row for every open case, and
 * an empty outcome table every completed task with a due date from history. In batches of {@value
 * #BATCH}, each in its own transaction.
 */
@Component
class DeadlineIndexes {

  static final int BATCH = 200;
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineIndexes.class);

  private final CaseIndex caseIndex;
  private final DutyOutcomes outcomes;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final CallerScope callerScope;
  private final TransactionTemplate transaction;

  DeadlineIndexes(
      CaseIndex caseIndex,
      DutyOutcomes outcomes,
      RuntimeService runtimeService,
      HistoryService historyService,
      CallerScope callerScope,
      PlatformTransactionManager transactionManager) {
    this.caseIndex = caseIndex;
    this.outcomes = outcomes;
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.callerScope = callerScope;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  @EventListener(ApplicationReadyEvent.class)
  void fillIfEmpty() {
    callerScope.asSystem(() -> {
      if (caseIndex.isEmpty()) {
        indexOpenCases();
      }
      if (outcomes.isEmpty()) {
        recordCompletedTasks();
      }
    });
  }

  void indexOpenCases() {
    Set<String> cases = new LinkedHashSet<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKeyIn(Flows.KEYS).list().stream()
        .map(ProcessInstance::getBusinessKey).filter(Objects::nonNull).forEach(cases::add);
    List<String> all = new ArrayList<>(cases);
    for (int i = 0; i < all.size(); i += BATCH) {
      List<String> batch = all.subList(i, Math.min(all.size(), i + BATCH));
      transaction.executeWithoutResult(status -> batch.forEach(caseIndex::refreshCase));
    }
    if (!all.isEmpty()) {
      LOG.info("Deadlines board: indexed {} open cases", all.size());
    }
  }

  void recordCompletedTasks() {
    int recorded = 0;
    for (int first = 0; ; first += BATCH) {
      List<HistoricTaskInstance> page = historyService.createHistoricTaskInstanceQuery()
          .finished().taskDeleteReason("completed").taskDueAfter(new Date(0)).orderByTaskId().asc().listPage(first, BATCH);
      transaction.executeWithoutResult(status -> page.forEach(outcomes::recordFromHistory));
      recorded += page.size();
      if (page.size() < BATCH) {
        break;
      }
    }
    if (recorded > 0) {
      LOG.info("Deadlines summary: recorded {} completed tasks from history", recorded);
    }
  }
}
