package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.BUSINESS_UNIT;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.DSP;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.NORTH_LINCS;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.PANEL;
import static uk.cspr.workflow.correspondence.CorrespondenceTestProcess.SSL;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.correspondence.OutboxMessage.Attachment;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** SPEC §5: a process step records its message in the outbox in its own transaction. */
@CsprSpringBootTest
class CorrespondenceOutboxTest {

  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired OutboxRepository repository;

  @BeforeEach
  void deploy() {
    CorrespondenceTestProcess.deploy(repositoryService);
  }

  @Test
  void queueingWritesOneMessageWithItsLettersAndSchedulesDelivery() {
    String caseReference = CorrespondenceTestProcess.newCaseReference();
    ProcessInstance instance = CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);

    List<OutboxMessage> messages = repository.findByCase(caseReference);
    assertThat(messages).hasSize(1);
    OutboxMessage message = messages.get(0);
    assertThat(message.status()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(message.messageId()).matches("<[0-9a-f-]{36}@cspr\\.workflow>");
    assertThat(message.tenantId()).isEqualTo(NORTH_LINCS);
    assertThat(message.processInstanceId()).isEqualTo(instance.getId());
    assertThat(message.activityId()).isEqualTo("serviceTask_sendNotification");
    assertThat(message.template()).isEqualTo("dspNotification");
    assertThat(message.to()).containsExactly(DSP, PANEL);
    assertThat(message.cc()).containsExactly(BUSINESS_UNIT, SSL);
    assertThat(message.replyTo()).isEqualTo(BUSINESS_UNIT);
    assertThat(message.subject()).isEqualTo(caseReference + ": Notification of a serious child safeguarding incident");
    assertThat(message.bodyHtml()).contains(caseReference).doesNotContain("<script>");
    assertThat(message.attempts()).isZero();
    assertThat(message.queuedAt()).isNotNull();
    assertThat(message.sentAt()).isNull();

    List<Attachment> letters = repository.attachments(message.id());
    assertThat(letters).extracting(Attachment::fileName)
        .containsExactly(caseReference + "-dspNotificationLetter.pdf", caseReference + "-sslNotificationLetter.pdf");
    assertThat(letters).extracting(Attachment::contentType).containsOnly("application/pdf");
    for (Attachment letter : letters) {
      assertThat(letter.sourceXhtml()).as("content fixed by the step").contains(caseReference, "OFFICIAL-SENSITIVE");
      assertThat(letter.content()).as("the PDF is rendered by the delivery job").isNull();
    }

    ProcessInstance delivery =
        runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
            .processInstanceBusinessKey(caseReference)
            .singleResult();
    assertThat(delivery).isNotNull();
    assertThat(delivery.getTenantId()).isEqualTo(NORTH_LINCS);
    assertThat(runtimeService.getVariable(delivery.getId(), Correspondence.OUTBOX_MESSAGE_ID)).isEqualTo(message.id());
    Job job = managementService.createJobQuery().processInstanceId(delivery.getId()).singleResult();
    assertThat(job).as("delivery waits for its asynchronous job").isNotNull();
    assertThat(job.getRetries()).isPositive();
  }

  @Test
  void aStepThatRollsBackLeavesNoMessageAndNoDelivery() {
    String caseReference = CorrespondenceTestProcess.newCaseReference();

    assertThatThrownBy(() -> CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.ROLLBACK_KEY, caseReference))
        .hasMessageContaining(FailingStep.MESSAGE);

    assertThat(repository.findByCase(caseReference)).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).count()).isZero();
  }

  @Test
  void aStepWithAnUnknownAddresseeFailsClearlyAndQueuesNothing() {
    String key = "correspondenceUnknownAddresseeTest";
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
      BpmnModelInstance model =
          Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
              .startEvent()
              .serviceTask("serviceTask_sendToUnknown").camundaDelegateExpression("${sendCorrespondence}")
              .camundaInputParameter(Correspondence.TEMPLATE, "dspNotification")
              .camundaInputParameter(Correspondence.TO, "PANEL,MINISTER")
              .camundaInputParameter(Correspondence.SUBJECT, "Notification")
              .endEvent()
              .done();
      repositoryService.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
    }
    String caseReference = CorrespondenceTestProcess.newCaseReference();

    assertThatThrownBy(() -> CorrespondenceTestProcess.start(runtimeService, key, caseReference))
        .hasMessageContaining("Unknown addressee code 'MINISTER'");
    assertThat(repository.findByCase(caseReference)).isEmpty();
  }
}
