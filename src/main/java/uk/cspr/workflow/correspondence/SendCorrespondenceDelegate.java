package uk.cspr.workflow.correspondence;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * One parameterised delegate sends any letter or e-mail: {@code
 * camunda:delegateExpression="${sendCorrespondence}"} with input parameters
 * <ul>
 *   <li>{@code template} – e-mail template id (templates/email/&lt;id&gt;.html), required;
 *   <li>{@code to} – comma-separated addressee codes (PANEL, SECRETARY_OF_STATE, OFSTED, NSPCC,
 *       HOME_OFFICE, BUSINESS_UNIT, DELEGATED_PARTNERS, SENIOR_LEADS, REFERRER, a code added to
 *       {@code cspr.correspondence.mailboxes}, or a configured address written literally), required;
 *   <li>{@code cc} – addressee codes copied, optional;
 *   <li>{@code letters} – comma-separated letter template ids (templates/letters/&lt;id&gt;.html)
 *       rendered to PDF and attached, optional;
 *   <li>{@code documents} – comma-separated steps (user task ids) whose documents, as people added
 *       them to the case, are attached after the letters, optional (issue 18.2: the reports go
 *       with the e-mail that sends them);
 *   <li>{@code subject} – subject line (case reference, never the child's name), required.
 * </ul>
 * The message is recorded in the outbox in the same transaction as the process step and
 * delivered asynchronously, at least once, with a stable Message-ID (SPEC §5).
 */
@Component("sendCorrespondence")
public class SendCorrespondenceDelegate implements JavaDelegate {

  private final CorrespondenceOutbox outbox;

  SendCorrespondenceDelegate(CorrespondenceOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outbox.queue(
        new CorrespondenceRequest(
            required(execution, Correspondence.TEMPLATE),
            AddresseeResolver.codes(required(execution, Correspondence.TO)),
            AddresseeResolver.codes(optional(execution, Correspondence.CC)),
            list(optional(execution, Correspondence.LETTERS)),
            list(optional(execution, Correspondence.DOCUMENTS)),
            required(execution, Correspondence.SUBJECT),
            caseReference(execution),
            partnership(execution),
            execution.getProcessInstanceId(),
            execution.getCurrentActivityId(),
            execution.getVariables()));
  }

  private static List<String> list(String commaSeparated) {
    return commaSeparated == null
        ? List.of()
        : Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
  }

  private static String caseReference(DelegateExecution execution) {
    Object reference = execution.getVariable(CaseVariables.CASE_REFERENCE);
    String caseReference = reference != null ? reference.toString() : execution.getProcessBusinessKey();
    if (caseReference == null || caseReference.isBlank()) {
      throw new IllegalStateException(
          "Correspondence needs the case reference (variable '" + CaseVariables.CASE_REFERENCE + "' or business key)");
    }
    return caseReference;
  }

  private static String partnership(DelegateExecution execution) {
    Object partnership = execution.getVariable(CaseVariables.PARTNERSHIP);
    String tenant = partnership != null ? partnership.toString() : execution.getTenantId();
    if (tenant == null || tenant.isBlank()) {
      throw new IllegalStateException(
          "Correspondence needs the partnership (variable '" + CaseVariables.PARTNERSHIP + "' or tenant)");
    }
    return tenant;
  }

  private static String required(DelegateExecution execution, String parameter) {
    String value = optional(execution, parameter);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Input parameter '" + parameter + "' of " + execution.getCurrentActivityId() + " is required");
    }
    return value;
  }

  private static String optional(DelegateExecution execution, String parameter) {
    Object value = execution.getVariableLocal(parameter);
    return value == null ? null : value.toString();
  }
}
