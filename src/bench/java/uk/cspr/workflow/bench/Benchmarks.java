package uk.cspr.workflow.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Entry point of {@code ./mvnw -Pbench verify}: runs the benchmarks named in the arguments (default
 * all), prints a table and writes {@code target/bench/results.json}. Every figure is a ratio or a
 * distribution measured side by side in this one run, because the machine is shared and noisy.
 */
public final class Benchmarks {

  static final List<String> ALL = List.of("calendar", "engine", "tasklist", "dashboard", "casefile", "startup", "overload", "figures");

  /** Letters' PDF renderer logs every page at INFO through java.util.logging. */
  private static final java.util.logging.Logger PDF_LOG = java.util.logging.Logger.getLogger("com.openhtmltopdf");

  public static void main(String[] args) throws Exception {
    PDF_LOG.setLevel(java.util.logging.Level.WARNING);
    Set<String> selected = new LinkedHashSet<>();
    boolean quick = false;
    for (String arg : String.join(" ", args).split("[\\s,]+")) {
      if (arg.isBlank()) {
        continue;
      }
      if (arg.equals("profile")) {
        PDF_LOG.setLevel(java.util.logging.Level.WARNING);
        EngineBenchmark.profile(20);
        System.exit(0);
      }
      if (arg.equals("quick")) {
        quick = true;
      } else if (arg.equals("all")) {
        selected.addAll(ALL);
      } else if (ALL.contains(arg)) {
        selected.add(arg);
      } else {
        throw new IllegalArgumentException("Unknown benchmark '" + arg + "'; known: " + ALL + ", all, quick");
      }
    }
    if (selected.isEmpty()) {
      selected.addAll(ALL);
    }
    System.out.println("[bench] running " + selected + (quick ? " (quick)" : "") + " args " + Arrays.toString(args));
    Results results = new Results();
    results.detail("command", "./mvnw -Pbench verify" + (quick ? " -Dbench.args=quick" : ""));
    Path out = Path.of("target", "bench", "results.json");
    boolean failed = false;
    try {
      for (String name : selected) {
        long start = System.nanoTime();
        try {
          switch (name) {
            case "calendar" -> CalendarBenchmark.run(results, quick);
            case "engine" -> EngineBenchmark.run(results, quick);
            case "tasklist" -> TasklistBenchmark.run(results, quick);
            case "dashboard" -> DashboardBenchmark.run(results, quick);
            case "casefile" -> CaseFileBenchmark.run(results, quick);
            case "startup" -> StartupBenchmark.run(results, quick);
            case "overload" -> OverloadBenchmark.run(results, quick);
            case "figures" -> FiguresBenchmark.run(results, quick);
            default -> throw new IllegalStateException(name);
          }
        } catch (Exception | AssertionError e) {
          failed = true;
          e.printStackTrace();
          results.row(name, "FAILED", String.valueOf(e), "", false);
        }
        System.out.printf("[bench] %s took %.0f s%n", name, (System.nanoTime() - start) / 1e9);
        results.write(out); // keep what is done if a later benchmark fails
      }
    } finally {
      results.print();
      results.write(out);
    }
    System.exit(failed ? 1 : 0); // embedded servers and pools may leave non-daemon threads
  }

  private Benchmarks() {}
}
