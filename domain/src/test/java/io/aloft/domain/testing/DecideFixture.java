package io.aloft.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.BiFunction;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * A given-when-then fixture for decide/evolve aggregates: the given events are folded with evolve,
 * the command is decided against the result, and the outcome is asserted.
 */
public final class DecideFixture<C, E, S> {

  private final BiFunction<C, S, List<E>> decide;
  private final BiFunction<S, E, S> evolve;

  private DecideFixture(BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
    this.decide = decide;
    this.evolve = evolve;
  }

  public static <C, E, S> DecideFixture<C, E, S> of(
      BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
    return new DecideFixture<>(decide, evolve);
  }

  /** Starts from the state the events build (null when there are none). */
  @SafeVarargs
  public final Given given(E... events) {
    S state = null;
    for (E event : events) {
      state = evolve.apply(state, event);
    }
    return new Given(state);
  }

  public final class Given {
    private final S state;

    private Given(S state) {
      this.state = state;
    }

    public S state() {
      return state;
    }

    public When when(C command) {
      return new When(state, command);
    }
  }

  public final class When {
    private final S state;
    private final C command;

    private When(S state, C command) {
      this.state = state;
      this.command = command;
    }

    /** Asserts the events and returns the state after applying them. */
    @SafeVarargs
    public final S thenEvents(E... expected) {
      List<E> events = decide.apply(command, state);
      assertThat(events).containsExactly(expected);
      return fold(events);
    }

    public S thenNoEvents() {
      assertThat(decide.apply(command, state)).isEmpty();
      return state;
    }

    /** The single event decided, for field-by-field assertions. */
    public E thenSingleEvent() {
      List<E> events = decide.apply(command, state);
      assertThat(events).hasSize(1);
      return events.getFirst();
    }

    public AbstractThrowableAssert<?, ? extends Throwable> thenThrows(
        Class<? extends Throwable> type) {
      return assertThatThrownBy(() -> decide.apply(command, state)).isInstanceOf(type);
    }

    private S fold(List<E> events) {
      S next = state;
      for (E event : events) {
        next = evolve.apply(next, event);
      }
      return next;
    }
  }
}
