package uk.cspr.workflow.lcspr;

import static uk.cspr.workflow.lcspr.LcsprProcess.FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION;
import static uk.cspr.workflow.lcspr.LcsprProcess.PUBLICATION_MONTHS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_NOTICE_DUE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_NOTICE_SENT_FOR;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.DELAY_REASONS;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.FINAL_REPORT_TO_PANEL_DUE_AT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.LCSPR_DECIDED_AT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.PLANNED_PUBLICATION_DATE;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.PUBLICATION_DUE_AT;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.PUBLISHED;
import static uk.cspr.workflow.lcspr.LcsprProcess.Vars.STATUTORY;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.FormValues;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.tasks.TaskLabels;

/**
 * The planned publication date and what follows from it (WT 2023 ch.4 paras 40-41): the report
 * goes to the Panel, DfE and Ofsted no later than 7 working days before publication ({@code
 * finalReportToPanelDueAt}, recomputed whenever the date changes, with the due dates and timer of
 * the steps already waiting on it); a date after the six-month limit needs reasons, and the Panel
 * and the Secretary of State are told ({@code delayNoticeDue}) unless they already know of a date at
 * least as late. As task listener of the "update the planned publication date" tasks it checks and
 * applies the new date.
 */
@Component("publicationTimetable")
public class PublicationTimetable implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final WorkingDays workingDays;
  private final LcsprSettings settings;

  PublicationTimetable(WorkingDays workingDays, LcsprSettings settings) {
    this.workingDays = workingDays;
    this.settings = settings;
  }

  /**
   * When the decision was taken: {@code lcsprDecidedAt} as given, else now. The timers of the
   * review's event sub-processes are set when the review starts, before its start listener has
   * stored anything, so they compute from the start variables with the same methods.
   */
  public Date decidedAt(VariableScope variables) {
    FormValues values = new FormValues(variables.getVariables());
    return values.present(LCSPR_DECIDED_AT) ? Date.from(values.instant(LCSPR_DECIDED_AT)) : ClockUtil.getCurrentTime();
  }

  /** WT 2023 ch.4 para 41: completed and published no later than six months from the decision. */
  public Date publicationDueAt(VariableScope variables) {
    return workingDays.plusMonths(decidedAt(variables), PUBLICATION_MONTHS);
  }

  /** The start of the day {@code cspr.lcspr.publication-warning-before} before the six-month date. */
  public Date publicationWarningAt(VariableScope variables) {
    LocalDate dueDay = londonDate(publicationDueAt(variables));
    return Date.from(dueDay.minus(settings.publicationWarningBefore()).atStartOfDay(FormValues.LONDON).toInstant());
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (Boolean.TRUE.equals(execution.getVariable(PUBLISHED))) {
      throw new InvalidCaseDataException(PLANNED_PUBLICATION_DATE, "the report has already been published");
    }
    FormValues form = new FormValues(task.getVariables());
    LocalDate planned = form.date(PLANNED_PUBLICATION_DATE);
    if (planned.isBefore(today())) {
      throw new InvalidCaseDataException(PLANNED_PUBLICATION_DATE, "cannot be in the past");
    }
    String reasons = form.text(DELAY_REASONS, 4000, false);
    LocalDate limit = londonDate(execution.getVariable(PUBLICATION_DUE_AT));
    if (planned.isAfter(limit) && reasons == null) {
      throw new InvalidCaseDataException(
          DELAY_REASONS, "give the reasons for publishing after " + DAY.format(limit) + " (six months from the decision)");
    }
    execution.getProcessInstance().setVariable(DELAY_REASONS, reasons);
    plan(execution, planned);
  }

  /**
   * Stores the planned publication date and the date the report is due at the Panel, and whether a
   * delay notice is now due; moves the due dates of open steps that depend on them.
   */
  void plan(DelegateExecution execution, LocalDate planned) {
    DelegateExecution instance = execution.getProcessInstance();
    Date plannedAt = Date.from(planned.atStartOfDay(FormValues.LONDON).toInstant());
    Date reportDue = workingDays.latestBefore(plannedAt, FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION);
    instance.setVariable(PLANNED_PUBLICATION_DATE, plannedAt);
    instance.setVariable(FINAL_REPORT_TO_PANEL_DUE_AT, reportDue);

    boolean statutory = Boolean.TRUE.equals(instance.getVariable(STATUTORY));
    boolean late = planned.isAfter(londonDate(instance.getVariable(PUBLICATION_DUE_AT)));
    Object toldFor = instance.getVariable(DELAY_NOTICE_SENT_FOR);
    boolean panelToldOfThisDate = toldFor != null && !planned.isAfter(londonDate(toldFor));
    instance.setVariable(DELAY_NOTICE_DUE, statutory && late && !panelToldOfThisDate);

    moveOpenSteps(execution, plannedAt, reportDue);
  }

  private static void moveOpenSteps(DelegateExecution execution, Date plannedAt, Date reportDue) {
    String processInstanceId = execution.getProcessInstanceId();
    TaskService tasks = execution.getProcessEngineServices().getTaskService();
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(LcsprProcess.Elements.SEND_FINAL_REPORT).list()) {
      redate(tasks, task, reportDue);
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(LcsprProcess.Elements.PUBLISH_REPORT).list()) {
      redate(tasks, task, plannedAt);
    }
    ManagementService management = execution.getProcessEngineServices().getManagementService();
    for (Job timer : management.createJobQuery().processInstanceId(processInstanceId)
        .activityId(LcsprProcess.Elements.FINAL_REPORT_OVERDUE).list()) {
      management.setJobDuedate(timer.getId(), reportDue);
    }
  }

  /** New due date, and the same in the task's name. */
  private static void redate(TaskService tasks, Task task, Date due) {
    task.setName(TaskLabels.withDue(task.getName(), due));
    task.setDueDate(due);
    tasks.saveTask(task);
  }

  static LocalDate londonDate(Object date) {
    return ((Date) date).toInstant().atZone(FormValues.LONDON).toLocalDate();
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(FormValues.LONDON).toLocalDate();
  }
}
