package uk.cspr.workflow.demo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import uk.cspr.workflow.cases.Flows;

/**
 * Runs a case's due jobs (timers, asynchronous continuations) in its flows and the processes they
 * call, oldest first, until none is left — for the demo cases and for walks through the flows
 * where no job executor runs. Deliveries of correspondence are left to the job executor, and a
 * failing job (e.g. no mail server) to its retries: it is remembered in {@code failedJobs} and
 * not run again.
 */
public final class CaseJobs {

  private CaseJobs() {}

  public static void runDue(RuntimeService runtimeService, ManagementService managementService, String caseReference,
      Set<String> failedJobs) {
    for (int round = 0; round < 50; round++) {
      Set<String> flows = new HashSet<>();
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).processDefinitionKeyIn(Flows.KEYS)
          .list().forEach(instance -> flows.add(instance.getId()));
      Set<String> instanceIds = new HashSet<>();
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list().stream()
          .filter(instance -> flows.contains(instance.getId()) || flows.contains(instance.getRootProcessInstanceId()))
          .forEach(instance -> instanceIds.add(instance.getId()));
      if (instanceIds.isEmpty()) {
        return;
      }
      List<Job> due = managementService.createJobQuery().processInstanceIds(instanceIds).executable()
          .orderByJobDuedate().asc().list().stream()
          .filter(job -> !failedJobs.contains(job.getId()))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      Job job = due.get(0);
      try {
        managementService.executeJob(job.getId());
      } catch (ProcessEngineException failed) {
        failedJobs.add(job.getId());
      }
    }
  }
}
