package uk.cspr.workflow.daily;

import java.util.List;
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
class FlowModels {

  private final RepositoryService repositoryService;
  private final Map<String, FlowModel> byDefinitionId = new ConcurrentHashMap<>();

  FlowModels(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  FlowModel of(String processDefinitionId, String processKey) {
    return byDefinitionId.computeIfAbsent(
        processDefinitionId, id -> new FlowModel(repositoryService.getBpmnModelInstance(id), processKey));
  }

  /** The latest version of a flow in any tenant (models are shared by the partnerships), if deployed. */
  Optional<FlowModel> latest(String processKey) {
    List<ProcessDefinition> latest =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().list();
    return latest.stream().findFirst().map(definition -> of(definition.getId(), processKey));
  }
}
