package io.aloft.adapters.connect;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.adapters.connect.protocol.ConnectCode;
import io.aloft.adapters.connect.protocol.ConnectException;
import io.aloft.domain.error.InvalidArgument;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on how a request is refused. */
public final class Rejections {

  private Rejections() {}

  public static void assertInvalid(ThrowingCallable mapping, String message) {
    assertThatThrownBy(mapping).isInstanceOf(InvalidArgument.class).hasMessage(message);
  }

  public static void assertInvalidStart(ThrowingCallable mapping, String messageStart) {
    assertThatThrownBy(mapping)
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith(messageStart);
  }

  public static void assertUnimplemented(ThrowingCallable mapping, String message) {
    assertThatThrownBy(mapping)
        .isInstanceOfSatisfying(
            ConnectException.class,
            error ->
                org.assertj.core.api.Assertions.assertThat(error.code())
                    .isEqualTo(ConnectCode.UNIMPLEMENTED))
        .hasMessage(message);
  }
}
