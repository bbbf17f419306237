#!/bin/sh
# The copilot image's entrypoint. The pod plugin runs the image as the task pod's init container
# ("download": inputs.pb to local files) and as its upload step ("upload": local outputs to
# outputs.pb); all options pass through to `aloft copilot` (see its --help). Storage settings come
# from ALOFT_STORAGE_ENDPOINT, AWS_REGION and the AWS credential variables.
set -eu

case "${1:-}" in
  download|upload) ;;
  *)
    echo "usage: entrypoint.sh download|upload [options]" >&2
    exit 2
    ;;
esac

# A copilot lives for seconds: C1 and the serial collector cost it less CPU than C2 and a parallel
# collector would (the same flags as `./aloft copilot`).
COPILOT_JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"

# exec: the JVM is PID 1's child no more, so the kubelet's SIGTERM reaches it directly.
exec java $COPILOT_JVM_OPTS ${ALOFT_JAVA_OPTS:-} -jar /opt/aloft/app/aloft-manager.jar copilot "$@"
