package io.aloft.application.port.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The behaviour every {@link DataStore} adapter must show. A subclass supplies the store and a base
 * prefix; each test works under its own fresh prefix below it.
 */
public abstract class DataStoreContract {

  protected static final Duration TIMEOUT = Duration.ofSeconds(30);

  private StorageUri dir;

  @TempDir protected Path local;

  /** The store under test, ready to use (its bucket exists). */
  protected abstract DataStore store();

  /** A prefix the tests may write below, e.g. {@code s3://bucket/contract-1234/}. */
  protected abstract StorageUri base();

  /**
   * The file in which the store keeps the object's bytes, for tests that damage it behind the
   * store's back (the s3proxy directory, the file store's file).
   */
  protected abstract Path storedFile(StorageUri uri);

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

  @Test
  void givenFile_whenPutFileThenGetFile_thenSameBytesMd5AndProgress() throws IOException {
    StorageUri uri = dir.resolve("data/small.bin");
    byte[] bytes = randomBytes(100_000);
    Path source = Files.write(local.resolve("small.bin"), bytes);
    AtomicLong sent = new AtomicLong();
    AtomicLong received = new AtomicLong();

    StepVerifier.create(store().putFile(uri, source, PutOptions.none(), sent::addAndGet))
        .assertNext(
            info -> {
              assertThat(info.sizeBytes()).isEqualTo(bytes.length);
              assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes));
            })
        .expectComplete()
        .verify(TIMEOUT);
    Path target = local.resolve("out/nested/small.bin");
    StepVerifier.create(store().getFile(uri, target, received::addAndGet))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5(bytes)))
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(Files.readAllBytes(target)).isEqualTo(bytes);
    assertThat(sent.get()).isGreaterThanOrEqualTo(bytes.length);
    assertThat(received.get()).isGreaterThanOrEqualTo(bytes.length);
    assertThat(store().get(uri).block(TIMEOUT)).isEqualTo(bytes);
    assertThat(names(target.getParent())).containsExactly("small.bin");
  }

  @Test
  void givenEmptyFile_whenPutFileThenGetFile_thenEmptyFile() throws IOException {
    StorageUri uri = dir.resolve("empty-file");
    Path source = Files.write(local.resolve("empty"), new byte[0]);

    StepVerifier.create(store().putFile(uri, source, PutOptions.none()))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);
    Path target = local.resolve("empty-copy");
    StepVerifier.create(store().getFile(uri, target))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(Files.size(target)).isZero();
  }

  /**
   * 64 MiB is written and compared in 1 MiB chunks, so that the test itself holds no whole file;
   * the adapters stream it (large enough for S3's multipart upload).
   */
  @Test
  void givenSixtyFourMebibyteFile_whenPutFileThenGetFile_thenSameContent() throws IOException {
    StorageUri uri = dir.resolve("large.bin");
    Path source = local.resolve("large.bin");
    String md5 = writeRandomFile(source, 64, 1024 * 1024);

    StepVerifier.create(store().putFile(uri, source, PutOptions.none()))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5))
        .expectComplete()
        .verify(TIMEOUT.multipliedBy(4));
    Path target = local.resolve("large-copy.bin");
    StepVerifier.create(store().getFile(uri, target))
        .assertNext(info -> assertThat(info.sizeBytes()).isEqualTo(64L * 1024 * 1024))
        .expectComplete()
        .verify(TIMEOUT.multipliedBy(4));

    assertThat(FileDigests.md5Of(target)).isEqualTo(md5);
    StepVerifier.create(store().head(uri))
        .assertNext(info -> assertThat(info.contentMd5Base64()).isEqualTo(md5))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenNoObject_whenGetFile_thenEmptyAndNoFile() {
    Path target = local.resolve("never");

    StepVerifier.create(store().getFile(dir.resolve("missing"), target))
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(names(local)).isEmpty();
  }

  @Test
  void givenNoLocalFile_whenPutFile_thenFailedPreconditionNamingItAndNothingWritten() {
    StorageUri uri = dir.resolve("from-nowhere");
    Path missing = local.resolve("not-there.bin");

    StepVerifier.create(store().putFile(uri, missing, PutOptions.none(), bytes -> {}))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(io.aloft.domain.error.FailedPrecondition.class)
                    .hasMessageContaining(missing.toString())
                    .hasMessageContaining("does not exist"))
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenWrongMd5_whenPutFile_thenInvalidArgumentAndNothingWritten() throws IOException {
    StorageUri uri = dir.resolve("wrong-md5");
    Path source = Files.write(local.resolve("x"), randomBytes(1000));
    String wrong = md5("something else".getBytes(StandardCharsets.UTF_8));

    StepVerifier.create(store().putFile(uri, source, new PutOptions(null, wrong, Map.of())))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
    StepVerifier.create(store().head(uri)).expectComplete().verify(TIMEOUT);
  }

  @Test
  void givenObjectCorruptedBehindTheStore_whenGetFile_thenFailedPreconditionAndNoFile()
      throws IOException {
    StorageUri uri = dir.resolve("corrupted.bin");
    byte[] bytes = randomBytes(50_000);
    put(uri, bytes);
    byte[] damaged = bytes.clone();
    damaged[12_345] ^= 0x10;
    overwriteInPlace(storedFile(uri), damaged);
    Path target = local.resolve("out/corrupted.bin");

    StepVerifier.create(store().getFile(uri, target))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining(uri.toString())
                    .hasMessageContaining("corrupt"))
        .verify(TIMEOUT);

    assertThat(names(target.getParent())).isEmpty();
  }

  @Test
  void givenObjectTruncatedBehindTheStore_whenGetFile_thenFailedPreconditionAndOldFileKept()
      throws IOException {
    StorageUri uri = dir.resolve("truncated.bin");
    byte[] bytes = randomBytes(50_000);
    put(uri, bytes);
    overwriteInPlace(storedFile(uri), java.util.Arrays.copyOf(bytes, 20_000));
    Path target = Files.writeString(local.resolve("truncated.bin"), "previous");

    StepVerifier.create(store().getFile(uri, target))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(FailedPrecondition.class)
                    .hasMessageContaining(uri.toString()))
        .verify(TIMEOUT);

    assertThat(Files.readString(target)).isEqualTo("previous");
    assertThat(names(local)).containsExactly("truncated.bin");
  }

  /** Rewrites the file's bytes keeping the file itself (and so s3proxy's extended attributes). */
  private static void overwriteInPlace(Path file, byte[] bytes) throws IOException {
    assertThat(file).isRegularFile();
    Files.write(file, bytes, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static List<String> names(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (var entries = Files.list(directory)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Writes {@code chunks} random chunks to {@code file}; returns the content's base64 MD5. */
  protected static String writeRandomFile(Path file, int chunks, int chunkBytes)
      throws IOException {
    var digest = FileDigests.md5();
    Random random = new Random(chunks);
    byte[] chunk = new byte[chunkBytes];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int i = 0; i < chunks; i++) {
        random.nextBytes(chunk);
        digest.update(chunk);
        out.write(chunk);
      }
    }
    return FileDigests.base64(digest);
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
