#!/bin/sh
# Fails on its first attempt and succeeds on the second, like a task behind a flaky service.
#
# Aloft tells the task which attempt this is in $ALOFT_ATTEMPT (1, 2, ...). A non-zero exit is a
# retryable user error; the task's metadata allows one retry ("retries": {"retries": 1}).
set -eu
if [ "$ALOFT_ATTEMPT" = 1 ]; then
  echo "attempt 1: calling the service..."
  sleep 1
  echo "attempt 1: no answer within a second (simulated); exiting with 1"
  exit 1
fi
echo "attempt $ALOFT_ATTEMPT: the service answered"
echo "$ALOFT_ATTEMPT" > "$ALOFT_OUTPUT_DIR/attempt"
