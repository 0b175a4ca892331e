package uk.cspr.workflow.correspondence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;

/**
 * Issue 15 (4), SPEC §5 minimum necessary data: nobody outside the partnership (referrer, Panel,
 * Ofsted, DfE, NSPCC, Home Office, parallel review leads) is sent the partnership's internal
 * records — the senior leads' recommendation, the partners' votes and views, the Doc 4 record, the
 * disagreement record. Checked on every message of every deployed model, and on the referrer's
 * message of a decided case as it was queued.
 */
@CsprSpringBootTest
class ExternalAddresseesTest {

  /** Addressees inside the partnership (AddresseeResolver): everyone else is external. */
  private static final Set<String> INTERNAL = Set.of(AddresseeResolver.BUSINESS_UNIT,
      AddresseeResolver.DELEGATED_PARTNERS, AddresseeResolver.SENIOR_LEADS);
  /** Templates and letters that carry internal records (recommendation, votes, partners' views). */
  private static final Set<String> INTERNAL_RECORDS = Set.of("decisionRecord", "recommendationAndDecisionRecord",
      "partnersNotification", "dspNotificationLetter", "sslNotification", "sslNotificationLetter",
      "rapidReviewDisagreement", "rapidReviewDisagreementRecord", "nonSeriousRequestReceived");

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired OutboxRepository outbox;

  @Test
  void noMessageOfAnyFlowCarriesAnInternalRecordToAnExternalAddressee() {
    List<String> checked = new ArrayList<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      for (ServiceTask task : repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(ServiceTask.class)) {
        Map<String, String> inputs = inputs(task);
        if (!inputs.containsKey("template") || !inputs.containsKey("to")) {
          continue;
        }
        List<String> addressees = new ArrayList<>(List.of(inputs.get("to").split(",")));
        addressees.addAll(List.of(inputs.getOrDefault("cc", "").split(",")));
        List<String> external = addressees.stream().map(String::trim).filter(a -> !a.isEmpty() && !INTERNAL.contains(a)).toList();
        if (external.isEmpty()) {
          continue;
        }
        List<String> carried = new ArrayList<>(List.of(inputs.getOrDefault("letters", "").split(",")));
        carried.add(inputs.get("template"));
        assertThat(carried).as(definition.getKey() + " " + task.getId() + " to " + external).doesNotContainAnyElementsOf(INTERNAL_RECORDS);
        checked.add(task.getId());
      }
    }
    assertThat(checked).as("messages to external addressees").contains("serviceTask_sendOutcomeToReferrer").hasSizeGreaterThan(10);
  }

  @Test
  void theReferrerGetsTheOutcomeAndItsReasonsButNotTheRecommendationOrTheVotes() {
    Map<String, Object> referral = new HashMap<>(TestReferrals.referral("north-lincolnshire"));
    ProcessInstance instance = runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral);
    String reference = instance.getBusinessKey();
    complete(instance, NotificationProcess.Elements.INFORM_PARTNERS, "partnersInformedConfirmed", true);
    complete(instance, NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NO_FURTHER_ACTION",
        "sslRationale", "SENIOR-LEADS-INTERNAL-VIEW");
    complete(instance, NotificationProcess.Elements.RECORD_PARTNERS_DECISION, "laVote", "NO_FURTHER_ACTION",
        "policeVote", "NO_FURTHER_ACTION", "icbVote", "NO_FURTHER_ACTION", "outcomeRationale", "Below the threshold for a review.");

    List<OutboxMessage> toReferrer = outbox.findByCase(reference).stream()
        .filter(m -> m.to().contains("dsl@school.example") || m.cc().contains("dsl@school.example")).toList();
    assertThat(toReferrer).as("one message to the referrer").hasSize(1);
    OutboxMessage message = toReferrer.get(0);
    assertThat(message.to()).containsExactly("dsl@school.example");
    assertThat(message.attachmentNames()).hasSize(1).allSatisfy(name -> assertThat(name).doesNotContainIgnoringCase("decision-record"));
    String letter = outbox.attachments(message.id()).get(0).sourceXhtml();
    assertThat(letter).contains("Below the threshold for a review.").contains("no further action");
    for (String carried : List.of(message.bodyHtml(), letter)) {
      assertThat(carried).doesNotContain("SENIOR-LEADS-INTERNAL-VIEW").doesNotContainIgnoringCase("vote")
          .doesNotContain("Doc 4").doesNotContainIgnoringCase("recommendation");
    }
  }

  private void complete(ProcessInstance instance, String taskKey, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult().getId(), values);
  }

  private static Map<String, String> inputs(ServiceTask task) {
    Map<String, String> inputs = new HashMap<>();
    if (task.getExtensionElements() != null) {
      for (CamundaInputParameter parameter : task.getExtensionElements().getElementsQuery()
          .filterByType(CamundaInputOutput.class).list().stream()
          .flatMap(io -> io.getCamundaInputParameters().stream()).toList()) {
        inputs.put(parameter.getCamundaName(), parameter.getTextContent().trim());
      }
    }
    return inputs;
  }
}
