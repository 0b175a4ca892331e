package uk.cspr.workflow.support;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs due jobs explicitly (the job executor is off in tests). */
public final class Jobs {

  /** Executes every job of the process instance that is due at the engine clock's now. */
  public static int executeDue(ManagementService management, String processInstanceId) {
    List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
    due.forEach(job -> management.executeJob(job.getId()));
    return due.size();
  }

  private Jobs() {}
}
