#!/bin/sh
# The copilot image's entrypoint. The pod plugin runs the image as the task pod's init container
# ("download": inputs.pb to local files) and as its upload step ("upload-on-exit"); all options
# pass through to `aloft copilot` (see its --help). Storage settings come from
# ALOFT_STORAGE_ENDPOINT, AWS_REGION and the AWS credential variables.
#
# upload-on-exit: the pod runs it as a native sidecar (an init container with restartPolicy
# Always, Kubernetes 1.29+). The kubelet stops sidecars with SIGTERM once the task's container has
# ended; that is the moment the outputs are complete, so this waits for the signal and then runs
# `aloft copilot upload`, within the pod's termination grace. It also uploads when the pod is
# deleted (an abort); the plugin ignores outputs of attempts that did not succeed.
set -eu

# A copilot lives for seconds: C1 and the serial collector cost it less CPU than C2 and a parallel
# collector would (the same flags as `./aloft copilot`). It starts from the extracted jar (see the
# Dockerfile): loading classes out of the nested jar cost each process about a second of CPU.
COPILOT_JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"

run() {
  # exec: the JVM replaces the shell, so a signal from the kubelet reaches it directly.
  exec java $COPILOT_JVM_OPTS ${ALOFT_JAVA_OPTS:-} -jar /opt/aloft/app/aloft-manager.jar copilot "$@"
}

case "${1:-}" in
  download|upload)
    run "$@"
    ;;
  upload-on-exit)
    shift
    stopped=0
    trap 'stopped=1' TERM INT
    while [ "$stopped" = 0 ]; do
      sleep 1 &
      wait $! || true
    done
    trap - TERM INT
    run upload "$@"
    ;;
  *)
    echo "usage: entrypoint.sh download|upload|upload-on-exit [options]" >&2
    exit 2
    ;;
esac
