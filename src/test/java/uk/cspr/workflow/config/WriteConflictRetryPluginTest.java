package uk.cspr.workflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.support.CsprSpringBootTest;

/**
 * A job that lost a write conflict to another node is due again at once with its retries
 * untouched; a real failure still waits for its retry cycle and uses up a retry.
 */
@CsprSpringBootTest
class WriteConflictRetryPluginTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aWriteConflictIsRetriedAtOnceWithoutUsingARetry() {
    Job job = deliveryJob();
    fail(job, new OptimisticLockingException("conflict with another node"));

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(job.getRetries());
    assertThat(after.getDuedate()).isBeforeOrEqualTo(new Date());
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count()).isOne();
  }

  /** Issue 16: the conflict came from another node taking the job over; unlocking it would let a third run start. */
  @Test
  void aWriteConflictLeavesAJobThatAnotherNodeHasLockedToThatNode() {
    Job job = deliveryJob();
    Date lockedUntil = new Date(System.currentTimeMillis() + Duration.ofMinutes(5).toMillis());
    jdbc.update("UPDATE ACT_RU_JOB SET LOCK_OWNER_ = ?, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        "other-node", new java.sql.Timestamp(lockedUntil.getTime()), job.getId());

    fail(job, new OptimisticLockingException("the other node took the job over"));

    Map<String, Object> after = jdbc.queryForMap("SELECT LOCK_OWNER_, RETRIES_ FROM ACT_RU_JOB WHERE ID_ = ?", job.getId());
    assertThat(after.get("LOCK_OWNER_")).isEqualTo("other-node");
    assertThat(after.get("RETRIES_")).isEqualTo(job.getRetries());
  }

  @Test
  void anyOtherFailureKeepsTheEnginesRetryCycle() {
    Job job = deliveryJob();
    fail(job, new IllegalStateException("SMTP down"));

    Job after = managementService.createJobQuery().jobId(job.getId()).singleResult();
    assertThat(after.getRetries()).as("PT1M,PT5M,PT15M,PT1H,PT4H: five left").isEqualTo(5);
    assertThat(after.getDuedate()).isAfter(new Date(System.currentTimeMillis() + Duration.ofSeconds(50).toMillis()));
    assertThat(after.getExceptionMessage()).isEqualTo("SMTP down");
  }

  /** The asynchronous job of a delivery process (the job executor is off in tests). */
  private Job deliveryJob() {
    String instance = runtimeService.startProcessInstanceByKey(Correspondence.DELIVERY_PROCESS_KEY, "NL-2026-9999",
        Map.of(Correspondence.OUTBOX_MESSAGE_ID, "none", CaseVariables.PARTNERSHIP, "north-lincolnshire")).getId();
    return managementService.createJobQuery().processInstanceId(instance).singleResult();
  }

  private void fail(Job job, Throwable failure) {
    configuration.getCommandExecutorTxRequired()
        .execute(configuration.getFailedJobCommandFactory().getCommand(job.getId(), failure));
  }
}
