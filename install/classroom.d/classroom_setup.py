"""Set-up of what every student shares: the Debian packages, the kernel jar (install/setup --private-engine)
and its class archive and kernelspec, the lesson images' tarball, JupyterLab with the port proxy and dialer,
and the lessons handed out into each home (install/classroom.d/publish.py)."""
import os
import shutil
import subprocess
import time

import classroom_lab  # JupyterLab in the students' servers
import publish  # the lessons handed out: students' copies without solutions, the publish rule
from classroom_state import (HANDED_OUT, HUB_DIR, IMAGES_TAR, LECTURER_LESSONS, LESSON_IMAGES, ROOT,
                             ROOTLESS_SCRIPT, SHARED_DIR, STATE, SYSTEM_PATH, fail, log)


PACKAGES = {  # command or file -> Debian package
    "/usr/bin/jupyterhub": "jupyterhub",
    "/usr/bin/newuidmap": "uidmap",
    "/usr/bin/rootlesskit": "rootlesskit",
    "/usr/bin/slirp4netns": "slirp4netns",
    ROOTLESS_SCRIPT: "docker.io",
    "/usr/bin/setpriv": "util-linux",
    "/usr/bin/nsenter": "util-linux",
    "/usr/sbin/useradd": "passwd",
    "/usr/sbin/chpasswd": "passwd",
    "/usr/bin/curl": "curl",
    "/usr/bin/ip": "iproute2",
    "/usr/lib/python3/dist-packages/websocket/__init__.py": "python3-websocket",  # bench's kernel client
}


def ensure_packages():
    missing = sorted({pkg for path, pkg in PACKAGES.items() if not os.path.exists(path)})
    if missing:
        log(f"installing {' '.join(missing)}")
        apt = ["apt-get", "-o", "DPkg::Lock::Timeout=600"]
        subprocess.run(apt + ["update", "-qq"], check=True)
        subprocess.run(apt + ["install", "-y", "-qq", "--no-install-recommends", *missing], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, stdout=subprocess.DEVNULL)


def build_kernel_and_images(run_setup):
    """install/setup --private-engine: the jar, the private engine and the lesson images in it.
    Returns the private engine's DOCKER_HOST (target/engine.env)."""
    if run_setup:
        subprocess.run([os.path.join(ROOT, "install", "setup"), "--private-engine"], check=True,
                       stdout=subprocess.DEVNULL)
    elif not os.path.exists(os.path.join(ROOT, "kernel", "target", "docker-kernel.jar")):
        fail("--no-setup: there is no kernel/target/docker-kernel.jar; run install/setup --private-engine")
    with open(os.path.join(ROOT, "target", "engine.env")) as f:
        values = dict(line.strip().split("=", 1) for line in f if "=" in line)
    return values["DOCKER_HOST"]


TRAINING_CELLS = ["docker ps -a", "docker images", "docker version", "docker run --rm busybox echo hi",
                  "docker run --help", "X=1", "docker rm no-such-container-training", "docker ps | x"]


def train_class_archive(jar, archive, private_host):
    """An AppCDS archive for the shared jar, as install/cds-archive makes one for the built jar (an
    archive names the jar's path, so that one does not fit the copy): a kernel run with
    -XX:ArchiveClassesAtExit through a few cells. Measured, each kernel then starts with about 1 CPU
    second less. The kernel's installer adds the archive to the kernelspec when it sits beside the jar."""
    log("training the class archive for the shared kernel jar")
    if os.path.exists(archive):
        os.remove(archive)
    training = os.path.join(HUB_DIR, "cds-training")
    shutil.rmtree(training, ignore_errors=True)
    os.makedirs(training)
    env = {"PATH": SYSTEM_PATH, "HOME": training, "LANG": "C.UTF-8", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
           "JUPYTER_PATH": os.path.join(training, "share", "jupyter"),
           "JUPYTER_RUNTIME_DIR": os.path.join(training, "runtime"), "JUPYTER_DATA_DIR": os.path.join(training, "data")}
    subprocess.run(["java", "-jar", jar, "install", "--prefix", training,
                    "--jvm-option", f"-XX:ArchiveClassesAtExit={archive}",
                    "--jvm-option", f"-Xlog:cds*=warning:file={os.path.join(training, 'cds.log')}",
                    "--env", f"DOCKER_HOST={private_host}"], check=True, env=env, stdout=subprocess.DEVNULL)
    script = (
        "import sys\n"
        "from jupyter_client.manager import start_new_kernel\n"
        "km, kc = start_new_kernel(kernel_name='docker', startup_timeout=120)\n"
        "for code in sys.argv[1:]:\n"
        "    kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)\n"
        "kc.stop_channels()\n"
        # The JVM writes the archive as it exits, which takes seconds on a busy machine: wait for
        # that rather than shutdown_kernel's 5 s before it kills the process.
        "km.request_shutdown()\n"
        "km.finish_shutdown(waittime=120)\n"
        "km.cleanup_resources()\n")
    result = subprocess.run(["/usr/bin/python3", "-c", script, *TRAINING_CELLS], env=env, cwd=training,
                            capture_output=True, timeout=300)
    for _ in range(50):  # the JVM writes the archive as it exits
        if os.path.exists(archive) and os.path.getsize(archive) > 0:
            break
        time.sleep(0.1)
    if os.path.exists(archive):
        os.chmod(archive, 0o644)
    else:
        log("no class archive (kernels start without it): " + result.stderr.decode(errors="replace")[-500:])


