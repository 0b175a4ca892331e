package uk.cspr.workflow.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One application node in its own JVM (java -cp &lt;the test class path&gt; {@link ClusterNodeMain}),
 * so a test can run several nodes on one database and kill one hard ({@link #kill()}: SIGKILL, no
 * shutdown hooks, locks and transactions left as they were). Properties are passed as command
 * line arguments and outrank application.yaml; output goes to a log file per node.
 */
public final class ClusterNode implements AutoCloseable {

  private static final String TEST_COVERAGE =
      "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";
  private static final Duration STARTUP = Duration.ofMinutes(4);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String name;
  private final int port;
  private final Map<String, String> properties;
  private final Path logFile;
  private Process process;
  private Writer commands;
  private int starts;

  /**
   * @param name shown in logs and used as the engine's host name (ACT_HI_JOB_LOG.HOSTNAME_, set
   *     through the environment like docker/compose.yaml does), so the tests can tell which node
   *     executed a job
   */
  public ClusterNode(String name, Map<String, String> properties, Path logDirectory) {
    this.name = name;
    this.port = RestartablePostgres.freePort();
    this.properties = new LinkedHashMap<>();
    // the test class path brings process test coverage, which only works inside a JUnit test
    this.properties.put("spring.autoconfigure.exclude", TEST_COVERAGE);
    this.properties.putAll(properties);
    this.properties.put("server.port", String.valueOf(port));
    this.logFile = logDirectory.resolve(name + ".log");
  }

  public String name() {
    return name;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Changes a property for the next {@link #start()} (e.g. a shorter job lock time). */
  public void set(String property, String value) {
    properties.put(property, value);
  }

  /** Starts the JVM and waits until the application is ready (readiness probe UP). */
  public synchronized void start() {
    if (isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    try {
      Files.createDirectories(logFile.getParent());
      Path argFile = Files.createTempFile("cspr-" + name + "-", ".args");
      argFile.toFile().deleteOnExit();
      // An argument file keeps the long class path off the command line
      Files.writeString(argFile, "-cp \"" + classPath().replace("\\", "\\\\") + "\"\n");
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "@" + argFile,
          "-Xmx512m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Duser.timezone=UTC",
          "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
          ClusterNodeMain.class.getName()));
      properties.forEach((key, value) -> command.add("--" + key + "=" + value));
      starts++;
      ProcessBuilder builder = new ProcessBuilder(command);
      // as docker/compose.yaml names its nodes
      builder.environment().put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", name);
      process = builder
          .redirectErrorStream(true)
          .redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(logFile.toFile()) : ProcessBuilder.Redirect.appendTo(logFile.toFile()))
          .start();
      commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start node " + name, e);
    }
    awaitReady();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up; see " + logFile);
      }
      if (get("/actuator/health/readiness") == 200) {
        return;
      }
      sleep(Duration.ofMillis(500));
    }
    kill();
    throw new IllegalStateException(name + " not ready after " + STARTUP + "; see " + logFile);
  }

  /**
   * The test JVM's class path without empty entries: surefire ends it with a separator, which
   * would put the working directory (with the top-level processes/ and dmn/) on the class path
   * and make the engine deploy every model twice.
   */
  private static String classPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** Status of a GET without credentials, or -1 when the node does not answer. */
  public int get(String path) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Hard kill (SIGKILL): what a power cut or an OOM kill does to a node. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(30));
    }
  }

  /** Moves this node's engine clock by {@code offset} from real time (see {@link ClusterNodeMain}). */
  public synchronized void clockOffset(Duration offset) {
    command(ClusterNodeMain.CLOCK_OFFSET + offset.toMillis());
  }

  /** Graceful shutdown (the job executor unlocks its jobs), then a hard kill if it hangs. */
  @Override
  public synchronized void close() {
    if (!isAlive()) {
      return;
    }
    try {
      command(ClusterNodeMain.EXIT);
      if (!waitFor(Duration.ofSeconds(60))) {
        kill();
      }
    } catch (UncheckedIOException e) {
      kill();
    }
  }

  public Path logFile() {
    return logFile;
  }

  private void command(String line) {
    try {
      commands.write(line + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Node " + name + " does not take commands", e);
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return name + " (" + baseUrl() + ")";
  }
}
