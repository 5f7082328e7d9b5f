"""Lesson 10 (restart policies): `docker wait` only on a container that stays ended.

On a container the engine restarts, `docker wait` is a race the handouts lost under load: dockerd 20.10
reads the exit code when the waiter wakes, after the restart may already have reset it to 0 (so 0 or 1
for the same cell), and a wait that arrives after the restart blocks until the next exit, which never
comes. The docker CLI sends the same request (POST /containers/{id}/wait, no condition) and races the
same way. So each `docker wait NAME` of the lesson must name a service whose policy does not restart
after the exit code the cell just asked for."""
import json
import os
import re

import pytest

from conftest import ROOT

LESSON = os.path.join(ROOT, "notebooks", "10-compose-node-redis.ipynb")
EXIT_REQUEST = re.compile(r"wget -qO- http://([\w-]+):8080/exit/(\d+)")
WAIT = re.compile(r"^docker (?:container )?wait (.+)$")


def restarts(policy, code):
    """Whether the engine restarts a container with this restart policy that ended with this code."""
    return policy in ("always", "unless-stopped") or (policy == "on-failure" and code != 0)


def code_cells(path):
    with open(path, encoding="utf-8") as f:
        return ["".join(c["source"]) for c in json.load(f)["cells"] if c["cell_type"] == "code"]


def compose_policies(cells, project_file):
    """{container name: restart policy} of the Compose file a %%writefile cell writes (its `name:`, the
    services two spaces in, their `restart:` four spaces in; read by hand, so the test needs no YAML library)."""
    for source in cells:
        first, _, body = source.partition("\n")
        if first == f"%%writefile {project_file}":
            project = re.search(r"^name: *(\S+)$", body, re.M).group(1)
            policies, service = {}, None
            for line in body.splitlines():
                top = re.match(r'^  "?([\w-]+)"?:\s*$', line)
                if top:
                    service = top.group(1)
                    policies[f"{project}-{service}-1"] = "no"
                restart = re.match(r'^    restart: *"?([\w-]+)"?\s*$', line)
                if restart and service:
                    policies[f"{project}-{service}-1"] = restart.group(1)
            return policies
    raise AssertionError(f"no cell writes {project_file}")


def test_the_compose_file_is_read_as_written():
    cell = '%%writefile x/compose.yaml\nname: p\nservices:\n  "no":\n    image: i\n    restart: "no"\n' \
           '  always:\n    image: i\n    restart: always\n  client:\n    image: busybox\n'
    assert compose_policies([cell], "x/compose.yaml") == {"p-no-1": "no", "p-always-1": "always", "p-client-1": "no"}


def waits_after_exit_requests(cells, policies):
    """[(container, restart policy, exit code asked for)] for each `docker wait` of the lesson."""
    project = next(iter(policies)).split("-")[0]
    asked, found = {}, []
    for source in cells:
        for line in source.splitlines():
            request = EXIT_REQUEST.search(line)
            if request:
                asked[f"{project}-{request.group(1)}-1"] = int(request.group(2))
            wait = WAIT.match(line.strip())
            if wait:
                for name in wait.group(1).split():
                    found.append((name, policies.get(name), asked.get(name)))
    return found


def test_the_rule_knows_which_policies_restart():
    assert not restarts("no", 1) and not restarts("on-failure", 0)
    assert restarts("on-failure", 1) and restarts("always", 0) and restarts("unless-stopped", 0)


def test_lesson_10_waits_only_for_containers_that_stay_ended():
    cells = code_cells(LESSON)
    waits = waits_after_exit_requests(cells, compose_policies(cells, "lesson10-restart/compose.yaml"))
    assert waits, "lesson 10 no longer shows docker wait"
    for name, policy, code in waits:
        assert policy is not None and code is not None, f"docker wait {name}: not a server the lesson ends"
        assert not restarts(policy, code), \
            f"docker wait {name} after /exit/{code}: the engine restarts it (restart: {policy}), so the wait races"


@pytest.mark.parametrize("cell, expected", [
    ("wget -qO- http://always:8080/exit/1\ndocker wait restart-always-1", [("restart-always-1", "always", 1)]),
    ("wget -qO- http://on-failure:8080/exit/0\ndocker wait restart-on-failure-1",
     [("restart-on-failure-1", "on-failure", 0)]),
])
def test_the_check_sees_the_waits_the_old_lesson_had(cell, expected):
    policies = {"restart-always-1": "always", "restart-on-failure-1": "on-failure"}
    assert waits_after_exit_requests([cell], policies) == expected
