package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.cases.CaseDeadlines.Deadline;
import uk.cspr.workflow.cases.InstanceSnapshot.TaskRecord;

/**
 * One case's row of the deadlines board, computed from the engine: its open flow instances (and the
 * processes they call, which carry the same business key = case reference), their {@code *DueAt}
 * variables, unfinished activities and deadline tasks, classified by {@link DeadlineRules}. A
 * handful of queries, all bounded by the case. Runs as the system ({@link CaseIndex}): one query
 * is native, and native queries check no permission.
 */
@Component
class CaseRows {

  private static final String COMPLETED = "completed";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final ManagementService managementService;
  private final WorkingDays workingDays;
  private final FlowModels flowModels;
  private final DeadlineVariableNames variableNames;
  private final Partnerships partnerships;

  CaseRows(
      RuntimeService runtimeService,
      HistoryService historyService,
      ManagementService managementService,
      WorkingDays workingDays,
      FlowModels flowModels,
      DeadlineVariableNames variableNames,
      Partnerships partnerships) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.managementService = managementService;
    this.workingDays = workingDays;
    this.flowModels = flowModels;
    this.variableNames = variableNames;
    this.partnerships = partnerships;
  }

  /** The rules as of the engine clock now. */
  DeadlineRules rulesNow() {
    return new DeadlineRules(ClockUtil.getCurrentTime().toInstant(), dueAt -> workingDays.workingDaysLeft(Date.from(dueAt)));
  }

  /** The case's row, or empty once no flow of the case is open. */
  Optional<CaseDeadlines> row(String caseReference) {
    List<ProcessInstance> open = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list();
    Map<String, String> keyOf = new HashMap<>();
    open.forEach(instance -> keyOf.put(instance.getId(), flowModels.key(instance.getProcessDefinitionId())));
    Set<String> flowInstances = open.stream().map(ProcessInstance::getId).filter(id -> Flows.isFlow(keyOf.get(id)))
        .collect(Collectors.toSet());
    // The flows' instances and the instances they call (e.g. the Panel's decision in a rapid review)
    List<ProcessInstance> instances = open.stream()
        .filter(i -> flowInstances.contains(i.getId()) || flowInstances.contains(i.getRootProcessInstanceId()))
        .sorted(Comparator.comparing((ProcessInstance i) -> !i.getId().equals(i.getRootProcessInstanceId()))
            .thenComparing(ProcessInstance::getId))
        .toList();
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Map<String, Instant>> dueDates = dueDates(instances);
    Map<String, List<TaskRecord>> tasks = deadlineTasks(caseReference, instances, keyOf);
    Map<String, List<HistoricActivityInstance>> activities = unfinishedActivities(instances);
    List<InstanceSnapshot> snapshots = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      String id = instance.getId();
      List<HistoricActivityInstance> active = activities.getOrDefault(id, List.of());
      snapshots.add(new InstanceSnapshot(
          id,
          instance.getRootProcessInstanceId(),
          instance.getProcessDefinitionId(),
          keyOf.get(id),
          caseReference,
          instance.getTenantId(),
          dueDates.getOrDefault(id, Map.of()),
          tasks.getOrDefault(id, List.of()),
          active.stream().map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet()),
          active.stream().filter(CaseRows::isStep).map(a -> a.getActivityName() != null ? a.getActivityName() : a.getActivityId())
              .distinct().toList()));
    }
    return Optional.of(row(caseReference, snapshots, rulesNow()));
  }

  /** The unfinished activities of the instances, in the order they started (as the system only). */
  private Map<String, List<HistoricActivityInstance>> unfinishedActivities(List<ProcessInstance> instances) {
    return HistoricActivities.of(historyService, managementService, instances.stream().map(ProcessInstance::getId).toList(),
        "END_TIME_ IS NULL").stream().collect(Collectors.groupingBy(HistoricActivityInstance::getProcessInstanceId));
  }

  /** The process-level deadline variables of the instances. */
  private Map<String, Map<String, Instant>> dueDates(List<ProcessInstance> instances) {
    Set<String> names = variableNames.names(instances.stream()
        .map(i -> flowModels.of(i.getProcessDefinitionId(), flowModels.key(i.getProcessDefinitionId()))).toList());
    Map<String, Map<String, Instant>> dueDates = new HashMap<>();
    if (names.isEmpty()) {
      return dueDates;
    }
    List<VariableInstance> variables = runtimeService.createVariableInstanceQuery()
        .processInstanceIdIn(instances.stream().map(ProcessInstance::getId).toArray(String[]::new))
        .variableNameIn(names.toArray(String[]::new))
        .disableBinaryFetching()
        .disableCustomObjectDeserialization()
        .list();
    for (VariableInstance variable : variables) {
      if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() instanceof Date due) {
        dueDates.computeIfAbsent(variable.getProcessInstanceId(), id -> new TreeMap<>()).put(variable.getName(), due.toInstant());
      }
    }
    return dueDates;
  }

  /** Open and ended tasks of the instances that carry a deadline variable. */
  private Map<String, List<TaskRecord>> deadlineTasks(
      String caseReference, List<ProcessInstance> instances, Map<String, String> keyOf) {
    Set<String> taskKeys = new LinkedHashSet<>();
    instances.forEach(instance -> flowModels.of(instance.getProcessDefinitionId(), keyOf.get(instance.getId()))
        .tasksByDueVariable().values().forEach(taskKeys::addAll));
    Map<String, List<TaskRecord>> byInstance = new HashMap<>();
    if (taskKeys.isEmpty()) {
      return byInstance;
    }
    Set<String> ids = instances.stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    List<HistoricTaskInstance> found = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseReference).processUnfinished().taskDefinitionKeyIn(taskKeys.toArray(String[]::new)).list();
    for (HistoricTaskInstance task : found) {
      if (ids.contains(task.getProcessInstanceId())) {
        Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
        byInstance.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>())
            .add(new TaskRecord(task.getTaskDefinitionKey(), end, end != null && COMPLETED.equals(task.getDeleteReason())));
      }
    }
    return byInstance;
  }

  /** Groups the case's instances into one row: each deadline once, nearest open first. */
  CaseDeadlines row(String reference, List<InstanceSnapshot> flows, DeadlineRules rules) {
    List<CaseDeadlines.Flow> flowRows = new ArrayList<>();
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    // Deadlines a task of any open instance of the case carries: copies elsewhere are not shown
    Set<String> carriedInCase = new HashSet<>();
    flows.forEach(instance -> carriedInCase.addAll(
        flowModels.of(instance.processDefinitionId(), instance.processKey()).tasksByDueVariable().keySet()));
    for (InstanceSnapshot instance : flows) {
      FlowModel model = flowModels.of(instance.processDefinitionId(), instance.processKey());
      flowRows.add(new CaseDeadlines.Flow(instance.processKey(), model.processName(), instance.processInstanceId(), instance.currentSteps()));
      for (Deadline deadline : rules.deadlines(model, instance, carriedInCase::contains)) {
        candidates.merge(deadline.name() + "|" + deadline.dueAt(),
            new Candidate(deadline, model.carries(deadline.name()), instance.isRoot()), Candidate::preferred);
      }
    }
    String partnership = flows.get(0).partnership();
    String partnershipName = partnerships.find(partnership).map(p -> p.name()).orElse(partnership);
    return CaseDeadlines.of(reference, partnership, partnershipName, flowRows,
        candidates.values().stream().map(Candidate::deadline).toList());
  }

  /**
   * One deadline as an instance of the case sees it. A flow called with all variables receives
   * copies of its caller's deadlines: of equal copies the one from the instance whose task carries
   * the deadline wins, else the one from the case's first (root) instance.
   */
  record Candidate(Deadline deadline, boolean carried, boolean root) {
    static Candidate preferred(Candidate first, Candidate second) {
      if (first.carried != second.carried) {
        return first.carried ? first : second;
      }
      return second.root && !first.root ? second : first;
    }
  }

  /** A step a person or the outside world has to act on (not a scope or a gateway). */
  private static boolean isStep(HistoricActivityInstance activity) {
    String type = activity.getActivityType();
    return type != null && (type.endsWith("Task") || type.equals("callActivity") || type.startsWith("intermediate"));
  }
}
