package uk.cspr.workflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * STUB (API fixed, implementation by the correspondence work). One parameterised delegate sends
 * any letter or e-mail: {@code camunda:delegateExpression="${sendCorrespondence}"} with input
 * parameters
 * <ul>
 *   <li>{@code template} – e-mail template id (templates/email/&lt;id&gt;.html), required;
 *   <li>{@code to} – comma-separated addressee codes (PANEL, SECRETARY_OF_STATE, OFSTED, NSPCC,
 *       HOME_OFFICE, BUSINESS_UNIT, DELEGATED_PARTNERS, SENIOR_LEADS, REFERRER, or a
 *       variable-free code added to configuration later), required;
 *   <li>{@code cc} – addressee codes copied, optional;
 *   <li>{@code letters} – comma-separated letter template ids (templates/letters/&lt;id&gt;.html)
 *       rendered to PDF and attached, optional;
 *   <li>{@code subject} – subject line (case reference, never the child's name), required.
 * </ul>
 * The message is recorded in the outbox in the same transaction as the process step and
 * delivered asynchronously, at least once, with a stable Message-ID.
 */
@Component("sendCorrespondence")
public class SendCorrespondenceDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    throw new UnsupportedOperationException("stub");
  }
}
