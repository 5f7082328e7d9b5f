"""A Swarm cluster of private engines on this machine (install/cluster, issue 24): the swarm forms, a
service with 3 replicas runs on every node, its tasks reach each other over an overlay network
(VXLAN between the nodes' namespaces), its published port answers on this computer's 127.0.0.1 from
tasks on every node, and a cell addresses each node with `docker -c NODE` and `docker -H`.

Needs a running cluster: install/test starts one of 3 around these tests (DOCKER_CLUSTER_PREFIX);
by hand, `install/cluster start` then `pytest -m cluster`. Without one the tests are skipped. The
swarm is made here and left at the end, so the cluster is as it was."""
import os
import socket
import subprocess
import time
import uuid

import pytest

from conftest import ROOT, cli, execute, free_port, start_kernel, stop_kernel

pytestmark = pytest.mark.cluster
CLUSTER = os.path.join(ROOT, "install", "cluster")


def nodes():
    """(name, address, DOCKER_HOST) of each node of the running cluster, or None."""
    try:
        out = subprocess.run([CLUSTER, "status"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return [tuple(line.split()) for line in out.stdout.strip().splitlines()]


def node_cli(host, *args, timeout=60):
    return cli("-H", host, *args, timeout=timeout, env={"DOCKER_CONTEXT": ""})


def wait_for(what, check, seconds=60):
    end = time.monotonic() + seconds
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > end:
            pytest.fail(f"{what}: not within {seconds} s")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def swarm():
    found = nodes()
    if not found or len(found) < 3:
        pytest.skip("needs a cluster of 3 (install/cluster start; install/test starts one)")
    manager_host, manager_addr = found[0][2], found[0][1]
    init = node_cli(manager_host, "swarm", "init", "--advertise-addr", manager_addr)
    assert init.returncode == 0, init.stderr.decode()
    token = node_cli(manager_host, "swarm", "join-token", "-q", "worker").stdout.decode().strip()
    for _, _, host in found[1:]:
        joined = node_cli(host, "swarm", "join", "--token", token, f"{manager_addr}:2377")
        assert joined.returncode == 0, joined.stderr.decode()
    yield found
    for _, _, host in reversed(found):
        node_cli(host, "swarm", "leave", "--force")


@pytest.fixture(scope="module")
def service(swarm):
    """A service of 3 busybox httpd tasks on an overlay network, published on a free port."""
    name = "web-" + uuid.uuid4().hex[:6]
    port = free_port()
    manager = swarm[0][2]
    made = node_cli(manager, "network", "create", "-d", "overlay", "--attachable", name + "-net")
    assert made.returncode == 0, made.stderr.decode()
    created = node_cli(manager, "service", "create", "-d", "--name", name, "--replicas", "3", "--network",
                       name + "-net", "-p", f"{port}:80", "busybox", "sh", "-c",
                       "hostname > /tmp/index.html; exec httpd -f -p 80 -h /tmp")
    assert created.returncode == 0, created.stderr.decode()

    def running():
        out = node_cli(manager, "service", "ps", name, "--filter", "desired-state=running",
                       "--format", "{{.Node}} {{.CurrentState}}").stdout.decode().split("\n")
        states = [line.split() for line in out if line]
        return states if len(states) == 3 and all(s[1] == "Running" for s in states) else None

    placed = wait_for("3 running tasks", running)
    yield name, port, sorted(s[0] for s in placed)
    node_cli(manager, "service", "rm", name)
    wait_for("the tasks gone", lambda: all(
        not node_cli(host, "ps", "-q", "--filter", f"label=com.docker.swarm.service.name={name}").stdout.strip()
        for _, _, host in swarm))
    node_cli(manager, "network", "rm", name + "-net")


def http_get(host, port):
    with socket.create_connection((host, port), timeout=5) as s:
        s.sendall(b"GET / HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := s.recv(4096):
            data += chunk
    return data.decode().split("\r\n\r\n", 1)[-1].strip()


@pytest.mark.deadline(120)
def test_every_node_is_ready(swarm):
    out = node_cli(swarm[0][2], "node", "ls", "--format", "{{.Hostname}} {{.Status}} {{.Availability}}")
    assert out.returncode == 0, out.stderr.decode()
    assert sorted(out.stdout.decode().split("\n")[:-1]) == sorted(f"{name} Ready Active" for name, _, _ in swarm)


@pytest.mark.deadline(180)
def test_three_replicas_spread_over_the_nodes(swarm, service):
    _, _, placed = service
    assert placed == sorted(name for name, _, _ in swarm)


@pytest.mark.deadline(180)
def test_tasks_reach_each_other_over_the_overlay(swarm, service):
    name, _, _ = service
    here = swarm[0][2]
    container = node_cli(here, "ps", "-q", "--filter", f"label=com.docker.swarm.service.name={name}").stdout.decode().split()[0]
    # tasks.NAME: every task's address on the overlay (the service's own VIP needs IPVS, see below)
    script = (f"for ip in $(nslookup tasks.{name} 2>/dev/null | sed -n 's/^Address: *//p'); do "
              "printf 'GET / HTTP/1.0\\r\\n\\r\\n' | timeout 5 nc $ip 80 | tail -n 1; done")
    out = node_cli(here, "exec", container, "sh", "-c", script)
    hostnames = set(out.stdout.decode().split())
    assert len(hostnames) == 3, out.stdout.decode() + out.stderr.decode()


@pytest.mark.deadline(180)
def test_published_port_answers_on_this_computer_from_every_node(swarm, service):
    _, port, _ = service

    def answers():
        try:
            return http_get("127.0.0.1", port)
        except OSError:
            return None

    wait_for(f"127.0.0.1:{port}", answers, seconds=30)
    seen = {http_get("127.0.0.1", port) for _ in range(6)}
    assert len(seen) == 3, seen


@pytest.mark.deadline(120)
def test_the_engines_own_routing_mesh_needs_ipvs(swarm, service):
    _, port, _ = service
    if not os.path.exists("/proc/net/ip_vs"):
        pytest.skip("this machine's kernel has no IPVS (CONFIG_IP_VS unset; dockerd: 'Could not get ipvs family "
                    "information from the kernel'): a node's own address answers no published port; "
                    "install/cluster's forwarder is the mesh on 127.0.0.1")
    name, addr, _ = swarm[1]
    prefix = os.environ.get("DOCKER_CLUSTER_PREFIX", "dl-cluster")
    out = subprocess.run(["nsenter", f"--net=/run/netns/{prefix}-node2", "curl", "-s", "-m", "5",
                          f"http://{swarm[0][1]}:{port}/"], capture_output=True, text=True)
    assert out.stdout.strip(), out.stderr


@pytest.fixture(scope="module")
def kernel():
    manager, client = start_kernel()
    yield client
    stop_kernel(manager, client)


@pytest.mark.deadline(180)
def test_a_cell_addresses_each_node(swarm, service, kernel):
    name, _, _ = service
    node2, _, host2 = swarm[1]
    expected = node_cli(host2, "ps", "--format", "{{.Names}}").stdout.decode()
    assert name + "." in expected
    cell = execute(kernel, f"docker -c {node2} ps --format '{{{{.Names}}}}'")
    assert cell.status == "ok", cell.error_text
    assert cell.stream("stdout") == expected
    node3, _, host3 = swarm[2]
    cell = execute(kernel, f"docker -H {host3} info --format '{{{{.Name}}}}'")
    assert cell.stream("stdout") == node3 + "\n", cell.error_text
    # the session's engine is the same afterwards
    session = execute(kernel, "docker info --format '{{.Name}}'")
    assert session.stream("stdout") not in (node2 + "\n", node3 + "\n")


@pytest.mark.deadline(120)
def test_start_and_stop_leave_nothing_behind(tmp_path):
    """A cluster of its own (two nodes, its own prefix and context store): stop ends its processes and
    removes its namespaces, state and contexts, and only those: a context of a node's name made by
    someone else is neither changed by start nor removed by stop."""
    prefix = "dl-t" + uuid.uuid4().hex[:6]
    # Every name from the prefix: a STATE or RUN inherited from whoever runs the tests (a helper's own
    # cluster) would point this cluster's start and stop at that cluster's engines.
    env = {**{k: v for k, v in os.environ.items() if k not in ("DOCKER_CLUSTER_STATE", "DOCKER_CLUSTER_RUN")},
           "DOCKER_CLUSTER_PREFIX": prefix, "DOCKER_CLUSTER_CONTEXT_PREFIX": prefix + "-n",
           "DOCKER_CLUSTER_NODE1_IMAGES": "", "DOCKER_CONFIG": str(tmp_path)}  # builds nothing: no node image
    config = {"DOCKER_CONFIG": str(tmp_path)}
    # someone else's context of a name the cluster would use
    cli("context", "create", prefix + "-n2", "--docker", "host=unix:///elsewhere.sock", env=config)
    started = subprocess.run([CLUSTER, "start", "--nodes", "2"], capture_output=True, text=True, env=env, timeout=90)
    try:
        assert started.returncode == 0, started.stderr
        assert [line.split()[0] for line in started.stdout.splitlines()] == [prefix + "-n1", prefix + "-n2"]
        hosts = cli("context", "ls", "--format", "{{.Name}} {{.DockerEndpoint}}", env=config).stdout.decode()
        assert f"{prefix}-n1 unix:///run/{prefix}/node1/docker.sock" in hosts
        assert f"{prefix}-n2 unix:///elsewhere.sock" in hosts
        pids = [line.split("/")[2] for line in subprocess.run(
            ["sh", "-c", f"grep -lsF -- '/run/{prefix}/' /proc/[0-9]*/cmdline"], capture_output=True,
            text=True).stdout.split()]
        assert pids
    finally:
        stopped = subprocess.run([CLUSTER, "stop"], capture_output=True, text=True, env=env, timeout=90)
    assert stopped.returncode == 0, stopped.stderr
    left = cli("context", "ls", "--format", "{{.Name}}", env=config).stdout.decode().split()
    assert prefix + "-n1" not in left and prefix + "-n2" in left
    assert prefix not in subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert not os.path.exists(f"/run/{prefix}") and not os.path.exists(f"/var/lib/{prefix}")
    assert not [pid for pid in pids if os.path.exists(f"/proc/{pid}")]
