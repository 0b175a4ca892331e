package uk.cspr.workflow.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/deadlines/summary}: deadlines met on time versus late per duty over the last
 * months. Rule: every user task with a due date in the window counts once: on time if completed at
 * or before its due date, late if completed after it or still open past it; cancelled tasks do not
 * count. The duty is the task definition (key and model name). Completed tasks are counted in the
 * database ({@link DutyOutcomes}); open tasks past their due date are few and read from the engine.
 * The caller sees their partnerships and the flows whose history they may read (READ_HISTORY).
 */
@Component
class DeadlineSummary {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final DutyOutcomes outcomes;
  private final TaskService taskService;
  private final FlowModels flowModels;
  private final CallerScope callerScope;

  DeadlineSummary(DutyOutcomes outcomes, TaskService taskService, FlowModels flowModels, CallerScope callerScope) {
    this.outcomes = outcomes;
    this.taskService = taskService;
    this.flowModels = flowModels;
    this.callerScope = callerScope;
  }

  /** {@code flow} and {@code name} for people: the process's and the step's names in the model. */
  record Duty(String processKey, String taskKey, String flow, String name, long onTime, long late) {}

  record Summary(Instant from, Instant to, int months, List<Duty> duties) {}

  Summary summary(int months, String partnership) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant from = now.atZone(LONDON).minusMonths(months).toInstant();
    List<String> tenants = callerScope.history(Set.of()).tenantsWithin(partnership);
    Map<String, long[]> counts = new LinkedHashMap<>();
    outcomes.counts(from, now, tenants)
        .forEach(count -> add(counts, count.processKey(), count.taskKey(), count.onTime(), count.late()));
    for (Task task : overdueOpenTasks(from, now, tenants)) {
      if (task.getProcessDefinitionId() == null) {
        continue; // a standalone task is no duty of a flow
      }
      add(counts, flowModels.key(task.getProcessDefinitionId()), task.getTaskDefinitionKey(), 0, 1);
    }
    Set<String> readable = Set.copyOf(callerScope.history(
        counts.keySet().stream().map(DeadlineSummary::processKey).collect(Collectors.toSet())).processKeys());
    Map<String, Optional<FlowModel>> models = new HashMap<>();
    List<Duty> duties = new ArrayList<>();
    counts.forEach((id, c) -> {
      String processKey = processKey(id);
      String taskKey = id.substring(processKey.length() + 1);
      if (readable.contains(processKey)) {
        // the step's name in the latest model of its process (stored task names carry "— due …")
        Optional<FlowModel> model = models.computeIfAbsent(processKey, flowModels::latest);
        String name = model.map(m -> m.taskName(taskKey)).orElse(taskKey);
        String flow = model.map(FlowModel::processName).orElse(processKey);
        duties.add(new Duty(processKey, taskKey, flow, name, c[0], c[1]));
      }
    });
    duties.sort(Comparator.comparing(Duty::processKey).thenComparing(Duty::name));
    return new Summary(from, now, months, duties);
  }

  /** Open tasks due in [from, now): late already, whatever happens next. */
  private List<Task> overdueOpenTasks(Instant from, Instant now, List<String> tenants) {
    if (tenants != null && tenants.isEmpty()) {
      return List.of();
    }
    List<Task> overdue = new ArrayList<>();
    callerScope.asSystem(() -> {
      // dueAfter / dueBefore are exclusive: widen the start by 1 ms so no due date is lost
      TaskQuery query = taskService.createTaskQuery().dueAfter(Date.from(from.minusMillis(1))).dueBefore(Date.from(now));
      if (tenants != null) {
        query.tenantIdIn(tenants.toArray(String[]::new));
      }
      overdue.addAll(query.list());
    });
    return overdue;
  }

  private static void add(Map<String, long[]> counts, String processKey, String taskKey, long onTime, long late) {
    long[] c = counts.computeIfAbsent(processKey + "/" + taskKey, k -> new long[2]);
    c[0] += onTime;
    c[1] += late;
  }

  private static String processKey(String id) {
    return id.substring(0, id.indexOf('/'));
  }
}
