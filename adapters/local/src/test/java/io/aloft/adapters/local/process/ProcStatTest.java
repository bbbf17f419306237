package io.aloft.adapters.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.support.Bytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatTest {

  @Test
  void givenCommandNameWithSpacesAndParens_whenParsed_thenFieldsAfterItAreRead() {
    ProcStat stat =
        ProcStat.parse(
            "4242 (my (weird) cmd) S 1 4240 4239 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654"
                + " 1000 10 18446744073709551615");

    assertThat(stat).isEqualTo(new ProcStat(4242, 'S', 1, 4240, 4239, 987654));
  }

  @Test
  void givenGarbage_whenParsed_thenNull() {
    assertThat(ProcStat.parse("")).isNull();
    assertThat(ProcStat.parse("12 (x) S 1 2")).isNull();
    assertThat(ProcStat.parse("x (y) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20"))
        .isNull();
  }

  @Test
  void givenThisJvm_whenRead_thenAliveWithAStartTime() {
    ProcStat self = ProcStat.read(ProcessHandle.current().pid()).orElseThrow();

    assertThat(self.isAlive()).isTrue();
    assertThat(self.startTicks()).isPositive();
    assertThat(ProcStat.read(Integer.MAX_VALUE + 10L)).isEmpty();
  }

  @Test
  void givenZombie_thenNotAlive() {
    assertThat(new ProcStat(5, 'Z', 1, 5, 5, 10).isAlive()).isFalse();
    assertThat(new ProcStat(5, 'Z', 1, 5, 5, 10).isSameLiveProcess(10)).isFalse();
  }

  @Test
  void givenState_whenEncodedAndDecoded_thenSame() {
    ProcessState state = new ProcessState(1234, 5678, Path.of("/work/p/d/r1-a1-0"));

    assertThat(ProcessState.decode(state.encode())).isEqualTo(state);
    assertThat(new String(state.encode().toArray(), StandardCharsets.UTF_8))
        .startsWith("aloft.process=1\n")
        .contains("pid=1234\n", "start=5678\n", "workDir=/work/p/d/r1-a1-0\n");
  }

  @Test
  void givenForeignOrBrokenState_whenDecoded_thenIllegalArgumentNamingIt() {
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ProcessState.decode(Bytes.of("pod=x\n".getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not local process state");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ProcessState.decodeText("aloft.process=1\npid=12\nstart=x\nworkDir=/w\n")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> ProcessState.decodeText("aloft.process=1\npid=12\nstart=3\n")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("workDir");
  }
}
