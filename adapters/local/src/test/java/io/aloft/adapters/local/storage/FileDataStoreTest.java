package io.aloft.adapters.local.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.application.port.storage.DataStore;
import io.aloft.application.port.storage.DataStoreContract;
import io.aloft.application.port.storage.ObjectInfo;
import io.aloft.application.port.storage.PutOptions;
import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

/** The {@link DataStoreContract} against {@link FileDataStore}, plus what is special to files. */
class FileDataStoreTest extends DataStoreContract {

  @TempDir static Path temp;
  private static Path root;
  private static FileDataStore store;

  @BeforeAll
  static void createStore() {
    root = temp.resolve("root");
    store = new FileDataStore(List.of(root));
  }

  @Override
  protected DataStore store() {
    return store;
  }

  @Override
  protected StorageUri base() {
    return StorageUri.parse("file://" + root + "/");
  }

  @Override
  protected Path storedFile(StorageUri uri) {
    return Path.of("/" + uri.key());
  }

  @Test
  void givenPut_whenFilesInspected_thenPlainFileAndNoTemporaryLeft() throws IOException {
    StorageUri uri = dir().resolve("plain.txt");

    put(uri, "text".getBytes());

    Path file = Path.of("/" + uri.key());
    assertThat(Files.readString(file)).isEqualTo("text");
    try (var names = Files.list(file.getParent())) {
      assertThat(names.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("plain.txt", ".aloft.meta.plain.txt");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "file:///etc/passwd",
        "file://%s/../outside",
        "file://%s/a/./b",
        "file://%s/a//b",
        "file://%s/.aloft.meta.x",
        "file://host%s/a",
        "file://%s/dir/"
      })
  void givenUriOutsideRootOrMalformed_whenUsed_thenInvalidArgument(String template) {
    StorageUri uri = StorageUri.parse(template.formatted(root));

    StepVerifier.create(store.get(uri)).expectError(InvalidArgument.class).verify(TIMEOUT);
    StepVerifier.create(store.put(uri, new byte[1], PutOptions.none()))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
  }

  @Test
  void givenSymlinkOutOfRoot_whenUsed_thenInvalidArgumentNamingRoots() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "s");
    Path link = Path.of("/" + dir().key()).resolve("escape");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, outside);

    StorageUri viaLink = dir().resolve("escape/secret");
    StepVerifier.create(store.get(viaLink))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("symbolic link")
                    .hasMessageContaining(root.toString()))
        .verify(TIMEOUT);
    StepVerifier.create(store.put(dir().resolve("escape/new"), new byte[1], PutOptions.none()))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
    StepVerifier.create(store.list(dir().resolve("escape/")))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
    assertThat(outside.resolve("new")).doesNotExist();
  }

  @Test
  void givenSymlinkInListedDirectory_whenList_thenNotFollowed() throws IOException {
    Path outside = Files.createDirectories(temp.resolve("outside-listed"));
    Files.writeString(outside.resolve("x"), "x");
    put(dir().resolve("real"), new byte[1]);
    Files.createSymbolicLink(Path.of("/" + dir().key()).resolve("link"), outside);

    StepVerifier.create(store.list(dir()).map(ObjectInfo::uri))
        .expectNext(dir().resolve("real"))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenDirectoryAtKey_whenPut_thenFailedPrecondition() {
    put(dir().resolve("a/b"), new byte[1]);

    StepVerifier.create(store.put(dir().resolve("a"), new byte[1], PutOptions.none()))
        .expectError(FailedPrecondition.class)
        .verify(TIMEOUT);
    StepVerifier.create(store.get(dir().resolve("a"))).expectComplete().verify(TIMEOUT);
    StepVerifier.create(store.delete(dir().resolve("a")))
        .expectNext(false)
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenContentType_whenHead_thenMetadataKeysLowercased() {
    StorageUri uri = dir().resolve("typed");

    StepVerifier.create(
            store.put(uri, new byte[2], new PutOptions("text/x", null, Map.of("K", "v"))))
        .expectNextCount(1)
        .expectComplete()
        .verify(TIMEOUT);

    StepVerifier.create(store.head(uri))
        .assertNext(info -> assertThat(info.metadata()).containsEntry("k", "v"))
        .expectComplete()
        .verify(TIMEOUT);
  }

  @Test
  void givenRelativeRoot_whenStoreBuilt_thenRejected() {
    assertThatThrownBy(() -> new FileDataStore(List.of(Path.of("relative"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenS3Uri_whenGet_thenInvalidArgument() {
    StepVerifier.create(store.get(StorageUri.parse("s3://b/k")))
        .expectError(InvalidArgument.class)
        .verify(TIMEOUT);
  }
}
