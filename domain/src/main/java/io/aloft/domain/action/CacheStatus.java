package io.aloft.domain.action;

/** The cache outcome of an attempt; names match {@code flyteidl2.core.CatalogCacheStatus}. */
public enum CacheStatus {
  UNSPECIFIED,
  DISABLED,
  MISS,
  HIT,
  POPULATED,
  LOOKUP_FAILURE,
  PUT_FAILURE,
  SKIPPED,
  EVICTED
}
