package uk.cspr.workflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.config.ProcessKeys;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TestReferrals;

/**
 * The README's "Roles and permissions" table, row by row: for each group, which webapps it may
 * open, which processes it may start, which cases, tasks, decisions and decision history it may
 * read, whether it may deploy and administer, and nothing more. Checked with the engine's own
 * authorization check and by doing it (start, query, deploy, create a user) as a member of the
 * group in North Lincolnshire. Then cross-partnership access, refused through Java and REST.
 */
@CsprSpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest {

  static final String NL = "north-lincolnshire";
  static final String BOLTON = "bolton";
  static final String PASSWORD = "matrix-secret";
  static final List<String> PROCESSES = List.of(
      ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, ProcessKeys.NON_SERIOUS_CASE_REQUEST,
      ProcessKeys.PARALLEL_REVIEW_INTERFACE, ProcessKeys.RAPID_REVIEW, ProcessKeys.LCSPR);
  static final Set<String> REFERRALS = Set.of(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, ProcessKeys.NON_SERIOUS_CASE_REQUEST);

  /** One row of the README's permission table. */
  record Row(String group, boolean tasklist, boolean cockpit, boolean admin, Set<String> starts,
      boolean readsCases, boolean decisions, boolean deploys) {
    @Override
    public String toString() {
      return group;
    }
  }

  static Stream<Row> table() {
    Set<String> none = Set.of();
    Set<String> businessUnit = Set.of(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, ProcessKeys.NON_SERIOUS_CASE_REQUEST,
        ProcessKeys.PARALLEL_REVIEW_INTERFACE);
    return Stream.of(
        new Row(CsprGroups.BUSINESS_UNIT, true, true, false, businessUnit, true, true, false),
        new Row(CsprGroups.AGENCY_LEADS, true, false, false, REFERRALS, false, false, false),
        new Row(CsprGroups.LOCAL_AUTHORITY, true, false, false, REFERRALS, false, false, false),
        new Row(CsprGroups.SENIOR_LEADS, true, false, false, none, false, false, false),
        new Row(CsprGroups.DELEGATED_PARTNERS, true, false, false, none, false, false, false),
        new Row(CsprGroups.INDEPENDENT_SCRUTINEER, true, false, false, none, false, false, false),
        new Row(CsprGroups.REVIEWERS, true, false, false, none, false, false, false),
        new Row(CsprGroups.MANAGERS, true, true, false, none, true, true, false),
        new Row(CsprGroups.ANALYSTS, false, true, false, none, false, true, true),
        new Row(CsprGroups.ADMIN, true, true, true, Set.copyOf(PROCESSES), true, true, true));
  }

  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired TestRestTemplate rest;

  ProcessInstance northLincsCase;
  ProcessInstance boltonCase;

  /** Once; not in @BeforeAll, where process test coverage has no run to record the cases in. */
  @BeforeEach
  void usersAndCases() {
    if (northLincsCase != null) {
      return;
    }
    table().forEach(row -> user(userId(row.group()), row.group(), NL));
    user("matrix-bolton-coordinator", CsprGroups.BUSINESS_UNIT, BOLTON);
    user("matrix-analyst-no-partnership", CsprGroups.ANALYSTS, null);
    northLincsCase = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral(NL));
    boltonCase = runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral(BOLTON));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void eachGroupMayDoWhatThePermissionTableSaysAndNoMore(Row row) {
    String user = userId(row.group());
    assertThat(authorized(row, ACCESS, Resources.APPLICATION, "tasklist")).as("Tasklist").isEqualTo(row.tasklist());
    assertThat(authorized(row, ACCESS, Resources.APPLICATION, "cockpit")).as("Cockpit").isEqualTo(row.cockpit());
    assertThat(authorized(row, ACCESS, Resources.APPLICATION, "admin")).as("Admin").isEqualTo(row.admin());
    for (String process : PROCESSES) {
      assertThat(authorized(row, CREATE_INSTANCE, Resources.PROCESS_DEFINITION, process)
              && authorized(row, CREATE, Resources.PROCESS_INSTANCE, "*"))
          .as("may start " + process).isEqualTo(row.starts().contains(process));
    }
    assertThat(authorized(row, READ_INSTANCE, Resources.PROCESS_DEFINITION, NotificationProcess.KEY)).as("read instances").isEqualTo(row.readsCases());
    assertThat(authorized(row, READ_HISTORY, Resources.PROCESS_DEFINITION, NotificationProcess.KEY)).as("read history").isEqualTo(row.readsCases());
    assertThat(authorized(row, READ_HISTORY, Resources.DECISION_DEFINITION, "seriousCaseCriteria")).as("decision history").isEqualTo(row.decisions());
    assertThat(authorized(row, CREATE, Resources.DEPLOYMENT, "*")).as("deploy").isEqualTo(row.deploys());
    for (Resources identity : List.of(Resources.USER, Resources.GROUP, Resources.TENANT, Resources.AUTHORIZATION)) {
      assertThat(authorized(row, CREATE, identity, "*")).as("create " + identity.resourceName()).isEqualTo(row.admin());
    }

    // and by doing it
    assertThat(as(row, () -> succeeds(() -> runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral(NL)))))
        .as("starts a referral").isEqualTo(row.starts().contains(NotificationProcess.KEY));
    long visible = row.readsCases() ? 1 : 0;
    assertThat(as(row, () -> runtimeService.createProcessInstanceQuery().processInstanceId(northLincsCase.getId()).count()))
        .as("sees the case").isEqualTo(visible);
    assertThat(as(row, () -> historyService.createHistoricProcessInstanceQuery().processInstanceId(northLincsCase.getId()).count()))
        .as("sees the case's history").isEqualTo(visible);
    assertThat(as(row, () -> taskService.createTaskQuery().processInstanceId(northLincsCase.getId()).count()))
        .as("sees the business unit's task").isEqualTo(visible);
    assertThat(as(row, () -> repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("seriousCaseCriteria").count() > 0))
        .as("sees the decision tables").isEqualTo(row.decisions());
    assertThat(as(row, () -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(northLincsCase.getId()).count() > 0))
        .as("sees the case's decision history").isEqualTo(row.decisions());
    boolean admin = row.group().equals(CsprGroups.ADMIN);
    assertThat(as(row, () -> runtimeService.createProcessInstanceQuery().processInstanceId(boltonCase.getId()).count()))
        .as("sees another partnership's case").isEqualTo(admin ? 1L : 0L);
    assertThat(as(row, () -> historyService.createHistoricDecisionInstanceQuery().processInstanceId(boltonCase.getId()).count() > 0))
        .as("sees another partnership's decision history").isEqualTo(admin);
    assertThat(as(row, () -> succeeds(this::deployDecision))).as("deploys a decision").isEqualTo(row.deploys());
    assertThat(as(row, () -> succeeds(() -> createUser("matrix-new-" + user)))).as("creates a user").isEqualTo(row.admin());
  }

  @Test
  void analystsSeeDecisionHistoryOnlyOfTheirPartnerships() {
    String analyst = "matrix-analyst-no-partnership";
    identityService.setAuthentication(analyst, List.of(CsprGroups.ANALYSTS), List.of());
    try {
      assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("seriousCaseCriteria").count()).isPositive();
      assertThat(historyService.createHistoricDecisionInstanceQuery().processInstanceId(northLincsCase.getId()).count()).isZero();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void anotherPartnershipsCaseIsRefusedThroughTheJavaApi() {
    String boltonTask = taskId(boltonCase);
    identityService.setAuthentication(userId(CsprGroups.BUSINESS_UNIT), List.of(CsprGroups.BUSINESS_UNIT), List.of(NL));
    try {
      assertThat(taskService.createTaskQuery().processInstanceId(boltonCase.getId()).count()).isZero();
      assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(boltonCase.getId()).count()).isZero();
      assertThatThrownBy(() -> taskService.complete(boltonTask, Map.of("partnersInformedConfirmed", true)))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("tenant");
      assertThatThrownBy(() -> runtimeService.getVariables(boltonCase.getId()))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("tenant");
      assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral(BOLTON)))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("not a member of partnership 'bolton'");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().taskId(boltonTask).count()).as("still open").isOne();
  }

  @Test
  void anotherPartnershipsCaseIsRefusedThroughRest() {
    TestRestTemplate coordinator = rest.withBasicAuth(userId(CsprGroups.BUSINESS_UNIT), PASSWORD);
    String boltonTask = taskId(boltonCase);
    String boltonReference = boltonCase.getBusinessKey();
    assertThat(coordinator.getForEntity("/engine-rest/process-instance/" + boltonCase.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(coordinator.getForObject("/engine-rest/task?processInstanceId=" + boltonCase.getId(), List.class)).isEmpty();
    assertThat(coordinator.getForObject("/engine-rest/history/process-instance?processInstanceId=" + boltonCase.getId(), List.class)).isEmpty();
    assertThat(coordinator.getForObject("/engine-rest/history/decision-instance?processInstanceId=" + boltonCase.getId(), List.class)).isEmpty();
    assertThat(coordinator.getForEntity("/engine-rest/process-instance/" + boltonCase.getId() + "/variables", String.class)
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> complete = coordinator.postForEntity("/engine-rest/task/" + boltonTask + "/complete",
        Map.of("variables", Map.of("partnersInformedConfirmed", Map.of("value", true, "type", "Boolean"))), String.class);
    assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(coordinator.getForEntity("/api/cases/" + boltonReference + "/correspondence", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(coordinator.postForEntity("/api/referrals", TestReferrals.referral(BOLTON), String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(boltonTask).count()).as("still open").isOne();

    // Bolton's own coordinator sees it
    assertThat(rest.withBasicAuth("matrix-bolton-coordinator", PASSWORD)
        .getForEntity("/engine-rest/process-instance/" + boltonCase.getId(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  // ---- helpers

  private boolean authorized(Row row, Permission permission, Resource resource, String resourceId) {
    return authorizationService.isUserAuthorized(userId(row.group()), List.of(row.group()), permission, resource, resourceId);
  }

  private <T> T as(Row row, Supplier<T> action) {
    identityService.setAuthentication(userId(row.group()), List.of(row.group()), List.of(NL));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static boolean succeeds(Runnable action) {
    try {
      action.run();
      return true;
    } catch (ProcessEngineException refused) {
      return false;
    }
  }

  /** Deploys the shipped serious case criteria again (a decision table analysts may deploy), then removes it. */
  private void deployDecision() {
    String dmn;
    try {
      dmn = Files.readString(Path.of("dmn", "seriousCaseCriteria.dmn"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Deployment deployment = repositoryService.createDeployment().name("matrix").addString("seriousCaseCriteria.dmn", dmn).deploy();
    Authentication current = Authentication.of(identityService);
    identityService.clearAuthentication();
    try {
      repositoryService.deleteDeployment(deployment.getId(), true);
    } finally {
      current.restore(identityService);
    }
  }

  private void createUser(String id) {
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    Authentication current = Authentication.of(identityService);
    identityService.clearAuthentication();
    try {
      identityService.deleteUser(id);
    } finally {
      current.restore(identityService);
    }
  }

  /** The authentication in force, to be put back after a cleanup done as the system. */
  private record Authentication(org.camunda.bpm.engine.impl.identity.Authentication value) {
    static Authentication of(IdentityService identityService) {
      return new Authentication(identityService.getCurrentAuthentication());
    }

    void restore(IdentityService identityService) {
      identityService.setAuthentication(value);
    }
  }

  private String taskId(ProcessInstance instance) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private static String userId(String group) {
    return "matrix-" + group;
  }

  private void user(String id, String group, String tenant) {
    if (identityService.createUserQuery().userId(id).count() > 0) {
      return;
    }
    User user = identityService.newUser(id);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(id, group);
    if (tenant != null) {
      identityService.createTenantUserMembership(tenant, id);
    }
  }
}
