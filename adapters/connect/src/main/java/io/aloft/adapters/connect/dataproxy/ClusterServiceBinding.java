package io.aloft.adapters.connect.dataproxy;

import io.aloft.adapters.connect.protocol.CallContext;
import io.aloft.adapters.connect.protocol.ConnectService;
import io.aloft.proto.dataproxy.v1.SelectClusterRequest;
import io.aloft.proto.dataproxy.v1.SelectClusterResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/**
 * {@code aloft.dataproxy.v1.ClusterService}. One cluster serves everything, so SelectCluster
 * ignores the request and points the client back at the address it used: {@code <scheme>://<Host>},
 * the scheme taken from the first X-Forwarded-Proto value when it is http or https (a proxy
 * terminated TLS), else http. Without a Host header the endpoint is empty, which tells the client
 * to keep its current one.
 */
public final class ClusterServiceBinding {

  public static final String SERVICE = "aloft.dataproxy.v1.ClusterService";

  private static final String FORWARDED_PROTO = "X-Forwarded-Proto";

  public ConnectService service() {
    return ConnectService.builder(SERVICE)
        .unary(
            "SelectCluster",
            SelectClusterRequest.getDefaultInstance(),
            ClusterServiceBinding::selectCluster)
        .build();
  }

  static Mono<SelectClusterResponse> selectCluster(
      SelectClusterRequest request, CallContext context) {
    return Mono.fromSupplier(
        () ->
            SelectClusterResponse.newBuilder()
                .setClusterEndpoint(endpoint(context.requestHeaders()))
                .build());
  }

  static String endpoint(HttpHeaders headers) {
    String host = headers.getFirst(HttpHeaders.HOST);
    if (host == null || host.isBlank()) {
      return "";
    }
    return scheme(headers.getValuesAsList(FORWARDED_PROTO)) + "://" + host.strip();
  }

  /** The first value decides, as in the reference; a list in one header counts too. */
  private static String scheme(List<String> forwarded) {
    if (forwarded.isEmpty()) {
      return "http";
    }
    String first = forwarded.getFirst().split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
    return first.equals("https") ? "https" : "http";
  }
}
