"""install/engine's name server (install/lib/no-names): the private engine's containers hear at once that a
name is known to no network, as on a machine with a name server. Before it, their name server was this
computer's, which the engine's namespace cannot reach: lesson 07's `redis-cli -h lesson7-db` on the default
bridge failed after 10 s, an unknown name on a user-defined network (Docker's embedded DNS) after 40 s."""
import importlib.machinery
import importlib.util
import os
import struct
import time
import uuid

import pytest

from conftest import ROOT, cli, require_private_engine

# A failure that waited out no resolver timeout (the old one: 10 s, 40 s), with room for a loaded machine.
FAST_S = 5


def no_names():
    path = os.path.join(ROOT, "install", "lib", "no-names")
    loader = importlib.machinery.SourceFileLoader("no_names", path)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("no_names", loader))
    loader.exec_module(module)
    return module


def query(name, ident=0x1234, qtype=1):
    labels = b"".join(bytes([len(part)]) + part.encode() for part in name.split("."))
    return struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + labels + b"\0" + struct.pack("!HH", qtype, 1)


def test_every_query_is_answered_no_such_name_with_its_id_and_question():
    asked = query("lesson7-db.example", ident=0xBEEF, qtype=28)
    reply = no_names().answer(asked)
    ident, flags, qd, an, ns, ar = struct.unpack("!HHHHHH", reply[:12])
    assert (ident, qd, an, ns, ar) == (0xBEEF, 1, 0, 0, 0)
    assert flags & 0x8000 and flags & 0x0100 and flags & 0x000F == 3  # a response, recursion desired echoed, NXDOMAIN
    assert reply[12:] == asked[12:]


def test_a_truncated_query_gets_no_answer_and_a_cut_question_only_a_header():
    module = no_names()
    assert module.answer(b"\x12\x34") is None
    cut = query("some.name")[:16]
    assert module.answer(cut)[4:12] == b"\0" * 8


def test_a_reply_that_cannot_be_sent_does_not_end_the_name_server():
    """One failed sendto (an OSError) ended serve_udp, and with it the process: the containers' lookups
    then waited out their resolver's timeout again until the engine's next start."""
    class Stop(Exception):
        pass

    class Socket:
        def __init__(self):
            self.queries = [query("a.example", ident=1), query("b.example", ident=2)]
            self.sent = []

        def recvfrom(self, size):
            if not self.queries:
                raise Stop()
            return self.queries.pop(0), ("10.0.0.2", 40000)

        def sendto(self, reply, peer):
            if not self.sent and not hasattr(self, "failed"):
                self.failed = True
                raise PermissionError(1, "Operation not permitted")
            self.sent.append(reply)

    sock = Socket()
    with pytest.raises(Stop):
        no_names().serve_udp(sock)
    assert [struct.unpack("!H", reply[:2])[0] for reply in sock.sent] == [2]


def redis_cli_ping(host, *run_args):
    start = time.monotonic()
    done = cli("run", "--rm", *run_args, "redis", "redis-cli", "-h", host, "ping", timeout=120)
    return time.monotonic() - start, (done.stdout + done.stderr).decode()


def test_an_unknown_name_fails_at_once_on_the_default_bridge_and_on_a_user_defined_network():
    require_private_engine()
    network = f"names-{uuid.uuid4().hex[:8]}"
    assert cli("network", "create", network).returncode == 0
    try:
        for run_args in ((), ("--network", network)):
            took, out = redis_cli_ping(f"no-such-{network}", *run_args)
            assert "Name or service not known" in out, (run_args, out)
            assert took < FAST_S, (run_args, took)
    finally:
        cli("network", "rm", network)


@pytest.mark.cluster
def test_swarm_init_still_finds_the_nodes_own_address():
    """The name server's address is in every node's namespace too; `swarm init` without --advertise-addr
    (lesson 13) must still pick the node's one address (with 192.0.2.53 on lo it advertised that)."""
    from test_cluster import node_cli, nodes
    found = nodes()
    if not found:
        pytest.skip("needs a cluster (install/cluster start; install/test starts one)")
    _, address, host = found[0]
    state = node_cli(host, "info", "--format", "{{.Swarm.LocalNodeState}}").stdout.decode().strip()
    if state != "inactive":
        pytest.skip(f"node1 is in a swarm ({state}); this test makes its own")
    try:
        init = node_cli(host, "swarm", "init")
        assert init.returncode == 0, init.stderr.decode()
        assert node_cli(host, "info", "--format", "{{.Swarm.NodeAddr}}").stdout.decode().strip() == address
    finally:
        node_cli(host, "swarm", "leave", "--force")
