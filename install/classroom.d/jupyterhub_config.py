# JupyterHub configuration for install/classroom. Every setting comes from the classroom's settings
# file (CLASSROOM_SETTINGS, written by install/classroom start), so this file has no state of its own.
#
# One server per student (JupyterLab, or Notebook 6 with start --classic: classroom_lab.py; PAM login,
# LocalProcessSpawner), on 127.0.0.1 only. Each server
# and every kernel it starts see DOCKER_HOST of the student's own rootless engine, and run in the
# student's own cgroup ("notebook"), apart from the engine's, so a container that eats memory is
# killed inside the engine's limit and never takes the student's kernel with it.
import json
import os
import pwd
import sys

from jupyterhub.spawner import LocalProcessSpawner

c = get_config()  # noqa: F821 (JupyterHub defines it while loading this file)

with open(os.environ["CLASSROOM_SETTINGS"], encoding="utf-8") as f:
    settings = json.load(f)
hub_dir = settings["hub_dir"]

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = settings["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings["hub_port"]
c.JupyterHub.db_url = "sqlite:///" + os.path.join(hub_dir, "jupyterhub.sqlite")
c.JupyterHub.cookie_secret_file = os.path.join(hub_dir, "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = os.path.join(hub_dir, "jupyterhub.pid")
# Stopping the hub stops every student's server (and so their kernels); engines are not the hub's.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
# Logging out stops the student's server and kernels (their memory comes back); the engine and its
# containers are not the hub's and keep running.
c.JupyterHub.shutdown_on_logout = True
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % settings["proxy_api_port"]
c.ConfigurableHTTPProxy.pid_file = os.path.join(hub_dir, "proxy.pid")
c.ConfigurableHTTPProxy.command = ["/usr/bin/configurable-http-proxy"]

c.Authenticator.allowed_users = set(settings["students"])
c.PAMAuthenticator.open_sessions = False  # no login session (pam_loginuid, utmp) for a web login

# install/classroom's own API client (status, bench, tests): a service with an admin role.
c.JupyterHub.services = [{"name": "classroom", "api_token": settings["service_token"]}]
c.JupyterHub.load_roles = [{
    "name": "classroom-admin",
    "scopes": ["admin:users", "admin:servers", "access:servers", "tokens", "list:users", "read:users"],
    "services": ["classroom"],
}]

CGROUP_CONTROLLERS = settings["cgroup_controllers"]
CGROUP_ROOT = settings["cgroup_root"]


def notebook_cgroups(name):
    return [os.path.join("/sys/fs/cgroup", ctl, CGROUP_ROOT, name, "notebook", "cgroup.procs")
            for ctl in CGROUP_CONTROLLERS]


class ClassroomSpawner(LocalProcessSpawner):
    """A LocalProcessSpawner that starts the server inside the student's notebook cgroup."""

    def make_preexec_fn(self, name):
        set_user = super().make_preexec_fn(name)
        procs_files = notebook_cgroups(name)

        def preexec():
            # Still root here (after fork, before exec): join the cgroups, then become the student.
            pid = str(os.getpid())
            for procs in procs_files:
                try:
                    with open(procs, "w") as f:
                        f.write(pid)
                except OSError as e:
                    print(f"classroom: cannot join {procs}: {e}", file=sys.stderr)
            set_user()

        return preexec


def docker_host(spawner):
    return "unix:///run/user/%d/docker.sock" % pwd.getpwnam(spawner.user.name).pw_uid


def runtime_dir(spawner):
    return "/run/user/%d" % pwd.getpwnam(spawner.user.name).pw_uid


c.JupyterHub.spawner_class = ClassroomSpawner
# A browser that opens a student URL while the server is down starts it after a second.
c.JupyterHub.implicit_spawn_seconds = 1
c.Spawner.cmd = ["/usr/bin/jupyterhub-singleuser"]
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/tree/lessons"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "DOCKER_HOST": docker_host,
    "XDG_RUNTIME_DIR": runtime_dir,
    "JUPYTER_PATH": settings["jupyter_path"],
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    # Debian's Notebook 6 (its /tree and /notebooks pages); without it jupyterhub-singleuser takes
    # jupyter_server, which serves no notebook pages here (JupyterLab is not packaged for Debian 12).
    "JUPYTERHUB_SINGLEUSER_APP": "notebook.notebookapp.NotebookApp",
}

# The modules below are imported from the checkout: nothing compiled is written into the work tree.
sys.dont_write_bytecode = True
# JupyterLab (or Notebook 6 with start --classic) with the port proxy, the idle culler (issue 21), the
# lecturer and the progress service (issue 20).
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import classroom_lab  # noqa: E402
import culler  # noqa: E402
import progress_hub  # noqa: E402

classroom_lab.configure(c, settings)
culler.configure(c, settings, os.environ["CLASSROOM_SETTINGS"])
progress_hub.configure(c, settings)
