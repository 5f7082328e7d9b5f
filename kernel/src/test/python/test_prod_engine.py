"""Lesson 11's production server (install/prod-engine): a second private engine behind the context
prod, with no route off the machine, holding busybox; the lessons' registry (a container published on
5000 in the lessons engine's namespace) answers it as localhost:5000, so a cell pushes with the
notebook's engine and pulls and runs with `docker -c prod`, as the lesson does."""
import json
import os
import subprocess
import uuid

import pytest

from conftest import ROOT, cli, execute, require_private_engine, start_kernel, stop_kernel

PROD_ENGINE = os.path.join(ROOT, "install", "prod-engine")


@pytest.fixture(scope="module")
def prod():
    """The production engine's DOCKER_HOST (started unless it answers, as install/lessons does)."""
    require_private_engine()
    out = subprocess.run([PROD_ENGINE, "start"], check=True, capture_output=True, text=True, timeout=300).stdout
    return out.strip().splitlines()[-1].split("=", 1)[1]


def test_the_prod_context_names_a_private_engine_of_its_own_with_busybox_and_no_route_out(prod):
    assert prod != os.environ["DOCKER_HOST"]
    found = cli("context", "inspect", "prod", "--format", "{{.Endpoints.docker.Host}}")
    assert found.stdout.decode().strip() == prod
    info = json.loads(cli("-c", "prod", "info", "--format", "{{json .}}").stdout)
    assert "io.github.dockerlessons.private=1" in info["Labels"] and info["Name"] == "prod"
    assert cli("-c", "prod", "image", "inspect", "busybox").returncode == 0
    netns = (os.environ.get("DOCKER_LESSONS_NETNS") or "docker-lessons") + "-prod"
    routes = subprocess.run(["ip", "-n", netns, "route", "show", "default"], check=True, capture_output=True,
                            text=True).stdout
    assert routes.strip() == ""


def test_a_cell_pushes_to_the_lessons_registry_and_prod_pulls_it_from_localhost_5000_and_runs_it(prod):
    name = f"prodtest-{uuid.uuid4().hex[:8]}"
    image = f"localhost:5000/{name}:1"
    manager, client = start_kernel()
    try:
        cell = execute(client, f"docker run -d --name {name}-registry -p 5000:5000 registry\n"
                               f"docker tag busybox {image}\n"
                               f"docker push {image}")
        assert cell.status == "ok", cell.error_text
        cell = execute(client, f"docker -c prod pull {image}\n"
                               f"docker -c prod run --rm {image} echo 운영에서 실행")
        assert cell.status == "ok", cell.error_text
        assert f"Status: Downloaded newer image for {image}" in cell.shown_text()
        assert "운영에서 실행" in cell.stream("stdout")
        # Prod pulled it; the notebook's engine still knows only its own tag.
        assert cli("-c", "prod", "image", "inspect", image).returncode == 0
    finally:
        stop_kernel(manager, client)
        cli("-c", "prod", "rmi", image)
        cli("rm", "-f", f"{name}-registry")
        cli("rmi", image)


def test_without_the_registry_prod_is_refused_as_a_pull_from_an_absent_registry(prod):
    manager, client = start_kernel()
    try:
        cell = execute(client, "docker -c prod pull localhost:5000/nothing-here:1")
        assert cell.status == "error"
        assert "localhost:5000" in cell.shown_text()
    finally:
        stop_kernel(manager, client)


def test_the_handouts_reset_leaves_prod_with_busybox_alone(prod):
    """What a lesson leaves on prod (a container, a pulled image) is gone before the next lesson, and
    busybox is back if a lesson removed it: both handout runs start lesson 11 from the same prod."""
    name = f"prodtest-{uuid.uuid4().hex[:8]}"
    cli("-c", "prod", "tag", "busybox", f"{name}:1")
    cli("-c", "prod", "run", "-d", "--name", name, "-v", f"{name}:/data", "busybox", "sleep", "600")
    reset = f"""
import importlib.machinery, importlib.util
loader = importlib.machinery.SourceFileLoader("li", {os.path.join(ROOT, "install", "lesson-images")!r})
m = importlib.util.module_from_spec(importlib.util.spec_from_loader("li", loader)); loader.exec_module(m)
m.reset({prod!r}, keep=("busybox",))
"""
    subprocess.run(["/usr/bin/python3", "-c", reset], check=True, capture_output=True, timeout=120)
    images = cli("-c", "prod", "images", "-a", "--format", "{{.Repository}}:{{.Tag}}").stdout.decode().split()
    assert images == ["busybox:latest"]
    assert cli("-c", "prod", "ps", "-aq").stdout == b"" and cli("-c", "prod", "volume", "ls", "-q").stdout == b""
