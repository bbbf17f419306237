package io.aloft.adapters.connect.dataproxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.proto.dataproxy.v1.SelectClusterRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.test.StepVerifier;

class ClusterServiceBindingTest {

  @Test
  void givenHostOnly_whenSelect_thenHttpAndTheHost() {
    assertThat(endpoint(headers("Host", "aloft.example:8080")))
        .isEqualTo("http://aloft.example:8080");
  }

  @Test
  void givenForwardedHttps_whenSelect_thenHttpsUsingTheFirstValue() {
    HttpHeaders headers = headers("Host", "aloft.example");
    headers.add("X-Forwarded-Proto", "HTTPS");
    headers.add("X-Forwarded-Proto", "http");
    assertThat(endpoint(headers)).isEqualTo("https://aloft.example");
  }

  @Test
  void givenForwardedList_whenSelect_thenFirstElementDecides() {
    HttpHeaders headers = headers("Host", "aloft.example");
    headers.add("X-Forwarded-Proto", "https, http");
    assertThat(endpoint(headers)).isEqualTo("https://aloft.example");
  }

  @Test
  void givenUnknownForwardedScheme_whenSelect_thenHttp() {
    HttpHeaders headers = headers("Host", "aloft.example");
    headers.add("X-Forwarded-Proto", "ftp");
    assertThat(endpoint(headers)).isEqualTo("http://aloft.example");
  }

  @Test
  void givenNoHost_whenSelect_thenEmpty() {
    assertThat(endpoint(new HttpHeaders())).isEmpty();
  }

  @Test
  void givenAnyRequest_whenSelectCluster_thenRequestIgnored() {
    CallContext context = CallContext.of(headers("Host", "h:1"), Optional.empty());
    SelectClusterRequest request =
        SelectClusterRequest.newBuilder()
            .setOrgId("org")
            .setOperation(SelectClusterRequest.Operation.OPERATION_TAIL_LOGS)
            .build();
    StepVerifier.create(ClusterServiceBinding.selectCluster(request, context))
        .assertNext(r -> assertThat(r.getClusterEndpoint()).isEqualTo("http://h:1"))
        .verifyComplete();
  }

  private static String endpoint(HttpHeaders headers) {
    return ClusterServiceBinding.endpoint(headers);
  }

  private static HttpHeaders headers(String name, String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(name, value);
    return headers;
  }
}
