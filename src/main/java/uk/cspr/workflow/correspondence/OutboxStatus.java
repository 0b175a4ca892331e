package uk.cspr.workflow.correspondence;

/** Where an outbox message is (SPEC §5: recorded before it is sent, status visible). */
enum OutboxStatus {
  /** Recorded with the process step; delivery job pending. */
  QUEUED,
  /** Accepted by the SMTP server. */
  SENT,
  /** Last delivery attempt failed; the job retries, then raises an incident. */
  FAILED
}
