package io.aloft.domain.run;

import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import io.aloft.domain.support.Require;

/** Where a run's data lives in object storage, laid out as the reference lays it out. */
public final class StoragePaths {

  /** The file inside {@link #runInputsUri} that holds the run's inputs. */
  public static final String INPUTS_FILE = "inputs.pb";

  private StoragePaths() {}

  /**
   * {@code <base>/<project>/<domain>/<run>/}: the run's output base, with a trailing slash.
   *
   * @param base the storage prefix, e.g. {@code s3://bucket/prefix}; trailing slashes are ignored
   */
  public static String runBase(String base, RunId run) {
    return trimTrailingSlashes(Require.nonBlank(base, "storage base")) + "/" + run.key() + "/";
  }

  /**
   * {@code <base>/<project>/<domain>/<run>/inputs}: the directory holding {@value #INPUTS_FILE}.
   */
  public static String runInputsUri(String base, RunId run) {
    return runBase(base, run) + "inputs";
  }

  /** {@code <base>/<project>/<domain>/<run>/inputs/inputs.pb}. */
  public static String runInputsFile(String base, RunId run) {
    return runInputsUri(base, run) + "/" + INPUTS_FILE;
  }

  /**
   * {@code <base>/<project>/<domain>/offloaded-inputs/<hash>}: the directory DataProxy.UploadInputs
   * writes {@value #INPUTS_FILE} to (the reference's layout without the org, which Aloft has not).
   *
   * @param base the upload prefix or the caller's base_dir; trailing slashes are ignored
   */
  public static String offloadedInputsUri(String base, ProjectDomain scope, String hash) {
    return trimTrailingSlashes(Require.nonBlank(base, "storage base"))
        + "/"
        + scope.key()
        + "/offloaded-inputs/"
        + Require.nonBlank(hash, "inputs hash");
  }

  /** The {@value #INPUTS_FILE} inside a directory of inputs. */
  public static String inputsFile(String inputsUri) {
    return inputsUri + "/" + INPUTS_FILE;
  }

  private static String trimTrailingSlashes(String base) {
    int end = base.length();
    while (end > 0 && base.charAt(end - 1) == '/') {
      end--;
    }
    return base.substring(0, end);
  }
}
