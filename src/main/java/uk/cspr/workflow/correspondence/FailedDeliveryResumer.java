package uk.cspr.workflow.correspondence;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivery resumes when the mail server is back (SPEC §5: nothing is silently dropped): a delivery
 * job that has used up its retries raises an incident in Cockpit; once that last failure is older
 * than {@code cspr.correspondence.resume-interval} the job gets one more retry. If it succeeds the
 * incident is resolved; if not, a new incident is raised and the next run tries again.
 */
@Component
class FailedDeliveryResumer {

  private static final Logger LOG = LoggerFactory.getLogger(FailedDeliveryResumer.class);

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final CorrespondenceProperties properties;

  FailedDeliveryResumer(
      ManagementService managementService, RuntimeService runtimeService, CorrespondenceProperties properties) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.properties = properties;
  }

  /** Gives failed delivery jobs one more retry; returns how many were resumed. */
  @Scheduled(
      initialDelayString = "${cspr.correspondence.resume-interval:PT10M}",
      fixedDelayString = "${cspr.correspondence.resume-interval:PT10M}")
  int resumeFailedDeliveries() {
    Date now = ClockUtil.getCurrentTime();
    Date failedBefore = new Date(now.getTime() - properties.resumeInterval().toMillis());
    List<Job> jobs =
        managementService.createJobQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
            .noRetriesLeft()
            .list();
    int resumed = 0;
    for (Job job : jobs) {
      Date lastFailure = lastFailure(job);
      if (lastFailure == null || !lastFailure.after(failedBefore)) {
        managementService.setJobDuedate(job.getId(), now);
        managementService.setJobRetries(job.getId(), 1);
        resumed++;
      }
    }
    if (resumed > 0) {
      LOG.info("Resumed {} failed correspondence deliveries", resumed);
    }
    return resumed;
  }

  private Date lastFailure(Job job) {
    return runtimeService.createIncidentQuery()
        .incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
        .configuration(job.getId())
        .list()
        .stream()
        .map(Incident::getIncidentTimestamp)
        .max(Date::compareTo)
        .orElse(null);
  }
}
