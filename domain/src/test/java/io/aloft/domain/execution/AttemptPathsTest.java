package io.aloft.domain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.action.ActionType;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ActionId;
import io.aloft.domain.support.Bytes;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AttemptPathsTest {

  @Test
  void theShardIsFnv32aModuloTheTwoCharacterTable() {
    // FNV-32a("") is the offset basis 0x811c9dc5 = 2166136261; mod 1296 = 1045 -> "5" * 36...
    int index = Integer.remainderUnsigned(0x811c9dc5, 1296);
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    assertThat(AttemptPaths.shard(""))
        .isEqualTo("" + alphabet.charAt(index / 36) + alphabet.charAt(index % 36));
    // A published FNV-1a test vector: FNV-32a("a") = 0xe40c292c.
    assertThat(AttemptPaths.fnv32a("a".getBytes())).isEqualTo(0xe40c292c);
  }

  @Test
  void shardsSpreadOverTheTable() {
    Set<String> shards = new HashSet<>();
    for (int i = 0; i < 20_000; i++) {
      shards.add(AttemptPaths.shard("aloft/r" + i + "-a0"));
    }
    assertThat(shards).hasSizeGreaterThan(1200);
    assertThat(shards).allMatch(s -> s.matches("[a-z0-9]{2}"));
  }

  @Test
  void theOutputPrefixPutsTheShardAfterTheBucket() {
    String prefix =
        AttemptPaths.outputPrefix(
            "s3://bucket/metadata/p/development/r1/", "aloft", "r1-a0", "a0", 2);

    String shard = AttemptPaths.shard("aloft/r1-a0");
    assertThat(prefix).isEqualTo("s3://bucket/" + shard + "/metadata/p/development/r1/a0/2");
    assertThat(AttemptPaths.outputsFile(prefix)).endsWith("/a0/2/outputs.pb");
  }

  @Test
  void aBucketOnlyBaseStillGetsItsShard() {
    String prefix = AttemptPaths.outputPrefix("s3://bucket", "aloft", "r1-a0", "a0", 1);
    assertThat(prefix).isEqualTo("s3://bucket/" + AttemptPaths.shard("aloft/r1-a0") + "/a0/1");
  }

  @Test
  void aLocalPathBaseGetsNoShardAndStaysInItsDirectory() {
    String prefix =
        AttemptPaths.outputPrefix("file:///srv/data/p/d/r1/", "aloft", "r1-a0", "a0", 1);

    assertThat(prefix).isEqualTo("file:///srv/data/p/d/r1/a0/1");
  }

  @Test
  void inputsLiveInTheInputDirectory() {
    assertThat(AttemptPaths.inputsFile("s3://b/p/d/r/inputs/"))
        .isEqualTo("s3://b/p/d/r/inputs/inputs.pb");
    assertThat(AttemptPaths.inputsFile("file:///tmp/in")).isEqualTo("file:///tmp/in/inputs.pb");
  }

  @Test
  void aBaseWithoutSchemeIsRefused() {
    assertThatThrownBy(() -> AttemptPaths.outputPrefix("bucket/x", "aloft", "r-a0", "a0", 1))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("s3://bucket/path");
  }

  @Test
  void theRawDataPrefixIsAFolderPerRunActionAndAttemptUnderTheSharedPrefix() {
    TaskActionSpec spec =
        new TaskActionSpec(
            ActionId.of("p", "development", "r1", "a1"),
            null,
            ActionType.TASK,
            "s3://b/in",
            "s3://b/runs/r1",
            "container",
            "t",
            Bytes.EMPTY,
            null,
            null,
            Map.of(),
            Instant.EPOCH);
    String shard = AttemptPaths.shard("aloft/r1-a1");

    assertThat(AttemptPaths.rawDataPrefix("s3://raw/data/", "aloft", spec, 2))
        .isEqualTo("s3://raw/" + shard + "/data/p/development/r1/a1/2");
    assertThat(AttemptPaths.rawDataPrefix("s3://raw", "aloft", spec, 1))
        .isEqualTo("s3://raw/" + shard + "/p/development/r1/a1/1");
  }
}
