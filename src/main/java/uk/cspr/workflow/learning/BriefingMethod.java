package uk.cspr.workflow.learning;

/** How a 7-minute briefing was shared (labels in the form lcsprShareLearning). */
public enum BriefingMethod {
  MEETING_OR_FORUM,
  TEAM_MEETING_OR_SUPERVISION,
  TRAINING,
  EMAIL,
  NEWSLETTER_OR_WEBSITE
}
