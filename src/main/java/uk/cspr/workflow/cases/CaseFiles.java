package uk.cspr.workflow.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.cases.CaseFile.DeadlineKept;
import uk.cspr.workflow.cases.CaseFile.Event;
import uk.cspr.workflow.cases.CaseFile.FlowRun;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.config.InvalidParameterException;
import uk.cspr.workflow.config.Partnerships;
import uk.cspr.workflow.correspondence.CorrespondenceLog;
import uk.cspr.workflow.correspondence.CorrespondenceLog.LogEntry;
import uk.cspr.workflow.criteria.CaseDecisionHistory;
import uk.cspr.workflow.criteria.CaseDecisionHistory.Evaluation;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.learning.BriefingContent;
import uk.cspr.workflow.learning.Recommendations;
import uk.cspr.workflow.documents.CaseDocuments;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.tasks.TaskFormCheck;

/**
 * Reads a case's file and finds cases by reference (issue 18). Who may read a case is decided by
 * the engine as the caller ({@link CaseAccess}: a flow in their history view or a task in their
 * task view, so agency leads and partners without Cockpit rights read the cases they work on);
 * the file is then read as the system, from that case's flows in the caller's partnerships only.
 * Decisions stay behind their own permission (the decision history, as the caller).
 */
@Component
public class CaseFiles {

  static final int SEARCH_LIMIT = 20;
  private static final String COMPLETED = "completed";
  /** The activities the timeline tells of: deadlines passed, messages received, flows ended. */
  private static final String EVENT_ACTIVITIES = "ACT_TYPE_ = 'boundaryTimer' OR ACT_TYPE_ = 'receiveTask' "
      + "OR ACT_TYPE_ LIKE '%Message%' OR ACT_TYPE_ LIKE '%EndEvent'";
  /** What the referral form records of each child (it takes no names). */
  private static final Set<String> CHILD_FACTS = Set.of("age", "sex", "ethnicity", "disability", "died", "seriouslyHarmed",
      "lookedAfter", "careLeaver", "childProtectionPlan", "educatedOtherwiseThanAtSchool");

  private final CaseAccess access;
  private final CallerScope callerScope;
  private final HistoryService historyService;
  private final TaskService taskService;
  private final FlowModels flowModels;
  private final Partnerships partnerships;
  private final CaseRows rows;
  private final CaseDecisionHistory decisionHistory;
  private final WorkingDays workingDays;
  private final TaskFormCheck forms;
  private final ProcessEngineConfigurationImpl engine;
  private final CaseDocuments documents;
  private final CorrespondenceLog correspondence;
  private final UserNames userNames;

  CaseFiles(CaseAccess access, CallerScope callerScope, HistoryService historyService, TaskService taskService,
      FlowModels flowModels, Partnerships partnerships, CaseRows rows, CaseDecisionHistory decisionHistory,
      WorkingDays workingDays, TaskFormCheck forms, ProcessEngineConfigurationImpl engine, CaseDocuments documents,
      CorrespondenceLog correspondence, UserNames userNames) {
    this.access = access;
    this.callerScope = callerScope;
    this.historyService = historyService;
    this.taskService = taskService;
    this.flowModels = flowModels;
    this.partnerships = partnerships;
    this.rows = rows;
    this.decisionHistory = decisionHistory;
    this.workingDays = workingDays;
    this.forms = forms;
    this.engine = engine;
    this.documents = documents;
    this.correspondence = correspondence;
    this.userNames = userNames;
  }

  /** A case found by its reference: enough to choose it from a list. */
  public record Found(String caseReference, String partnership, String partnershipName, boolean open) {}

  /** The caller's cases whose reference starts with {@code prefix}, at most {@value #SEARCH_LIMIT}, by reference. */
  public List<Found> search(String prefix) {
    String query = prefix == null ? "" : prefix.strip().toUpperCase(Locale.ROOT);
    if (!CaseReferences.WELL_FORMED.matcher(query).matches()) {
      throw new InvalidParameterException("query", "enter the start of a case reference, e.g. NL-2026");
    }
    Map<String, Found> found = new TreeMap<>();
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKeyLike(query + "%")
        .processDefinitionKeyIn(Flows.KEYS).orderByProcessInstanceBusinessKey().asc().listPage(0, SEARCH_LIMIT * 6)
        .forEach(instance -> found.merge(instance.getBusinessKey(),
            found(instance.getBusinessKey(), instance.getTenantId(), instance.getEndTime() == null),
            (a, b) -> a.open() ? a : b));
    // cases whose flows the caller cannot read but whose tasks they do (agency leads, partners)
    Set<String> viaTasks = taskService.createTaskQuery().processInstanceBusinessKeyLike(query + "%").listPage(0, SEARCH_LIMIT * 6)
        .stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
    if (!viaTasks.isEmpty()) {
      callerScope.asSystem(() -> historyService.createHistoricProcessInstanceQuery().processInstanceIds(viaTasks).list())
          .forEach(instance -> found.putIfAbsent(instance.getBusinessKey(), found(instance.getBusinessKey(), instance.getTenantId(), true)));
    }
    return found.values().stream().limit(SEARCH_LIMIT).toList();
  }

