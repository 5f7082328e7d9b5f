"""Shared fixtures: a running Docker kernel (the installed kernelspec) and helpers to run cells."""
import os
import uuid

import pytest
from jupyter_client.manager import KernelManager

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


class Cell:
    """What one execute_request produced, message by message."""

    def __init__(self, reply, messages):
        self.reply = reply
        self.messages = messages

    @property
    def status(self):
        return self.reply["content"]["status"]

    def stream(self, name):
        return "".join(m["content"]["text"] for m in self.messages
                       if m["msg_type"] == "stream" and m["content"]["name"] == name)

    def of_type(self, msg_type):
        return [m["content"] for m in self.messages if m["msg_type"] == msg_type]

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[0] if errors else None


def execute(client, code, timeout=120, **kwargs):
    messages = []
    reply = client.execute_interactive(code, timeout=timeout, output_hook=messages.append, **kwargs)
    return Cell(reply, messages)


def start_kernel(extra_env=None):
    """Starts the installed kernelspec; extra_env overrides what the kernelspec itself records."""
    manager = KernelManager(kernel_name="docker")
    if extra_env:
        manager.kernel_spec.env = {**manager.kernel_spec.env, **extra_env}
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return manager, client


@pytest.fixture(scope="module")
def kernel():
    manager, client = start_kernel()
    yield client
    client.stop_channels()
    manager.shutdown_kernel(now=True)


@pytest.fixture
def prefix(kernel):
    """A name prefix for this test's containers, removed by name afterwards."""
    name = "py-" + uuid.uuid4().hex[:8]
    yield name
    execute(kernel, f"docker rm -f {name}-a {name}-b")
