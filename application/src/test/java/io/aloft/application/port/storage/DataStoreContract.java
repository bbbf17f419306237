package io.aloft.application.port.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.error.InvalidArgument;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The behaviour every {@link DataStore} adapter must show. A subclass supplies the store and a base
 * prefix; each test works under its own fresh prefix below it.
 */
public abstract class DataStoreContract {

  protected static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StorageUri dir;

  /** The store under test, ready to use (its bucket exists). */
  protected abstract DataStore store();

  /** A prefix the tests may write below, e.g. {@code s3://bucket/contract-1234/}. */
  protected abstract StorageUri base();

  /**
   * How many objects the paging test lists: more than one page of the store under test. The
   * default, 1,100, is more than S3's 1,000-key page; a store configured with smaller pages may
   * override it to keep the test fast.
   */
  protected int objectsForPagingTest() {
    return 1_100;
  }

  @BeforeEach
  void freshPrefix(TestInfo test) {
    String name = test.getTestMethod().orElseThrow().getName();
    dir = base().resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8) + "/");
  }

  protected StorageUri dir() {
    return dir;
  }

  @Test
  void givenBytes_whenPutThenGet_thenSameBytesAndInfo() {
    StorageUri uri = dir.resolve("inputs.pb");
    byte[] bytes = "hello aloft".getBytes(StandardCharsets.UTF_8);

    StepVerifier.create(store().put(uri, bytes, PutOptions.none()))
        .assertNext(
            info -> {
              assertThat(info.uri()).isEqualTo(uri);
              assertThat(info.sizeBytes()).isEqualTo(bytes.length);
              assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes));
            })
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().get(uri))
        .assertNext(read -> assertThat(read).isEqualTo(bytes))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenZeroBytes_whenPutThenGet_thenEmptyArrayNotEmptyResult() {
    StorageUri uri = dir.resolve("empty");

    put(uri, new byte[0]);

    StepVerifier.create(store().get(uri))
        .assertNext(read -> assertThat(read).isEmpty())
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri))
        .assertNext(info -> assertThat(info.sizeBytes()).isZero())
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenTwentyMebibytes_whenPutThenGet_thenSameBytesAndMd5() {
    StorageUri uri = dir.resolve("big.bin");
    byte[] bytes = randomBytes(20 * 1024 * 1024 + 17);

    put(uri, bytes);

    StepVerifier.create(store().get(uri))
        .assertNext(read -> assertThat(read).isEqualTo(bytes))
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes)))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenConcurrentPutsToOneKey_whenAllDone_thenOneWholeObjectWithItsMd5() {
    StorageUri uri = dir.resolve("contended.bin");
    List<byte[]> candidates =
        IntStream.range(0, 6).mapToObj(i -> randomBytes(1024 * 1024 + i)).toList();

    Flux<ObjectInfo> puts =
        Flux.fromIterable(candidates)
            .flatMap(bytes -> store().put(uri, bytes, PutOptions.none()), candidates.size());
    StepVerifier.create(puts).expectNextCount(candidates.size()).expectComplete().verify(TIMEOUT);

    byte[] read = store().get(uri).block(TIMEOUT);
    assertThat(candidates).anySatisfy(bytes -> assertThat(read).isEqualTo(bytes));
    StepVerifier.create(store().head(uri))
        .assertNext(
            info -> {
              assertThat(info.sizeBytes()).isEqualTo(read.length);
              assertThat(info.contentMd5Base64()).isEqualTo(md5(read));
            })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenNoObject_whenGetOrHead_thenEmpty() {
    StorageUri uri = dir.resolve("missing");

    StepVerifier.create(store().get(uri)).expectComplete().verify(TIMEOUT);
    StepVerifier.create(store().head(uri)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenPutWithoutMd5_whenHead_thenMd5MetadataAndSizeVisible() {
    StorageUri uri = dir.resolve("with-meta.json");
    byte[] bytes = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    StepVerifier.create(
            store()
                .put(uri, bytes, new PutOptions("application/json", null, Map.of("owner", "al"))))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    StepVerifier.create(store().head(uri))
        .assertNext(
            info -> {
              assertThat(info.uri()).isEqualTo(uri);
              assertThat(info.sizeBytes()).isEqualTo(bytes.length);
              assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes));
              assertThat(info.metadata())
                  .containsEntry("owner", "al")
                  .containsEntry(ObjectInfo.MD5_METADATA_KEY, md5(bytes));
              assertThat(info.lastModified()).isNotNull();
            })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenCorrectMd5_whenPut_thenStored() {
    StorageUri uri = dir.resolve("checked");
    byte[] bytes = randomBytes(1000);

    StepVerifier.create(store().put(uri, bytes, new PutOptions(null, md5(bytes), Map.of())))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes)))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenWrongMd5_whenPut_thenInvalidArgumentAndNothingWritten() {
    StorageUri uri = dir.resolve("corrupt");
    byte[] bytes = randomBytes(1000);
    String wrong = md5("something else".getBytes(StandardCharsets.UTF_8));

    StepVerifier.create(store().put(uri, bytes, new PutOptions(null, wrong, Map.of())))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenObject_whenOverwritten_thenNewContentAndMd5() {
    StorageUri uri = dir.resolve("outputs.pb");
    byte[] first = randomBytes(300);
    byte[] second = randomBytes(123);
    put(uri, first);

    put(uri, second);

    StepVerifier.create(store().get(uri))
        .assertNext(read -> assertThat(read).isEqualTo(second))
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5(second)))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenObject_whenDeleted_thenGone() {
    StorageUri uri = dir.resolve("doomed");
    put(uri, randomBytes(10));

    StepVerifier.create(store().delete(uri)).expectNext(true).expectComplete().verify(TIMEOUT);

    StepVerifier.create(store().get(uri)).expectComplete().verify(TIMEOUT);
    StepVerifier.create(store().delete(uri)).expectNextCount(1).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenMoreObjectsThanOnePage_whenList_thenAllUnderPrefixInKeyOrder() {
    StorageUri prefix = dir.resolve("many/");
    int count = objectsForPagingTest();
    Flux<ObjectInfo> puts =
        Flux.range(0, count)
            .flatMap(i -> store().put(prefix.resolve(name(i)), bytesOf(i), PutOptions.none()), 32);
    StepVerifier.create(puts).expectNextCount(count).expectComplete().verify(TIMEOUT);
    put(dir.resolve("many-sibling"), randomBytes(3));
    put(dir.resolve("other/x"), randomBytes(3));

    List<StorageUri> expected =
        IntStream.range(0, count).mapToObj(i -> prefix.resolve(name(i))).toList();
    StepVerifier.create(store().list(prefix).collectList())
        .assertNext(
            infos -> {
              assertThat(infos).extracting(ObjectInfo::uri).containsExactlyElementsOf(expected);
              assertThat(infos.get(7).sizeBytes()).isEqualTo(bytesOf(7).length);
            })
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenNothingUnderPrefix_whenList_thenEmpty() {
    StepVerifier.create(store().list(dir.resolve("nothing/"))).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenKeysWithSpacesAndUnicode_whenUsed_thenRoundTripHeadAndList() {
    StorageUri uri = dir.resolve("my dir/ünïcødé 文件 ✓ +&=?#%.txt");
    byte[] bytes = "ok".getBytes(StandardCharsets.UTF_8);

    put(uri, bytes);

    StepVerifier.create(store().get(uri))
        .assertNext(read -> assertThat(read).isEqualTo(bytes))
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri))
        .assertNext(info -> assertThat(info.sizeBytes()).isEqualTo(bytes.length))
        .expectComplete()
        .verify(TIMEOUT);
    StepVerifier.create(store().list(dir.resolve("my dir/")).map(ObjectInfo::uri))
        .expectNext(uri)
        .expectComplete()
        .verify(TIMEOUT);
  }

  protected void put(StorageUri uri, byte[] bytes) {
    StepVerifier.create(store().put(uri, bytes, PutOptions.none()))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);
  }

  protected static String md5(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  protected static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }

  private static String name(int i) {
    return String.format("part-%05d", i);
  }

  private static byte[] bytesOf(int i) {
    return ("object " + i).getBytes(StandardCharsets.UTF_8);
  }
}
