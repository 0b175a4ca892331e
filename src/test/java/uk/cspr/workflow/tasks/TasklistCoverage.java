package uk.cspr.workflow.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Which step of which deployed model was done in Tasklist, by which test (issue 14.1): every user
 * task and every start form, as {@code processKey/elementId}. Written to
 * target/tasklist-coverage.md; the steps of a deployed model that no walk did are listed there and
 * fail the suite.
 */
final class TasklistCoverage {

  static final Path REPORT = Path.of("target", "tasklist-coverage.md");

  private final Map<String, String> coveredBy = new TreeMap<>();

  boolean covered(String step) {
    return coveredBy.containsKey(step);
  }

  void record(String step, String test) {
    coveredBy.putIfAbsent(step, test);
  }

  /** Every user task and start form of the latest version of every deployed process, with its name. */
  static Map<String, String> deployedSteps(RepositoryService repository) {
    Map<String, String> steps = new TreeMap<>();
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
      BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
      model.getModelElementsByType(UserTask.class)
          .forEach(task -> steps.put(definition.getKey() + "/" + task.getId(), task.getName() + " (form " + task.getCamundaFormRef() + ")"));
      model.getModelElementsByType(StartEvent.class).stream().filter(start -> start.getCamundaFormRef() != null)
          .forEach(start -> steps.put(definition.getKey() + "/" + start.getId(), "Start: " + definition.getName()
              + " (form " + start.getCamundaFormRef() + ")"));
    }
    return steps;
  }

  /** Writes the report and answers the deployed steps no walk did. */
  TreeSet<String> report(RepositoryService repository) {
    Map<String, String> deployed = deployedSteps(repository);
    TreeSet<String> missing = new TreeSet<>(deployed.keySet());
    missing.removeAll(coveredBy.keySet());
    StringBuilder report = new StringBuilder("# Steps done in Tasklist (Chromium)\n\n")
        .append(deployed.size() - missing.size()).append(" of ").append(deployed.size())
        .append(" user tasks and start forms of the deployed models were opened, filled and submitted in Tasklist.\n\n")
        .append("| step | what | test |\n|---|---|---|\n");
    deployed.forEach((step, name) -> report.append("| ").append(step).append(" | ").append(name).append(" | ")
        .append(coveredBy.getOrDefault(step, "**not covered**")).append(" |\n"));
    try {
      Files.createDirectories(REPORT.getParent());
      Files.writeString(REPORT, report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return missing;
  }

  String summary() {
    return coveredBy.entrySet().stream().map(entry -> entry.getKey() + " <- " + entry.getValue()).collect(Collectors.joining("\n"));
  }
}
