#!/usr/bin/python3
"""The lessons' JupyterLab: serves the application that install/lab/build made (target/lab/build)
with Debian's jupyter_server and jupyterlab_server. Any jupyter_server option may follow, e.g.

  /usr/bin/python3 install/lab/lab_app.py --ServerApp.ip=127.0.0.1 --ServerApp.port=8888 \
      --ServerApp.root_dir=notebooks --ServerApp.token=SECRET

--DockerLessonsLab.expose_app=True makes the application reachable as window.jupyterapp (for the
browser tests).
DOCKER_LESSONS_LAB_DIR names the folder holding build/ (default: target/lab of this checkout);
settings a user changes and saved workspaces stay in that folder too (or in DOCKER_LESSONS_LAB_USER_DIR),
unless --DockerLessonsLab.user_settings_dir / --DockerLessonsLab.workspaces_dir say otherwise.
"""
import os
import sys

from jupyterlab_server import LabServerApp
from traitlets import Bool, default

HERE = os.path.dirname(os.path.abspath(__file__))
LAB_DIR = os.path.abspath(os.environ.get("DOCKER_LESSONS_LAB_DIR") or os.path.join(HERE, "..", "..", "target", "lab"))
BUILD = os.path.join(LAB_DIR, "build")
# Where a user's changed settings and workspaces go: beside the build, unless given (a classroom gives
# each student ~/.jupyter/lab, since the build is shared and read-only there).
USER_DIR = os.path.abspath(os.environ.get("DOCKER_LESSONS_LAB_USER_DIR") or LAB_DIR)

# Configuration files of a Jupyter installation (server extensions, Notebook options) are not this
# application's: it serves only what it was built with.
os.environ["JUPYTER_NO_CONFIG"] = "1"


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": DockerLessonsLab}]


class DockerLessonsLab(LabServerApp):
    name = "docker_lessons_lab"
    app_name = "JupyterLab"
    app_version = "3.6.8"
    extension_url = "/lab"
    default_url = "/lab"
    load_other_extensions = False
    static_dir = BUILD
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    templates_dir = os.path.join(HERE, "templates")
    # Defaults of this application (settings/overrides.json): no news or update checks, which would
    # ask a website the classroom may not reach.
    app_settings_dir = os.path.join(HERE, "settings")

    # What a user changes stays beside the build; the tests point these at folders of their own.
    @default("user_settings_dir")
    def _user_settings_dir(self):
        return os.path.join(USER_DIR, "user-settings")

    @default("workspaces_dir")
    def _workspaces_dir(self):
        return os.path.join(USER_DIR, "workspaces")

    expose_app = Bool(False, config=True, help="Expose the application as window.jupyterapp.")

    def initialize_settings(self):
        super().initialize_settings()
        settings = self.serverapp.web_app.settings
        # The application has no terminal: cells reach containers through the Docker kernel.
        settings["terminals_available"] = False
        page_config = settings.setdefault("page_config_data", {})
        page_config["exposeAppInBrowser"] = "true" if self.expose_app else "false"


if __name__ == "__main__":
    if not os.path.isfile(os.path.join(BUILD, "bundle.js")):
        sys.exit(f"lab: no application in {BUILD}; run install/lab/build first")
    DockerLessonsLab.launch_instance()
