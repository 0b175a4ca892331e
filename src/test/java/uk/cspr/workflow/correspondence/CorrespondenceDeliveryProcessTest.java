package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** The model {@code correspondenceDelivery}: one asynchronous delivery step with back-off retries. */
@CsprSpringBootTest
class CorrespondenceDeliveryProcessTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired OutboxRepository repository;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(processEngine);
    CorrespondenceTestProcess.deploy(repositoryService);
  }

  @Test
  void waitsAsynchronouslyBeforeDeliveringThenEnds() {
    String caseReference = CorrespondenceTestProcess.newCaseReference();
    CorrespondenceTestProcess.start(runtimeService, CorrespondenceTestProcess.KEY, caseReference);
    ProcessInstance delivery =
        runtimeService.createProcessInstanceQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY)
            .processInstanceBusinessKey(caseReference)
            .singleResult();

    assertThat(delivery).isWaitingAt(Correspondence.DELIVER_MESSAGE_TASK_ID);
    assertThat(job(delivery)).isNotNull();

    // Already delivered (e.g. by an earlier attempt whose commit was lost): the job sends nothing and ends
    String outboxId = repository.findByCase(caseReference).get(0).id();
    repository.markSent(outboxId, OffsetDateTime.now(ZoneOffset.UTC));
    execute(job(delivery));

    assertThat(delivery).hasPassedInOrder(
        "startEvent_messageQueued", Correspondence.DELIVER_MESSAGE_TASK_ID, "endEvent_messageDelivered");
    assertThat(delivery).isEnded();
  }

  @Test
  void retriesWithBackOffAndIsNotStartableInTasklist() {
    ProcessDefinition definition =
        repositoryService.createProcessDefinitionQuery()
            .processDefinitionKey(Correspondence.DELIVERY_PROCESS_KEY).latestVersion().singleResult();
    assertThat(definition.isStartableInTasklist()).isFalse();
    assertThat(definition.getHistoryTimeToLive()).isPositive();

    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    ServiceTask task = model.getModelElementById(Correspondence.DELIVER_MESSAGE_TASK_ID);
    assertThat(task.isCamundaAsyncBefore()).isTrue();
    assertThat(task.getCamundaDelegateExpression()).isEqualTo("${deliverCorrespondence}");
    assertThat(task.getExtensionElements().getElementsQuery().filterByType(CamundaFailedJobRetryTimeCycle.class)
            .singleResult().getTextContent())
        .isEqualTo("PT1M,PT5M,PT15M,PT1H,PT4H");
  }
}
