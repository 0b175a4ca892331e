package uk.cspr.workflow.rapidreview;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The tests' rapid review driver ({@link RapidReviewSteps}, package-private) for the benchmarks:
 * each method finds one task and completes it with the form values Tasklist would submit.
 */
public final class BenchRapidReview {

  public static final String KEY = RapidReviewProcess.KEY;
  public static final String PANEL_DECISION_KEY = PanelDecisionProcess.KEY;

  private final RapidReviewSteps steps;

  public BenchRapidReview(RuntimeService runtime, TaskService tasks) {
    this.steps = new RapidReviewSteps(runtime, tasks);
  }

  public void confirmAgencies(ProcessInstance review, String... agencies) {
    steps.confirmAgencies(review, agencies);
  }

  public void scheduleMeeting(ProcessInstance review, String meetingAt) {
    steps.schedule(review, meetingAt);
  }

  public void returnAllReports(ProcessInstance review) {
    steps.returnAllReports(review);
  }

  public void recordMeeting(ProcessInstance review, boolean lcspr) {
    steps.recordMeeting(review, lcspr, lcspr, lcspr);
  }

  public void writeChairReport(ProcessInstance review) {
    steps.writeChairReport(review);
  }

  public void holdWellbeingSessions(ProcessInstance review) {
    steps.completeWellbeing(review);
  }

  public void signOff(ProcessInstance review, boolean lcspr) {
    steps.signOff(review, String.valueOf(lcspr));
  }

  public ProcessInstance panelDecision(ProcessInstance review) {
    return steps.panelDecision(review);
  }

  public void recordPanelAnswer(ProcessInstance panel, String answer) {
    steps.answer(panel, answer);
  }

  public static String deadlinesBreachedVariable() {
    return "deadlinesBreached";
  }
}
