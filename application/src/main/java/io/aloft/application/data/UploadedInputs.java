package io.aloft.application.data;

import java.util.Objects;

/**
 * Where UploadInputs stored the inputs.
 *
 * @param uri the directory holding {@code inputs.pb}; CreateRun takes it as offloaded input data
 * @param hash the content hash naming the directory
 */
public record UploadedInputs(String uri, String hash) {

  public UploadedInputs {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(hash, "hash");
  }
}
