package uk.cspr.workflow.daily;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * {@code GET /api/deadlines/summary}: deadlines met on time versus late per duty over the last
 * months, from history. Rule: every user task with a due date in the window counts once: on
 * time if completed at or before its due date, late if completed after it or still open past it;
 * cancelled tasks do not count. The duty is the task definition (key and model name). History is
 * read month by month in pages, so memory stays bounded whatever the volume; queries run as the
 * calling user (READ_HISTORY and tenant checks).
 */
@Component
class DeadlineSummary {

  static final int PAGE = 2000;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final HistoryService historyService;
  private final FlowModels flowModels;

  DeadlineSummary(HistoryService historyService, FlowModels flowModels) {
    this.historyService = historyService;
    this.flowModels = flowModels;
  }

  record Duty(String processKey, String taskKey, String name, long onTime, long late) {}

  record Summary(Instant from, Instant to, int months, List<Duty> duties) {}

  Summary summary(int months, String partnership) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    ZonedDateTime to = now.atZone(LONDON);
    ZonedDateTime from = to.minusMonths(months);
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Duty> duties = new LinkedHashMap<>();
    for (ZonedDateTime start = from; start.isBefore(to); start = start.plusMonths(1)) {
      ZonedDateTime end = start.plusMonths(1).isAfter(to) ? to : start.plusMonths(1);
      // taskDueAfter / taskDueBefore are exclusive: widen the start by 1 ms so no due date is lost
      Date after = Date.from(start.toInstant().minusMillis(1));
      Date before = Date.from(end.toInstant());
      for (int first = 0; ; first += PAGE) {
        HistoricTaskInstanceQuery query = historyService.createHistoricTaskInstanceQuery()
            .taskDueAfter(after).taskDueBefore(before).orderByTaskId().asc();
        if (partnership != null) {
          query.tenantIdIn(partnership);
        }
        List<HistoricTaskInstance> page = query.listPage(first, PAGE);
        page.forEach(task -> count(task, now, counts, duties));
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    List<Duty> result = new ArrayList<>();
    duties.forEach((id, duty) -> {
      long[] c = counts.get(id);
      result.add(new Duty(duty.processKey(), duty.taskKey(), duty.name(), c[0], c[1]));
    });
    result.sort(Comparator.comparing(Duty::processKey).thenComparing(Duty::name));
    return new Summary(from.toInstant(), now, months, result);
  }

  private void count(HistoricTaskInstance task, Instant now, Map<String, long[]> counts, Map<String, Duty> duties) {
    Instant due = task.getDueDate().toInstant();
    Boolean onTime;
    if (task.getEndTime() == null) {
      onTime = now.isAfter(due) ? Boolean.FALSE : null; // not decided yet
    } else if ("completed".equals(task.getDeleteReason())) {
      onTime = !task.getEndTime().toInstant().isAfter(due);
    } else {
      onTime = null; // cancelled with its process or by an interrupting event
    }
    if (onTime == null) {
      return;
    }
    String id = task.getProcessDefinitionKey() + "/" + task.getTaskDefinitionKey();
    duties.computeIfAbsent(id, k -> new Duty(task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), name(task), 0, 0));
    counts.computeIfAbsent(id, k -> new long[2])[onTime ? 0 : 1]++;
  }

  /** The step's name in its model; the stored task name carries "— due …" (tasks.TaskLabels). */
  private String name(HistoricTaskInstance task) {
    try {
      String name = flowModels.of(task.getProcessDefinitionId(), task.getProcessDefinitionKey()).taskName(task.getTaskDefinitionKey());
      if (name != null) {
        return name;
      }
    } catch (RuntimeException modelNotReadable) {
      // fall back to the stored name
    }
    String stored = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    int due = stored.indexOf(" — due ");
    return due < 0 ? stored : stored.substring(0, due);
  }
}
