package uk.cspr.workflow.correspondence;

import java.util.List;
import java.util.Map;

/** What a process step asks to send (the input parameters of {@code ${sendCorrespondence}}). */
record CorrespondenceRequest(
    String template,
    List<String> to,
    List<String> cc,
    List<String> letters,
    List<String> documentSteps,
    String subject,
    String caseReference,
    String partnership,
    String processInstanceId,
    String activityId,
    Map<String, Object> variables) {}
