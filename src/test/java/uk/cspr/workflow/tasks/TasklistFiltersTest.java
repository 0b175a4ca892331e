package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;

/** Issue "Tasklist and Cockpit as the daily tools": the shared Tasklist filters. */
@CsprSpringBootTest
class TasklistFiltersTest {

  private static final String USER = "filters-test-user";

  @Autowired TasklistFilters filters;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;

  private final List<String> tasks = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    identityService.clearAuthentication();
    EngineClock.reset();
    tasks.forEach(id -> taskService.deleteTask(id, true));
    filters.refreshDueSoon();
  }

  private List<Filter> shared() {
    return filterService.createTaskFilterQuery().list().stream()
        .filter(f -> f.getProperties() != null && f.getProperties().containsKey(TasklistFilters.KEY_PROPERTY)).toList();
  }

  @Test
  void eachFilterExistsOnceAfterTwoStartUpsAndIsGrantedToTheTasklistGroups() {
    filters.setUp(); // the application already ran it once at start-up
    List<Filter> shared = shared();
    assertThat(shared).extracting(Filter::getName).containsExactlyInAnyOrder(
        "My tasks", "My groups' tasks", "Due within 2 working days", "Overdue",
        "Serious incident notification", "Rapid review", "Local child safeguarding practice review",
        "Request for a review of a non-serious case", "Interface with parallel reviews");
    for (Filter filter : shared) {
      for (String group : CsprGroups.TASKLIST_USERS) {
        assertThat(authorizationService.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.FILTER, filter.getId()))
            .as(group + " reads " + filter.getName()).isTrue();
      }
      assertThat(filter.getProperties()).containsEntry("refresh", true).containsKeys("priority", "description", "variables");
    }
    assertThat(authorizationService.isUserAuthorized("someone", List.of(CsprGroups.ANALYSTS), Permissions.READ,
        Resources.FILTER, shared.get(0).getId())).isFalse();
  }

  @Test
  void theNotificationFilterShowsTheCaseAndItsDeadlines() {
    Filter notification = filters.find(TasklistFilters.FLOW_PREFIX + "seriousIncidentNotification").orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, String>> variables = (List<Map<String, String>>) notification.getProperties().get("variables");
    assertThat(variables).extracting(v -> v.get("name"))
        .startsWith("caseReference", "partnershipName")
        .contains("panelNotificationDueAt", "partnersInformedDueAt", "sslRecommendationDueAt", "dspDecisionDueAt");
    assertThat(variables).contains(Map.of("name", "panelNotificationDueAt", "label", "Panel notification due"));
  }

  @Test
  void countsFollowTheEngineClockAndWorkingDays() {
    // Wed 13 Jan 2027: 2 working days ahead is Fri 15 Jan
    EngineClock.setTo("2027-01-13T10:00");
    task("assigned, due yesterday", USER, null, EngineClock.endOf("2027-01-12"));
    task("group, due today", null, CsprGroups.SENIOR_LEADS, EngineClock.endOf("2027-01-13"));
    task("group, due Friday", null, CsprGroups.SENIOR_LEADS, EngineClock.endOf("2027-01-15"));
    task("group, due Monday", null, CsprGroups.SENIOR_LEADS, EngineClock.endOf("2027-01-18"));
    task("another group's, due tomorrow", null, CsprGroups.AGENCY_LEADS, EngineClock.endOf("2027-01-14"));
    filters.refreshDueSoon();

    assertThat(counts()).containsExactly(1L, 3L, 2L, 1L);

    // Fri 15 Jan: 2 working days ahead is Tue 19 Jan (the weekend does not count)
    EngineClock.setTo("2027-01-15T09:00");
    filters.refreshDueSoon();
    assertThat(counts()).containsExactly(1L, 3L, 2L, 2L);
  }

  /** My tasks, my groups' tasks, due within 2 working days, overdue — as the test user. */
  private List<Long> counts() {
    identityService.setAuthentication(USER, List.of(CsprGroups.SENIOR_LEADS), List.of());
    try {
      return List.of(count(TasklistFilters.MY_TASKS), count(TasklistFilters.GROUP_TASKS),
          count(TasklistFilters.DUE_SOON), count(TasklistFilters.OVERDUE));
    } finally {
      identityService.clearAuthentication();
    }
  }

  private long count(String key) {
    return filterService.count(filters.find(key).orElseThrow().getId());
  }

  private void task(String name, String assignee, String candidateGroup, java.util.Date due) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setDueDate(due);
    task.setAssignee(assignee);
    taskService.saveTask(task);
    if (candidateGroup != null) {
      taskService.addCandidateGroup(task.getId(), candidateGroup);
    }
    tasks.add(task.getId());
  }
}
