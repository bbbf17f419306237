package io.aloft.adapters.connect.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorWriterTest {

  @Test
  void givenError_WhenRendered_ThenCodeAndMessageOnly() {
    String json =
        text(ErrorWriter.errorJson(new ConnectException(ConnectCode.NOT_FOUND, "gone \"x\"")));

    assertThat(json).isEqualTo("{\"code\":\"not_found\",\"message\":\"gone \\\"x\\\"\"}");
  }

  @Test
  void givenDetails_WhenRendered_ThenTypeAndUnpaddedBase64Value() {
    StringValue detail = StringValue.of("why");
    ConnectException error =
        new ConnectException(ConnectCode.INVALID_ARGUMENT, "bad", List.of(detail), null);

    String json = text(ErrorWriter.errorJson(error));

    String value = Base64.getEncoder().withoutPadding().encodeToString(detail.toByteArray());
    assertThat(json)
        .contains(
            "\"details\":[{\"type\":\"google.protobuf.StringValue\",\"value\":\"" + value + "\"}]");
  }

  @Test
  void givenEndStream_WhenRendered_ThenEmptyOrError() {
    assertThat(text(ErrorWriter.endStreamJson(null))).isEqualTo("{}");
    assertThat(text(ErrorWriter.endStreamJson(new ConnectException(ConnectCode.ABORTED, "x"))))
        .isEqualTo("{\"error\":{\"code\":\"aborted\",\"message\":\"x\"}}");
  }

  @Test
  void givenTranslatorThatThrows_WhenClassifying_ThenInternal() {
    ErrorClassifier classifier =
        new ErrorClassifier(
            error -> {
              throw new IllegalStateException("translator bug");
            });

    assertThat(classifier.classify(new RuntimeException("x"), "/a.B/C").code())
        .isEqualTo(ConnectCode.INTERNAL);
  }

  @Test
  void givenCodes_WhenLookedUpByWireName_ThenFound() {
    assertThat(ConnectCode.fromWireName("resource_exhausted"))
        .contains(ConnectCode.RESOURCE_EXHAUSTED);
    assertThat(ConnectCode.fromWireName("nope")).isEqualTo(Optional.empty());
    assertThat(ConnectCode.CANCELED.httpStatus()).isEqualTo(499);
  }

  private static String text(byte[] json) {
    return new String(json, StandardCharsets.UTF_8);
  }
}
