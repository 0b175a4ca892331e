package uk.cspr.workflow.documents;

import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §6 retention: a case's documents go with the case's history. The engine's history cleanup
 * (nightly window, each flow's time to live) does not reach our own tables; after its window this
 * removes the documents of every case with no flow left in the history.
 */
@Component
public class DocumentRetention {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentRetention.class);

  private final DocumentRepository repository;
  private final HistoryService historyService;

  DocumentRetention(DocumentRepository repository, HistoryService historyService) {
    this.repository = repository;
    this.historyService = historyService;
  }

  /** Removes the documents of cases whose history is gone; returns how many. */
  @Scheduled(cron = "${cspr.documents.retention-cron:0 30 5 * * *}", zone = "Europe/London")
  @Transactional
  public int deleteWithoutHistory() {
    int deleted = 0;
    for (String caseReference : repository.caseReferences()) {
      if (historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference).count() == 0) {
        deleted += repository.deleteCase(caseReference);
      }
    }
    if (deleted > 0) {
      LOG.info("Deleted {} documents of cases whose history was removed", deleted);
    }
    return deleted;
  }
}
