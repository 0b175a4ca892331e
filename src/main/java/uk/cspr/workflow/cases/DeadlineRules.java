package uk.cspr.workflow.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import uk.cspr.workflow.cases.CaseDeadlines.Deadline;
import uk.cspr.workflow.cases.InstanceSnapshot.TaskRecord;

/**
 * The status of each {@code *DueAt} deadline of an open instance (README "Deadlines"). A task
 * "carries" a deadline when its due date reads the variable (SPEC §2) or it declares it with the
 * extension property {@code dischargesDeadline}.
 * <ul>
 *   <li>open (OVERDUE / DUE_SOON within 2 working days / ON_TRACK) while a task carrying it is open,
 *       or one not yet completed can still be reached (a deadline runs before its step starts,
 *       e.g. the Panel notification from awareness), or no task of the model carries it (it runs
 *       as long as the instance) — unless it is a copy received from a calling flow whose model
 *       carries it: then only that flow's instance shows it;
 *   <li>otherwise MET or LATE by the last completion of a task carrying it;
 *   <li>otherwise not shown: the case took a path on which the duty does not arise.
 * </ul>
 */
final class DeadlineRules {

  static final int DUE_SOON_WORKING_DAYS = DeadlineStatus.DUE_SOON_WORKING_DAYS;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final Instant now;
  private final ToIntFunction<Instant> workingDaysLeft;

  DeadlineRules(Instant now, ToIntFunction<Instant> workingDaysLeft) {
    this.now = now;
    this.workingDaysLeft = workingDaysLeft;
  }

  /** The deadlines of an instance on its own (no other instance of its case carries a deadline). */
  List<Deadline> deadlines(FlowModel model, InstanceSnapshot instance) {
    return deadlines(model, instance, model::carries);
  }

  /**
   * The deadlines of one instance of a case. {@code carriedInCase} says whether the model of any open
   * instance of the case has a task carrying a deadline: a flow called with all variables receives
   * copies of its caller's deadlines, and such a copy in an instance whose own model does not carry
   * it is not a deadline of that instance. Only the carrying instance decides whether it is open,
   * met, late, or no longer arises (not shown).
   */
  List<Deadline> deadlines(FlowModel model, InstanceSnapshot instance, Predicate<String> carriedInCase) {
    // Without history permission nothing is known about the steps: every deadline counts as open
    boolean stepsKnown = !instance.activeActivityIds().isEmpty();
    Set<String> reachable = model.reachableUserTasks(instance.activeActivityIds());
    List<Deadline> deadlines = new ArrayList<>();
    for (Map.Entry<String, Instant> variable : instance.dueDates().entrySet()) {
      String name = variable.getKey();
      Instant dueAt = variable.getValue();
      Set<String> carriers = model.dischargingTasks(name);
      if (carriers.isEmpty() && carriedInCase.test(name)) {
        continue; // a copy: the instance whose task carries it shows it, or not at all
      }
      List<TaskRecord> tasks = instance.tasks().stream().filter(t -> carriers.contains(t.taskKey())).toList();
      boolean taskOpen = tasks.stream().anyMatch(t -> t.endTime() == null);
      Optional<Instant> lastCompletion =
          tasks.stream().filter(TaskRecord::completed).map(TaskRecord::endTime).max(Comparator.naturalOrder());
      boolean stillToCome =
          carriers.stream()
              .anyMatch(key -> reachable.contains(key)
                  && tasks.stream().noneMatch(t -> t.completed() && t.taskKey().equals(key)));
      if (carriers.isEmpty() || !stepsKnown || taskOpen || stillToCome) {
        deadlines.add(open(name, instance.processKey(), dueAt));
      } else if (lastCompletion.isPresent()) {
        Instant completedAt = lastCompletion.get();
        DeadlineStatus status = completedAt.isAfter(dueAt) ? DeadlineStatus.LATE : DeadlineStatus.MET;
        deadlines.add(new Deadline(name, VariableLabels.label(name), instance.processKey(), dueAt, null, status, completedAt));
      }
    }
    return deadlines;
  }

  /** An open deadline's status as of these rules' time; a discharged one unchanged. */
  Deadline asOf(Deadline deadline) {
    return deadline.status().open() ? open(deadline.name(), deadline.processKey(), deadline.dueAt()) : deadline;
  }

  /**
   * The earliest due time that is ON_TRACK now: the start (Europe/London) of the first day more than
   * {@link #DUE_SOON_WORKING_DAYS} working days away. Earlier open deadlines are DUE_SOON, or OVERDUE
   * before {@code now}; so a case's status, that of its nearest deadline, is a range of due times.
   */
  Instant onTrackFrom() {
    LocalDate day = now.atZone(LONDON).toLocalDate();
    while (workingDaysLeft.applyAsInt(day.atStartOfDay(LONDON).toInstant()) <= DUE_SOON_WORKING_DAYS) {
      day = day.plusDays(1);
    }
    return day.atStartOfDay(LONDON).toInstant();
  }

  Instant now() {
    return now;
  }

  private Deadline open(String name, String processKey, Instant dueAt) {
    Open open = open(dueAt);
    return new Deadline(name, VariableLabels.label(name), processKey, dueAt, open.workingDaysLeft(), open.status(), null);
  }

  /** An open deadline as of now: OVERDUE, DUE_SOON or ON_TRACK, and the working days left (negative once overdue). */
  Open open(Instant dueAt) {
    int left = workingDaysLeft.applyAsInt(dueAt);
    boolean overdue = now.isAfter(dueAt);
    if (overdue && left >= 0) {
      left = -1; // a deadline stored before the end of its day: negative always means overdue
    }
    DeadlineStatus status =
        overdue ? DeadlineStatus.OVERDUE
            : left <= DUE_SOON_WORKING_DAYS ? DeadlineStatus.DUE_SOON
            : DeadlineStatus.ON_TRACK;
    return new Open(status, left);
  }

  record Open(DeadlineStatus status, int workingDaysLeft) {}
}
