package io.aloft.application.copilot;

import io.aloft.domain.action.ExecutionError;
import io.aloft.domain.literal.Outputs;
import java.util.Objects;

/** What uploading a task's outputs came to. */
public sealed interface UploadResult {

  /**
   * The outputs were stored; {@code outputsFile} is the URI of the written outputs.pb, {@code
   * reportFile} (nullable) that of the report.html the task wrote beside its outputs.
   */
  record Uploaded(String outputsFile, Outputs outputs, String reportFile) implements UploadResult {
    public Uploaded {
      Objects.requireNonNull(outputsFile, "outputsFile");
      Objects.requireNonNull(outputs, "outputs");
    }

    public Uploaded(String outputsFile, Outputs outputs) {
      this(outputsFile, outputs, null);
    }
  }

  /**
   * The task's outputs are unusable: an {@code _ERROR} file, a missing or mistyped output, a
   * primitive over 1 KiB. The error's kind is USER; nothing is retried by the copilot.
   */
  record Rejected(ExecutionError error) implements UploadResult {
    public Rejected {
      Objects.requireNonNull(error, "error");
    }
  }
}
