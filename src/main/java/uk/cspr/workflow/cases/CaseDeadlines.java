package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One open case on the deadlines board: its flows and every {@code *DueAt} deadline of them. */
public record CaseDeadlines(
    String caseReference,
    String partnership,
    String partnershipName,
    DeadlineStatus status,
    Instant nearestDueAt,
    List<Flow> flows,
    List<Deadline> deadlines) {

  /** The row of these deadlines: open ones first by due date, the case's status that of the nearest. */
  static CaseDeadlines of(
      String caseReference, String partnership, String partnershipName, List<Flow> flows, List<Deadline> deadlines) {
    List<Deadline> sorted = new ArrayList<>(deadlines);
    sorted.sort(Comparator.comparing((Deadline d) -> !d.status().open()).thenComparing(Deadline::dueAt));
    List<Deadline> open = sorted.stream().filter(d -> d.status().open()).toList();
    DeadlineStatus status = open.stream().map(Deadline::status).min(Comparator.naturalOrder()).orElse(DeadlineStatus.ON_TRACK);
    Instant nearest = open.isEmpty() ? null : open.get(0).dueAt();
    return new CaseDeadlines(caseReference, partnership, partnershipName, status, nearest, flows, sorted);
  }

  /** The same row as of the rules' time: open deadlines get their status and working days left anew. */
  CaseDeadlines asOf(DeadlineRules rules) {
    return of(caseReference, partnership, partnershipName, flows, deadlines.stream().map(rules::asOf).toList());
  }

  /** One open process instance of the case and where it is waiting. */
  public record Flow(String processKey, String name, String processInstanceId, List<String> currentSteps) {}

  /**
   * One deadline variable: {@code workingDaysLeft} is negative when overdue and null once
   * discharged; {@code completedAt} is when the discharging task was completed.
   */
  public record Deadline(
      String name,
      String label,
      String processKey,
      Instant dueAt,
      Integer workingDaysLeft,
      DeadlineStatus status,
      Instant completedAt) {}
}
