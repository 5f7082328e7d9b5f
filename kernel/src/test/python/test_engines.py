"""The kernelspecs and the engines a person may have: the installed copy of the kernel outlives the
checkout; the "Docker" kernelspec follows the docker CLI's contexts; the lessons run on Podman's
Docker-compatible API (src/test/engines/podman-engine, started and stopped here) with
DOCKER_LESSONS_ENGINES=full (or DOCKER_LESSONS_PODMAN_LESSONS=01,03 for some)."""
import glob
import os
import shutil
import subprocess

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from conftest import ROOT, execute

JAR = os.path.join(ROOT, "kernel", "target", "docker-kernel.jar")
PODMAN = os.path.join(ROOT, "kernel", "src", "test", "engines", "podman-engine")
NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
# install/test gives the other engines about a minute and a half, and every lesson takes 2.5 minutes
# on Podman, so there the differential cases (PodmanEngineIT) stand for them; DOCKER_LESSONS_ENGINES=full
# runs every lesson on Podman, DOCKER_LESSONS_PODMAN_LESSONS=01,03 the lessons named.
PODMAN_LESSONS = "all" if os.environ.get("DOCKER_LESSONS_ENGINES") == "full" else \
    os.environ.get("DOCKER_LESSONS_PODMAN_LESSONS", "")
# Lesson 13 runs on its cluster of dockerd nodes (contexts node1..3), not on the session's engine: nothing of
# it would run on Podman (which has no Swarm), so it is not among the lessons run there.
PODMAN_NOTEBOOKS = [p for p in (NOTEBOOKS if PODMAN_LESSONS == "all" else
                                [p for p in NOTEBOOKS if os.path.basename(p)[:2] in PODMAN_LESSONS.split(",")])
                    if not os.path.basename(p).startswith("13-")]

# Where Podman 4.3.1 answers differently from Docker, the docker CLI shows the same; a lesson cell
# that fails on Podman for such a reason is listed here with the reason (README, "Engines").
PODMAN_KNOWN_DIFFERENCES = {}


def start(kernel_dir, name, env):
    manager = KernelManager(kernel_name=name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernel_dir]))
    manager.start_kernel(env=env)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    return manager, client


def clean_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKER_")}
    env.update(extra)
    return env


def test_the_installed_kernel_outlives_the_checkout(tmp_path):
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy2(JAR, checkout / "docker-kernel.jar")
    prefix = tmp_path / "prefix"
    subprocess.run(["java", "-jar", str(checkout / "docker-kernel.jar"), "install", "--prefix", str(prefix),
                    "--lessons-engine", os.environ["DOCKER_HOST"]], check=True, capture_output=True)
    shutil.rmtree(checkout)  # mvn clean, or the checkout moved
    kernels = str(prefix / "share" / "jupyter" / "kernels")
    found = KernelSpecManager(kernel_dirs=[kernels]).find_kernel_specs()
    assert found["docker"].startswith(kernels) and found["docker-lessons"].startswith(kernels)
    manager, client = start(kernels, "docker-lessons", clean_env())
    try:
        cell = execute(client, "docker ps")
        assert cell.status == "ok", cell.error
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def test_the_docker_kernelspec_follows_the_clis_current_context(tmp_path):
    config = tmp_path / "docker-config"
    cli = clean_env(DOCKER_CONFIG=str(config))
    docker = lambda *args: subprocess.run(["docker", *args], env=cli, check=True, capture_output=True)
    docker("context", "create", "lessons", "--docker", "host=" + os.environ["DOCKER_HOST"])
    docker("context", "create", "elsewhere", "--docker", "host=unix://" + str(tmp_path / "none.sock"))
    docker("context", "use", "lessons")
    kernels = os.path.join(os.environ["JUPYTER_DATA_DIR"], "kernels") if "JUPYTER_DATA_DIR" in os.environ else None
    spec_manager = KernelSpecManager(kernel_dirs=[kernels]) if kernels else KernelSpecManager()
    manager = KernelManager(kernel_name="docker", kernel_spec_manager=spec_manager)
    manager.start_kernel(env=cli)
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=60)
    try:
        assert execute(client, "docker ps").status == "ok"
        docker("context", "use", "elsewhere")  # in a terminal, while the kernel runs
        cell = execute(client, "docker ps")
        assert cell.status == "error"
        shown = "\n".join(cell.error["traceback"])
        # The place tried, named in the reader's language: 컨텍스트 "elsewhere" (context "elsewhere" in English).
        assert str(tmp_path / "none.sock") in shown and '컨텍스트 "elsewhere"' in shown, shown
        docker("context", "use", "lessons")
        assert execute(client, "docker ps").status == "ok"
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.fixture(scope="module")
def podman(tmp_path_factory):
    folder = os.path.join(ROOT, "kernel", "target", "engines", "podman-lessons")
    out = subprocess.run([PODMAN, "start", folder], check=True, capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in out.splitlines() if "=" in line)
    yield folder, values["DOCKER_HOST"]
    subprocess.run([PODMAN, "stop", folder], capture_output=True)


@pytest.mark.parametrize("path", PODMAN_NOTEBOOKS, ids=[os.path.basename(p) for p in PODMAN_NOTEBOOKS])
def test_every_lesson_runs_on_podman(podman, path, tmp_path):
    folder, host = podman
    notebook = nbformat.read(path, as_version=4)
    manager = KernelManager(kernel_name=notebook.metadata.kernelspec.name)
    manager.kernel_spec.env = {**manager.kernel_spec.env, "DOCKER_HOST": host}
    try:
        NotebookClient(notebook, km=manager, timeout=300, allow_errors=True,
                       resources={"metadata": {"path": str(tmp_path)}}).execute()
    finally:
        subprocess.run([PODMAN, "load", folder], check=True, capture_output=True)  # lesson 3 removes an image
    for cell in notebook.cells:
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
            continue
        errors = [o for o in cell.outputs if o.output_type == "error"]
        known = PODMAN_KNOWN_DIFFERENCES.get((os.path.basename(path), cell.source))
        if known:
            assert errors, f"fixed on Podman? {cell.source!r} was listed as: {known}"
            continue
        assert not errors, (cell.source, errors[0].get("traceback") if errors else None)
