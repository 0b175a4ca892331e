package uk.cspr.workflow.cases;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * What one deployed process definition says about its deadlines (SPEC §2: every deadline is a
 * {@code *DueAt} variable and the due date of the user task that discharges it): which user tasks
 * carry which {@code *DueAt} variable as {@code camunda:dueDate}, the plain task names, and which
 * user tasks can still be reached from a set of active activities. Immutable once built.
 */
public final class FlowModel {

  /**
   * A deadline variable read by a due date expression: {@code ${panelNotificationDueAt}}, or each of
   * {@code ${signOffDueAt.before(rapidReviewDueAt) ? signOffDueAt : rapidReviewDueAt}}.
   */
  static final String DISCHARGES_PROPERTY = "dischargesDeadline";

  private static final Pattern DUE_VARIABLE = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*DueAt)(?![\\w(])");

  private final String processName;
  private final Map<String, Set<String>> tasksByDueVariable = new LinkedHashMap<>();
  private final Map<String, String> taskNames = new HashMap<>();
  private final Map<String, Set<String>> successors = new HashMap<>();
  private final Set<String> userTasks = new HashSet<>();
  private final Set<String> eventSubProcessStarts = new HashSet<>();
  private final Map<String, Set<String>> reachableCache = new ConcurrentHashMap<>();
  private final Set<String> calledProcesses = new LinkedHashSet<>();
  private final Set<String> mentionedDueVariables = new LinkedHashSet<>();

  FlowModel(BpmnModelInstance model, String processKey) {
    Process process = model.getModelElementById(processKey);
    this.processName = process == null || process.getName() == null ? processKey : process.getName();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      userTasks.add(task.getId());
      taskNames.put(task.getId(), task.getName() == null ? task.getId() : task.getName());
      String due = task.getCamundaDueDate();
      Matcher matcher = DUE_VARIABLE.matcher((due == null ? "" : due) + " " + declaredDischarges(task));
      while (matcher.find()) {
        tasksByDueVariable.computeIfAbsent(matcher.group(1), v -> new LinkedHashSet<>()).add(task.getId());
      }
    }
    // every deadline variable the model names anywhere (timers, mappings, expressions)
    Matcher mentioned = DUE_VARIABLE.matcher(Bpmn.convertToString(model));
    while (mentioned.find()) {
      mentionedDueVariables.add(mentioned.group(1));
    }
    model.getModelElementsByType(CallActivity.class).stream()
        .map(CallActivity::getCalledElement)
        .filter(called -> called != null && !called.contains("$") && !called.contains("#"))
        .forEach(calledProcesses::add);
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Set<String> next = successors.computeIfAbsent(node.getId(), id -> new HashSet<>());
      node.getOutgoing().stream().map(SequenceFlow::getTarget).map(FlowNode::getId).forEach(next::add);
      if (node instanceof SubProcess sub) {
        sub.getChildElementsByType(StartEvent.class).forEach(start -> next.add(start.getId()));
        if (sub.triggeredByEvent()) {
          sub.getChildElementsByType(StartEvent.class).forEach(start -> eventSubProcessStarts.add(start.getId()));
        }
      }
      ModelElementInstance parent = node.getParentElement();
      if (node.getOutgoing().isEmpty() && parent instanceof SubProcess scope && !scope.triggeredByEvent()) {
        scope.getOutgoing().stream().map(SequenceFlow::getTarget).map(FlowNode::getId).forEach(next::add);
      }
    }
    for (BoundaryEvent boundary : model.getModelElementsByType(BoundaryEvent.class)) {
      successors.computeIfAbsent(boundary.getAttachedTo().getId(), id -> new HashSet<>()).add(boundary.getId());
    }
  }

  public String processName() {
    return processName;
  }

  /**
   * Deadlines a task discharges although its due date is another date (e.g. a planned publication
   * date before the statutory one): {@code <camunda:property name="dischargesDeadline"
   * value="lcsprPublicationDueAt"/>}, comma-separated.
   */
  private static String declaredDischarges(UserTask task) {
    if (task.getExtensionElements() == null) {
      return "";
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> DISCHARGES_PROPERTY.equals(property.getCamundaName()) && property.getCamundaValue() != null)
        .map(property -> property.getCamundaValue().replace(',', ' '))
        .collect(Collectors.joining(" "));
  }

  /** Every {@code *DueAt} name the model mentions (due dates, timers, mappings, expressions). */
  Set<String> mentionedDueVariables() {
    return mentionedDueVariables;
  }

  /** Keys of the processes this model calls with a fixed {@code calledElement}. */
  Set<String> calledProcesses() {
    return calledProcesses;
  }

  /** Whether a task of this model has the variable in its due date. */
  boolean carries(String dueVariable) {
    return tasksByDueVariable.containsKey(dueVariable);
  }

  /** Deadline variable → ids of the user tasks whose due date it is. */
  public Map<String, Set<String>> tasksByDueVariable() {
    return tasksByDueVariable;
  }

  Set<String> dischargingTasks(String dueVariable) {
    return tasksByDueVariable.getOrDefault(dueVariable, Set.of());
  }

  /** The task's name in the model (Tasklist shows it with "— due …" appended). */
  String taskName(String taskKey) {
    return taskNames.get(taskKey);
  }

  /**
   * User tasks that may still be created when these activities are active (multi-instance body ids
   * allowed). Conditions are ignored, so this over- rather than under-estimates; event sub-processes
   * count as reachable while the instance runs.
   */
  Set<String> reachableUserTasks(Collection<String> activeActivityIds) {
    Set<String> seeds = new TreeSet<>();
    activeActivityIds.forEach(id -> seeds.add(id.replace("#multiInstanceBody", "")));
    return reachableCache.computeIfAbsent(String.join(",", seeds), key -> search(seeds));
  }

  private Set<String> search(Set<String> seeds) {
    Deque<String> queue = new ArrayDeque<>(seeds);
    queue.addAll(eventSubProcessStarts);
    Set<String> seen = new HashSet<>(queue);
    Set<String> tasks = new HashSet<>();
    while (!queue.isEmpty()) {
      String node = queue.poll();
      if (userTasks.contains(node)) {
        tasks.add(node);
      }
      for (String next : successors.getOrDefault(node, Set.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return Set.copyOf(tasks);
  }
}
