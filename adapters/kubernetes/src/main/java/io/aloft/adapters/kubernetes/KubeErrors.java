package io.aloft.adapters.kubernetes;

import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Classifies API server failures (worth repeating or not; missing; conflicting) and turns the rest
 * into domain errors. The HTTP status decides, never the message text.
 */
public final class KubeErrors {

  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  static final int GONE = 410;

  private KubeErrors() {}

  /** 5xx, 429 (API priority and fairness), I/O failures and timeouts; also count as outages. */
  public static boolean isRetryable(Throwable error) {
    if (error instanceof TimeoutException || error instanceof IOException) {
      return true;
    }
    if (error instanceof ApiException api) {
      int code = api.getCode();
      return code >= 500 || code == 429 || code == 0 && api.getCause() instanceof IOException;
    }
    return false;
  }

  public static boolean isConflict(Throwable error) {
    return error instanceof ApiException api && api.getCode() == CONFLICT;
  }

  public static boolean isNotFound(Throwable error) {
    return error instanceof ApiException api && api.getCode() == NOT_FOUND;
  }

  /** The domain error for a failed {@code operation}; domain errors pass through. */
  public static Throwable translate(String operation, int attempts, Throwable error) {
    String what = "Kubernetes " + operation;
    if (error instanceof DomainError) {
      return error;
    }
    if (error instanceof CallNotPermittedException) {
      return new Unavailable(
          what
              + " was not attempted: the API server circuit breaker is open after repeated"
              + " failures; retry later",
          error);
    }
    if (isRetryable(error)) {
      return new Unavailable(what + " failed after " + attempts + " attempts: " + reason(error));
    }
    if (error instanceof ApiException api && (api.getCode() == 401 || api.getCode() == 403)) {
      return new FailedPrecondition(
          what + " was denied (" + reason(error) + "); check the manager's RBAC (infra/k8s)",
          error);
    }
    if (error instanceof ApiException api && api.getCode() / 100 == 4) {
      return new InvalidArgument(what + " was rejected: " + reason(error), error);
    }
    return error;
  }

  public static String reason(Throwable error) {
    if (error instanceof ApiException api && api.getCode() != 0) {
      String body = api.getResponseBody();
      return "HTTP "
          + api.getCode()
          + (body == null || body.isBlank() ? "" : " " + abbreviate(body.strip()));
    }
    if (error instanceof TimeoutException) {
      return "no answer in time";
    }
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
