package io.aloft.adapters.connect.mapping;

import io.aloft.domain.action.CacheStatus;

/**
 * Cache statuses between proto and domain. The proto enum is the reference's shifted by one so that
 * zero is UNSPECIFIED, which the domain enum mirrors, so constants match by name.
 */
public final class CacheStatuses {

  private static final String PREFIX = "CACHE_STATUS_";

  private CacheStatuses() {}

  public static io.aloft.proto.core.v1.CacheStatus toProto(CacheStatus status) {
    return io.aloft.proto.core.v1.CacheStatus.valueOf(PREFIX + status.name());
  }

  public static CacheStatus fromProto(
      io.aloft.proto.core.v1.CacheStatus status, int number, String path) {
    var known = Fields.known(status, number, path);
    return CacheStatus.valueOf(known.name().substring(PREFIX.length()));
  }
}
