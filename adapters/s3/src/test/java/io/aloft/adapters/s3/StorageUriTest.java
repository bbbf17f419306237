package io.aloft.adapters.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StorageUriTest {

  @Test
  void givenFullUri_whenParsed_thenPartsAndRoundTrip() {
    StorageUri uri = StorageUri.parse("s3://bucket/a/b c/ü.pb");

    assertThat(uri).isEqualTo(new StorageUri("s3", "bucket", "a/b c/ü.pb"));
    assertThat(uri.toString()).isEqualTo("s3://bucket/a/b c/ü.pb");
    assertThat(StorageUri.parse(uri.toString())).isEqualTo(uri);
  }

  @Test
  void givenBucketOnly_whenParsed_thenEmptyKey() {
    assertThat(StorageUri.parse("s3://bucket").key()).isEmpty();
    assertThat(StorageUri.parse("s3://bucket/").key()).isEmpty();
    assertThat(StorageUri.parse("s3://bucket/").toString()).isEqualTo("s3://bucket");
  }

  @Test
  void givenLocalPath_whenParsed_thenNoBucketAndRoundTrip() {
    StorageUri uri = StorageUri.parse("file:///data/run 1/in.pb");

    assertThat(uri).isEqualTo(new StorageUri("file", "", "data/run 1/in.pb"));
    assertThat(uri.toString()).isEqualTo("file:///data/run 1/in.pb");
    assertThat(uri.resolve("x").toString()).isEqualTo("file:///data/run 1/in.pb/x");
    assertThat(StorageUri.parse("file:///").toString()).isEqualTo("file:///");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "bucket/key",
        "s3:/bucket/key",
        "s3://",
        "s3:///key",
        "://bucket/key",
        "S3://bucket/key",
        "s 3://bucket",
        "s3://buc ket/key"
      })
  void givenMalformedUri_whenParsed_thenInvalidArgument(String text) {
    assertThatThrownBy(() -> StorageUri.parse(text)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void givenNull_whenParsed_thenInvalidArgument() {
    assertThatThrownBy(() -> StorageUri.parse(null)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void givenPrefix_whenResolved_thenJoinedWithOneSlash() {
    assertThat(StorageUri.parse("s3://b/a").resolve("c/d").toString()).isEqualTo("s3://b/a/c/d");
    assertThat(StorageUri.parse("s3://b/a/").resolve("c").toString()).isEqualTo("s3://b/a/c");
    assertThat(StorageUri.parse("s3://b").resolve("c/").toString()).isEqualTo("s3://b/c/");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/abs", "a/../b", "./a", ".."})
  void givenBadRelativePath_whenResolved_thenInvalidArgument(String relative) {
    StorageUri base = StorageUri.parse("s3://b/a");

    assertThatThrownBy(() -> base.resolve(relative)).isInstanceOf(InvalidArgument.class);
  }
}
