"""install/classroom bench --progress: the progress service under a class's load. N simulated students
(hub users made for the run, each with a token of their own, as each kernel has its server's) post
checks at random for a while, as a kernel's record sends them; one listener plays the lecturer's page:
it follows the server-sent events and, on each, fetches the table the page draws (/state), one fetch at
a time as the page does. Reports the time from a check's post to the end of the first table fetch
that began after its event (what the lecturer sees), p50/p95, and the service's memory."""
import http.client
import json
import os
import pwd
import random
import subprocess
import threading
import time
import urllib.error
import urllib.request
import uuid

import hub_session
from bench import percentile  # the same interpolated percentile as the servers' bench


def service_processes(settings_path):
    """The pids of this classroom's progress service (its command and its settings file)."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"progress_service.py" not in f.read():
                    continue
            with open(f"/proc/{pid}/environ", "rb") as f:
                if f"CLASSROOM_SETTINGS={settings_path}".encode() in f.read().split(b"\0"):
                    pids.append(int(pid))
        except OSError:
            continue
    return pids


def memory_kib(pid):
    values = {}
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:"), ("status", "VmHWM:")):
        try:
            with open(f"/proc/{pid}/{name}") as f:
                for line in f:
                    if line.startswith(key):
                        values[key.rstrip(":")] = int(line.split()[1])
        except OSError:
            pass
    return values


class Page:
    """The lecturer's page, without the drawing: events in, one /state fetch at a time."""

    def __init__(self, classroom):
        self.classroom = classroom
        self.token = classroom.settings["service_token"]
        self.arrived = {}       # check id -> monotonic time its event arrived
        self.shown = {}         # check id -> monotonic time the table that follows it was fetched
        self.fetch_seconds = []
        self.pending = []
        self.lock = threading.Condition()
        self.stop = False

    def listen(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.classroom.settings["port"], timeout=60)
        conn.request("GET", "/services/progress/events", headers={"Authorization": f"token {self.token}"})
        response = conn.getresponse()
        assert response.status == 200, response.status
        while not self.stop:
            line = response.readline()
            if not line:
                break
            if line.startswith(b"data: "):
                data = json.loads(line[6:])
                if "id" in data:
                    with self.lock:
                        self.arrived[data["id"]] = time.monotonic()
                        self.pending.append(data["id"])
                        self.lock.notify()
        conn.close()

    def draw(self):
        while True:
            with self.lock:
                while not self.pending and not self.stop:
                    self.lock.wait(0.5)
                if self.stop and not self.pending:
                    return
                batch, self.pending = self.pending, []
            t0 = time.monotonic()
            request = urllib.request.Request(f"{self.classroom.base}/services/progress/state",
                                             headers={"Authorization": f"token {self.token}"})
            with urllib.request.urlopen(request, timeout=30) as r:
                r.read()
            done = time.monotonic()
            self.fetch_seconds.append(done - t0)
            for check in batch:
                self.shown[check] = done


def run(students=30, seconds=120, mean_interval=4.0):
    classroom = hub_session.Classroom()
    names = [f"{classroom.settings['account_prefix']}bench{i}" for i in range(1, students + 1)]
    # The hub's PAM authenticator knows only system accounts: each simulated student is one, without
    # a home, a shell, an engine or a server, made for the run and removed after it.
    made = []
    try:
        for n in names:
            try:
                pwd.getpwnam(n)
                raise SystemExit(f"bench: the account {n} exists already; a bench never takes over an account")
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                                "--comment", "classroom bench", n], check=True)
                made.append(n)
        classroom.api("/users", "POST", {"usernames": names})
        tokens = {n: classroom.user_token(n) for n in names}
        return measure(classroom, names, tokens, seconds, mean_interval)
    finally:
        for n in made:
            try:
                classroom.api(f"/users/{n}", "DELETE")
            except (urllib.error.HTTPError, OSError):
                pass
            subprocess.run(["userdel", n], check=False, stderr=subprocess.DEVNULL)


