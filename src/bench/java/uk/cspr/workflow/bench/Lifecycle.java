package uk.cspr.workflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.lcspr.BenchLcspr;
import uk.cspr.workflow.notification.BenchReferrals;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.rapidreview.BenchRapidReview;
import uk.cspr.workflow.support.EngineClock;

/**
 * One statutory lifecycle driven through the Java API, as the process tests drive it: a North
 * Lincolnshire referral (notification), partners informed, SSL recommendation, unanimous DSP votes
 * for outcome (a), report to the partners, Panel notification; then the rapid review (agencies,
 * meeting, one agency report, meeting record with an LCSPR agreed, chair's report, wellbeing
 * sessions, sign-off and submission) and the Panel's answer ({@code panelDecision}: the local
 * decision stands), and the LCSPR to publication, action plan sign-off and closure. Every user task is completed with the form values Tasklist would submit
 * ({@code Referrals}, {@code RapidReviewSteps} of the tests), time moves with the engine clock and
 * stays inside every deadline, and after each step the due asynchronous jobs (message jobs:
 * async continuations and e-mail deliveries) are executed, as the job executor would.
 *
 * <p>The rapid review then calls the LCSPR ({@code lcspr}), driven to closure in {@link #lcspr}.
 */
final class Lifecycle {

  /** How long one step took: a user task (find + complete) or a job. */
  record Step(String name, boolean job, long nanos) {}

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final BenchRapidReview rapidReview;
  private final List<Step> steps = new ArrayList<>();
  private ProcessInstance notification;

  Lifecycle(ConfigurableApplicationContext context) {
    this.runtime = context.getBean(RuntimeService.class);
    this.tasks = context.getBean(TaskService.class);
    this.management = context.getBean(ManagementService.class);
    this.history = context.getBean(HistoryService.class);
    this.rapidReview = new BenchRapidReview(runtime, tasks);
  }

  List<Step> steps() {
    return steps;
  }

  /** The case reference of the lifecycle's case (once run). */
  String caseReference() {
    return notification.getBusinessKey();
  }

  /** Runs the whole lifecycle; returns its steps. */
  List<Step> run() {
    try {
      notification();
      ProcessInstance review = rapidReview();
      lcspr(review);
    } finally {
      EngineClock.reset();
    }
    return steps;
  }

  private void notification() {
    EngineClock.setTo("2027-03-16T10:00");
    step("start notification", () -> notification = runtime.startProcessInstanceByKey(NotificationProcess.KEY,
        BenchReferrals.referral(Map.of("incidentDate", "2027-03-15", "awareOfIncidentAt", "2027-03-16T09:30"))));
    EngineClock.setTo("2027-03-16T14:00");
    complete("inform partners", NotificationProcess.Elements.INFORM_PARTNERS, Map.of("partnersInformedConfirmed", true));
    complete("SSL recommendation", NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION,
        Map.of("sslRecommendation", "NOTIFY_AND_RAPID_REVIEW", "sslRationale", "Criteria met"));
    EngineClock.setTo("2027-03-17T10:00");
    complete("partners' decision", NotificationProcess.Elements.RECORD_PARTNERS_DECISION,
        Map.of("laVote", "NOTIFY_AND_RAPID_REVIEW", "policeVote", "NOTIFY_AND_RAPID_REVIEW",
            "icbVote", "NOTIFY_AND_RAPID_REVIEW", "outcomeRationale", "Partners' rationale"));
    complete("report to partners", NotificationProcess.Elements.REPORT_TO_PARTNERS,
        Map.of("partnersReportedAt", "2027-03-17T09:55", "partnersReportMethod", "E-mail"));
    EngineClock.setTo("2027-03-18T11:05");
    complete("notify the Panel", NotificationProcess.Elements.NOTIFY_PANEL,
        Map.of("panelNotificationSentAt", "2027-03-18T11:00", "panelNotificationReference", "CSPR-12345"));
  }

  private ProcessInstance rapidReview() {
    ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(notification.getId())
        .processDefinitionKey(BenchRapidReview.KEY).singleResult();
    if (review == null) {
      throw new IllegalStateException("Outcome (a) did not start the rapid review");
    }
    EngineClock.setTo("2027-03-19T10:00");
    step("confirm agencies", () -> rapidReview.confirmAgencies(review, "Humberside Police"));
    step("schedule meeting", () -> rapidReview.scheduleMeeting(review, "2027-03-26T10:00"));
    EngineClock.setTo("2027-03-25T12:00");
    step("agency report", () -> rapidReview.returnAllReports(review));
    EngineClock.setTo("2027-03-26T15:00");
    step("record meeting", () -> rapidReview.recordMeeting(review, true));
    EngineClock.setTo("2027-04-06T10:00");
    step("chair's report", () -> rapidReview.writeChairReport(review));
    EngineClock.setTo("2027-04-06T11:00");
    step("wellbeing sessions", () -> rapidReview.holdWellbeingSessions(review));
    EngineClock.setTo("2027-04-09T16:00");
    step("sign-off and submission", () -> rapidReview.signOff(review, true));
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance panel = rapidReview.panelDecision(review);
    step("Panel's answer", () -> rapidReview.recordPanelAnswer(panel, "LOCAL_DECISION_STANDS"));
    return review;
  }

