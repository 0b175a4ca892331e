package uk.cspr.workflow.documents;

import java.time.Instant;

/**
 * A document attached to a case, without its content: the case and partnership, the step it was
 * added to ({@code taskKey} and the step's name; null when the business unit added it to the case
 * itself), who added it and when, its file name and the type found in its content.
 */
public record CaseDocument(
    String id,
    String caseReference,
    String tenantId,
    String processKey,
    String taskKey,
    String stepName,
    String addedBy,
    Instant addedAt,
    String fileName,
    DocumentType type,
    long size) {}
