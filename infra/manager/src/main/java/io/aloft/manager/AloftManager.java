package io.aloft.manager;

import io.aloft.adapters.postgres.PostgresAdapterConfiguration;
import io.aloft.manager.copilot.CopilotCommand;
import io.aloft.manager.replay.ReplayCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The manager: one process serving every Aloft service on one port. With no configuration it runs
 * on its own (embedded PostgreSQL and S3 under {@code $ALOFT_HOME}); configured, the same code uses
 * external ones.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PostgresAdapterConfiguration.class)
public class AloftManager {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("copilot")) {
      System.exit(CopilotCommand.main(java.util.List.of(args).subList(1, args.length)));
    }
    if (args.length > 0 && args[0].equals("replay")) {
      System.exit(ReplayCommand.main(java.util.List.of(args).subList(1, args.length)));
    }
    // Axon phones home with anonymous usage data unless told not to; a control plane must not.
    System.setProperty(
        "axoniq.update-checker.disabled",
        System.getProperty("axoniq.update-checker.disabled", "true"));
    try {
      SpringApplication.run(AloftManager.class, args);
    } catch (RuntimeException startupFailure) {
      // Spring has logged why; the embedded servers' threads would keep a failed manager alive.
      System.exit(1);
    }
  }
}
