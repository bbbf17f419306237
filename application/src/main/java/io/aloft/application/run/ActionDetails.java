package io.aloft.application.run;

import io.aloft.application.port.query.ActionView;
import java.util.List;

/** An action with its attempts; for a run, the root action's details. */
public record ActionDetails(ActionView action, List<AttemptView> attempts) {

  public ActionDetails {
    attempts = List.copyOf(attempts);
  }
}
