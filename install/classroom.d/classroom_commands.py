"""install/classroom start, status, stop and publish (install/classroom's usage says what each does); they
put together the accounts, the engines, the shared set-up and the hub."""
import concurrent.futures
import os
import secrets
import subprocess

import classroom_lab  # JupyterLab in the students' servers
import publish  # the lessons handed out: students' copies without solutions, the publish rule
from classroom_accounts import Student, account_names, create_accounts, purge
from classroom_engines import (ensure_tun_device, load_images, make_cgroups, remove_cgroups, start_engine,
                               start_port_dialer, stop_engines, stop_port_dialer, wait_for_engines)
from classroom_hub import hub_answers, hub_api, hub_pid, start_hub, stop_hub, stop_notebooks
from classroom_processes import free_port, port_is_free
from classroom_setup import build_kernel_and_images, ensure_packages, hand_out_lessons, install_lab, install_shared
from classroom_state import (CGROUP_CONTROLLERS, ENGINES_DIR, HUB_DIR, LECTURER_LESSONS, PASSWORDS, ROOT,
                             SHARED_DIR, STATE, TOOL, fail, load_settings, log, save_settings)


def student_line(settings, student):
    return (f"student {student.name} DOCKER_HOST={student.docker_host} "
            f"URL=http://127.0.0.1:{settings['port']}/user/{student.name}{classroom_lab.lessons_url(settings)}")


def parse_size(text):
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = text.strip().lower()
    if text[-1:] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


DEFAULT_LIMITS = {"engine_memory": 2 << 30, "engine_pids": 2048, "notebook_memory": 1 << 30,
                  "notebook_pids": 1024, "cpus": 1.0}


def limits(args, before):
    """The limits asked for; what is not asked for stays as the classroom had it (or the default)."""
    result = dict(DEFAULT_LIMITS, **(before or {}))
    if args.memory:
        result["engine_memory"] = parse_size(args.memory)
    if args.notebook_memory:
        result["notebook_memory"] = parse_size(args.notebook_memory)
    if args.pids:
        result["engine_pids"] = args.pids
    if args.cpus:
        result["cpus"] = args.cpus
    return result


def cmd_start(args):
    ensure_packages()
    os.makedirs(HUB_DIR, exist_ok=True)
    os.chmod(HUB_DIR, 0o700)
    os.makedirs(ENGINES_DIR, 0o700, exist_ok=True)
    settings = load_settings() or {"created_accounts": [], "tun_mode_before": None}
    running = hub_pid(settings) if "port" in settings else None
    port = args.port or settings.get("port") or 8000
    if running and port != settings["port"]:
        fail(f"the classroom already runs on port {settings['port']}; stop it first")
    if not running and not port_is_free(port):
        fail(f"port {port} on 127.0.0.1 is in use; choose another with --port")
    students = account_names(args.account_prefix, args.students)
    frontend = "classic" if args.classic else "lab"
    lecturers = [args.lecturer] if args.lecturer else settings.get("lecturers", [])
    if args.lecturer and args.lecturer in students:
        fail(f"the lecturer {args.lecturer} cannot also be a student")
    if running and lecturers != settings.get("lecturers", []):
        log("the lecturer changed: restarting JupyterHub (engines and containers keep running)")
        stop_hub(settings)
        running = None
    if running and (students != settings["students"] or frontend != settings.get("frontend", "classic")):
        log("the list of students or the front end changed: restarting JupyterHub (engines and containers keep running)")
        stop_hub(settings)
        running = None
    settings.update({
        "port": port,
        "hub_port": settings.get("hub_port") if running else free_port(),
        "proxy_api_port": settings.get("proxy_api_port") if running else free_port(),
        "students": students,
        "account_prefix": args.account_prefix,
        "hub_dir": HUB_DIR,
        "cgroup_root": settings.get("cgroup_root") or "docker-classroom",
        "cgroup_controllers": CGROUP_CONTROLLERS,
        "service_token": settings.get("service_token") or secrets.token_hex(32),
        "proxy_token": settings.get("proxy_token") or secrets.token_hex(32),
        "limits": limits(args, settings.get("limits")),
        "frontend": frontend,
        "shared_dir": SHARED_DIR,
        # Read by the culler at every round: a new value needs no restart of the hub.
        "idle_timeout_minutes": args.idle_timeout if args.idle_timeout is not None
        else settings.get("idle_timeout_minutes", 60),
        # The lecturer and the progress service (install/classroom.d/progress_hub.py).
        "lecturers": lecturers,
        "state": STATE,
        "lecturer_lessons": LECTURER_LESSONS,
        "progress_port": settings.get("progress_port") if running else free_port(),
        "tool": TOOL,
    })
    save_settings(settings)

    if not args.no_setup:
        log("building the kernel and the lesson images (install/setup --private-engine)")
    private_host = build_kernel_and_images(not args.no_setup)
    settings["jupyter_path"] = install_shared(private_host, not args.no_class_archive)
    install_lab(settings)
    save_settings(settings)
    ensure_tun_device(settings)
    new_passwords = create_accounts(settings, students + lecturers)

    roster = [Student(name, settings["cgroup_root"]) for name in students + lecturers]
    hand_out_lessons(roster, add_only=True, lecturers=lecturers)
    for student in roster:
        make_cgroups(student, settings["limits"])
    started = [(s, start_engine(s)) for s in roster]
    fresh = sum(1 for _, proc in started if proc is not None)
    log(f"rootless engines: {fresh} starting, {len(roster) - fresh} already running")
    wait_for_engines(started)
    for student in roster:
        start_port_dialer(student)
    # Each engine loads the one tarball; the loads run side by side.
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(load_images, roster))
    if not running:
        log(f"starting JupyterHub on http://127.0.0.1:{port}/")
        start_hub(settings)
    for name, password in new_passwords:
        print(f"password {name} {password}")
    if new_passwords:
        log(f"passwords are kept in {PASSWORDS} (root only)")
    for student in roster:
        if student.name in lecturers:
            print(f"lecturer {student.name} URL=http://127.0.0.1:{port}/services/progress/")
        else:
            print(student_line(settings, student))
    return 0


