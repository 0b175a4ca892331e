package uk.cspr.workflow.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.CsprApplication;

/**
 * Main class of one application node started by {@link ClusterNode} in its own JVM: the real
 * application ({@link CsprApplication}) plus a command channel on standard input, used by the fault
 * tests only. {@code clock-offset <millis>} moves the engine clock (timers, job due dates and
 * retries; the real clock keeps running), {@code exit} shuts down gracefully. End of input means
 * the test JVM is gone: the node exits too, so no node outlives its test.
 */
public final class ClusterNodeMain {

  static final String CLOCK_OFFSET = "clock-offset ";
  static final String EXIT = "exit";

  public static void main(String[] args) throws IOException {
    ConfigurableApplicationContext context = SpringApplication.run(CsprApplication.class, args);
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null && !command.equals(EXIT)) {
      if (command.startsWith(CLOCK_OFFSET)) {
        ClockUtil.offset(Long.parseLong(command.substring(CLOCK_OFFSET.length()).trim()));
        System.out.println("Engine clock now " + ClockUtil.getCurrentTime());
      }
    }
    System.exit(SpringApplication.exit(context));
  }

  private ClusterNodeMain() {}
}
