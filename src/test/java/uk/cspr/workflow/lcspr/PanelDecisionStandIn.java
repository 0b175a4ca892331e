package uk.cspr.workflow.lcspr;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The reusable Panel interaction {@code panelDecision} (built on the rapid review branch). Where it
 * is not deployed, tests deploy a stand-in with the same key and contract (src/test/resources) and
 * delete it afterwards; where it is, they use the real one.
 */
final class PanelDecisionStandIn {

  static final String KEY = "panelDecision";
  static final String RECORD_PANEL_ANSWER = "userTask_recordPanelAnswer";
  static final String RECORD_SCOPE_DISCUSSIONS = "userTask_recordScopeDiscussions";

  private String deploymentId;

  void deployUnlessReal(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
      deploymentId = repository.createDeployment().name("panelDecision test stand-in")
          .addClasspathResource("bpmn/panelDecisionStandIn.bpmn").deploy().getId();
    }
  }

  void undeploy(RepositoryService repository) {
    if (deploymentId != null) {
      repository.deleteDeployment(deploymentId, true);
      deploymentId = null;
    }
  }

  ProcessInstance instance(RuntimeService runtime, ProcessInstance caller) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).processDefinitionKey(KEY)
        .singleResult();
  }

  /**
   * The business unit records the Panel's final answer (NATIONAL_REVIEW or LOCAL_DECISION_STANDS);
   * for a national review the partners then record the scope discussions (real panelDecision only).
   */
  void answer(TaskService tasks, ProcessInstance panel, String answer) {
    Task task = tasks.createTaskQuery().processInstanceId(panel.getId()).taskDefinitionKey(RECORD_PANEL_ANSWER)
        .singleResult();
    tasks.complete(task.getId(), Map.of("panelAnswer", answer, "nationalReview", "NATIONAL_REVIEW".equals(answer),
        "panelAnsweredAt", ClockUtil.getCurrentTime(), "panelAnswerRationale", "Panel's reasons"));
    Task scope = tasks.createTaskQuery().processInstanceId(panel.getId()).taskDefinitionKey(RECORD_SCOPE_DISCUSSIONS)
        .singleResult();
    if (scope != null) {
      tasks.complete(scope.getId(), Map.of("nationalReviewScopeDiscussions", "Scope agreed with the Panel's reviewer"));
    }
  }

  boolean isStandIn() {
    return deploymentId != null;
  }
}
