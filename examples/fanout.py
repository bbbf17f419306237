#!/usr/bin/env python3
"""Fans out: enqueues n child actions, waits for them, and sums their outputs.

A running task may create child actions of its own by calling the manager back over the Connect
API (POST $ALOFT_ENDPOINT/<package.Service>/<Method> with a JSON body). Each child here is an
inline `container` task that squares its index; this parent waits for all of them and writes
1² + 2² + ... + n² to its output "total". Only the Python standard library is used.
"""
import json
import os
import time
import urllib.error
import urllib.request

API = os.environ["ALOFT_ENDPOINT"]
RUN = {
    "project": os.environ["ALOFT_PROJECT"],
    "domain": os.environ["ALOFT_DOMAIN"],
    "name": os.environ["RUN_NAME"],
}
ME = os.environ["ACTION_NAME"]
# Where the run keeps its data (s3://<bucket>/<prefix>/<project>/<domain>/<run>/); the children
# write their outputs under it too.
RUN_BASE = os.environ["_U_RUN_BASE"]
TERMINAL = {"ACTION_PHASE_SUCCEEDED", "ACTION_PHASE_FAILED", "ACTION_PHASE_ABORTED",
            "ACTION_PHASE_TIMED_OUT", "ACTION_PHASE_RECOVERED"}


def call(method, body):
    """One unary Connect call with a JSON body, e.g. call("aloft.run.v1.RunService/...", {...})."""
    request = urllib.request.Request(
        f"{API}/{method}", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} failed: {e.code} {e.read().decode(errors='replace')}")


def square_task(i):
    """A child task: squares i (passed inline in its args) into its output "square"."""
    return {
        "shortName": "square",
        "taskTemplate": {
            "id": {"name": "square", "version": "v1"},
            "type": "container",
            "interface": {"outputs": {"variables": [
                {"key": "square", "value": {"type": {"simple": "SIMPLE_TYPE_INTEGER"}}}]}},
            "container": {"image": "alpine", "command": [
                "sh", "-c", 'echo "squaring $1"; echo $(($1 * $1)) > "$ALOFT_OUTPUT_DIR/square"',
                "square", str(i)]},
        },
    }


n = int(open(os.path.join(os.environ["ALOFT_INPUT_DIR"], "n")).read())
children = [f"sq-{i}" for i in range(1, n + 1)]
# The children take no inputs; they are handed this action's own (an input location is required).
my_inputs = call("aloft.run.v1.RunService/GetActionDataURIs",
                 {"actionId": {"run": RUN, "name": ME}})["inputsUri"]

# 1. Enqueue the children (idempotent on the action id, so a retried parent may do it again).
for i, name in enumerate(children, start=1):
    call("aloft.actions.v1.ActionsService/Enqueue", {"action": {
        "actionId": {"run": RUN, "name": name},
        "parentActionName": ME,
        "inputUri": my_inputs,
        "runOutputBase": RUN_BASE,
        "task": {"spec": square_task(i)},
    }})
print(f"enqueued {len(children)} children: {', '.join(children)}", flush=True)

# 2. Wait until every child has finished.
pending = set(children)
while pending:
    for name in sorted(pending):
        details = call("aloft.run.v1.RunService/GetActionDetails",
                       {"actionId": {"run": RUN, "name": name}})["details"]
        phase = details["status"]["phase"]
        if phase in TERMINAL:
            pending.discard(name)
            if phase != "ACTION_PHASE_SUCCEEDED":
                error = details.get("errorInfo", {}).get("message", "")
                with open(os.path.join(os.environ["ALOFT_OUTPUT_DIR"], "_ERROR"), "w") as f:
                    f.write(f"child {name} ended {phase}: {error}")
                raise SystemExit(0)
    time.sleep(0.2)

# 3. Read their outputs and sum them.
total = 0
for name in children:
    data = call("aloft.dataproxy.v1.DataProxyService/GetActionData",
                {"actionId": {"run": RUN, "name": name}})
    outputs = {o["name"]: o["value"] for o in data["outputs"].get("literals", [])}
    square = int(outputs["square"]["scalar"]["primitive"]["integer"])
    print(f"{name} = {square}", flush=True)
    total += square
print(f"sum = {total}", flush=True)
with open(os.path.join(os.environ["ALOFT_OUTPUT_DIR"], "total"), "w") as f:
    f.write(str(total))
