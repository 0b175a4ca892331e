package uk.cspr.workflow.tasks;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.EscalationClosure;

/**
 * Applies the task conventions to every user task of every model, so no model can forget them:
 * labels and what the form shows on create, the form check and closing its escalations on complete, and {@link FlowWritesGuard} on every command. Built-in listeners run before the model's own,
 * so those can rely on typed, checked values and may refine the name.
 */
@Component
class UserTaskConventionsPlugin extends AbstractProcessEnginePlugin {

  private final TaskLabels labels;
  private final ShownValues shown;
  private final TaskFormCheck formCheck;
  private final EscalationClosure escalations;

  UserTaskConventionsPlugin(TaskLabels labels, ShownValues shown, TaskFormCheck formCheck, EscalationClosure escalations) {
    this.labels = labels;
    this.shown = shown;
    this.formCheck = formCheck;
    this.escalations = escalations;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new FlowWritesGuard(formCheck));
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new FlowWritesGuard.Issued());
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, labels);
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, shown); // after the model's own
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, formCheck);
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, escalations); // once the step's own checks passed
      }
    });
  }
}
