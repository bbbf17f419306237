package io.aloft.adapters.connect.mapping;

import io.aloft.domain.query.PageRequest;
import io.aloft.proto.core.v1.ListRequest;
import io.aloft.proto.core.v1.Sort;

/**
 * List paging as the reference does it: limit 0 means 50, above 200 is rejected, and the token is
 * the decimal offset the previous page returned.
 */
public final class Paging {

  private static final int TOKEN_MAX = 64;

  private Paging() {}

  /**
   * Paging of a {@code ListRequest}. Sorting is checked and then ignored: lists come in the
   * reference's default order, which is what the SDK and UI ask for.
   */
  public static PageRequest page(ListRequest request, String path) {
    if (request.hasSortBy()) {
      checkSort(request.getSortBy(), path + ".sort_by");
    }
    return page(request.getLimit(), request.getToken(), path + ".limit", path + ".token");
  }

  public static PageRequest page(int limit, String token, String limitPath, String tokenPath) {
    int checkedLimit = limit(limit, limitPath);
    Fields.maxLength(token, TOKEN_MAX, tokenPath);
    return Fields.at(tokenPath, () -> PageRequest.parse(checkedLimit, token));
  }

  /** A {@code uint32} limit: 0 means the default, at most {@link PageRequest#MAX_LIMIT}. */
  public static int limit(int limit, String path) {
    int checked = Fields.uint32(limit, PageRequest.MAX_LIMIT, path);
    return checked == 0 ? PageRequest.DEFAULT_LIMIT : checked;
  }

  /** A position token (the event log's): empty for the start, else a non-negative decimal. */
  public static long position(String token, String path) {
    Fields.maxLength(token, TOKEN_MAX, path);
    if (token.isEmpty()) {
      return 0;
    }
    return Fields.at(path, () -> PageRequest.parse(PageRequest.DEFAULT_LIMIT, token).offset());
  }

  /** Checks a sort order, which lists then ignore: they use the reference's default order. */
  public static void checkSort(Sort sort, String path) {
    Fields.maxLength(sort.getKey(), Fields.SHORT_TEXT_MAX, path + ".key");
    Fields.known(sort.getDirection(), sort.getDirectionValue(), path + ".direction");
  }
}
