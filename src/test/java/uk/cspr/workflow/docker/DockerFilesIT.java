package uk.cspr.workflow.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 17 (3): {@code docker/Dockerfile} builds as written, and {@code docker/compose.yaml} holds
 * the topology the README describes. No Docker engine runs here, so the build stage is replayed:
 * its COPY lines copy into a clean directory (the WORKDIR) and its RUN lines run there with only the
 * tools of its JDK base image on the PATH — a JDK and the shell's utilities, no Node.js. The one
 * change: the jar is copied into that directory instead of to the image's {@code /app.jar}.
 */
class DockerFilesIT {

  private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
  private static final List<String> NOT_IN_THE_BASE_IMAGE = List.of("node", "nodejs", "npm", "npx", "corepack");

  @Test
  void theDockerfilesBuildStageBuildsTheJarWithTheJdkAlone(@TempDir Path workdir) throws Exception {
    Path bin = jdkAndShellOnly(workdir.resolve("bin"));
    try {
      replayBuildStage(workdir, bin);
    } finally {
      try (Stream<Path> links = Files.list(bin)) {
        for (Path link : links.toList()) {
          Files.delete(link); // JUnit warns about every link it deletes itself
        }
      }
    }
  }

  private static void replayBuildStage(Path workdir, Path bin) throws Exception {
    Path src = Files.createDirectories(workdir.resolve("src"));
    List<String> stage = buildStage();
    List<String> ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
        .filter(line -> !line.isBlank() && !line.startsWith("#")).filter(line -> line.startsWith("**/")).map(line -> line.substring(3)).toList(); // top-level entries are not copied anyway
    assertThat(stage).anyMatch(line -> line.startsWith("FROM eclipse-temurin:17-jdk"));
    for (String line : stage) {
      if (line.startsWith("COPY ")) {
        List<String> parts = List.of(line.substring(5).trim().split("\\s+"));
        for (String source : parts.subList(0, parts.size() - 1)) {
          copy(Path.of(source), src.resolve(target(parts.get(parts.size() - 1), source)), ignored);
        }
      } else if (line.startsWith("RUN ")) {
        run(src, bin, line.substring(4).replace("/app.jar", workdir.resolve("app.jar").toString()));
      }
    }
    assertThat(workdir.resolve("app.jar")).isNotEmptyFile();
    assertThat(src.resolve("target/classes/static/workbench/workbench.js")).as("the committed workbench bundle").isNotEmptyFile();
  }

  @Test
  void theComposeFileRunsTwoNodesOnOneDatabaseAndAMailSink() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services).containsOnlyKeys("postgres", "mailsink", "app1", "app2");
    for (String node : List.of("app1", "app2")) {
      Map<String, Object> app = map(services.get(node));
      assertThat(map(app.get("build"))).containsEntry("dockerfile", "docker/Dockerfile");
      Map<String, Object> environment = map(app.get("environment"));
      assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
          .containsEntry("SPRING_MAIL_HOST", "mailsink").containsEntry("CSPR_CORRESPONDENCE_TEST_SMTP_HOSTS", "mailsink")
          .containsEntry("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", node);
      assertThat(String.valueOf(environment.get("CSPR_ADMIN_PASSWORD"))).as("no default password").contains(":?");
      assertThat(map(app.get("depends_on"))).containsKey("postgres");
    }
    assertThat(map(map(map(services.get("app2")).get("depends_on")).get("app1"))).containsEntry("condition", "service_healthy");
    assertThat(String.valueOf(map(map(services.get("postgres")).get("environment")).get("POSTGRES_PASSWORD"))).contains(":?");
    assertThat(map(services.get("app1")).get("ports")).isEqualTo(List.of("8081:8080"));
    assertThat(map(services.get("app2")).get("ports")).isEqualTo(List.of("8082:8080"));
  }

  /** The first stage's instructions, continuation lines joined, comments dropped. */
  private static List<String> buildStage() throws IOException {
    List<String> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      current.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
      if (!line.endsWith("\\")) {
        String instruction = current.toString().trim();
        current.setLength(0);
        if (instruction.startsWith("FROM ") && !instructions.isEmpty()) {
          break;
        }
        instructions.add(instruction);
      }
    }
    return instructions;
  }

  /** Copies a file or folder as Docker's COPY does, leaving out names listed in .dockerignore. */
  private static void copy(Path source, Path destination, List<String> ignored) throws IOException {
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.toList()) {
        boolean left = false;
        for (Path part : source.relativize(path)) {
          left |= ignored.contains(part.toString());
        }
        if (left) {
          continue;
        }
        Path copy = destination.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.createDirectories(copy.getParent());
          Files.copy(path, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static String target(String destination, String source) {
    return destination.endsWith("/") ? destination + Path.of(source).getFileName() : destination;
  }

  /** A PATH of the JDK's bin and the machine's utilities without Node.js. */
  private static Path jdkAndShellOnly(Path bin) throws IOException {
    Files.createDirectories(bin);
    Path jdk = Path.of(System.getProperty("java.home"), "bin");
    for (Path dir : List.of(jdk, Path.of("/usr/bin"))) {
      try (Stream<Path> tools = Files.list(dir)) {
        for (Path tool : tools.toList()) {
          Path link = bin.resolve(tool.getFileName().toString());
          if (!NOT_IN_THE_BASE_IMAGE.contains(tool.getFileName().toString()) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(link, tool);
          }
        }
      }
    }
    return bin;
  }

  private static void run(Path dir, Path bin, String command) throws Exception {
    ProcessBuilder process = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
    process.environment().put("PATH", bin.toString());
    process.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path log = Files.createTempFile("docker-build", ".log");
    process.redirectOutput(log.toFile());
    Process running = process.start();
    assertThat(running.waitFor(15, TimeUnit.MINUTES)).as(command + " finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(running.exitValue()).as(command + "\n" + output.substring(Math.max(0, output.length() - 4000))).isZero();
    assertThat(bin.resolve("node")).doesNotExist();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