def measure(classroom, names, tokens, seconds, mean_interval):
    students = len(names)
    settings_path = os.path.join(classroom.state, "hub", "classroom.json")
    lessons = {}
    import lessonbook
    for lesson, exercises in lessonbook.catalogue(os.path.join(classroom.state, "shared", "lessons")).items():
        lessons[lesson] = [e[0] for e in exercises]
    choices = [(lesson, exercise) for lesson, exercises in lessons.items() for exercise in exercises]

    pids = service_processes(settings_path)
    before = {pid: memory_kib(pid) for pid in pids}
    page = Page(classroom)
    listener = threading.Thread(target=page.listen, daemon=True)
    drawer = threading.Thread(target=page.draw, daemon=True)
    listener.start()
    drawer.start()
    time.sleep(1)
    posted = {}
    errors = []
    load0 = os.getloadavg()[0]
    deadline = time.monotonic() + seconds

    def student(name):
        rng = random.Random(name)
        attempts = {}
        while True:
            time.sleep(rng.expovariate(1 / mean_interval))
            if time.monotonic() > deadline:
                return
            lesson, exercise = rng.choice(choices)
            attempts[(lesson, exercise)] = attempts.get((lesson, exercise), 0) + 1
            passed = rng.random() < 0.6
            check = uuid.uuid4().hex
            line = {"id": check, "student": name, "lesson": lesson, "exercise": exercise, "passed": passed,
                    "facts": [{"fact": f"container {exercise} running", "holds": passed,
                               **({} if passed else {"found": "exited 0"})}],
                    "attempt": attempts[(lesson, exercise)], "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                    "source": "kernel"}
            request = urllib.request.Request(f"{classroom.base}/services/progress/api/checks",
                                             data=(json.dumps(line) + "\n").encode(), method="POST",
                                             headers={"Authorization": f"token {tokens[name]}",
                                                      "Content-Type": "application/x-ndjson"})
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=30) as r:
                    r.read()
                posted[check] = t0
            except (OSError, urllib.error.HTTPError) as e:
                errors.append(f"{name}: {e}")

    threads = [threading.Thread(target=student, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(2)  # the last events and fetches
    page.stop = True
    load1 = os.getloadavg()
    after = {pid: memory_kib(pid) for pid in pids}
    latencies = [page.shown[c] - t0 for c, t0 in posted.items() if c in page.shown]
    events = [page.arrived[c] - t0 for c, t0 in posted.items() if c in page.arrived]
    lost = len(posted) - len(latencies)
    print(f"bench --progress: {students} simulated students posted {len(posted)} checks in {seconds:.0f} s "
          f"({len(posted) / seconds:.1f}/s; each student every {mean_interval:g} s on average), {len(errors)} errors, "
          f"{lost} never shown")
    print(f"  check -> page (post to the end of the table fetch after its event): p50 {percentile(latencies, 50) * 1000:.0f} ms"
          f"  p95 {percentile(latencies, 95) * 1000:.0f} ms  max {max(latencies, default=float('nan')) * 1000:.0f} ms"
          f"  (goal: p95 under 1000 ms)")
    print(f"  check -> event alone: p50 {percentile(events, 50) * 1000:.0f} ms  p95 {percentile(events, 95) * 1000:.0f} ms;"
          f" table fetches {len(page.fetch_seconds)}, p50 {percentile(page.fetch_seconds, 50) * 1000:.0f} ms")
    for pid in pids:
        b, a = before.get(pid, {}), after.get(pid, {})
        print(f"  service pid {pid}: PSS {b.get('Pss', 0) / 1024:.1f} -> {a.get('Pss', 0) / 1024:.1f} MiB, "
              f"RSS {a.get('VmRSS', 0) / 1024:.1f} MiB, peak RSS {a.get('VmHWM', 0) / 1024:.1f} MiB")
    print(f"  load average before {load0:.2f}, after {load1[0]:.2f} {load1[1]:.2f} {load1[2]:.2f} (2 cores)")
    for e in errors[:5]:
        print(f"  error: {e}")
    ok = not errors and not lost and percentile(latencies, 95) < 1.0
    return 0 if ok else 1
