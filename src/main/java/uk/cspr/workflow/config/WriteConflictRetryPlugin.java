package uk.cspr.workflow.config;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Scale-out: Camunda keeps the jobs of one case apart only within a node, so two nodes may run two
 * jobs of the same case at once (e.g. a deadline timer and an asynchronous step) and the second to
 * commit fails with an {@link OptimisticLockingException}. The engine does not count that as a
 * failed attempt but still postpones the job by its retry cycle (five minutes with {@code R3/PT5M}).
 * A write conflict is not a failure: such a job is due again at once, its retries untouched. Every
 * other failure keeps the engine's retry handling. If the conflict came from another node taking
 * the job over (its lock had expired), the job stays with that node: unlocking it would let a third
 * run start beside the other node's.
 */
@Component
class WriteConflictRetryPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engine = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory()
        : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory((jobId, failure) ->
        failure instanceof OptimisticLockingException ? new RetryAtOnce(jobId, failure) : engine.getCommand(jobId, failure));
  }

  /**
   * Releases the job's lock and makes it due now, unless another node holds a live lock on it;
   * retries and exception stay as they were.
   */
  static final class RetryAtOnce extends JobRetryCmd {

    RetryAtOnce(String jobId, Throwable conflict) {
      super(jobId, conflict);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job != null && !lockedByAnotherNode(job, commandContext)) {
        job.unlock();
        job.setDuedate(ClockUtil.getCurrentTime());
        notifyAcquisition(commandContext);
      }
      return null;
    }

    private static boolean lockedByAnotherNode(JobEntity job, CommandContext commandContext) {
      JobExecutor jobExecutor = commandContext.getProcessEngineConfiguration().getJobExecutor();
      String ours = jobExecutor == null ? null : jobExecutor.getLockOwner();
      return job.getLockOwner() != null
          && !job.getLockOwner().equals(ours)
          && job.getLockExpirationTime() != null
          && job.getLockExpirationTime().after(ClockUtil.getCurrentTime());
    }
  }
}