  /**
   * The LCSPR the rapid review calls (decided at sign-off, 9 Apr 2027; publication due within 6
   * months): commissioning, terms of reference, family and practitioners, chronologies, draft and
   * final report, publication, action plan agreed, monitored (timer after 3 months), signed off and
   * audited, and the report's availability reviewed after a year (timer). The steps and values are
   * those of {@code LcsprProcessTest}'s end-to-end case, moved to this case's dates.
   */
  private void lcspr(ProcessInstance review) {
    ProcessInstance lcspr = runtime.createProcessInstanceQuery().superProcessInstanceId(review.getId())
        .processDefinitionKey(BenchLcspr.KEY).singleResult();
    if (lcspr == null) {
      throw new IllegalStateException("The rapid review did not start the LCSPR");
    }
    EngineClock.setTo("2027-04-20T11:00");
    complete(lcspr, BenchLcspr.commissionReviewer());
    complete(lcspr, BenchLcspr.agreeTermsOfReference());
    EngineClock.setTo("2027-04-21T10:00");
    complete(lcspr, BenchLcspr.endorseTermsOfReference());
    EngineClock.setTo("2027-05-10T10:00");
    BenchLcspr.familyAndPractitioners().forEach(step -> complete(lcspr, step));
    for (Task chronology : tasks.createTaskQuery().processInstanceId(lcspr.getId())
        .taskDefinitionKey(BenchLcspr.chronologyTask()).list()) {
      step("LCSPR chronology", () -> tasks.complete(chronology.getId(), BenchLcspr.chronology("CHR-" + chronology.getId())));
    }
    EngineClock.setTo("2027-06-01T10:00");
    complete(lcspr, BenchLcspr.submitDraft());
    EngineClock.setTo("2027-06-02T10:00");
    BenchLcspr.finalReport().forEach(step -> complete(lcspr, step));
    EngineClock.setTo("2027-08-02T10:00");
    complete(lcspr, BenchLcspr.sendFinalReport());
    EngineClock.setTo("2027-08-16T12:00");
    complete(lcspr, BenchLcspr.publish("2027-08-16"));
    complete(lcspr, BenchLcspr.shareLearning("2027-08-16"));
    EngineClock.setTo("2027-08-16T13:00");
    complete(lcspr, BenchLcspr.agreeActionPlan());
    EngineClock.setTo("2027-11-17T12:00");
    dueTimers(lcspr);
    complete(lcspr, BenchLcspr.reviewActionPlanComplete());
    BenchLcspr.signOffAndAudit().forEach(step -> complete(lcspr, step));
    EngineClock.setTo("2028-08-17T00:00:30");
    dueTimers(lcspr);
    complete(lcspr, BenchLcspr.reviewReportAvailability());
  }

  private void complete(ProcessInstance instance, BenchLcspr.Step step) {
    step(step.name(), () -> {
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(step.taskKey()).list();
      if (open.size() != 1) {
        throw new IllegalStateException(open.size() + " open tasks " + step.taskKey());
      }
      tasks.complete(open.get(0).getId(), step.values());
    });
  }

  /** The instance's due jobs, timers included (as the job executor would run them at this time). */
  private void dueTimers(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
      long start = System.nanoTime();
      management.executeJob(job.getId());
      steps.add(new Step("timer " + job.getProcessDefinitionKey(), true, System.nanoTime() - start));
    }
    runJobs();
  }

  /** Checks the lifecycle ended as the statutory path says, with no deadline breached. */
  void verify() {
    if (history.createHistoricProcessInstanceQuery().processInstanceId(notification.getId()).finished().count() != 1) {
      throw new IllegalStateException("The notification " + notification.getBusinessKey() + " did not end; open tasks: "
          + tasks.createTaskQuery().processInstanceBusinessKey(notification.getBusinessKey()).list().stream()
              .map(Task::getTaskDefinitionKey).toList());
    }
    long escalations = history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(notification.getBusinessKey())
        .taskDefinitionKey("userTask_escalateMissedDeadline").count();
    if (escalations > 0) {
      throw new IllegalStateException("A deadline was breached in the lifecycle of " + notification.getBusinessKey());
    }
  }

  private void complete(String name, String taskKey, Map<String, Object> values) {
    step(name, () -> {
      Task task = tasks.createTaskQuery().processInstanceId(notification.getId()).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("No open task " + taskKey);
      }
      tasks.complete(task.getId(), values);
    });
  }

  private void step(String name, Runnable action) {
    long start = System.nanoTime();
    action.run();
    steps.add(new Step(name, false, System.nanoTime() - start));
    runJobs();
  }

  /** The due message jobs (async continuations, deliveries), as the job executor would run them. */
  private void runJobs() {
    for (int round = 0; round < 20; round++) {
      List<Job> due = management.createJobQuery().messages().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        long start = System.nanoTime();
        management.executeJob(job.getId());
        steps.add(new Step("job " + job.getProcessDefinitionKey(), true, System.nanoTime() - start));
      }
    }
    throw new IllegalStateException("Jobs keep coming");
  }
}
