package uk.cspr.workflow.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §6: every process and every decision carries its own historyTimeToLive (days or an ISO
 * period of days), so retention never depends on the engine default. Every file in processes/ and
 * dmn/ is checked, so a new model is covered without touching this test.
 */
class ModelRetentionTest {

  static Stream<Path> processes() throws IOException {
    return models("processes", ".bpmn");
  }

  static Stream<Path> decisions() throws IOException {
    return models("dmn", ".dmn");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void everyExecutableProcessHasATimeToLive(Path file) {
    List<Process> processes = Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)
        .stream().filter(Process::isExecutable).toList();
    assertThat(processes).isNotEmpty();
    for (Process process : processes) {
      assertThat(days(process.getCamundaHistoryTimeToLiveString())).as(process.getId()).isPositive();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisions")
  void everyDecisionHasATimeToLive(Path file) {
    List<Decision> decisions = List.copyOf(Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class));
    assertThat(decisions).isNotEmpty();
    for (Decision decision : decisions) {
      assertThat(days(decision.getCamundaHistoryTimeToLiveString())).as(decision.getId()).isPositive();
    }
  }

  /** The engine accepts a number of days or an ISO-8601 period of days ("P2555D"). */
  static int days(String timeToLive) {
    assertThat(timeToLive).as("historyTimeToLive").isNotBlank();
    return timeToLive.matches("\\d+") ? Integer.parseInt(timeToLive) : Period.parse(timeToLive).getDays();
  }

  private static Stream<Path> models(String directory, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(directory))) {
      List<Path> models = files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
      assertThat(models).as(directory).isNotEmpty();
      return models.stream();
    }
  }
}
