package io.aloft.adapters.s3;

import io.aloft.application.port.storage.StorageUri;
import io.aloft.domain.error.DomainError;
import io.aloft.domain.error.FailedPrecondition;
import io.aloft.domain.error.InvalidArgument;
import io.aloft.domain.error.Unavailable;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Classifies SDK failures (retryable or not, missing object or bucket) and turns them into domain
 * errors. Messages name the operation and the uri, never the credentials.
 */
final class S3Errors {

  private S3Errors() {}

  /** Timeouts, 5xx, throttling and I/O failures: worth another attempt, and count as outages. */
  static boolean isRetryable(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof TimeoutException) {
      return true;
    }
    if (e instanceof SdkServiceException service) {
      return service.statusCode() >= 500
          || service.statusCode() == 429
          || service.isThrottlingException();
    }
    return e instanceof ApiCallTimeoutException
        || e instanceof ApiCallAttemptTimeoutException
        || e instanceof SdkClientException
            && hasCause(e, IOException.class, TimeoutException.class);
  }

  /** The object (not the bucket) is missing. HEAD answers carry no error code, only the 404. */
  static boolean isMissingObject(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof NoSuchKeyException) {
      return true;
    }
    return e instanceof S3Exception s3 && s3.statusCode() == 404 && !isMissingBucket(s3);
  }

  static boolean isMissingBucket(Throwable error) {
    Throwable e = unwrap(error);
    return e instanceof NoSuchBucketException
        || e instanceof S3Exception s3 && "NoSuchBucket".equals(errorCode(s3));
  }

  /** The domain error for a failed {@code operation} on {@code uri}; other errors pass through. */
  static Throwable translate(String operation, StorageUri uri, int attempts, Throwable error) {
    Throwable e = unwrap(error);
    String what = "storage " + operation + " of " + uri;
    if (e instanceof DomainError) {
      return e;
    }
    if (e instanceof CallNotPermittedException) {
      return new Unavailable(
          what
              + " was not attempted: the storage circuit breaker is open after repeated"
              + " failures; retry later",
          e);
    }
    if (isMissingBucket(e)) {
      return missingBucket(uri.bucket(), e);
    }
    if (isRetryable(e)) {
      return new Unavailable(what + " failed after " + attempts + " attempts: " + reason(e), e);
    }
    if (e instanceof SdkServiceException service && service.statusCode() == 403) {
      return new FailedPrecondition(
          what + " was denied (" + reason(e) + "); check the storage credentials and permissions",
          e);
    }
    if (e instanceof SdkServiceException service && service.statusCode() / 100 == 4) {
      return new InvalidArgument(what + " was rejected: " + reason(e), e);
    }
    if (e instanceof SdkClientException) {
      return new FailedPrecondition(what + " could not be sent: " + reason(e), e);
    }
    if (e instanceof IllegalArgumentException) {
      // The SDK validates requests before sending them, e.g. bucket names of 3 to 63 characters.
      return new InvalidArgument(what + " is invalid: " + e.getMessage(), e);
    }
    return e;
  }

  static FailedPrecondition missingBucket(String bucket, Throwable cause) {
    return new FailedPrecondition(
        "bucket '" + bucket + "' does not exist; create it or set aloft.storage.bucket", cause);
  }

  /** A short cause: the HTTP status and S3 error code, or the root exception's type and message. */
  static String reason(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof SdkServiceException service) {
      String code = service instanceof S3Exception s3 ? errorCode(s3) : null;
      String message =
          service instanceof S3Exception s3 && s3.awsErrorDetails() != null
              ? s3.awsErrorDetails().errorMessage()
              : null;
      return "HTTP "
          + service.statusCode()
          + (code == null ? "" : " " + code)
          + (message == null ? "" : " (" + message + ")");
    }
    if (e instanceof TimeoutException) {
      return "no answer in time";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String errorCode(S3Exception s3) {
    return s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
  }

  @SafeVarargs
  private static boolean hasCause(Throwable error, Class<? extends Throwable>... types) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }
}
