package uk.cspr.workflow.tasks;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.cases.DeadlineStatus;
import uk.cspr.workflow.cases.FlowModel;
import uk.cspr.workflow.cases.FlowModels;
import uk.cspr.workflow.cases.Flows;
import uk.cspr.workflow.cases.VariableLabels;
import uk.cspr.workflow.security.CsprGroups;

/**
 * The shared Tasklist filters of the issue "Tasklist and Cockpit as the daily tools", created at
 * start-up and kept up to date (found again by the {@code csprFilter} property, so each exists
 * once; changes made to them in Tasklist are reset at the next start). Each filter is granted READ
 * to the Tasklist groups one by one. "Due within 2 working days" cannot be an expression (working
 * days are not expressible in a filter), so its limit is computed with the calendar at start-up and
 * every night just after midnight (Europe/London).
 */
@Component
class TasklistFilters {

  static final String KEY_PROPERTY = "csprFilter";
  static final String MY_TASKS = "my-tasks";
  static final String GROUP_TASKS = "group-tasks";
  static final String DUE_SOON = "due-soon";
  static final String OVERDUE = "overdue";
  static final String FLOW_PREFIX = "flow-";
  static final int DUE_SOON_WORKING_DAYS = DeadlineStatus.DUE_SOON_WORKING_DAYS;

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final WorkingDays workingDays;
  private final FlowModels flowModels;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService,
      WorkingDays workingDays,
      FlowModels flowModels) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.workingDays = workingDays;
    this.flowModels = flowModels;
  }

  /** One shared filter: stable key, name, description, position, query and the variables on task cards. */
  record Definition(String key, String name, String description, int priority, String color, TaskQuery query, List<String> variables) {}

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  void setUp() {
    definitions().forEach(this::save);
  }

  /** Moves the "due within 2 working days" limit on to the new day. */
  @Scheduled(cron = "5 0 0 * * *", zone = "Europe/London")
  void refreshDueSoon() {
    definitions().stream().filter(d -> d.key().equals(DUE_SOON)).forEach(this::save);
  }

  /** The end of the 2nd working day after today (engine clock); Camunda's dueBefore is exclusive. */
  Date dueSoonLimit() {
    Date lastDay = workingDays.deadline(ClockUtil.getCurrentTime(), DUE_SOON_WORKING_DAYS);
    return new Date(lastDay.getTime() + 1000);
  }

  List<Definition> definitions() {
    List<String> card = List.of(CaseVariables.CASE_REFERENCE, CaseVariables.PARTNERSHIP_NAME);
    List<Definition> definitions = new ArrayList<>();
    definitions.add(new Definition(MY_TASKS, "My tasks", "Tasks assigned to me", -20, "#337ab7",
        query().taskAssigneeExpression("${currentUser()}"), card));
    definitions.add(new Definition(GROUP_TASKS, "My groups' tasks", "Unassigned tasks for my groups: claim one to work on it", -15, "#5bc0de",
        query().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned(), card));
    definitions.add(new Definition(DUE_SOON, "Due within 2 working days", "Open tasks whose deadline is today or within the next 2 working days", -10, "#f0ad4e",
        query().dueAfterExpression("${now()}").dueBefore(dueSoonLimit()), card));
    definitions.add(new Definition(OVERDUE, "Overdue", "Open tasks past their deadline: the breach is recorded, the work still has to be done", -5, "#d9534f",
        query().dueBeforeExpression("${now()}"), card));
    int priority = 0;
    for (Map.Entry<String, String> flow : Flows.LABELS.entrySet()) {
      // the flow's own tasks and those of the processes it calls (e.g. the Panel's decision)
      Set<String> keys = flowModels.withCalledProcesses(flow.getKey());
      Set<String> columns = new LinkedHashSet<>(card);
      keys.forEach(key -> flowModels.latest(key).ifPresent(m -> columns.addAll(m.tasksByDueVariable().keySet())));
      String name = flowModels.latest(flow.getKey()).map(FlowModel::processName).orElse(flow.getValue());
      definitions.add(new Definition(FLOW_PREFIX + flow.getKey(), name, "Open tasks of the flow '" + flow.getKey() + "'",
          priority++, null, query().processDefinitionKeyIn(keys.toArray(String[]::new)), List.copyOf(columns)));
    }
    return definitions;
  }

  private TaskQuery query() {
    return taskService.createTaskQuery();
  }

  private void save(Definition definition) {
    Filter filter = find(definition.key()).orElseGet(() -> filterService.newTaskFilter(definition.name()));
    filter.setName(definition.name());
    filter.setQuery(definition.query().orderByDueDate().asc());
    filter.setProperties(properties(definition));
    boolean created = filter.getId() == null;
    String filterId = filterService.saveFilter(filter).getId();
    CsprGroups.TASKLIST_USERS.forEach(group -> grantRead(filterId, group));
    if (created) {
      LOG.info("Created Tasklist filter '{}'", definition.name());
    }
  }

  Optional<Filter> find(String key) {
    return filterService.createTaskFilterQuery().list().stream()
        .filter(filter -> filter.getProperties() != null && key.equals(filter.getProperties().get(KEY_PROPERTY)))
        .findFirst();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(KEY_PROPERTY, definition.key());
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    if (definition.color() != null) {
      properties.put("color", definition.color());
    }
    List<Map<String, String>> variables = new ArrayList<>();
    definition.variables().forEach(name -> variables.add(Map.of("name", name, "label", VariableLabels.label(name))));
    properties.put("variables", variables);
    return properties;
  }

  private void grantRead(String filterId, String groupId) {
    boolean granted = authorizationService.createAuthorizationQuery()
        .resourceType(Resources.FILTER).resourceId(filterId).groupIdIn(groupId).count() > 0;
    if (!granted) {
      Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(Resources.FILTER);
      authorization.setResourceId(filterId);
      authorization.addPermission(Permissions.READ);
      authorizationService.saveAuthorization(authorization);
    }
  }
}
