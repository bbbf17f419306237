package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.application.port.query.ActionFilter;
import io.aloft.domain.action.ActionPhase;
import io.aloft.proto.core.v1.Filter;
import io.aloft.proto.core.v1.Filter.Function;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void givenNoFilters_WhenMapped_ThenMatchesEverything() {
    assertThat(Filters.actionFilter(List.of(), "filters")).isEqualTo(ActionFilter.NONE);
  }

  @Test
  void givenPhaseValueIn_WhenMapped_ThenNumbersNamesAndIntValuesCombine() {
    Filter phases =
        Filter.newBuilder()
            .setField("PHASE")
            .setFunction(Function.FUNCTION_VALUE_IN)
            .addValues("5")
            .addValues("FAILED")
            .addIntValues(7)
            .build();

    ActionFilter filter = Filters.actionFilter(List.of(phases), "filters");

    assertThat(filter.phases())
        .containsExactlyInAnyOrder(ActionPhase.SUCCEEDED, ActionPhase.FAILED, ActionPhase.ABORTED);
    assertThat(filter.nameContains()).isEmpty();
  }

  @Test
  void givenNameContainsAndLowercaseFieldNames_WhenMapped_ThenBothApply() {
    ActionFilter filter =
        Filters.actionFilter(
            List.of(name("train"), phase("phase", "1").toBuilder().build()), "request.filters");

    assertThat(filter.nameContains()).isEqualTo("train");
    assertThat(filter.phases()).containsExactly(ActionPhase.QUEUED);
  }

  @Test
  void givenAnUnsupportedFieldOrFunction_WhenMapped_ThenInvalidNamingIt() {
    Filter createdAt =
        Filter.newBuilder()
            .setField("created_at")
            .setFunction(Function.FUNCTION_GREATER_THAN)
            .addValues("x")
            .build();
    Filter phaseEqual =
        Filter.newBuilder().setField("PHASE").setFunction(Function.FUNCTION_EQUAL).build();

    assertInvalid(
        () -> Filters.actionFilter(List.of(name("a"), createdAt), "request.filters"),
        "request.filters[1]: filter on field 'created_at' with function FUNCTION_GREATER_THAN is"
            + " not supported; use PHASE with VALUE_IN or NAME with CONTAINS_CASE_INSENSITIVE");
    assertInvalid(
        () -> Filters.actionFilter(List.of(phaseEqual), "filters"),
        "filters[0]: filter on field 'PHASE' with function FUNCTION_EQUAL is not supported; use"
            + " PHASE with VALUE_IN or NAME with CONTAINS_CASE_INSENSITIVE");
  }

  @Test
  void givenMalformedFilters_WhenMapped_ThenEachRuleHasItsMessage() {
    assertInvalid(
        () -> Filters.actionFilter(List.of(phase("PHASE")), "filters"),
        "filters[0] must list between 1 and 64 phases (got 0)");
    assertInvalid(
        () -> Filters.actionFilter(List.of(phase("PHASE", "9", "DONE")), "filters"),
        "filters[0].values[1] must be one of QUEUED, WAITING_FOR_RESOURCES, INITIALIZING,"
            + " RUNNING, SUCCEEDED, FAILED, ABORTED, TIMED_OUT, PAUSED, RECOVERED (by name or"
            + " number); got 'DONE'");
    assertInvalid(
        () -> Filters.actionFilter(List.of(name("a"), name("b")), "filters"),
        "filters[1] repeats the NAME filter; send it once");
    assertInvalid(
        () -> Filters.actionFilter(List.of(phase("PHASE", "1"), phase("PHASE", "2")), "filters"),
        "filters[1] repeats the PHASE filter; send it once");
    assertInvalid(
        () -> Filters.actionFilter(List.of(name(" ")), "filters"),
        "filters[0].values[0] is required");
    assertInvalid(
        () -> Filters.actionFilter(Collections.nCopies(17, name("a")), "filters"),
        "filters has 17 filters; use at most 16");
    assertInvalid(
        () ->
            Filters.actionFilter(
                List.of(Filter.newBuilder().setField("NAME").setFunctionValue(99).build()),
                "filters"),
        "filters[0].function has the unknown value 99");
  }

  @Test
  void givenListsWithFewerFilters_WhenMapped_ThenOthersAreRejected() {
    assertThat(Filters.nameContains(List.of(name("tr")), "request.filters")).isEqualTo("tr");
    assertInvalid(
        () -> Filters.nameContains(List.of(phase("PHASE", "1")), "request.filters"),
        "request.filters filters by PHASE, which this list does not support; use NAME only");
    assertInvalid(
        () -> Filters.none(List.of(name("a")), "filters"),
        "filters is not supported by this list yet; send no filters");
  }

  private static Filter name(String text) {
    return Filter.newBuilder()
        .setField("NAME")
        .setFunction(Function.FUNCTION_CONTAINS_CASE_INSENSITIVE)
        .addValues(text)
        .build();
  }

  private static Filter phase(String field, String... values) {
    return Filter.newBuilder()
        .setField(field)
        .setFunction(Function.FUNCTION_VALUE_IN)
        .addAllValues(List.of(values))
        .build();
  }
}
