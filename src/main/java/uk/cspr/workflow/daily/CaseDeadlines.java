package uk.cspr.workflow.daily;

import java.time.Instant;
import java.util.List;

/** One open case on the deadlines board: its flows and every {@code *DueAt} deadline of them. */
record CaseDeadlines(
    String caseReference,
    String partnership,
    String partnershipName,
    DeadlineStatus status,
    Instant nearestDueAt,
    List<Flow> flows,
    List<Deadline> deadlines) {

  /** One open process instance of the case and where it is waiting. */
  record Flow(String processKey, String name, String processInstanceId, List<String> currentSteps) {}

  /**
   * One deadline variable: {@code workingDaysLeft} is negative when overdue and null once
   * discharged; {@code completedAt} is when the discharging task was completed.
   */
  record Deadline(
      String name,
      String label,
      String processKey,
      Instant dueAt,
      Integer workingDaysLeft,
      DeadlineStatus status,
      Instant completedAt) {}
}
