"""JupyterHub (install/classroom.d/jupyterhub_config.py) started and stopped by install/classroom, its REST
API as the classroom's service, and the students' servers it leaves behind."""
import json
import os
import subprocess
import time
import urllib.request

from classroom_processes import cgroup_pids, end_process, is_ours, read_pid
from classroom_state import HERE, HUB_DIR, SETTINGS, SYSTEM_PATH, fail, write


def hub_api(settings, path, method="GET", body=None, timeout=10):
    request = urllib.request.Request(
        f"http://127.0.0.1:{settings['port']}/hub/api{path}", method=method,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"token {settings['service_token']}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read()
        return json.loads(text) if text else None


def hub_answers(settings):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{settings['port']}/hub/api", timeout=2) as r:
            return "version" in json.loads(r.read())
    except (OSError, ValueError):
        return False


def hub_pid(settings):
    pid = read_pid(os.path.join(HUB_DIR, "hub-process.pid"))
    return pid if is_ours(pid, uid=0, program="jupyterhub") else None


def start_hub(settings):
    logfile = open(os.path.join(HUB_DIR, "jupyterhub.log"), "ab")
    env = {"PATH": SYSTEM_PATH, "LANG": "C.UTF-8", "HOME": HUB_DIR,
           # Debian's configurable-http-proxy finds its modules only here (the machine's node is 20.x).
           "NODE_PATH": "/usr/share/nodejs",
           "CONFIGPROXY_AUTH_TOKEN": settings["proxy_token"],
           "CLASSROOM_SETTINGS": SETTINGS}
    proc = subprocess.Popen(
        ["/usr/bin/python3", "/usr/bin/jupyterhub", "-f", os.path.join(HERE, "jupyterhub_config.py")],
        env=env, cwd=HUB_DIR, stdin=subprocess.DEVNULL, stdout=logfile, stderr=logfile,
        start_new_session=True)
    logfile.close()
    write(os.path.join(HUB_DIR, "hub-process.pid"), proc.pid)
    deadline = time.monotonic() + 60
    while not hub_answers(settings):
        if proc.poll() is not None:
            tail = open(os.path.join(HUB_DIR, "jupyterhub.log"), errors="replace").read()[-3000:]
            fail(f"JupyterHub exited; the end of {HUB_DIR}/jupyterhub.log:\n{tail}")
        if time.monotonic() > deadline:
            fail(f"JupyterHub did not answer within 60s; see {HUB_DIR}/jupyterhub.log")
        time.sleep(0.3)


def stop_hub(settings):
    # The hub stops the students' servers (cleanup_servers) and its proxy as it exits.
    end_process(hub_pid(settings), 60, "JupyterHub")
    proxy = read_pid(os.path.join(HUB_DIR, "proxy.pid"))
    if is_ours(proxy, uid=0, program="configurable-http-proxy"):
        end_process(proxy, 10, "configurable-http-proxy")
    for name in ("hub-process.pid", "proxy.pid", "jupyterhub.pid"):
        try:
            os.remove(os.path.join(HUB_DIR, name))
        except FileNotFoundError:
            pass


def stop_notebooks(student):
    """Servers, kernels and terminals the hub left behind, found by the student's notebook cgroup."""
    for pid in cgroup_pids(student.cgroup("pids", "notebook")):
        end_process(pid, 10, f"a notebook process of {student.name}")
