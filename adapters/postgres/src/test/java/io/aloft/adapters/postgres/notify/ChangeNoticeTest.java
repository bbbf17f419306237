package io.aloft.adapters.postgres.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeNoticeTest {

  @Test
  void givenANotice_whenEncodedAndDecoded_thenTheSame() {
    ChangeNotice notice = new ChangeNotice(ChangeNotice.newNode(), 42, 7);

    assertThat(ChangeNotice.decode(notice.encode())).contains(notice);
  }

  @Test
  void givenPayloadsThatAreNoNotice_whenDecoded_thenEmpty() {
    assertThat(ChangeNotice.decode(null)).isEmpty();
    assertThat(ChangeNotice.decode("")).isEmpty();
    assertThat(ChangeNotice.decode("hello")).isEmpty();
    assertThat(ChangeNotice.decode("node:12")).isEmpty();
    assertThat(ChangeNotice.decode(":12:3")).isEmpty();
    assertThat(ChangeNotice.decode("node:x:3")).isEmpty();
    assertThat(ChangeNotice.decode("node:1:2:3")).isEmpty();
  }
}
