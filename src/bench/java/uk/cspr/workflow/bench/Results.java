package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one run: a table for the console and {@code target/bench/results.json}. */
final class Results {

  /** One row of the table. {@code met} is null where there is no target. */
  record Row(String benchmark, String metric, String value, String target, Boolean met) {}

  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Object> details = new LinkedHashMap<>();
  private final Map<String, Object> machine = new LinkedHashMap<>();

  Results() {
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    machine.put("startedAt", Instant.now().toString());
    machine.put("loadAverageAtStart", loadAverage());
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  synchronized void row(String benchmark, String metric, String value, String target, Boolean met) {
    rows.add(new Row(benchmark, metric, value, target, met));
    System.out.printf("[bench] %-22s %-48s %s%n", benchmark, metric, value);
  }

  synchronized void row(String benchmark, String metric, String value) {
    row(benchmark, metric, value, "", null);
  }

  synchronized void detail(String key, Object value) {
    details.put(key, value);
  }

  static String fmt(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double abs = Math.abs(value);
    if (abs >= 1e6) {
      return String.format(Locale.ROOT, "%.2f M", value / 1e6);
    }
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  void print() {
    int w1 = 10, w2 = 10, w3 = 10, w4 = 6;
    for (Row row : rows) {
      w1 = Math.max(w1, row.benchmark().length());
      w2 = Math.max(w2, row.metric().length());
      w3 = Math.max(w3, row.value().length());
      w4 = Math.max(w4, row.target().length());
    }
    String format = "| %-" + w1 + "s | %-" + w2 + "s | %-" + w3 + "s | %-" + w4 + "s | %-6s |%n";
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format(format, "benchmark", "metric", "value", "target", "met"));
    out.append(String.format(format, "-".repeat(w1), "-".repeat(w2), "-".repeat(w3), "-".repeat(w4), "------"));
    for (Row row : rows) {
      out.append(String.format(format, row.benchmark(), row.metric(), row.value(), row.target(),
          row.met() == null ? "" : row.met() ? "yes" : "NO"));
    }
    out.append("machine: ").append(machine).append('\n');
    System.out.println(out);
  }

  void write(Path file) {
    machine.put("loadAverageAtEnd", loadAverage());
    machine.put("finishedAt", Instant.now().toString());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("machine", machine);
    List<Map<String, Object>> table = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("benchmark", row.benchmark());
      map.put("metric", row.metric());
      map.put("value", row.value());
      map.put("target", row.target());
      map.put("met", row.met());
      table.add(map);
    }
    json.put("table", table);
    json.put("details", details);
    try {
      Files.createDirectories(file.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.println("[bench] wrote " + file.toAbsolutePath());
  }
}
