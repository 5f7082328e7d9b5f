"""Published ports of the private engine answer on this computer's 127.0.0.1, as Docker Desktop's do.

The private engine lives in its own network namespace; its port forwarder (install/engine starts it)
listens on 127.0.0.1:PORT while a running container publishes PORT. A plain HTTP request from this
computer (urllib, as a browser would) reaches busybox httpd within a second of `docker run -d`, and
is refused after `docker stop`.
"""
import os
import socket
import time
import urllib.error
import urllib.request
import uuid

import pytest

from conftest import ROOT, execute

SITE = "mkdir -p /www && echo 'hello from busybox' > /www/index.html && exec httpd -f -p 80 -h /www"


def private_engine():
    try:
        with open(os.path.join(ROOT, "target", "engine.env")) as env:
            return "DOCKER_LESSONS_ENGINE_KIND=private" in env.read()
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not private_engine(), reason="published ports are forwarded for the private engine only")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, timeout=1.0):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=timeout) as answer:
        return answer.read().decode()


def first_answer(port, within):
    """Seconds until 127.0.0.1:port answers, polling every 20 ms; None if it never does within `within`."""
    start = time.monotonic()
    while time.monotonic() - start < within:
        try:
            if "hello from busybox" in get(port, timeout=0.5):
                return time.monotonic() - start
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.02)
    return None


def refused_within(port, within):
    start = time.monotonic()
    while time.monotonic() - start < within:
        try:
            get(port, timeout=0.5)
        except (urllib.error.URLError, ConnectionError, OSError):
            return True
        time.sleep(0.05)
    return False


def listens_beyond_loopback(port):
    """Whether anything on this computer listens on PORT at an address other than 127.0.0.1."""
    with open("/proc/net/tcp") as table:
        for line in table.readlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port and address != "0100007F":
                return True
    return False


@pytest.fixture
def name(kernel):
    value = "ports-" + uuid.uuid4().hex[:8]
    yield value
    execute(kernel, f"docker rm -f {value}")


@pytest.mark.parametrize("publish", ["127.0.0.1:{port}:80", "{port}:80"])
def test_a_published_port_answers_on_loopback_and_stops_with_the_container(kernel, name, publish):
    port = free_port()
    cell = execute(kernel, f"docker run -d --name {name} -p {publish.format(port=port)} busybox sh -c \"{SITE}\"")
    assert cell.status == "ok", cell.error
    took = first_answer(port, within=5)
    assert took is not None and took < 1.0, f"127.0.0.1:{port} answered after {took} s"
    assert not listens_beyond_loopback(port)
    assert execute(kernel, f"docker stop -t 1 {name}").status == "ok"
    assert refused_within(port, within=2), f"127.0.0.1:{port} still answers after docker stop"


def test_publish_all_answers_on_the_port_the_engine_chose(kernel, name):
    cell = execute(kernel, f"docker run -d --name {name} --expose 80 -P busybox sh -c \"{SITE}\"")
    assert cell.status == "ok", cell.error
    port = int(execute(kernel, f"docker port {name} 80").stream("stdout").splitlines()[0].rsplit(":", 1)[1])
    took = first_answer(port, within=5)
    assert took is not None and took < 1.0, f"127.0.0.1:{port} answered after {took} s"
    execute(kernel, f"docker rm -f {name}")
    assert refused_within(port, within=2)
