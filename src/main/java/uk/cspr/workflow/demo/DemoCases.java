package uk.cspr.workflow.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import uk.cspr.workflow.calendar.WorkingDays;
import uk.cspr.workflow.cases.Flows;

/**
 * Demo profile only ({@code cspr.demo.cases}, default on): the sample cases of {@link DemoStages},
 * created once, when no case of any flow exists yet. Runs before the job executor starts
 * (ApplicationReadyEvent) and resets the engine clock afterwards. A stage that fails is logged and
 * skipped: demo data never stops the application.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "cspr.demo.cases", havingValue = "true", matchIfMissing = true)
class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final WorkingDays workingDays;
  /** The stages that failed and were skipped at the last creation (for the test and diagnosis). */
  private final List<String> skipped = new ArrayList<>();

  DemoCases(RuntimeService runtimeService, TaskService taskService, ManagementService managementService,
      HistoryService historyService, WorkingDays workingDays) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.workingDays = workingDays;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  void createDemoCases() {
    if (historyService.createHistoricProcessInstanceQuery().processDefinitionKeyIn(Flows.KEYS).count() > 0) {
      return;
    }
    Instant now = ClockUtil.getCurrentTime().toInstant();
    long started = System.nanoTime();
    skipped.clear();
    int created = 0;
    for (DemoStage stage : DemoStages.all()) {
      DemoScript script = new DemoScript(runtimeService, taskService, managementService, workingDays, now);
      try {
        stage.script().accept(script);
        script.finish();
        created++;
        LOG.info("Demo case {}: {}", script.caseReference(), stage.shows());
      } catch (RuntimeException e) {
        skipped.add(stage.shows() + ": " + e);
        LOG.warn("Demo case '{}' not completed: {}", stage.shows(), e.toString());
      } finally {
        ClockUtil.reset();
      }
    }
    LOG.info("Created {} of {} demo cases in {} ms", created, DemoStages.all().size(), (System.nanoTime() - started) / 1_000_000);
  }

  List<String> skipped() {
    return List.copyOf(skipped);
  }
}
