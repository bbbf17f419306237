package io.aloft.application.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.InvalidArgument;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UploadPathTest {

  private static final StorageUri BASE = StorageUri.parse("s3://bucket/uploads");

  @Test
  void givenAllParts_whenOf_thenJoinedBelowBase() {
    assertThat(UploadPath.of(BASE, "p", "d", "root", "dir/f.tgz"))
        .hasToString("s3://bucket/uploads/p/d/root/dir/f.tgz");
  }

  @Test
  void givenEmptyParts_whenOf_thenDropped() {
    assertThat(UploadPath.of(BASE, "p", "d", "root", ""))
        .hasToString("s3://bucket/uploads/p/d/root");
    assertThat(UploadPath.of(StorageUri.parse("s3://bucket"), "p", "d", "r", "f"))
        .hasToString("s3://bucket/p/d/r/f");
  }

  @Test
  void givenBytes_whenBase32_thenPaddedLikeGo() {
    assertThat(UploadPath.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY======");
    assertThat(UploadPath.base32("foobar".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("MZXW6YTBOI======");
    assertThat(UploadPath.base32(HexFormat.of().parseHex("5d41402abc4b2a76b9719d911017c592")))
        .isEqualTo("LVAUAKV4JMVHNOLRTWIRAF6FSI======");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "f.py", "a/b/c.tgz", "with space.txt", "..hidden", "a..b"})
  void givenSafeName_whenCheck_thenAccepted(String name) {
    assertThatCode(() -> UploadPath.checkName(name, "filename")).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "..",
        "../x",
        "a/../../x",
        "a/..",
        "./x",
        "/etc/passwd",
        "a//b",
        "a/",
        "a\\b",
        "a\u0000b",
        "a\nb"
      })
  void givenUnsafeName_whenCheck_thenInvalidArgumentNamingTheField(String name) {
    assertThatThrownBy(() -> UploadPath.checkName(name, "filename_root"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("filename_root '");
  }

  @Test
  void givenOverlongName_whenCheck_thenInvalidArgument() {
    assertThatThrownBy(() -> UploadPath.checkName("x".repeat(513), "filename"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("longer than 512 characters");
    assertThatCode(() -> UploadPath.checkName("x".repeat(512), "filename"))
        .doesNotThrowAnyException();
  }
}
