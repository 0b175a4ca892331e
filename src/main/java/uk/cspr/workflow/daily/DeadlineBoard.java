package uk.cspr.workflow.daily;

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
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricActivityInstanceQuery;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.daily.CaseDeadlines.Deadline;
import uk.cspr.workflow.daily.InstanceSnapshot.TaskRecord;

/**
 * {@code GET /api/deadlines}: one row per open case with its flows (and the processes they call),
 * current steps and deadlines, nearest open deadline first. Every query runs as the calling user,
 * so the engine's tenant and authorization checks decide what is seen (READ / READ_INSTANCE for instances and variables,
 * READ_HISTORY for steps and discharged deadlines). A fixed number of bulk queries per request,
 * whatever the number of cases: open instances, variables and caseReference per 1000 ids,
 * unfinished activities per deployed version, deadline tasks per flow.
 */
@Component
class DeadlineBoard {

  static final int CHUNK = 1000;
  private static final String COMPLETED = "completed";

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final WorkingDays workingDays;
  private final FlowModels flowModels;
  private final DeadlineVariableNames variableNames;
  private final Partnerships partnerships;

  DeadlineBoard(
      RuntimeService runtimeService,
      HistoryService historyService,
      WorkingDays workingDays,
      FlowModels flowModels,
      DeadlineVariableNames variableNames,
      Partnerships partnerships) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.workingDays = workingDays;
    this.flowModels = flowModels;
    this.variableNames = variableNames;
    this.partnerships = partnerships;
  }

  /** The board: total matching cases and the requested page of them. */
  record Board(Instant generatedAt, int total, int offset, int limit, List<CaseDeadlines> cases) {}

  /** @param partnership tenant id or null for all the user may see; @param status null for all */
  Board board(String partnership, DeadlineStatus status, int offset, int limit) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<InstanceSnapshot> instances = snapshots(partnership);
    DeadlineRules rules = new DeadlineRules(now, dueAt -> workingDays.workingDaysLeft(Date.from(dueAt)));
    List<CaseDeadlines> cases = group(instances, rules).stream()
        .filter(row -> status == null || row.status() == status)
        .sorted(Comparator.comparing(CaseDeadlines::nearestDueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(CaseDeadlines::caseReference))
        .toList();
    List<CaseDeadlines> page = cases.stream().skip(offset).limit(limit).toList();
    return new Board(now, cases.size(), offset, limit, page);
  }

  private List<InstanceSnapshot> snapshots(String partnership) {
    // The flows' instances and the instances they call (e.g. the Panel's decision in a rapid review)
    ProcessInstanceQuery query = runtimeService.createProcessInstanceQuery();
    if (partnership != null) {
      query.tenantIdIn(partnership);
    }
    List<ProcessInstance> open = query.list();
    Map<String, String> keyOf = new HashMap<>();
    open.forEach(instance -> keyOf.put(instance.getId(), flowModels.key(instance.getProcessDefinitionId())));
    Set<String> flowInstances = open.stream().map(ProcessInstance::getId).filter(id -> Flows.isFlow(keyOf.get(id)))
        .collect(Collectors.toSet());
    Map<String, ProcessInstance> instances = new LinkedHashMap<>();
    open.stream()
        .filter(i -> flowInstances.contains(i.getId()) || flowInstances.contains(i.getRootProcessInstanceId()))
        .forEach(i -> instances.put(i.getId(), i));
    if (instances.isEmpty()) {
      return List.of();
    }
    Set<String> deadlineNames = variableNames.names(instances.values().stream().map(ProcessInstance::getProcessDefinitionId)
        .distinct().map(id -> flowModels.of(id, flowModels.key(id))).toList());
    Map<String, Map<String, Instant>> dueDates = dueDates(instances.keySet(), deadlineNames);
    Map<String, String> references = caseReferences(instances);
    Map<String, List<HistoricActivityInstance>> activities = unfinishedActivities(instances.values(), partnership);
    Map<String, List<TaskRecord>> tasks = deadlineTasks(instances.values(), keyOf, partnership);

    List<InstanceSnapshot> snapshots = new ArrayList<>();
    for (ProcessInstance instance : instances.values()) {
      String id = instance.getId();
      List<HistoricActivityInstance> active = activities.getOrDefault(id, List.of());
      snapshots.add(new InstanceSnapshot(
          id,
          instance.getRootProcessInstanceId(),
          instance.getProcessDefinitionId(),
          keyOf.get(id),
          instance.getBusinessKey() != null ? instance.getBusinessKey() : references.getOrDefault(id, id),
          instance.getTenantId(),
          dueDates.getOrDefault(id, Map.of()),
          tasks.getOrDefault(id, List.of()),
          active.stream().map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet()),
          active.stream().filter(DeadlineBoard::isStep).map(a -> a.getActivityName() != null ? a.getActivityName() : a.getActivityId())
              .distinct().toList()));
    }
    return snapshots;
  }

  /** The process-level deadline variables ({@link DeadlineVariableNames}), one query per 1000 instances. */
  private Map<String, Map<String, Instant>> dueDates(Set<String> ids, Set<String> names) {
    Map<String, Map<String, Instant>> dueDates = new HashMap<>();
    if (names.isEmpty()) {
      return dueDates;
    }
    for (List<String> chunk : chunks(ids)) {
      VariableInstanceQuery query = runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(chunk.toArray(String[]::new))
          .variableNameIn(names.toArray(String[]::new))
          .disableBinaryFetching()
          .disableCustomObjectDeserialization();
      for (VariableInstance variable : query.list()) {
        if (variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() instanceof Date due) {
          dueDates.computeIfAbsent(variable.getProcessInstanceId(), id -> new TreeMap<>()).put(variable.getName(), due.toInstant());
        }
      }
    }
    return dueDates;
  }

  /** The case reference of instances started without a business key (normally none). */
  private Map<String, String> caseReferences(Map<String, ProcessInstance> instances) {
    Set<String> withoutKey = instances.values().stream().filter(i -> i.getBusinessKey() == null)
        .map(ProcessInstance::getId).collect(Collectors.toSet());
    Map<String, String> references = new HashMap<>();
    for (List<String> chunk : chunks(withoutKey)) {
      runtimeService.createVariableInstanceQuery().processInstanceIdIn(chunk.toArray(String[]::new))
          .variableName(CaseVariables.CASE_REFERENCE).list()
          .forEach(v -> references.put(v.getProcessInstanceId(), String.valueOf(v.getValue())));
    }
    return references;
  }

  private Map<String, List<HistoricActivityInstance>> unfinishedActivities(
      Iterable<ProcessInstance> instances, String partnership) {
    Set<String> definitionIds = new LinkedHashSet<>();
    instances.forEach(instance -> definitionIds.add(instance.getProcessDefinitionId()));
    Map<String, List<HistoricActivityInstance>> byInstance = new HashMap<>();
    for (String definitionId : definitionIds) {
      HistoricActivityInstanceQuery query =
          historyService.createHistoricActivityInstanceQuery().processDefinitionId(definitionId).unfinished();
      if (partnership != null) {
        query.tenantIdIn(partnership);
      }
      query.list().forEach(a -> byInstance.computeIfAbsent(a.getProcessInstanceId(), id -> new ArrayList<>()).add(a));
    }
    return byInstance;
  }

  /** Open and ended tasks of open instances that carry a deadline variable, one query per flow. */
  private Map<String, List<TaskRecord>> deadlineTasks(
      Iterable<ProcessInstance> instances, Map<String, String> keyOf, String partnership) {
    Map<String, Set<String>> taskKeysByFlow = new HashMap<>();
    instances.forEach(instance -> {
      String key = keyOf.get(instance.getId());
      FlowModel model = flowModels.of(instance.getProcessDefinitionId(), key);
      Set<String> taskKeys = taskKeysByFlow.computeIfAbsent(key, k -> new LinkedHashSet<>());
      model.tasksByDueVariable().values().forEach(taskKeys::addAll);
    });
    Map<String, List<TaskRecord>> byInstance = new HashMap<>();
    taskKeysByFlow.forEach((key, taskKeys) -> {
      if (taskKeys.isEmpty()) {
        return;
      }
      HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery()
          .processDefinitionKey(key).processUnfinished().taskDefinitionKeyIn(taskKeys.toArray(String[]::new));
      if (partnership != null) {
        query.tenantIdIn(partnership);
      }
      for (HistoricTaskInstance task : query.list()) {
        Instant end = task.getEndTime() == null ? null : task.getEndTime().toInstant();
        byInstance.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>())
            .add(new TaskRecord(task.getTaskDefinitionKey(), end, end != null && COMPLETED.equals(task.getDeleteReason())));
      }
    });
    return byInstance;
  }

  private List<CaseDeadlines> group(List<InstanceSnapshot> instances, DeadlineRules rules) {
    Map<String, List<InstanceSnapshot>> byCase = new LinkedHashMap<>();
    instances.forEach(i -> byCase.computeIfAbsent(i.caseReference(), k -> new ArrayList<>()).add(i));
    List<CaseDeadlines> rows = new ArrayList<>();
    byCase.forEach((reference, flows) -> {
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
      List<Deadline> deadlines = new ArrayList<>(candidates.values().stream().map(Candidate::deadline).toList());
      deadlines.sort(Comparator.comparing((Deadline d) -> !d.status().open()).thenComparing(Deadline::dueAt));
      List<Deadline> open = deadlines.stream().filter(d -> d.status().open()).toList();
      DeadlineStatus status = open.stream().map(Deadline::status).min(Comparator.naturalOrder()).orElse(DeadlineStatus.ON_TRACK);
      Instant nearest = open.isEmpty() ? null : open.get(0).dueAt();
      String partnership = flows.get(0).partnership();
      String partnershipName = partnerships.find(partnership).map(p -> p.name()).orElse(partnership);
      rows.add(new CaseDeadlines(reference, partnership, partnershipName, status, nearest, flowRows, deadlines));
    });
    return rows;
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

  static List<List<String>> chunks(Set<String> ids) {
    List<String> all = new ArrayList<>(ids);
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
