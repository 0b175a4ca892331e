package uk.cspr.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.documents.CaseDocuments;
import uk.cspr.workflow.documents.DocumentRetention;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;

/**
 * SPEC §6 retention in the running engine: the nightly cleanup window is configured and
 * scheduled, and a cleanup run removes the history of a case that finished more than its
 * time to live ago while keeping a case still open (its history has no removal time yet).
 * Own database, so the cleanup touches no other test's data.
 */
@CsprSpringBootTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:history-cleanup;DB_CLOSE_DELAY=-1")
class HistoryCleanupTest {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CaseDocuments caseDocuments;
  @Autowired DocumentRetention documentRetention;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theCleanupWindowIsConfiguredAndScheduled() {
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P2555D");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    assertThat(historyService.findHistoryCleanupJobs()).as("cleanup job scheduled at start-up").isNotEmpty();
  }

  @Test
  void anExpiredFinishedCaseIsRemovedAndARunningCaseIsKept() {
    // Cambridgeshire & Peterborough: the agency lead declines to authorise, the case ends at once
    ProcessInstance finished = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY,
        TestReferrals.referral("cambridgeshire-peterborough"));
    String authorise = taskService.createTaskQuery().processInstanceId(finished.getId()).singleResult().getId();
    taskService.complete(authorise, Map.of(NotificationProcess.Vars.REFERRAL_AUTHORISED, false));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).finished().count()).isOne();
    ProcessInstance running = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral("north-lincolnshire"));
    assertThat(history(running.getId())).as("decisions, activities, variables of the running case").isPositive();
    assertThat(history(finished.getId())).isPositive();

    int timeToLiveDays = repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(timeToLiveDays + 1L))));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished.getId()).count()).isZero();
    assertThat(history(finished.getId())).as("nothing of the expired case is left").isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
    assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(running.getId()).count()).isPositive();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(running.getId()).count()).isOne();
  }

  /** Issue 18.2: a case's documents go with its history; an open case keeps them. */
  @Test
  void theDocumentsOfAnExpiredCaseGoWithItsHistory() {
    ProcessInstance finished = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY,
        TestReferrals.referral("cambridgeshire-peterborough"));
    taskService.complete(taskService.createTaskQuery().processInstanceId(finished.getId()).singleResult().getId(),
        Map.of(NotificationProcess.Vars.REFERRAL_AUTHORISED, false));
    ProcessInstance running = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral("north-lincolnshire"));
    String finishedCase = addADocumentAsTheBusinessUnit(finished, "cambridgeshire-peterborough");
    String runningCase = addADocumentAsTheBusinessUnit(running, "north-lincolnshire");
    assertThat(documentsOf(finishedCase)).isOne();

    int timeToLiveDays = repositoryService.getProcessDefinition(finished.getProcessDefinitionId()).getHistoryTimeToLive();
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(timeToLiveDays + 1L))));
    assertThat(documentRetention.deleteWithoutHistory()).as("nothing goes before the history").isZero();
    managementService.executeJob(historyService.cleanUpHistoryAsync(true).getId());
    documentRetention.deleteWithoutHistory();

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(finishedCase).count()).isZero();
    assertThat(documentsOf(finishedCase)).isZero();
    assertThat(documentsOf(runningCase)).isOne();
  }

  private String addADocumentAsTheBusinessUnit(ProcessInstance instance, String partnership) {
    String caseReference = historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
        .getBusinessKey();
    identityService.setAuthentication("retention-coordinator", List.of(CsprGroups.BUSINESS_UNIT), List.of(partnership));
    try {
      caseDocuments.add(caseReference, null, "report.pdf", TestDocuments.pdf("Agency report"));
    } finally {
      identityService.clearAuthentication();
    }
    return caseReference;
  }

  private int documentsOf(String caseReference) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM cspr_document WHERE case_reference = ?", Integer.class, caseReference);
  }

  /** History rows of a case: activities, variables, tasks, decisions, details, operation log. */
  private long history(String processInstanceId) {
    return historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).count()
        + historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).count()
        + historyService.createUserOperationLogQuery().processInstanceId(processInstanceId).count();
  }
}
