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

  /**
   * A generated letter attached to a message: its XHTML, fixed when the message is queued, and its
   * PDF ({@code content}), null until the delivery job has rendered and stored it.
   */
  record Attachment(String fileName, String contentType, byte[] content, String sourceXhtml) {

    static final String PDF = "application/pdf";

    /** A letter queued as XHTML, to be rendered to PDF by the delivery job. */
    static Attachment letter(String fileName, String xhtml) {
      return new Attachment(fileName, PDF, null, xhtml);
    }

    boolean rendered() {
      return content != null;
    }

    Attachment withContent(byte[] pdf) {
      return new Attachment(fileName, contentType, pdf, sourceXhtml);
    }
  }
}
