package uk.cspr.workflow.correspondence;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The asynchronous service task of {@code correspondenceDelivery}: delivers the outbox message
 * named by {@code outboxMessageId} (SPEC §5). A failure fails the job, which retries with back-off
 * and then raises an incident.
 */
@Component("deliverCorrespondence")
class DeliverCorrespondenceDelegate implements JavaDelegate {

  private final CorrespondenceDelivery delivery;

  DeliverCorrespondenceDelegate(CorrespondenceDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object outboxId = execution.getVariable(Correspondence.OUTBOX_MESSAGE_ID);
    if (outboxId == null) {
      throw new IllegalStateException("Variable '" + Correspondence.OUTBOX_MESSAGE_ID + "' is missing");
    }
    delivery.deliver(outboxId.toString());
  }
}
