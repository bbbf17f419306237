package io.aloft.domain.query;

import io.aloft.domain.error.InvalidArgument;

/**
 * One page of a list: at most {@code limit} rows after skipping {@code offset}. Tokens are decimal
 * offsets, as in the reference, so clients can pass them back unchanged.
 *
 * @param limit 1..{@value #MAX_LIMIT}
 * @param offset at least 0
 */
public record PageRequest(int limit, long offset) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidArgument(
          "limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
    }
    if (offset < 0) {
      throw new InvalidArgument("offset must not be negative (got " + offset + ")");
    }
  }

  /**
   * Parses a request's paging fields.
   *
   * @param limit 0 means {@value #DEFAULT_LIMIT}
   * @param token nullable or empty for the first page, else the previous response's token
   */
  public static PageRequest parse(int limit, String token) {
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new InvalidArgument(
          "limit must be between 0 and "
              + MAX_LIMIT
              + " (got "
              + limit
              + "); 0 means the default of "
              + DEFAULT_LIMIT);
    }
    return new PageRequest(limit == 0 ? DEFAULT_LIMIT : limit, parseToken(token));
  }

  private static long parseToken(String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    // Digits only: Long.parseLong would also accept signs, and huge values would overflow.
    if (token.length() > 18 || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidArgument(
          "page token '"
              + token
              + "' is malformed; pass back the token from the previous response");
    }
    return Long.parseLong(token);
  }

  /** Rows to fetch: one more than the limit tells whether another page exists. */
  public int fetchSize() {
    return limit + 1;
  }

  /**
   * The token for the next page, or "" when this was the last one.
   *
   * @param returnedRows rows returned on this page (at most {@code limit}); informational
   * @param hasMore whether more rows exist after this page
   */
  public String nextToken(int returnedRows, boolean hasMore) {
    return hasMore ? String.valueOf(offset + limit) : "";
  }
}
