#!/bin/sh
# Rejects its input the way a task reports a user error: it writes the reason to
# $ALOFT_OUTPUT_DIR/_ERROR and exits 0. Aloft fails the attempt with that message (code
# UserError, kind USER); the task has no retries, so the run ends FAILED.
set -eu
echo "checking the order lines..."
echo "order line 3 has no quantity: 'three apples'" > "$ALOFT_OUTPUT_DIR/_ERROR"
echo "rejected the input"
