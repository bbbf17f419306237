package io.aloft.manager.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./aloft demo} end to end: the demo's main in a JVM of its own (it starts and stops a whole
 * manager, which must not share this JVM with the test manager), exit code 0.
 */
class DemoTest {

  static final Path EXAMPLES = Path.of("../../examples").toAbsolutePath().normalize();

  @Test
  void theDemoRunsEverySampleAsExpectedAndExitsZero(@TempDir Path home) throws Exception {
    Path output = home.resolve("demo-output.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DemoMain.class.getName(),
                "--examples=" + EXAMPLES,
                "--timeout=60")
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .directory(home.toFile());
    // A fresh temporary home, whatever ALOFT_HOME the build runs with (./aloft exports one).
    builder.environment().remove("ALOFT_HOME");
    Process demo = builder.start();
    demo.getOutputStream().close();
    boolean ended = demo.waitFor(110, TimeUnit.SECONDS);
    if (!ended) {
      demo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String printed = read(output);

    assertThat(ended).as("the demo ended in time; it printed:%n%s", printed).isTrue();
    assertThat(demo.exitValue()).as("exit code; the demo printed:%n%s", printed).isZero();
    assertThat(printed)
        .contains("All 4 runs ended as expected.")
        .contains("Stopping the manager... stopped");
  }

  @Test
  void everyExampleIsAValidTaskSpecWithItsScriptInlined() {
    List<Sample> samples = SampleCatalogue.load(EXAMPLES);

    assertThat(samples)
        .extracting(Sample::name)
        .containsExactly("wordcount", "fanout", "flaky", "broken");
    for (Sample sample : samples) {
      List<String> argv = sample.spec().getTaskTemplate().getContainer().getCommandList();
      assertThat(argv).as(sample.name()).noneMatch(arg -> arg.startsWith("@"));
      assertThat(argv.get(2)).as(sample.name()).contains("ALOFT_");
    }
    assertThat(samples.get(2).maxAttempts()).isEqualTo(2);
    assertThat(samples.get(0).version()).isEqualTo(SampleCatalogue.load(EXAMPLES).get(0).version());
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
