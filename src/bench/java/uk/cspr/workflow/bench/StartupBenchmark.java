package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmark 6: start-up. The application is started as a child JVM, {@code java -Xmx1g -cp
 * <runtime class path> uk.cspr.workflow.CsprApplication}, on a fresh H2 file database (default
 * profile) and on a fresh database of the embedded PostgreSQL server (profile {@code postgres}),
 * alternately. Time to ready = from launching the JVM until {@code /actuator/health/readiness}
 * answers UP; then the used heap from {@code /actuator/metrics/jvm.memory.used?tag=area:heap}. The
 * metrics endpoint is exposed for these runs only, by a command-line property.
 */
final class StartupBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  static void run(Results results, boolean quick) throws Exception {
    int runs = quick ? 1 : 3;
    String classpath = classpath();
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    Path work = Files.createDirectories(Path.of("target", "bench", "startup"));
    Map<String, List<Double>> readyMs = new LinkedHashMap<>();
    Map<String, List<Double>> heapMb = new LinkedHashMap<>();
    Map<String, List<Double>> springMs = new LinkedHashMap<>();
    for (int i = 0; i < runs; i++) {
      for (String db : List.of("H2", "PostgreSQL")) {
        double[] figures = start(classpath, db, postgres, work, i);
        readyMs.computeIfAbsent(db, k -> new ArrayList<>()).add(figures[0]);
        heapMb.computeIfAbsent(db, k -> new ArrayList<>()).add(figures[1]);
        springMs.computeIfAbsent(db, k -> new ArrayList<>()).add(figures[2]);
        System.out.printf("[bench] start-up %s #%d: ready after %.0f ms, heap %.0f MB%n", db, i + 1, figures[0], figures[1]);
      }
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    for (String db : readyMs.keySet()) {
      Stats ready = Stats.of(readyMs.get(db));
      Stats heap = Stats.of(heapMb.get(db));
      results.row("start-up " + db, "time to ready (median of " + runs + ")",
          Results.fmt(ready.median() / 1000) + " s (min " + Results.fmt(ready.min() / 1000) + ", max "
              + Results.fmt(ready.max() / 1000) + ")");
      results.row("start-up " + db, "heap used when ready (median)", Results.fmt(heap.median()) + " MB");
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("readyMs", ready.json());
      d.put("heapUsedMb", heap.json());
      d.put("springReportedStartMs", Stats.of(springMs.get(db)).json());
      detail.put(db, d);
    }
    detail.put("command", "java -Xmx1g -cp <target/classes + runtime dependencies> uk.cspr.workflow.CsprApplication "
        + "--server.port=<free> --management.endpoints.web.exposure.include=health,metrics [--spring.profiles.active=postgres]");
    results.detail("startup", detail);
  }

  /** Returns {ms to ready, heap MB, Spring's own start-up ms (from the log, NaN if absent)}. */
  private static double[] start(String classpath, String db, EmbeddedPostgres postgres, Path work, int run) throws Exception {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-Duser.timezone=UTC",
        "-cp", classpath, "uk.cspr.workflow.CsprApplication",
        "--server.port=" + port, "--server.address=127.0.0.1",
        "--management.endpoints.web.exposure.include=health,metrics",
        "--spring.jmx.enabled=false"));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (db.equals("H2")) {
      Path data = Files.createTempDirectory(work, "h2-");
      command.add("--spring.datasource.url=jdbc:h2:file:" + data.toAbsolutePath() + "/cspr;DB_CLOSE_ON_EXIT=FALSE");
    } else {
      String url = EngineBenchmark.database(postgres);
      command.add("--spring.profiles.active=postgres");
      builder.environment().put("CSPR_DB_URL", url);
      builder.environment().put("CSPR_DB_USER", "postgres");
      builder.environment().put("CSPR_DB_PASSWORD", "postgres");
    }
    builder.command(command);
    File log = work.resolve("startup-" + db + "-" + run + ".log").toFile();
    builder.redirectErrorStream(true).redirectOutput(log);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    String base = "http://127.0.0.1:" + port;
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      double readyMs = Double.NaN;
      while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(240)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The application stopped during start-up; see " + log);
        }
        if (ready(http, base)) {
          readyMs = (System.nanoTime() - start) / 1e6;
          break;
        }
        Thread.sleep(50);
      }
      if (Double.isNaN(readyMs)) {
        throw new IllegalStateException("Not ready within 240 s; see " + log);
      }
      JsonNode heap = JSON.readTree(get(http, base + "/actuator/metrics/jvm.memory.used?tag=area:heap").body());
      double heapMb = heap.path("measurements").path(0).path("value").asDouble() / (1024 * 1024);
      return new double[] {readyMs, heapMb, springStartMs(log)};
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static boolean ready(HttpClient http, String base) {
    try {
      HttpResponse<String> response = get(http, base + "/actuator/health/readiness");
      return response.statusCode() == 200 && response.body().contains("\"UP\"");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static double springStartMs(File log) throws IOException {
    for (String line : Files.readAllLines(log.toPath())) {
      int at = line.indexOf("Started CsprApplication in ");
      if (at >= 0) {
        String seconds = line.substring(at + "Started CsprApplication in ".length()).split(" ")[0];
        return Double.parseDouble(seconds) * 1000;
      }
    }
    return Double.NaN;
  }

  /** target/classes and the run-time dependencies (written by the bench profile's dependency plugin). */
  private static String classpath() throws IOException {
    Path file = Path.of("target", "bench", "runtime-classpath.txt");
    String dependencies = Files.readString(file).trim();
    String classes = System.getProperty("bench.classes", Path.of("target", "classes").toAbsolutePath().toString());
    return classes + File.pathSeparator + dependencies;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private StartupBenchmark() {}
}