  /**
   * The case of a task in the caller's task view (Tasklist's case tab), or empty: the engine
   * decides as the caller that the task is theirs to see, then the flow's case reference is read as
   * the system, since task users may not read the flow itself.
   */
  public Optional<Found> caseOfTask(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    HistoricProcessInstance instance = callerScope.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult());
    if (instance == null || instance.getBusinessKey() == null) {
      return Optional.empty();
    }
    return Optional.of(found(instance.getBusinessKey(), instance.getTenantId(), instance.getEndTime() == null));
  }

  /** The case's file, or empty when the caller may not see it (or there is no such case). */
  public Optional<CaseFile> file(String caseReference) {
    if (!access.canSeeCase(caseReference)) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> instances = callerScope.asSystem(() -> historyService.createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseReference).orderByProcessInstanceStartTime().asc().list())
        .stream().filter(instance -> access.canSeeTenant(instance.getTenantId())).toList();
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    List<Evaluation> decisions = decisionHistory.of(caseReference);
    List<LogEntry> letters = correspondence.of(caseReference);
    List<CaseFile.Document> caseDocuments = documents.listed(caseReference);
    return Optional.of(callerScope.asSystem(() -> read(caseReference, instances, decisions, letters, caseDocuments)));
  }

  private CaseFile read(String caseReference, List<HistoricProcessInstance> instances, List<Evaluation> decisions,
      List<LogEntry> letters, List<CaseFile.Document> caseDocuments) {
    String partnership = instances.get(0).getTenantId();
    Map<String, HistoricProcessInstance> byId = instances.stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    List<HistoricTaskInstance> tasks = historyService.createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(caseReference).orderByHistoricActivityInstanceStartTime().asc().list()
        .stream().filter(task -> byId.containsKey(task.getProcessInstanceId())).toList();

    List<FlowRun> flows = instances.stream()
        .map(i -> new FlowRun(i.getProcessDefinitionKey(), flowName(i), i.getEndTime() == null, instant(i.getStartTime()),
            instant(i.getEndTime())))
        .toList();
    List<Event> timeline = events(byId);
    tasks.forEach(task -> taskEvent(task, byId.get(task.getProcessInstanceId())).ifPresent(timeline::add));
    decisions.forEach(d -> timeline.add(new Event(d.evaluatedAt(), "decision", d.decisionName(), null, d.processDefinitionKey())));
    timeline.addAll(corrections(byId));
    timeline.sort(Comparator.comparing(Event::at, Comparator.nullsLast(Comparator.naturalOrder())));
    Map<String, String> names = userNames.of(timeline.stream().map(Event::who).toList());
    timeline.replaceAll(event -> event.named(names));

    DeadlineRules rules = rows.rulesNow();
    List<DeadlineKept> deadlines = tasks.stream().filter(task -> task.getDueDate() != null)
        .filter(task -> task.getEndTime() == null || COMPLETED.equals(task.getDeleteReason()))
        .map(task -> deadline(task, byId.get(task.getProcessInstanceId()), rules)).toList();

    return new CaseFile(caseReference, partnership, partnershipName(partnership), summary(byId.keySet()), stage(tasks, flows),
        flows, List.copyOf(timeline), deadlines, decisions, letters, caseDocuments, parallelReviews(byId.keySet()),
        actionPlan(byId.keySet()), recommendations(byId.keySet()), briefing(caseReference, byId.keySet()));
  }

  /** The flows' starts, the deadlines that passed, the messages received and how each flow ended. */
  private List<Event> events(Map<String, HistoricProcessInstance> instances) {
    List<Event> events = new ArrayList<>();
    instances.values().forEach(instance -> events.add(new Event(instant(instance.getStartTime()), "flow started",
        flowName(instance), instance.getStartUserId(), instance.getProcessDefinitionKey())));
    for (HistoricActivityInstance activity : HistoricActivities.of(historyService, engine.getManagementService(),
        List.copyOf(instances.keySet()), EVENT_ACTIVITIES)) {
      HistoricProcessInstance instance = instances.get(activity.getProcessInstanceId());
      String key = instance.getProcessDefinitionKey();
      String type = activity.getActivityType();
      String name = activity.getActivityName();
      if (name == null) {
        continue;
      }
      if (type.equals("boundaryTimer")) {
        events.add(new Event(instant(activity.getEndTime()), "deadline passed", name, null, key));
      } else if (type.contains("Message") || type.equals("receiveTask")) {
        events.add(new Event(instant(activity.getEndTime()), "message received", name, null, key));
      } else if (type.endsWith("EndEvent") && instance.getId().equals(activity.getParentActivityInstanceId())) {
        events.add(new Event(instant(activity.getEndTime()), "flow ended", name, null, key));
      }
    }
    return events;
  }

  /** A step done (or closed without being done, e.g. an escalation when its step was done). */
  private Optional<Event> taskEvent(HistoricTaskInstance task, HistoricProcessInstance instance) {
    if (task.getEndTime() == null) {
      return Optional.empty();
    }
    String kind = COMPLETED.equals(task.getDeleteReason()) ? "step done" : "step closed";
    return Optional.of(new Event(instant(task.getEndTime()), kind, stepName(task, instance), task.getAssignee(),
        instance.getProcessDefinitionKey()));
  }

  private DeadlineKept deadline(HistoricTaskInstance task, HistoricProcessInstance instance, DeadlineRules rules) {
    Instant due = instant(task.getDueDate());
    String step = stepName(task, instance);
    if (task.getEndTime() == null) {
      DeadlineRules.Open open = rules.open(due);
      return new DeadlineKept(step, instance.getProcessDefinitionKey(), due, null, open.status(), open.workingDaysLeft());
    }
    Instant done = instant(task.getEndTime());
    boolean met = !done.isAfter(due);
    return new DeadlineKept(step, instance.getProcessDefinitionKey(), due, done, met ? DeadlineStatus.MET : DeadlineStatus.LATE,
        met ? 0 : Math.max(1, workingDays.workingDaysBetween(due, done)));
  }

  /** Corrections of recorded facts (issue 15): who, when, which fact and why. */
  private List<Event> corrections(Map<String, HistoricProcessInstance> instances) {
    List<Event> events = new ArrayList<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instances.keySet().toArray(String[]::new))
        .variableName(CaseVariables.FACT_CORRECTIONS).list().forEach(variable -> {
          String key = instances.get(variable.getProcessInstanceId()).getProcessDefinitionKey();
          for (Map<String, Object> correction : CaseData.<Map<String, Object>>list(variable.getValue())) {
            events.add(new Event(Instant.parse(String.valueOf(correction.get("at"))), "fact corrected",
                VariableLabels.label(String.valueOf(correction.get("fact"))) + " corrected: " + correction.get("reason"),
                String.valueOf(correction.get("by")), key));
          }
        });
    return events;
  }

  /** The parallel processes as the case's record keeps them (the flow updates it at each of their steps). */
  private List<CaseFile.ParallelReviewKept> parallelReviews(Set<String> instanceIds) {
    return this.<Map<String, Object>>caseList(instanceIds, ParallelReviewProcess.Vars.PARALLEL_REVIEW_RECORDS).stream()
        .map(r -> new CaseFile.ParallelReviewKept(text(r, ParallelReviewProcess.Vars.REVIEW), text(r, ParallelReviewProcess.Vars.REVIEW_NAME),
            text(r, ParallelReviewProcess.Vars.LEAD_TITLE), text(r, ParallelReviewProcess.Vars.LEAD_ADDRESSEE),
            text(r, ParallelReviewProcess.Vars.REVIEW_STATUS), text(r, ParallelReviewProcess.Vars.AGREED_WITH),
            text(r, ParallelReviewProcess.Vars.AGREED_AT), text(r, ParallelReviewProcess.Vars.CLOSED_AT)))
        .toList();
  }

  /** The LCSPR's action plan as last agreed or reviewed. */
  private List<CaseFile.Action> actionPlan(Set<String> instanceIds) {
    return this.<Map<String, Object>>caseList(instanceIds, LcsprProcess.Vars.ACTION_PLAN).stream()
        .map(a -> new CaseFile.Action(text(a, "action"), text(a, "owner"), text(a, "recommendation"), text(a, "dueDate"),
            text(a, "status")))
        .toList();
  }

  /** The LCSPR's recommendations, each with the actions of the plan that answer it. */
  private List<CaseFile.Recommendation> recommendations(Set<String> instanceIds) {
    List<CaseFile.Action> plan = actionPlan(instanceIds);
    return this.<Map<String, Object>>caseList(instanceIds, Recommendations.RECOMMENDATIONS).stream()
        .map(r -> new CaseFile.Recommendation(text(r, Recommendations.NUMBER), text(r, Recommendations.TEXT),
            text(r, Recommendations.OWNER), text(r, Recommendations.DUE_DATE), text(r, Recommendations.STATUS),
            text(r, Recommendations.REASON), plan.stream().filter(a -> text(r, Recommendations.NUMBER).equals(a.recommendation()))
                .map(CaseFile.Action::action).toList()))
        .toList();
  }

  /** The 7-minute briefing once the review is published, and its sharings. */
  private CaseFile.Briefing briefing(String caseReference, Set<String> instanceIds) {
    boolean published = historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableName(LcsprProcess.Vars.PUBLISHED_AT).list().stream().anyMatch(v -> v.getValue() != null);
    List<CaseFile.Sharing> sharings = this.<Map<String, Object>>caseList(instanceIds, BriefingContent.SHARINGS).stream()
        .map(s -> new CaseFile.Sharing(text(s, BriefingContent.AUDIENCE), text(s, BriefingContent.METHOD),
            text(s, BriefingContent.SHARED_ON), text(s, BriefingContent.RECORDED_BY)))
        .toList();
    return new CaseFile.Briefing(published ? "/api/cases/" + caseReference + "/briefing" : null, sharings);
  }

  /**
   * A list variable of the case's flows (process level), or empty; a variable of the same name that
   * is no list is another flow's (the rapid review's chair report has an {@code actionPlan} text).
   */
  private <T> List<T> caseList(Set<String> instanceIds, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(instanceIds.toArray(String[]::new))
        .variableName(name).list().stream()
        .filter(variable -> variable.getProcessInstanceId().equals(variable.getExecutionId()) && variable.getValue() instanceof List)
        .findFirst().map(variable -> CaseData.<T>list(variable.getValue())).orElse(List.of());
  }

  private static String text(Map<String, Object> entry, String key) {
    Object value = entry.get(key);
    return value == null ? null : String.valueOf(value);
  }

  private CaseFile.Summary summary(Set<String> instanceIds) {
    Map<String, Object> values = new TreeMap<>();
    String[] ids = instanceIds.toArray(String[]::new);
    String definitionId = null;
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
        .variableNameIn(NotificationProcess.Vars.REFERRING_AGENCY, NotificationProcess.Vars.CHILDREN, NotificationProcess.Vars.OUTCOME)
        .list()) {
      if (variable.getProcessInstanceId().equals(variable.getExecutionId())) {
        values.putIfAbsent(variable.getName(), variable.getValue());
        if (variable.getName().equals(NotificationProcess.Vars.OUTCOME)) {
          definitionId = variable.getProcessDefinitionId();
        }
      }
    }
    List<Map<String, Object>> children = CaseData.<Map<String, Object>>list(values.get(NotificationProcess.Vars.CHILDREN)).stream()
        .map(child -> child.entrySet().stream().filter(e -> CHILD_FACTS.contains(e.getKey()) && e.getValue() != null)
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new)))
        .map(child -> (Map<String, Object>) child).toList();
    Object outcome = values.get(NotificationProcess.Vars.OUTCOME);
    return new CaseFile.Summary((String) values.get(NotificationProcess.Vars.REFERRING_AGENCY), children,
        outcome == null ? null : label(definitionId, String.valueOf(outcome)));
  }

  /** A coded answer by the label its form gives it (as the task forms show it). */
  private String label(String processDefinitionId, String code) {
    return engine.getCommandExecutorTxRequired().execute(context -> forms.optionLabels(processDefinitionId)).getOrDefault(code, code);
  }

  /** The open steps, or that the case is closed. */
  private static String stage(List<HistoricTaskInstance> tasks, List<FlowRun> flows) {
    List<String> open = tasks.stream().filter(task -> task.getEndTime() == null).map(HistoricTaskInstance::getName).toList();
    if (!open.isEmpty()) {
      return String.join("; ", open);
    }
    return flows.stream().anyMatch(FlowRun::open) ? "Waiting for an event or a deadline" : "Closed";
  }

  private String stepName(HistoricTaskInstance task, HistoricProcessInstance instance) {
    String name = flowModels.of(instance.getProcessDefinitionId(), instance.getProcessDefinitionKey()).taskName(task.getTaskDefinitionKey());
    return name != null ? name : task.getName();
  }

  private String flowName(HistoricProcessInstance instance) {
    return flowModels.of(instance.getProcessDefinitionId(), instance.getProcessDefinitionKey()).processName();
  }

  private Found found(String reference, String tenantId, boolean open) {
    return new Found(reference, tenantId, partnershipName(tenantId), open);
  }

  private String partnershipName(String tenantId) {
    return partnerships.find(tenantId).map(Partnerships.Partnership::name).orElse(tenantId);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
