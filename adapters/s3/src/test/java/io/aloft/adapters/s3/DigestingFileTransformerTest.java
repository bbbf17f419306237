package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.application.port.storage.FileDigests;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

class DigestingFileTransformerTest {

  @TempDir Path dir;

  @Test
  void givenABodyOfManySmallBuffers_WhenStreamed_ThenTheFileMd5AndCountsMatch() throws Exception {
    byte[] body = new byte[DigestingFileTransformer.BLOCK_BYTES * 6 + 12_345];
    new Random(7).nextBytes(body);
    Path target = dir.resolve("object");
    AtomicLong heard = new AtomicLong();
    DigestingFileTransformer transformer = new DigestingFileTransformer(target, heard::addAndGet);

    var result = transformer.prepare();
    transformer.onResponse(GetObjectResponse.builder().contentLength((long) body.length).build());
    transformer.onStream(SdkPublisher.adapt(buffers(body, 8_192).delayElements(Duration.ZERO)));

    assertThat(result.get(30, TimeUnit.SECONDS)).isNotNull();
    assertThat(Files.readAllBytes(target)).isEqualTo(body);
    assertThat(transformer.bytes()).isEqualTo(body.length);
    assertThat(heard.get()).isEqualTo(body.length);
    assertThat(transformer.md5()).isEqualTo(md5(body));
    assertThat(transformer.announced()).isEqualTo(body.length);
  }

  @Test
  void givenAnEmptyBody_WhenStreamed_ThenAnEmptyFile() throws Exception {
    Path target = dir.resolve("empty");
    DigestingFileTransformer transformer = new DigestingFileTransformer(target, n -> {});

    var result = transformer.prepare();
    transformer.onResponse(GetObjectResponse.builder().contentLength(0L).build());
    transformer.onStream(SdkPublisher.adapt(Flux.empty()));

    result.get(30, TimeUnit.SECONDS);
    assertThat(target).exists().isEmptyFile();
    assertThat(transformer.md5()).isEqualTo(md5(new byte[0]));
  }

  @Test
  void givenABodyThatFailsMidway_WhenStreamed_ThenTheAttemptFailsAndLeavesNoFile() {
    byte[] body = new byte[DigestingFileTransformer.BLOCK_BYTES * 3];
    Path target = dir.resolve("broken");
    AtomicLong heard = new AtomicLong();
    DigestingFileTransformer transformer = new DigestingFileTransformer(target, heard::addAndGet);

    var result = transformer.prepare();
    transformer.onResponse(GetObjectResponse.builder().contentLength((long) body.length).build());
    transformer.onStream(
        SdkPublisher.adapt(
            buffers(body, 65_536)
                .take(40)
                .concatWith(Flux.error(new IOException("connection reset")))));

    assertThatThrownBy(() -> result.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("connection reset");
    assertThat(target).doesNotExist();
    assertThat(heard.get()).as("what the failed attempt reported is taken back").isZero();
    transformer.exceptionOccurred(new IOException("reported again by the SDK")); // no effect
  }

  private static Flux<ByteBuffer> buffers(byte[] body, int size) {
    return Flux.range(0, (body.length + size - 1) / size)
        .map(i -> ByteBuffer.wrap(body, i * size, Math.min(size, body.length - i * size)).slice());
  }

  private static String md5(byte[] bytes) {
    MessageDigest digest = FileDigests.md5();
    digest.update(bytes);
    return FileDigests.base64(digest);
  }
}
