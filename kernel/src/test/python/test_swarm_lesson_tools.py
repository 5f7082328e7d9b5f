"""Lesson 13's tools on a real cluster (issue 24): the swarm made from cells with `$(docker -c node1
swarm join-token -q worker)`, `%live docker -c node1 service ps` and `%cluster -c node1` as panels,
`%%check` facts about services and nodes under `%context node1` (holding and failing), a drain seen by
the facts and the picture, `service update` naming the service as typed in its last progress line, and
a secret given with `service create --secret` read by the service.

Needs a running cluster of 3 (install/cluster start; install/test starts one); skipped without one.
The swarm is made here and left at the end, so the cluster is as it was."""
import json
import re

import pytest

from conftest import execute, start_kernel, stop_kernel
from test_cluster import node_cli, nodes

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def cluster():
    found = nodes()
    if not found or len(found) < 3:
        pytest.skip("needs a cluster of 3 (install/cluster start; install/test starts one)")
    for _, _, host in reversed(found):
        node_cli(host, "swarm", "leave", "--force")
    yield found
    for _, _, host in reversed(found):
        node_cli(host, "swarm", "leave", "--force")


@pytest.fixture(scope="module")
def kernel(cluster):
    manager, client = start_kernel()
    yield client
    stop_kernel(manager, client)


def ok(kernel, code, timeout=180):
    cell = execute(kernel, code, timeout=timeout)
    assert cell.status == "ok", code + "\n" + cell.error_text
    return cell


def displays(cell):
    return cell.of_type("display_data") + cell.of_type("update_display_data")


@pytest.mark.deadline(600)
def test_the_lessons_swarm_from_cells(cluster, kernel):
    (n1, _, _), (n2, _, _), (n3, _, _) = cluster[:3]
    ok(kernel, f"docker -c {n1} swarm init")
    joined = ok(kernel, f"MANAGER=$(docker -c {n1} info --format '{{{{.Swarm.NodeAddr}}}}'):2377\n"
                        f"docker -c {n2} swarm join --token $(docker -c {n1} swarm join-token -q worker) $MANAGER\n"
                        f"docker -c {n3} swarm join --token $(docker -c {n1} swarm join-token -q worker) $MANAGER")
    assert joined.stream("stdout").count("This node joined a swarm as a worker.") == 2
    ok(kernel, f"docker -c {n1} service create -q --name web --replicas 3 busybox httpd -f -p 80")

    panels = ok(kernel, f"%live docker -c {n1} service ps web\n%cluster -c {n1}")
    shown = displays(panels)
    assert shown[0]["data"]["text/plain"].startswith(f"● 실시간 1 · docker -c {n1} service ps web\n")
    picture = shown[1]["data"]
    assert "image/svg+xml" in picture and picture["image/svg+xml"].startswith("<svg")
    for name in (n1, n2, n3):
        assert f">{name}" in picture["image/svg+xml"], picture["text/plain"]
    assert re.search(r"web · busybox:latest · 3/3", picture["text/plain"]), picture["text/plain"]

    check = execute(kernel, f"%%check\n%context {n1}\nservice web replicas 3\nservice web image busybox\n"
                            f"node {n2} active\nnode {n2} ready\nservice web replicas 4\nstack none services 0")
    verdicts = check.of_type("display_data")[0]["data"]["text/plain"]
    assert check.status == "error" and "1개가 맞지 않습니다" in check.error_text, check.error_text
    assert "✓ service web replicas 3" in verdicts and "✗ service web replicas 4   (실제: 3/3)" in verdicts, verdicts
    assert "✓ node " + n2 + " ready" in verdicts and "✓ stack none services 0" in verdicts, verdicts

    # a drain: the facts see it, the update that only waits names the service as typed (as the CLI does)
    ok(kernel, f"docker -c {n1} node update --availability drain {n2}")
    waited = ok(kernel, f"docker -c {n1} service update web")
    frames = [d["data"]["text/plain"] for d in displays(waited)
              if d["data"]["text/plain"].startswith("overall progress")]  # not the panels' updates
    assert frames and "verify: Service web converged" in frames[-1], frames[-1:]
    ok(kernel, f"%%check\n%context {n1}\nnode {n2} drain\nservice web replicas 3")
    tasks = node_cli(cluster[0][2], "service", "ps", "-q", "--filter", "desired-state=running",
                     "--filter", f"node={n2}", "web").stdout.decode().split()
    assert tasks == [], tasks
    stopped = ok(kernel, "%live off")
    still = [u for u in stopped.of_type("update_display_data")]
    assert any(u["data"]["text/plain"].startswith("■") for u in still), still
    ok(kernel, f"docker -c {n1} node update --availability active {n2}")

    # a secret read by a service
    ok(kernel, f"docker -c {n1} secret create lesson-secret - <<EOF\n비밀-123\nEOF")
    ok(kernel, f"docker -c {n1} service create -q --name reader --secret lesson-secret busybox "
               "sh -c 'cat /run/secrets/lesson-secret; sleep 600'")
    logs = ok(kernel, f"docker -c {n1} service logs --raw reader")
    assert "비밀-123" in logs.stream("stdout"), logs.stream("stdout")
    spec = json.loads(node_cli(cluster[0][2], "service", "inspect", "reader").stdout.decode())[0]
    secret = spec["Spec"]["TaskTemplate"]["ContainerSpec"]["Secrets"][0]
    assert secret["File"] == {"Name": "lesson-secret", "UID": "0", "GID": "0", "Mode": 292}, secret
    missing = execute(kernel, f"docker -c {n1} service create --secret nope busybox true")
    assert missing.status == "error" and "secret not found: nope" in missing.error_text
