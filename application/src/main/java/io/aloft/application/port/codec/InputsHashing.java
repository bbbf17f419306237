package io.aloft.application.port.codec;

import io.aloft.domain.support.Bytes;
import java.util.List;

/**
 * What DataProxyService.UploadInputs hashes, in the API's wire format. The hash must match the
 * reference byte for byte, so it is computed over the protobuf encoding itself, never over a
 * decoded model. Both methods throw {@link io.aloft.domain.error.InvalidArgument} for bytes that do
 * not parse.
 */
public interface InputsHashing {

  /**
   * The task template's {@code metadata.cache_ignore_input_vars}; empty when the spec has no
   * template. Nothing else in the spec is checked (the reference does not check it either).
   */
  List<String> cacheIgnoredInputs(Bytes taskSpec);

  /**
   * The deterministic serialization of the inputs the hash covers. With no ignored names, the
   * inputs as they are, context included; otherwise only the literals not named, and no context
   * (the reference builds a new Inputs from the kept literals alone).
   */
  byte[] hashedForm(Bytes inputs, List<String> ignored);
}