def install_shared(private_host, with_archive):
    """What every student reads: the kernel jar and its kernelspec, the images tarball, the lessons."""
    for path in (STATE, SHARED_DIR):
        os.makedirs(path, exist_ok=True)
        os.chmod(path, 0o755)
    kernel_dir = os.path.join(SHARED_DIR, "kernel")
    os.makedirs(kernel_dir, 0o755, exist_ok=True)
    jar = os.path.join(ROOT, "kernel", "target", "docker-kernel.jar")
    shared_jar = os.path.join(kernel_dir, "docker-kernel.jar")
    if not os.path.exists(shared_jar) or os.path.getmtime(jar) > os.path.getmtime(shared_jar):
        shutil.copy2(jar, shared_jar + ".tmp")
        os.replace(shared_jar + ".tmp", shared_jar)
    os.chmod(shared_jar, 0o644)
    archive = shared_jar[:-len(".jar")] + ".jsa"
    if not with_archive:
        if os.path.exists(archive):
            os.remove(archive)
    elif not os.path.exists(archive) or os.path.getmtime(archive) < os.path.getmtime(shared_jar):
        train_class_archive(shared_jar, archive, private_host)
    # The kernel's own installer, from the shared jar, into the classroom's Jupyter path (not the
    # machine's): the hub gives its servers JUPYTER_PATH=<this>/share/jupyter.
    prefix = os.path.join(SHARED_DIR, "jupyter")
    subprocess.run(["java", "-jar", shared_jar, "install", "--prefix", prefix, "--replace"], check=True,
                   stdout=subprocess.DEVNULL, env={"PATH": SYSTEM_PATH, "HOME": "/root", "LANG": "C.UTF-8"})
    for dirpath, dirnames, filenames in os.walk(prefix):
        os.chmod(dirpath, 0o755)
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), 0o644)

    # One tarball of the lesson images, saved again only when an image in the private engine changed.
    env = {"PATH": SYSTEM_PATH, "DOCKER_HOST": private_host, "HOME": "/root",
           "DOCKER_CONFIG": os.path.join(HUB_DIR, "docker-config")}
    ids = subprocess.run(["/usr/bin/docker", "image", "inspect", "-f", "{{.Id}}", *LESSON_IMAGES],
                         env=env, check=True, capture_output=True, text=True).stdout
    ids_file = IMAGES_TAR + ".ids"
    if not os.path.exists(IMAGES_TAR) or not os.path.exists(ids_file) or open(ids_file).read() != ids:
        log(f"saving {' '.join(LESSON_IMAGES)} to {IMAGES_TAR}")
        subprocess.run(["/usr/bin/docker", "save", "-o", IMAGES_TAR + ".tmp", *LESSON_IMAGES], env=env, check=True)
        os.chmod(IMAGES_TAR + ".tmp", 0o644)
        os.replace(IMAGES_TAR + ".tmp", IMAGES_TAR)
        with open(ids_file, "w") as f:
            f.write(ids)

    publish.share_lessons(os.path.join(ROOT, "notebooks"), os.path.join(SHARED_DIR, "lessons"), LECTURER_LESSONS)
    return os.path.join(prefix, "share", "jupyter")


def install_lab(settings):
    """JupyterLab (install/lab/build, a second in seconds once built) and the port proxy and dialer,
    into the shared folder."""
    build = None
    if settings["frontend"] == "lab":
        build = subprocess.run([os.path.join(ROOT, "install", "lab", "build")], check=True,
                               capture_output=True, text=True).stdout.strip().splitlines()[-1]
    classroom_lab.install(settings, ROOT, build)


def hand_out_lessons(roster, add_only, lecturers=()):
    """The lessons into each ~/lessons (install/classroom.d/publish.py); with add_only a lesson the
    student already has is left alone (start), else the publish rule applies. Students get the shared
    copies without solutions; the lecturers the full ones (LECTURER_LESSONS, root only)."""
    staging = os.path.join(HUB_DIR, "publish-staging")
    students = [(s.name, s.home, s.uid, s.gid) for s in roster if s.name not in lecturers]
    report = publish.publish(students, os.path.join(SHARED_DIR, "lessons"), HANDED_OUT, staging, add_only=add_only)
    teachers = [(s.name, s.home, s.uid, s.gid) for s in roster if s.name in lecturers]
    if teachers:
        report.update(publish.publish(teachers, LECTURER_LESSONS, HANDED_OUT, staging, add_only=add_only,
                                      copy=publish.lecturer_copy))
    return report
