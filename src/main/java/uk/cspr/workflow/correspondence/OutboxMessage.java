package uk.cspr.workflow.correspondence;

import java.time.OffsetDateTime;
import java.util.List;

/** One recorded e-mail of the outbox (SPEC §5: who, what, when, which case, status). */
record OutboxMessage(
    String id,
    String messageId,
    String caseReference,
    String tenantId,
    String processInstanceId,
    String activityId,
    String template,
    String from,
    String replyTo,
    List<String> to,
    List<String> cc,
    String subject,
    String bodyHtml,
    OutboxStatus status,
    OffsetDateTime queuedAt,
    OffsetDateTime sentAt,
    int attempts,
    OffsetDateTime lastAttemptAt,
    String lastError,
    List<String> attachmentNames) {

  /** A generated letter attached to a message. */
  record Attachment(String fileName, String contentType, byte[] content) {}
}
