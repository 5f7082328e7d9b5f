#!/usr/bin/python3
"""Stops the servers of students who went home: a JupyterHub service (the hub starts it and gives it
its token) that asks the hub's API for every user's server and its last activity, and stops a server
idle longer than the classroom's idle timeout (install/classroom start --idle-timeout MINUTES, 0 =
never). Debian has no jupyterhub-idle-culler; this is the same idea in a few lines.

Stopping a server ends the student's server and kernels only; the student's engine and containers
are not the hub's and keep running, so the next login finds them. The timeout is read from the
classroom's settings at every round, so `install/classroom start --idle-timeout M` changes it without
a restart of the hub.

Activity is what the hub knows: the server reports its own (API requests, kernels) every
JUPYTERHUB_ACTIVITY_INTERVAL seconds and the hub reads the proxy's every last_activity_interval;
install/classroom sets both to 60 s, so a server is stopped between the timeout and a minute after.
"""
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

ACTIVITY_INTERVAL = 60


def configure(c, settings, settings_path):
    """The service and its role, in the hub's configuration (jupyterhub_config.py)."""
    c.JupyterHub.services.append({
        "name": "classroom-culler",
        "command": ["/usr/bin/python3", os.path.abspath(__file__)],
        "environment": {"CLASSROOM_SETTINGS": settings_path, "LANG": "C.UTF-8"},
    })
    c.JupyterHub.load_roles.append({
        "name": "classroom-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["classroom-culler"],
    })
    c.JupyterHub.last_activity_interval = ACTIVITY_INTERVAL
    c.Spawner.environment["JUPYTERHUB_ACTIVITY_INTERVAL"] = str(ACTIVITY_INTERVAL)


def timeout_seconds(path):
    try:
        with open(path, encoding="utf-8") as f:
            return float(json.load(f).get("idle_timeout_minutes", 60)) * 60
    except (OSError, ValueError, TypeError, AttributeError):
        # a settings file half written or edited by hand: the default, never a culler that ends
        return 3600.0


def parse_time(text):
    if not text:
        return None
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def api(path, method="GET"):
    request = urllib.request.Request(
        os.environ["JUPYTERHUB_API_URL"].rstrip("/") + path, method=method,
        headers={"Authorization": f"token {os.environ['JUPYTERHUB_API_TOKEN']}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read()
        return json.loads(text) if text else None


def idle_servers(users, now, timeout):
    """(user, seconds idle) of each ready server idle for longer than timeout."""
    found = []
    for user in users:
        for server_name, server in (user.get("servers") or {}).items():
            if not server.get("ready") or server.get("pending"):
                continue
            times = [t for t in (parse_time(server.get("last_activity")), parse_time(server.get("started"))) if t]
            if not times:
                continue
            idle = (now - max(times)).total_seconds()
            if idle > timeout:
                found.append((user["name"], server_name, idle))
    return found


def cull_once(timeout):
    now = datetime.datetime.now(datetime.timezone.utc)
    for name, server_name, idle in idle_servers(api("/users?state=ready"), now, timeout):
        print(f"culler: stopping the server of {name} (idle {idle / 60:.1f} min)", flush=True)
        try:
            user, server = urllib.parse.quote(name, safe=""), urllib.parse.quote(server_name, safe="")
            api(f"/users/{user}/servers/{server}" if server_name else f"/users/{user}/server", "DELETE")
        except urllib.error.HTTPError as e:
            print(f"culler: the hub refused to stop the server of {name}: {e.code}", flush=True)


def main():
    settings = os.environ["CLASSROOM_SETTINGS"]
    last = 0.0
    while True:
        # The settings are read every 5 s (a new timeout applies at once); the hub is asked often
        # enough for the timeout, at most once a minute and never more than every 5 s.
        timeout = timeout_seconds(settings)
        if timeout > 0 and time.monotonic() - last >= max(5.0, min(60.0, timeout / 6)):
            last = time.monotonic()
            try:
                cull_once(timeout)
            except (OSError, ValueError) as e:
                print(f"culler: {e}", flush=True)
        time.sleep(5)


if __name__ == "__main__":
    sys.exit(main())
