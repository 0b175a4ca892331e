package uk.cspr.workflow.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import uk.cspr.workflow.calendar.WorkingDays;

/**
 * Plays one demo case through the engine API at past times: {@link #at} moves the engine clock
 * forward to a time some working days ago and runs the case's jobs that are due by then (so
 * missed deadlines are recorded when they happened), {@link #start} starts a flow as the engine
 * (no user: the tenant comes from the {@code partnership} variable), {@link #complete} completes
 * the case's open task of a step with form-style values. Works across all flows of the case
 * (found by its reference, the business key).
 */
final class DemoScript {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter FORM_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final WorkingDays workingDays;
  private final Instant realNow;
  private final Set<String> failedJobs = new HashSet<>();
  private Instant clock;
  private String caseReference;

  DemoScript(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      WorkingDays workingDays, Instant realNow) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.workingDays = workingDays;
    this.realNow = realNow;
    this.clock = realNow.minusSeconds(365L * 24 * 3600);
  }

  /** London time {@code hh:mm} on the working day {@code workingDaysAgo} before today (0 = today). */
  DemoScript at(int workingDaysAgo, String time) {
    LocalDate today = realNow.atZone(LONDON).toLocalDate();
    LocalDate day = workingDaysAgo == 0 ? today
        : workingDays.latestBefore(Date.from(realNow), workingDaysAgo).toInstant().atZone(LONDON).toLocalDate();
    Instant target = LocalDateTime.of(day, LocalTime.parse(time)).atZone(LONDON).toInstant();
    // Never in the future, never backwards: a demo started early in the morning still makes sense
    if (target.isAfter(realNow.minusSeconds(60))) {
      target = realNow.minusSeconds(60);
    }
    clock = target.isAfter(clock) ? target : clock.plusSeconds(60);
    ClockUtil.setCurrentTime(Date.from(clock));
    runDueJobs();
    return this;
  }

  /** The engine clock as a form-js date-time value ("2026-12-22T10:15", London). */
  String now() {
    return LocalDateTime.ofInstant(clock, LONDON).format(FORM_DATE_TIME);
  }

  /** The engine clock's London date as a form-js date value. */
  String today() {
    return LocalDate.ofInstant(clock, LONDON).toString();
  }

  /** London date-time {@code hh:mm} on the working day {@code workingDays} after the engine clock's day, as a form value. */
  String dateTimeIn(int workingDays, String time) {
    return LocalDateTime.of(dayIn(workingDays), LocalTime.parse(time)).format(FORM_DATE_TIME);
  }

  /** The working day {@code workingDays} after the engine clock's day (0 = that day), as a form date. */
  String dateIn(int workingDays) {
    return dayIn(workingDays).toString();
  }

  private LocalDate dayIn(int days) {
    return days == 0 ? LocalDate.ofInstant(clock, LONDON)
        : workingDays.deadline(Date.from(clock), days).toInstant().atZone(LONDON).toLocalDate();
  }

  DemoScript start(String processKey, Map<String, Object> variables) {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(processKey, variables);
    caseReference = instance.getBusinessKey();
    runDueJobs();
    return this;
  }

  /** Completes the case's one open task of this step; fails if there is none. */
  DemoScript complete(String taskKey, Object... nameValuePairs) {
    List<Task> open = openTasks(taskKey);
    if (open.isEmpty()) {
      throw new IllegalStateException(caseReference + ": no open task " + taskKey);
    }
    taskService.complete(open.get(0).getId(), values(nameValuePairs));
    runDueJobs();
    return this;
  }

  /** Completes every open task of this step, if any (e.g. escalations whose number depends on timing). */
  DemoScript completeAny(String taskKey, Object... nameValuePairs) {
    for (Task task : openTasks(taskKey)) {
      taskService.complete(task.getId(), values(nameValuePairs));
    }
    runDueJobs();
    return this;
  }

  /** Back to the present: runs what fell due since the last step (missed deadlines of open steps). */
  void finish() {
    clock = realNow;
    ClockUtil.setCurrentTime(Date.from(realNow));
    runDueJobs();
  }

  String caseReference() {
    return caseReference;
  }

  private List<Task> openTasks(String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseReference).taskDefinitionKey(taskKey).list();
  }

  /** Runs the due jobs of the case's flows ({@link CaseJobs}). */
  private void runDueJobs() {
    if (caseReference != null) {
      CaseJobs.runDue(runtimeService, managementService, caseReference, failedJobs);
    }
  }

  private static Map<String, Object> values(Object... nameValuePairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < nameValuePairs.length; i += 2) {
      values.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
    }
    return values;
  }
}
