package io.aloft.domain.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aloft.domain.error.InvalidArgument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {"0, '', 50, 0", "0, NULL, 50, 0", "10, 20, 10, 20", "200, 0, 200, 0", "1, 7, 1, 7"})
  void givenLimitAndToken_WhenParsed_ThenPage(int limit, String token, int expLimit, long expOff) {
    assertThat(PageRequest.parse(limit, token)).isEqualTo(new PageRequest(expLimit, expOff));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 201})
  void givenOutOfRangeLimit_WhenParsed_ThenInvalidArgument(int limit) {
    assertThatThrownBy(() -> PageRequest.parse(limit, ""))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("limit must be between 0 and 200");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "+5", "1.5", " 1", "99999999999999999999"})
  void givenMalformedToken_WhenParsed_ThenInvalidArgument(String token) {
    assertThatThrownBy(() -> PageRequest.parse(10, token))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage(
            "page token '"
                + token
                + "' is malformed; pass back the token from the previous response");
  }

  @Test
  void givenMoreRows_WhenNextToken_ThenOffsetPlusLimit() {
    var page = PageRequest.parse(50, "100");

    assertThat(page.nextToken(50, true)).isEqualTo("150");
    assertThat(page.nextToken(12, false)).isEmpty();
    assertThat(page.fetchSize()).isEqualTo(51);
  }

  @Test
  void givenTokenFromPreviousPage_WhenParsed_ThenRoundTrips() {
    var first = PageRequest.parse(0, "");

    assertThat(PageRequest.parse(0, first.nextToken(50, true)).offset()).isEqualTo(50);
  }
}