def cmd_status(args):
    settings = load_settings()
    if not settings or "students" not in settings:
        print("classroom: not set up")
        return 1
    pid = hub_pid(settings)
    ok = pid is not None and hub_answers(settings)
    print(f"hub {'running' if ok else 'stopped'}" + (f" pid {pid}" if pid else "")
          + f" URL=http://127.0.0.1:{settings['port']}/")
    servers = {}
    if ok:
        for user in hub_api(settings, "/users"):
            servers[user["name"]] = "running" if user.get("servers", {}).get("", {}).get("ready") else "stopped"
    for name in settings["students"]:
        try:
            student = Student(name, settings["cgroup_root"])
        except KeyError:
            print(f"student {name} missing")
            ok = False
            continue
        engine = student.engine_pid()
        answers = engine is not None and student.engine_answers()
        containers = "-"
        if answers:
            out = student.docker("ps", "-a", "--format", "{{.State}}", capture_output=True, text=True).stdout.split()
            containers = f"{len(out)} ({out.count('running')} running)"
        print(f"student {name} engine {'running pid ' + str(engine) if answers else 'stopped'} "
              f"containers {containers} server {servers.get(name, 'stopped')} DOCKER_HOST={student.docker_host}")
        ok = ok and answers
    return 0 if ok else 1


def cmd_stop(args):
    settings = load_settings()
    if not settings:
        print("classroom: nothing to stop")
        return 0
    stop_hub(settings)
    names = settings.get("students", [])
    roster = []
    for name in sorted(set(names) | set(settings.get("created_accounts", []))):
        try:
            roster.append(Student(name, settings.get("cgroup_root", "docker-classroom")))
        except KeyError:
            pass
    for student in roster:
        stop_notebooks(student)
        stop_port_dialer(student)
    stop_engines(roster)
    for student in roster:
        if os.path.exists(f"/run/netns/{student.netns}"):
            subprocess.run(["ip", "netns", "del", student.netns], check=False)
    remove_cgroups(settings.get("cgroup_root", "docker-classroom"), [s.name for s in roster])
    if settings.get("tun_mode_before") is not None:
        os.chmod("/dev/net/tun", settings["tun_mode_before"])
        settings["tun_mode_before"] = None
        save_settings(settings)
    log("stopped: hub, servers, kernels and engines (containers and homes are kept)")
    if args.purge:
        purge(settings)
    return 0


def cmd_publish(args):
    settings = load_settings()
    if not settings or "students" not in settings:
        fail("no classroom here: run install/classroom start first")
    source = os.path.abspath(args.dir or os.path.join(ROOT, "notebooks"))
    if not os.path.isdir(source):
        fail(f"{source}: no such folder")
    names = publish.share_lessons(source, os.path.join(SHARED_DIR, "lessons"), LECTURER_LESSONS)
    log(f"publishing {len(names)} lessons of {source}")
    lecturers = settings.get("lecturers", [])
    roster = [Student(name, settings["cgroup_root"]) for name in settings["students"] + lecturers]
    report = hand_out_lessons(roster, add_only=False, lecturers=lecturers)
    for student in roster:
        done = report.get(student.name)
        if isinstance(done, str):
            print(f"student {student.name}: {done}")
            continue
        # What this publish did; a lesson already current (or whose new version is already beside it) is not news.
        changes = [f"{lesson} {what}" for lesson, what in done if what != "current" and "already" not in what]
        print(f"student {student.name}: " + ("; ".join(changes) if changes else "every lesson is current"))
    return 0
