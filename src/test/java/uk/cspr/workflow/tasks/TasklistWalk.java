package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.demo.CaseJobs;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.FormAnswers;
import uk.cspr.workflow.support.TasklistForm;
import uk.cspr.workflow.support.TestUsers;

/**
 * Plays cases through the flows as their users do: a step not yet done in Tasklist is done there —
 * signed in as a demo user of the task's candidate group, the task opened, claimed, its form filled
 * ({@link TasklistForm}) and completed with Tasklist's own button — and recorded in the
 * {@link TasklistCoverage}; a step already shown in Tasklist is completed through the engine with
 * the same answers ({@link FormAnswers}), so that every branch is walked without repeating forms.
 * Jobs run when due (no job executor in tests); timers are fired directly.
 */
final class TasklistWalk {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final By START = By.cssSelector("button[ng-click='startProcessInstance()']");
  private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
  private static final By CLAIM = By.cssSelector("button[ng-click='claim()']");
  private static final By FORM = By.cssSelector(".fjs-form");
  private static final String TASKLIST = "/camunda/app/tasklist/default/";
  /** A coded answer as stored ("NOTIFY_AND_RAPID_REVIEW"), never what people should read. */
  private static final java.util.regex.Pattern RAW_CODE = java.util.regex.Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
  /** Who starts a flow in Tasklist (README "Roles and permissions"). */
  private static final String START_GROUP = "business-unit";
  private final Browser browser;
  private final TasklistCoverage coverage;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final RepositoryService repository;
  private final ManagementService management;
  private final IdentityService identity;
  private final String test;
  private final Set<String> failedJobs = new HashSet<>();
  private String signedIn;

  TasklistWalk(Browser browser, TasklistCoverage coverage, RuntimeService runtime, TaskService tasks, HistoryService history,
      RepositoryService repository, ManagementService management, IdentityService identity, String test) {
    this.browser = browser;
    this.coverage = coverage;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.repository = repository;
    this.management = management;
    this.identity = identity;
    this.test = test;
  }

