"""The stop button during a create the engine takes long to answer: dockerd 28 looks for an unknown
logging driver as a plugin for 15 s before it refuses (docker create --log-driver nope busybox takes
15.0 s with the CLI 28.2 too). The README promises that the stop button ends any cell within 2 s; the
kernel waits for the create's answer (ContainerCreator.post, CommandContext.evenAfterStop, so that it
can remove a container created just as the stop came) and ends the cell 13 s after the stop.
Not fixed yet: the fix is to stop waiting 2 s after the stop and leave the answer to a background
clean-up that removes the container if one was made."""
import time

import pytest

from abuse import english_kernel, published_until_idle, reply_pressing_stop
from conftest import cli, require_private_engine, stop_kernel

LABEL = "io.github.dockerlessons.test=slow-create"


@pytest.mark.xfail(strict=True, reason="the stop button waits for a slow create's answer (13 s after it)")
@pytest.mark.deadline(90)
@pytest.mark.parametrize("command", ["create", "run --rm"])
def test_the_stop_button_ends_a_cell_whose_create_the_engine_takes_15_s_to_refuse(command):
    require_private_engine()
    manager, client = english_kernel()
    try:
        msg_id = client.execute(f"docker {command} --label {LABEL} --log-driver nope busybox true")
        started = time.monotonic()
        reply, stopped = reply_pressing_stop(manager, client, msg_id, 2, 30)
        took = time.monotonic() - started
        published_until_idle(client, msg_id, 5)
        assert stopped and reply is not None
        assert took < 2 + 2.5, f"the cell ended {took - 2:.1f} s after the stop button"
    finally:
        stop_kernel(manager, client)
        ids = cli("ps", "-aq", "--filter", f"label={LABEL}").stdout.decode().split()
        if ids:
            cli("rm", "-f", *ids)
