package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/** What the daily tools read from a model, on small models built for the purpose. */
class FlowModelTest {

  private static final BpmnModelInstance MODEL = model();

  private static BpmnModelInstance model() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("someFlow").name("Some flow")
        .startEvent("startEvent_started")
        .userTask("userTask_meet").name("Meet").camundaDueDate("${meetingDueAt}")
        .userTask("userTask_signOff").name("Sign off")
            .camundaDueDate("${signOffDueAt.before(statutoryDueAt) ? signOffDueAt : statutoryDueAt}")
        .userTask("userTask_publish").name("Publish").camundaDueDate("${plannedPublicationDate}")
        .endEvent().done();
    // <camunda:property name="dischargesDeadline" value="publicationDueAt"/> on the publish task
    UserTask publish = model.getModelElementById("userTask_publish");
    ExtensionElements extensions = model.newInstance(ExtensionElements.class);
    CamundaProperties properties = model.newInstance(CamundaProperties.class);
    CamundaProperty property = model.newInstance(CamundaProperty.class);
    property.setCamundaName(FlowModel.DISCHARGES_PROPERTY);
    property.setCamundaValue("publicationDueAt");
    properties.addChildElement(property);
    extensions.addChildElement(properties);
    publish.setExtensionElements(extensions);
    return model;
  }

  private static BpmnModelInstance withCallAndTimer() {
    return Bpmn.createExecutableProcess("caller")
        .startEvent()
        .callActivity("callActivity_panel").calledElement("panelDecision")
        .intermediateCatchEvent("timer_wait").timerWithDate("${warningDueAt}")
        .userTask("userTask_after").camundaDueDate("${afterDueAt}")
        .endEvent().done();
  }

  @Test
  void aTaskCarriesEveryDeadlineItsDueDateReadsOrItDeclares() {
    FlowModel model = new FlowModel(MODEL, "someFlow");
    assertThat(model.processName()).isEqualTo("Some flow");
    assertThat(model.dischargingTasks("meetingDueAt")).containsExactly("userTask_meet");
    assertThat(model.dischargingTasks("signOffDueAt")).containsExactly("userTask_signOff");
    assertThat(model.dischargingTasks("statutoryDueAt")).containsExactly("userTask_signOff");
    assertThat(model.dischargingTasks("publicationDueAt")).containsExactly("userTask_publish");
    assertThat(model.carries("plannedPublicationDate")).isFalse();
    assertThat(model.taskName("userTask_signOff")).isEqualTo("Sign off");
  }

  @Test
  void calledProcessesAndEveryMentionedDeadlineName() {
    FlowModel model = new FlowModel(withCallAndTimer(), "caller");
    assertThat(model.calledProcesses()).containsExactly("panelDecision");
    assertThat(model.mentionedDueVariables()).contains("warningDueAt", "afterDueAt");
    assertThat(model.carries("warningDueAt")).isFalse();
  }

  @Test
  void userTasksStillReachableFromTheActiveSteps() {
    FlowModel model = new FlowModel(MODEL, "someFlow");
    assertThat(model.reachableUserTasks(List.of("userTask_signOff"))).containsExactlyInAnyOrder("userTask_signOff", "userTask_publish");
    assertThat(model.reachableUserTasks(List.of("userTask_publish"))).containsExactly("userTask_publish");
  }
}
