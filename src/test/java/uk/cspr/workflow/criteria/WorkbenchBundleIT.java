package uk.cspr.workflow.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The criteria workbench bundle (its script and styles; the page is index.html beside them) is committed (src/main/resources/static/workbench) so that
 * {@code ./mvnw spring-boot:run} needs no Node.js; the build rebuilds it from its sources and the
 * lockfile into target/workbench-build (phase prepare-package) and this check fails if the
 * committed one is not exactly that build (esbuild's output is deterministic).
 */
class WorkbenchBundleIT {

  private static final Path COMMITTED = Path.of("src/main/resources/static/workbench");
  private static final Path BUILT = Path.of("target/workbench-build");

  @Test
  void theCommittedBundleIsTheBuildOfItsSources() throws Exception {
    Assumptions.assumeTrue(Files.isDirectory(BUILT), "workbench not rebuilt (-DskipFrontend=true)");
    for (String file : List.of("workbench.js", "workbench.css")) {
      assertThat(Files.mismatch(COMMITTED.resolve(file), BUILT.resolve(file)))
          .as(file + " is out of date: run (cd src/main/frontend/workbench && npm ci && node build.mjs ../../resources/static/workbench)")
          .isEqualTo(-1L);
    }
  }
}
