package uk.cspr.workflow.cases;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Deployed models of the flows, analysed once per process definition id (a definition never
 * changes once deployed). Reads run as the current user: whoever may see a flow's instances may
 * read its definition.
 */
@Component
public class FlowModels {

  private final RepositoryService repositoryService;
  private final Map<String, FlowModel> byDefinitionId = new ConcurrentHashMap<>();
  private final Map<String, String> keys = new ConcurrentHashMap<>();

  FlowModels(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  FlowModel of(String processDefinitionId, String processKey) {
    return byDefinitionId.computeIfAbsent(
        processDefinitionId, id -> new FlowModel(repositoryService.getBpmnModelInstance(id), processKey));
  }

  /** The process key of a deployed definition. */
  String key(String processDefinitionId) {
    return keys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
  }

  /**
   * A flow and the processes it calls that are not flows themselves (e.g. the Panel's decision
   * called by the rapid review), transitively, as deployed now.
   */
  public Set<String> withCalledProcesses(String flowKey) {
    Set<String> keys = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>(List.of(flowKey));
    while (!queue.isEmpty()) {
      String key = queue.poll();
      if (keys.add(key)) {
        latest(key).ifPresent(model -> model.calledProcesses().stream().filter(called -> !Flows.isFlow(called)).forEach(queue::add));
      }
    }
    return keys;
  }

  /** The latest version of a flow in any tenant (models are shared by the partnerships), if deployed. */
  public Optional<FlowModel> latest(String processKey) {
    List<ProcessDefinition> latest =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().list();
    return latest.stream().findFirst().map(definition -> of(definition.getId(), processKey));
  }
}
