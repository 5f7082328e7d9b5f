"""Each student's server: the project's JupyterLab (the default) or Notebook 6 (start --classic), with the
port proxy in either, configured into the hub (jupyterhub_config.py calls configure).

JupyterLab is Debian's jupyter_server under jupyterhub-singleuser with two server extensions from the
classroom's shared folder (install/classroom copies them there, readable by every student):
lab_app (install/lab/lab_app.py, serving the build of install/lab/build from shared/lab/build) and
port_proxy (/user/NAME/proxy/PORT/). A student's changed Lab settings and workspaces stay in
~/.jupyter/lab of that student.
"""
import os
import pwd

PORTS_SOCKET = "docker-ports.sock"  # in the student's /run/user/UID (mode 0700)


def shared_lab(settings):
    return os.path.join(settings["shared_dir"], "lab")


def ports_socket(uid):
    return f"/run/user/{uid}/{PORTS_SOCKET}"


def lessons_url(settings):
    return "/lab/tree/lessons" if settings.get("frontend", "lab") == "lab" else "/tree/lessons"


def configure(c, settings):
    lab_dir = shared_lab(settings)

    def home(spawner):
        return pwd.getpwnam(spawner.user.name).pw_dir

    env = c.Spawner.environment
    # The kernel makes its port links to /user/NAME/proxy/PORT/ and asks the dialer whether a port answers.
    env["DOCKER_CLASSROOM_PORTS_SOCKET"] = lambda spawner: ports_socket(pwd.getpwnam(spawner.user.name).pw_uid)
    env["PYTHONPATH"] = lab_dir
    c.Spawner.default_url = lessons_url(settings)
    if settings.get("frontend", "lab") == "lab":
        env["JUPYTERHUB_SINGLEUSER_APP"] = "jupyter_server.serverapp.ServerApp"
        env["DOCKER_LESSONS_LAB_DIR"] = lab_dir
        env["DOCKER_LESSONS_LAB_USER_DIR"] = lambda spawner: os.path.join(home(spawner), ".jupyter", "lab")
        c.Spawner.args = ["--config=" + os.path.join(lab_dir, "lab_server_config.py")]
    else:
        c.Spawner.args = ["--config=" + os.path.join(lab_dir, "classic_server_config.py")]


LAB_SERVER_CONFIG = """# The classroom's JupyterLab server (written by install/classroom).
c.ServerApp.jpserver_extensions = {"lab_app": True, "port_proxy": True}
"""
CLASSIC_SERVER_CONFIG = """# The classroom's Notebook 6 server (written by install/classroom).
c.NotebookApp.nbserver_extensions = {"port_proxy": True}
"""


def install(settings, root, lab_build):
    """The JupyterLab application and the two extensions into the shared folder (readable by every
    student); the build is copied again only when it changed (its .built-from key)."""
    import shutil
    lab_dir = shared_lab(settings)
    os.makedirs(lab_dir, 0o755, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    for src in (os.path.join(root, "install", "lab", "lab_app.py"), os.path.join(here, "port_proxy.py"),
                os.path.join(here, "port_dialer.py")):
        shutil.copyfile(src, os.path.join(lab_dir, os.path.basename(src)))
    for folder in ("templates", "settings"):
        shutil.rmtree(os.path.join(lab_dir, folder), ignore_errors=True)
        shutil.copytree(os.path.join(root, "install", "lab", folder), os.path.join(lab_dir, folder))
    with open(os.path.join(lab_dir, "lab_server_config.py"), "w") as f:
        f.write(LAB_SERVER_CONFIG)
    with open(os.path.join(lab_dir, "classic_server_config.py"), "w") as f:
        f.write(CLASSIC_SERVER_CONFIG)
    key = os.path.join("build", ".built-from")
    if lab_build:
        have = os.path.join(lab_dir, key)
        if not os.path.exists(have) or open(have).read() != open(os.path.join(os.path.dirname(lab_build), key)).read():
            shutil.rmtree(os.path.join(lab_dir, "build.tmp"), ignore_errors=True)
            shutil.copytree(lab_build, os.path.join(lab_dir, "build.tmp"))
            shutil.rmtree(os.path.join(lab_dir, "build"), ignore_errors=True)
            os.rename(os.path.join(lab_dir, "build.tmp"), os.path.join(lab_dir, "build"))
    for dirpath, dirnames, filenames in os.walk(lab_dir):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)
