"""The hub's side of the progress service and the lecturer (issue 20), kept apart from the rest of
jupyterhub_config.py: the lecturer is an allowed user and a JupyterHub admin; the progress service is
a managed service (the hub starts and stops it) at /services/progress/; every user may sign in to it
through OAuth (what each sees is the service's decision); every student's server, and so every
kernel it starts, knows the service's URL."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def configure(c, settings):
    lecturers = settings.get("lecturers", [])
    c.Authenticator.allowed_users = set(c.Authenticator.allowed_users) | set(lecturers)
    c.Authenticator.admin_users = set(lecturers)
    if not settings.get("progress_port"):
        return
    c.JupyterHub.services.append({
        "name": "progress",
        "url": "http://127.0.0.1:%d" % settings["progress_port"],
        "command": ["/usr/bin/python3", os.path.join(HERE, "progress_service.py")],
        "environment": {"CLASSROOM_SETTINGS": os.environ["CLASSROOM_SETTINGS"], "LANG": "C.UTF-8",
                        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        "oauth_no_confirm": True,
    })
    # The default "user" role, plus signing in to this one service (JupyterHub 3 grants no service by default).
    c.JupyterHub.load_roles.append({"name": "user", "scopes": ["self", "access:services!service=progress"]})
    # The kernels post straight to the service through the hub's proxy, with their server's token.
    environment = dict(c.Spawner.environment)
    environment["DOCKER_LESSONS_PROGRESS_URL"] = "http://127.0.0.1:%d/services/progress/" % settings["port"]
    c.Spawner.environment = environment
