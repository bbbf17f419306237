package io.aloft.adapters.connect.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Connect error codes with their wire names and the HTTP status a unary error response carries,
 * as listed in the protocol's error-code table.
 */
public enum ConnectCode {
  CANCELED("canceled", 499),
  UNKNOWN("unknown", 500),
  INVALID_ARGUMENT("invalid_argument", 400),
  DEADLINE_EXCEEDED("deadline_exceeded", 504),
  NOT_FOUND("not_found", 404),
  ALREADY_EXISTS("already_exists", 409),
  PERMISSION_DENIED("permission_denied", 403),
  RESOURCE_EXHAUSTED("resource_exhausted", 429),
  FAILED_PRECONDITION("failed_precondition", 400),
  ABORTED("aborted", 409),
  OUT_OF_RANGE("out_of_range", 400),
  UNIMPLEMENTED("unimplemented", 501),
  INTERNAL("internal", 500),
  UNAVAILABLE("unavailable", 503),
  DATA_LOSS("data_loss", 500),
  UNAUTHENTICATED("unauthenticated", 401);

  private static final Map<String, ConnectCode> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toMap(ConnectCode::wireName, Function.identity()));

  private final String wireName;
  private final int httpStatus;

  ConnectCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The lower-snake-case name used in the JSON error body, e.g. {@code not_found}. */
  public String wireName() {
    return wireName;
  }

  /** The HTTP status of a unary error response with this code. */
  public int httpStatus() {
    return httpStatus;
  }

  public static Optional<ConnectCode> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
