package uk.cspr.workflow.correspondence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * SPEC §6 retention: sent messages and their letters are deleted once older than {@code
 * cspr.correspondence.retention} (the engine's history cleanup does not reach our own tables).
 * Messages not yet sent are kept: they still have a delivery job or an incident to resolve.
 */
@Component
class OutboxRetention {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxRetention.class);

  private final OutboxRepository repository;
  private final CorrespondenceProperties properties;

  OutboxRetention(OutboxRepository repository, CorrespondenceProperties properties) {
    this.repository = repository;
    this.properties = properties;
  }

  @Scheduled(cron = "${cspr.correspondence.retention-cron:0 30 3 * * *}", zone = "Europe/London")
  @Transactional
  public int deleteExpired() {
    OffsetDateTime cutoff =
        ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC).minus(properties.retention());
    int deleted = repository.deleteSentBefore(cutoff);
    if (deleted > 0) {
      LOG.info("Deleted {} sent messages queued before {} (retention {})", deleted, cutoff, properties.retention());
    }
    return deleted;
  }
}
