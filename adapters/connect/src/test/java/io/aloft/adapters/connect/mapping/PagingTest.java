package io.aloft.adapters.connect.mapping;

import static io.aloft.adapters.connect.Rejections.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.domain.query.PageRequest;
import io.aloft.proto.core.v1.ListRequest;
import io.aloft.proto.core.v1.Sort;
import org.junit.jupiter.api.Test;

class PagingTest {

  @Test
  void givenAnEmptyListRequest_WhenMapped_ThenTheDefaultFirstPage() {
    assertThat(Paging.page(ListRequest.getDefaultInstance(), "request"))
        .isEqualTo(new PageRequest(50, 0));
  }

  @Test
  void givenLimitAndToken_WhenMapped_ThenThatPage() {
    ListRequest request =
        ListRequest.newBuilder()
            .setLimit(200)
            .setToken("400")
            .setSortBy(
                Sort.newBuilder()
                    .setKey("created_at")
                    .setDirection(Sort.Direction.DIRECTION_ASCENDING))
            .build();

    assertThat(Paging.page(request, "request")).isEqualTo(new PageRequest(200, 400));
  }

  @Test
  void givenLimitsOutOfRange_WhenMapped_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> Paging.page(ListRequest.newBuilder().setLimit(201).build(), "request"),
        "request.limit must be at most 200 (got 201)");
    // uint32 values above Integer.MAX_VALUE arrive as negative ints.
    assertInvalid(
        () -> Paging.page(ListRequest.newBuilder().setLimit(-1).build(), "request"),
        "request.limit must be at most 200 (got 4294967295)");
  }

  @Test
  void givenMalformedTokens_WhenMapped_ThenInvalidNamingTheField() {
    assertInvalid(
        () -> Paging.page(10, "-5", "limit", "token"),
        "token: page token '-5' is malformed; pass back the token from the previous response");
    assertInvalid(
        () -> Paging.page(10, "abc", "limit", "token"),
        "token: page token 'abc' is malformed; pass back the token from the previous response");
    assertInvalid(
        () -> Paging.page(10, "9".repeat(65), "limit", "token"),
        "token is too long (65 characters); use at most 64");
  }

  @Test
  void givenAnUnknownSortDirection_WhenMapped_ThenInvalid() {
    ListRequest request =
        ListRequest.newBuilder().setSortBy(Sort.newBuilder().setDirectionValue(9)).build();

    assertInvalid(
        () -> Paging.page(request, "request"), "request.sort_by.direction has the unknown value 9");
  }

  @Test
  void givenPositionTokens_WhenParsed_ThenDecimalPositions() {
    assertThat(Paging.position("", "token")).isZero();
    assertThat(Paging.position("1234", "token")).isEqualTo(1234);
    assertInvalid(
        () -> Paging.position("12a", "token"),
        "token: page token '12a' is malformed; pass back the token from the previous response");
  }
}
