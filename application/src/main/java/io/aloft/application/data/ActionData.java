package io.aloft.application.data;

import io.aloft.domain.support.Bytes;
import java.util.Objects;

/**
 * An action's stored inputs and outputs, as the files hold them (the API's {@code Inputs} and
 * {@code Outputs} messages), so nothing the literal model leaves out is lost on the way to the
 * client. Either is empty when there is nothing to read: no file, or no outputs yet.
 */
public record ActionData(Bytes inputs, Bytes outputs) {

  public ActionData {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(outputs, "outputs");
  }
}
