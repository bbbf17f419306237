package io.aloft.adapters.connect.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.protocol.ConnectCode;
import io.aloft.adapters.connect.protocol.ConnectException;
import io.aloft.domain.error.AlreadyExists;
import io.aloft.domain.error.ConcurrentModification;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.NotFound;
import io.aloft.domain.error.Unavailable;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DomainErrorTranslatorTest {

  private final DomainErrorTranslator translator = new DomainErrorTranslator();

  private static final Map<Class<? extends DomainError>, ConnectCode> EXPECTED =
      Map.of(
          InvalidArgument.class, ConnectCode.INVALID_ARGUMENT,
          NotFound.class, ConnectCode.NOT_FOUND,
          AlreadyExists.class, ConnectCode.ALREADY_EXISTS,
          FailedPrecondition.class, ConnectCode.FAILED_PRECONDITION,
          ConcurrentModification.class, ConnectCode.ABORTED,
          Unavailable.class, ConnectCode.UNAVAILABLE);

  @Test
  void givenEachDomainErrorKind_WhenTranslated_ThenItsCodeAndTheDomainMessage() {
    for (var entry : EXPECTED.entrySet()) {
      DomainError error = instantiate(entry.getKey(), "what to fix");

      Optional<ConnectException> translated = translator.translate(error);

      assertThat(translated).as(entry.getKey().getSimpleName()).isPresent();
      assertThat(translated.get().code()).isEqualTo(entry.getValue());
      assertThat(translated.get().getMessage()).isEqualTo("what to fix");
      assertThat(translated.get().getCause()).isSameAs(error);
    }
  }

  @Test
  void givenThePermittedSubclasses_WhenCompared_ThenEveryKindHasAnExpectedCode() {
    var permitted = Arrays.stream(DomainError.class.getPermittedSubclasses()).toList();

    assertThat(permitted).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }

  @Test
  void givenANonDomainException_WhenTranslated_ThenLeftToTheProtocolLayer() {
    assertThat(translator.translate(new IllegalStateException("boom"))).isEmpty();
    assertThat(translator.translate(new NullPointerException())).isEmpty();
  }

  @Test
  void givenNotSupportedYet_WhenBuilt_ThenUnimplementedWithTheMessage() {
    ConnectException error = NotSupportedYet.error("triggers are not supported yet");

    assertThat(error.code()).isEqualTo(ConnectCode.UNIMPLEMENTED);
    assertThat(error.getMessage()).isEqualTo("triggers are not supported yet");
    assertThat(NotSupportedYet.notAvailable("WatchGroups"))
        .isEqualTo("WatchGroups is not available yet in this version of Aloft");
  }

  private static DomainError instantiate(Class<? extends DomainError> kind, String message) {
    try {
      return kind.getConstructor(String.class).newInstance(message);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
