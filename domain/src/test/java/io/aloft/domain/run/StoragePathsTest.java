package io.aloft.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.id.ProjectDomain;
import io.aloft.domain.id.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoragePathsTest {

  private static final RunId RUN = RunId.of("flytesnacks", "development", "rabc");

  @ParameterizedTest
  @ValueSource(strings = {"s3://bucket/prefix", "s3://bucket/prefix/", "s3://bucket/prefix//"})
  void givenBase_WhenRunBase_ThenTrailingSlashesNormalised(String base) {
    assertThat(StoragePaths.runBase(base, RUN))
        .isEqualTo("s3://bucket/prefix/flytesnacks/development/rabc/");
  }

  @Test
  void givenBase_WhenInputs_ThenDirectoryAndFileInside() {
    assertThat(StoragePaths.runInputsUri("s3://bucket/", RUN))
        .isEqualTo("s3://bucket/flytesnacks/development/rabc/inputs");
    assertThat(StoragePaths.runInputsFile("s3://bucket", RUN))
        .isEqualTo("s3://bucket/flytesnacks/development/rabc/inputs/inputs.pb");
  }

  @Test
  void givenBlankBase_WhenRunBase_ThenInvalidArgument() {
    assertThatThrownBy(() -> StoragePaths.runBase(" ", RUN))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("storage base is required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://aloft/uploads", "s3://aloft/uploads/", "s3://aloft/uploads//"})
  void givenBase_WhenOffloadedInputs_ThenHashDirectoryUnderScope(String base) {
    String uri =
        StoragePaths.offloadedInputsUri(
            base, ProjectDomain.of("flytesnacks", "development"), "y_Kc5IQiIyU");
    assertThat(uri)
        .isEqualTo("s3://aloft/uploads/flytesnacks/development/offloaded-inputs/y_Kc5IQiIyU");
    assertThat(StoragePaths.inputsFile(uri)).isEqualTo(uri + "/inputs.pb");
  }
}