  /** Now, to the minute, in London: what a person types as "now" (never in the future). */
  static LocalDateTime now() {
    return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON).truncatedTo(ChronoUnit.MINUTES);
  }

  /** Starts a flow through its start form — in Tasklist, as the partnership's business unit, the first time. */
  Case start(String processKey, Map<String, ?> given) {
    return start(processKey, START_GROUP, given);
  }

  /** Starts a flow through its start form — in Tasklist, as a user of {@code group}, the first time. */
  Case start(String processKey, String group, Map<String, ?> given) {
    minutesPass();
    ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
        .latestVersion().singleResult();
    StartEvent start = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(StartEvent.class).stream()
        .filter(event -> event.getCamundaFormRef() != null).findFirst().orElseThrow();
    JsonNode form = form(start.getCamundaFormRef());
    Map<String, Object> answers = FormAnswers.of(form, given, now());
    String step = processKey + "/" + start.getId();
    if (coverage.covered(step)) {
      return new Case(runtime.startProcessInstanceByKey(processKey, engineValues(answers)).getBusinessKey());
    }
    Set<String> before = instanceIds(processKey);
    signIn(userOf(group, String.valueOf(answers.get(CaseVariables.PARTNERSHIP))));
    browser.open(TASKLIST);
    browser.clickText("Start process");
    browser.clickInDialog(definition.getName());
    browser.waitFor(FORM);
    new TasklistForm(browser).fill(form, answers);
    browser.screenshot("steps/start-" + form.path("id").asText());
    browser.pressSubmit(START);
    waitUntil(() -> instanceIds(processKey).size() > before.size(), () -> "no case started; Tasklist shows: " + notices());
    Set<String> started = instanceIds(processKey);
    started.removeAll(before);
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(started.iterator().next()).singleResult();
    coverage.record(step, test);
    Case started1 = new Case(instance.getBusinessKey());
    started1.runDueJobs();
    return started1;
  }

  /** A case whose flows were started otherwise (e.g. by another flow, or through the engine). */
  Case existing(String caseReference) {
    return new Case(caseReference);
  }

  private Set<String> instanceIds(String processKey) {
    Set<String> ids = new HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list().forEach(instance -> ids.add(instance.getId()));
    history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list().forEach(instance -> ids.add(instance.getId()));
    return ids;
  }

  /**
   * A few minutes pass between steps, as they do for people: a time typed as "now" (to the
   * minute) is then never before what the flow did at the last step.
   */
  private static void minutesPass() {
    ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(2))));
  }

  /** A user of this group and partnership (created once; password = user id). */
  private String userOf(String group, String partnership) {
    String initials = java.util.Arrays.stream(partnership.split("-")).map(word -> word.substring(0, 1))
        .collect(java.util.stream.Collectors.joining());
    String user = "walk-" + group + "-" + initials; // never the tenant id: the page must not show one
    return TestUsers.user(identity, user, user, group, partnership);
  }

  private void signIn(String user) {
    if (!user.equals(signedIn)) {
      browser.login("tasklist", user, user);
      signedIn = user;
    }
  }

  private String notices() {
    return String.join(" | ", browser.all(By.cssSelector(".notifications .alert, .fjs-form-field-error, .fjs-has-errors"))
        .stream().map(WebElement::getText).toList());
  }

  static JsonNode form(String formRef) {
    try {
      return JSON.readTree(Path.of("forms", formRef + ".form").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The form with the options a field takes from a variable ({@code valuesKey}, e.g. the themes
   * from the configuration) written in as its {@code values}, in the order Tasklist shows them.
   */
  private JsonNode withOptions(JsonNode form, Task task) {
    JsonNode copy = form.deepCopy();
    copy.findParents("valuesKey").forEach(component -> ((com.fasterxml.jackson.databind.node.ObjectNode) component)
        .set("values", JSON.valueToTree(tasks.getVariable(task.getId(), component.path("valuesKey").asText()))));
    return copy;
  }

  /** Form answers as Tasklist submits them: lists and objects as JSON. */
  private static Map<String, Object> engineValues(Map<String, Object> answers) {
    Map<String, Object> values = new HashMap<>();
    answers.forEach((key, value) -> values.put(key, value instanceof List<?> || value instanceof Map<?, ?> ? CaseData.json(value) : value));
    return values;
  }

  static void waitUntil(BooleanSupplier condition, Supplier<String> failure) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(failure.get());
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** One case, across all its flows (found by its reference, the business key). */
  final class Case {

    final String reference;
    /** What the next step's form must show in Tasklist. */
    private List<String> shown = List.of();

    private Case(String reference) {
      this.reference = reference;
    }

    /** Does the case's open step {@code taskKey} with these answers (the rest defaulted). */
    Case step(String taskKey, Map<String, ?> given) {
      minutesPass();
      Task task = openTask(taskKey);
      ProcessDefinition definition = repository.getProcessDefinition(task.getProcessDefinitionId());
      UserTask model = repository.getBpmnModelInstance(definition.getId()).getModelElementById(taskKey);
      JsonNode form = withOptions(form(model.getCamundaFormRef()), task);
      Map<String, Object> answers = FormAnswers.of(form, given, now());
      String step = definition.getKey() + "/" + taskKey;
      if (coverage.covered(step)) {
        assertThat(shown).as(step + " is done through the engine here, so what its form shows cannot be checked").isEmpty();
        tasks.complete(task.getId(), engineValues(answers));
      } else {
        inTasklist(task, model, form, answers);
        coverage.record(step, test);
      }
      runDueJobs();
      return this;
    }

    /** The next step's form, in Tasklist, must show each of these texts. */
    Case showing(String... texts) {
      shown = List.of(texts);
      return this;
    }

    /** The value of a variable of the case's flow {@code processKey} (running or ended). */
    Object variable(String processKey, String name) {
      String flow = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey(processKey).singleResult().getId();
      return history.createHistoricVariableInstanceQuery().processInstanceId(flow).variableName(name).singleResult().getValue();
    }

    Case step(String taskKey, Object... nameValuePairs) {
      Map<String, Object> given = new LinkedHashMap<>();
      for (int i = 0; i < nameValuePairs.length; i += 2) {
        given.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
      }
      return step(taskKey, given);
    }

    /** Fires the case's timer at {@code activityId} (a deadline passing) and what follows from it. */
    Case timer(String activityId) {
      Job timer = management.createJobQuery().timers().activityId(activityId).list().stream()
          .filter(job -> reference.equals(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
              .singleResult().getBusinessKey()))
          .findFirst().orElseThrow(() -> new AssertionError(reference + ": no timer " + activityId));
      management.executeJob(timer.getId());
      runDueJobs();
      return this;
    }

    /** Correlates a message to the case's flow {@code processKey}, as the flow that sends it does. */
    Case message(String processKey, String message, Map<String, Object> variables) {
      String flow = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey(processKey)
          .singleResult().getId();
      runtime.createMessageCorrelation(message).processInstanceId(flow).setVariables(variables).correlate();
      runDueJobs();
      return this;
    }

    /** Moves the engine clock (and so what people type as now) forward by {@code days}. */
    Case daysLater(int days) {
      ClockUtil.setCurrentTime(java.util.Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
      runDueJobs();
      return this;
    }

    /** Whether the case's flow {@code processKey} ran and has ended. */
    boolean ended(String processKey) {
      return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey(processKey)
          .finished().count() == 1
          && runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).processDefinitionKey(processKey).count() == 0;
    }

    private Task openTask(String taskKey) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list();
      assertThat(open).as(reference + ": open step " + taskKey + " (open: " + openSteps() + ")").isNotEmpty();
      return open.get(0);
    }

    List<String> openSteps() {
      return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream().map(Task::getTaskDefinitionKey).toList();
    }

    private void inTasklist(Task task, UserTask model, JsonNode form, Map<String, Object> answers) {
      signIn(userFor(task, model));
      By details = By.xpath("//*[contains(@class,'task-details')]//*[contains(normalize-space(.), " + quoted(reference) + ")]");
      browser.open(TASKLIST + "#/?task=" + task.getId()); // within Tasklist only the fragment changes: no reload
      if (!browser.appears(details, Duration.ofSeconds(5))) {
        browser.driver().navigate().refresh(); // Tasklist was still busy with the last page (e.g. a closing dialog)
      }
      browser.waitFor(details);
      if (task.getAssignee() == null) {
        browser.click(CLAIM);
      }
      browser.waitFor(FORM);
      String page = browser.bodyText();
      assertThat(page).as("Tasklist opens the form of " + task.getName()).doesNotContain("Form failure");
      assertThat(page).as("Tasklist shows " + task.getName() + " in plain English (issue 14.4)")
          .doesNotContain((String) runtime.getVariable(task.getProcessInstanceId(), CaseVariables.PARTNERSHIP))
          .doesNotContainPattern(RAW_CODE);
      if (!shown.isEmpty()) {
        assertThat(page).as("the form of " + task.getName()).contains(shown);
        shown = List.of();
      }
      new TasklistForm(browser).fill(form, answers);
      browser.screenshot("steps/" + model.getId().replace("userTask_", "") + "-" + form.path("id").asText());
      browser.pressSubmit(COMPLETE);
      waitUntil(() -> history.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count() == 1,
          () -> task.getName() + " not completed; Tasklist shows: " + notices());
    }

    /** A user of the task's candidate group — the first the model names, its owner — in the case's partnership. */
    private String userFor(Task task, UserTask model) {
      List<String> named = List.of(String.valueOf(model.getCamundaCandidateGroups()).split("\\s*,\\s*"));
      String group = tasks.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId)
          .min(Comparator.comparingInt(candidate -> named.indexOf(candidate) < 0 ? Integer.MAX_VALUE : named.indexOf(candidate)))
          .orElseThrow(() -> new AssertionError(task.getName() + " has no candidate group"));
      return userOf(group, (String) runtime.getVariable(task.getProcessInstanceId(), CaseVariables.PARTNERSHIP));
    }

    void runDueJobs() {
      CaseJobs.runDue(runtime, management, reference, failedJobs);
    }
  }

  private static String quoted(String text) {
    return "'" + text + "'";
  }
}
