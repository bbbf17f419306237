package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.TestData;
import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;

class FieldsTest {

  @Test
  void givenStrings_WhenChecked_ThenEachRuleHasItsMessage() {
    assertThat(Fields.required("x", 3, "f")).isEqualTo("x");
    assertInvalid(() -> Fields.required(" ", 3, "a.b"), "a.b is required");
    assertInvalid(
        () -> Fields.maxLength("abcd", 3, "a.b"), "a.b is too long (4 characters); use at most 3");
    assertThat(Fields.optional("", 3, "f")).isNull();
    assertInvalid(() -> Fields.require(false, "run_id"), "run_id is required");
  }

  @Test
  void givenUint32Values_WhenChecked_ThenUnsignedAndBounded() {
    assertThat(Fields.uint32(7, 10, "n")).isEqualTo(7);
    assertInvalid(() -> Fields.uint32(11, 10, "n"), "n must be at most 10 (got 11)");
    assertInvalid(
        () -> Fields.uint32(Integer.MIN_VALUE, Integer.MAX_VALUE, "n"),
        "n must be at most 2147483647 (got 2147483648)");
  }

  @Test
  void givenADomainRejection_WhenRunAtAPath_ThenThePathPrefixesTheMessage() {
    assertInvalid(
        () ->
            Fields.at(
                "project.labels",
                () -> {
                  throw new InvalidArgument("project label key is required");
                }),
        "project.labels: project label key is required");
  }

  @Test
  void givenTheUserHeader_WhenReadingTheCaller_ThenItElseAnonymous() {
    assertThat(Caller.identity(TestData.contextOf(" alice "))).isEqualTo("alice");
    assertThat(Caller.identity(TestData.context())).isEqualTo("anonymous");
    assertThat(Caller.identity(TestData.contextOf(" "))).isEqualTo("anonymous");
    assertInvalid(
        () -> Caller.identity(TestData.contextOf("u".repeat(256))),
        "header X-Aloft-User is too long (256 characters); use at most 255");
  }

  @Test
  void givenAbortReasons_WhenRead_ThenDefaultWhenBlankElseBounded() {
    assertThat(AbortReasons.of(false, "", "reason")).isEqualTo("User requested abort");
    assertThat(AbortReasons.of(true, "  ", "reason")).isEqualTo("User requested abort");
    assertThat(AbortReasons.of(true, "stop", "reason")).isEqualTo("stop");
    assertInvalid(
        () -> AbortReasons.of(true, "r".repeat(1025), "reason"),
        "reason is too long (1025 characters); use at most 1024");
  }
}
