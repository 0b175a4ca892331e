package uk.cspr.workflow.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * What a process instance asked {@code ${sendCorrespondence}} to send, read from history: the input
 * parameters (template, to, cc, letters, subject) of every step that used it, in order. Independent
 * of delivery, so a test can prove what was (and was not) queued for whom.
 */
public final class QueuedCorrespondence {

  /** One queued message: the step and its input parameters. */
  public record Queued(String activityId, String template, String to, String cc, String letters, String subject) {

    /** The addressee codes, To and Cc. */
    public List<String> addressees() {
      List<String> codes = new ArrayList<>();
      for (String list : new String[] {to, cc}) {
        if (list != null) {
          for (String code : list.split(",")) {
            if (!code.isBlank()) {
              codes.add(code.strip());
            }
          }
        }
      }
      return codes;
    }
  }

  public static List<Queued> of(HistoryService history, String processInstanceId) {
    List<Queued> queued = new ArrayList<>();
    List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
        .processInstanceId(processInstanceId).activityType("serviceTask").list();
    steps.sort(Comparator.comparing(HistoricActivityInstance::getStartTime).thenComparing(HistoricActivityInstance::getId));
    for (HistoricActivityInstance step : steps) {
      Map<String, String> parameters = new HashMap<>();
      for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
          .activityInstanceIdIn(step.getId()).list()) {
        parameters.put(variable.getName(), variable.getValue() == null ? null : variable.getValue().toString());
      }
      if (parameters.containsKey("template")) {
        queued.add(new Queued(step.getActivityId(), parameters.get("template"), parameters.get("to"),
            parameters.get("cc"), parameters.get("letters"), parameters.get("subject")));
      }
    }
    return queued;
  }

  private QueuedCorrespondence() {}
}
