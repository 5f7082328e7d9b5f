"""Issue 9, a protocol fuzz: 2,000 generated cells, plausible and hostile, each sent through
jupyter_client to the installed kernel on the private engine. Every request is answered within a
bound (a cell still running after 3 s is interrupted, and must then end within the stop button's
2 s), the kernel stays alive, and no error or output shows Java text.

The generator is seeded, so a finding is reproduced by its cell number: the fixed seed runs 2,000 cells
(FUZZ_CELLS), and a new seed each run 300 more (FUZZ_NEW_CELLS), its number printed in the test's name,
the findings file and pytest's summary; FUZZ_SEED=N replays it.

Everything a cell may create carries this run's prefix or label; commands that remove, stop
or rename get only those names as literals, never a substitution, so the fuzz never touches another
test's objects. Findings are written to target/test-reports/fuzz-findings.txt."""
import os
import random
import time
import uuid

import pytest

from abuse import process_ended, published_until_idle, reply_pressing_stop
from conftest import ROOT, Cell, cli, java_text, require_private_engine, start_kernel, stop_kernel

FIXED_SEED = 20240909
CELLS = int(os.environ.get("FUZZ_CELLS", "2000"))
# A new seed each run, as well as the fixed one: FUZZ_SEED replays a run (its number is in the test's
# name, in the findings file and in pytest's summary); a few hundred cells keep the suite's time.
NEW_SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(1, 2 ** 31))
NEW_CELLS = int(os.environ.get("FUZZ_NEW_CELLS", "300"))
RUN = "fz" + uuid.uuid4().hex[:5]
LABEL = f"io.github.dockerlessons.test={RUN}"
REPLY_S = 5.0           # a cell still running after this is interrupted (a loaded CI machine is slow)
BLOCKING_REPLY_S = 0.5  # a cell that follows or waits on purpose is interrupted after this
AFTER_INTERRUPT_S = 5.0  # then it must end: the stop button's 2 s, with room for a loaded machine

SAFE_SUBCOMMANDS = ["ps", "images", "inspect", "version", "info", "history", "top", "port", "logs", "stats",
                    "system df", "volume ls", "network ls", "container ls", "image ls", "volume inspect",
                    "network inspect", "exec", "cp", "pull", "build", "run", "create", "start", "tag",
                    "volume create", "network create"]
# Commands that follow or wait until stopped; the fuzz presses the stop button on them at once.
BLOCKING = [f"docker logs -f {{run}}", "docker events", f"docker wait {{run}}", f"docker attach {{run}}",
            "docker stats", f"docker logs --follow --tail 1 {{run}}", f"docker stats {{run}}",
            f"docker run --rm --label {{label}} busybox sleep 30", f"docker exec {{run}} sleep 30"]
NAMED_ONLY = ["rm", "rmi", "stop", "kill", "restart", "pause", "unpause", "rename", "volume rm", "network rm",
              "network connect", "network disconnect", "image rm", "container rm"]
UNKNOWN = ["frobnicate", "push", "login", "swarm", "compose", "container frob", "image frob", "system prune-x",
           "run-", "PS", "ps\u200b", "도커", "volume", "network", "container", "image", "system", ""]
FLAGS = ["-a", "-q", "--no-trunc", "-s", "-l", "-n", "-f", "--filter", "--format", "-t", "--time", "--tail",
         "--since", "--until", "-d", "--rm", "-i", "-it", "-e", "--env", "-p", "--name", "--label", "-l", "-u",
         "-w", "--entrypoint", "--digests", "--type", "--signal", "-s", "--follow", "--timestamps", "-L",
         "--help", "-h", "--frob", "-", "--", "---", "-zz", "--format=", "--filter=", "-n=-1", "--tail=all",
         "--memory", "-m", "--cpus", "--restart", "--network", "--mount", "--init", "--privileged-x"]
TEMPLATES = ["{{.Names}}", "{{.ID}}", "{{json .}}", "{{.Label \"x\"}}", "{{range .}}{{.}}{{end}}", "{{index . 1}}",
             "table {{.Names}}\\t{{.Status}}", "{{printf \"%d\" .}}", "{{.Server.Version}}", "{{.Client.Os}}",
             "{{", "}}", "{{.", "{{end}}", "{{template \"x\"}}", "{{define \"x\"}}{{end}}", "{{.Nope.Deeper}}",
             "{{split .Names \",\"}}", "{{join .Names 1}}", "{{len .}}", "{{slice .ID 0 99}}", "{{$x := 1}}{{$x}}",
             "{{.Size | printf \"%s\"}}", "{{if .}}x{{else}}y{{end}}", "{{with $}}{{end}}", "json", "table",
             "{{pad .Names 99999999 2}}", "{{truncate .ID -1}}", "{{upper 1}}", "{{call .ID}}"]
WORDS = ["busybox", "hello-world", "redis", "a$b", "q$1", "x\\y", "안녕하세요", "😀", "e\u0301", "\u202etxt",
         "a\u200db", "name=fz", "label=x", "status=running", "status=nope", "dangling=true", "before=x", "99999999999999999999999",
         "-1", "0", "1e309", "NaN", "0x7fffffff", "2147483648", "-9223372036854775809", "1h", "-5m", "@", ":", "::",
         "a:b:c", ":/", "/:/", "x:/etc/passwd", "*", "?", "[", "~", "%s%n%x", "%!", "\\", "\\\\", "''", "\"\"",
         "\\n", "$$", "$?", "${X}", "${", "$X", "$(", "`", "{}", "[]", "null", "true", "\t", " "]
SAFE_PROGRAMS = ["echo {w}", "true", "false", "sh -c 'exit {n}'", "seq {n}", "printf '%s\\n' {w}", "cat /etc/hostname",
                 "echo 한글 😀", "head -c {n} /dev/zero", "sh -c 'echo out; echo err >&2'", "env", "nosuchprogram"]


class Generator:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.count = 0

    def name(self):
        self.count += 1
        return self.r.choice([f"{RUN}-run", f"{RUN}-stopped", f"{RUN}-{self.count}", f"{RUN}-vol", f"{RUN}-net",
                              f"{RUN}-img", f"{RUN}-nope", f"{RUN}-{self.r.randint(0, 99)}"])

    def word(self):
        r = self.r
        pick = r.random()
        if pick < 0.35:
            return r.choice(WORDS)
        if pick < 0.5:
            return self.name()
        if pick < 0.6:
            return "'" + r.choice(TEMPLATES) + "'"
        if pick < 0.7:
            return "".join(r.choice("abcxyz-_.:/=@%+,") for _ in range(r.randint(1, 12)))
        if pick < 0.75:
            return "".join(chr(r.randint(1, 0x2fff)) for _ in range(r.randint(1, 6)))
        if pick < 0.8:
            return "".join(chr(r.randint(0, 31)) for _ in range(r.randint(1, 3)))
        if pick < 0.84:
            return "x" * r.choice([100, 1000, 10_000, 100_000])
        if pick < 0.9:
            return self.substitution()
        if pick < 0.95:
            return r.choice(['"', "'", "\\", "$(", ")", "`", "${", "<<", "|", ">", "&", "||", ";", "&&", "(", "#"])
        return str(r.choice([0, 1, -1, 7, 255, 256, 65535, 65536, 2 ** 31, 2 ** 63, 10 ** 30]))

    def substitution(self, depth=0):
        r = self.r
        inner = r.choice([f"docker ps -q --filter label={LABEL}", "docker version --format '{{.Server.Version}}'",
                          f"docker inspect -f '{{{{.Name}}}}' {RUN}-run", "docker images -q busybox",
                          f"docker ps -a --format '{{{{.Names}}}}' --filter name={RUN}", "docker frob", "",
                          "docker ps --format '{{.Nope}}'"])
        if depth < 3 and r.random() < 0.2:
            inner = inner + " " + self.substitution(depth + 1)
        if r.random() < 0.25:
            return "`" + inner + "`"
        return ("\"$(" if r.random() < 0.3 else "$(") + inner + (")\"" if r.random() < 0.3 else ")")

    def flags(self, k):
        out = []
        for _ in range(k):
            flag = self.r.choice(FLAGS)
            out.append(flag)
            if not flag.startswith("--") or self.r.random() < 0.6:
                if self.r.random() < 0.6:
                    out.append(self.word())
        return out

    def safe_command(self):
        r = self.r
        sub = r.choice(SAFE_SUBCOMMANDS + UNKNOWN[:4])
        if sub in ("run", "create"):
            args = ["--label", LABEL, "--name", f"{RUN}-{r.randint(0, 10**6)}"]
            args += self.flags(r.randint(0, 3))
            if sub == "run" and r.random() < 0.7:
                args.insert(0, "--rm")
            args.append(r.choice(["busybox", "hello-world", "busybox", f"{RUN}-img", f"{RUN}-nope:latest"]))
            program = r.choice(SAFE_PROGRAMS).format(w=self.word() if r.random() < 0.5 else "x", n=r.randint(0, 300))
            if "{" not in program:
                args.append(program)
            return f"docker {sub} " + " ".join(args)
        if sub == "cp":
            local = f"{RUN}-file-{r.randint(0, 9)}"
            src = r.choice([f"{RUN}-run:/etc/hostname", f"{RUN}-run:/etc", f"{RUN}-run:/nope", f"{RUN}-nope:/x",
                            f"{RUN}-run:" + self.word()])
            return r.choice([f"docker cp {src} {local}", f"docker cp {local} {RUN}-run:/tmp/",
                             f"docker cp {src} -", f"docker cp {src}"])
        if sub in ("volume create", "network create"):
            return f"docker {sub} {' '.join(self.flags(r.randint(0, 2)))} {RUN}-{sub.split()[0]}-{r.randint(0, 9)}"
        if sub == "build":
            return f"docker build {' '.join(self.flags(r.randint(0, 2)))} {r.choice(['.', '/nonexistent', '-', self.word()])}"
        if sub == "tag":
            return f"docker tag {r.choice(['busybox', f'{RUN}-nope', self.word()])} {RUN}-img:{r.randint(0, 3)}"
        if sub == "exec":
            return f"docker exec {' '.join(self.flags(r.randint(0, 2)))} {r.choice([f'{RUN}-run', f'{RUN}-nope'])} " \
                   + r.choice(SAFE_PROGRAMS).format(w=self.word(), n=r.randint(0, 50))
        words = self.flags(r.randint(0, 3)) + [self.word() for _ in range(r.randint(0, 3))]
        return f"docker {sub} " + " ".join(words)

    def named_command(self):
        r = self.r
        sub = r.choice(NAMED_ONLY)
        flags = r.choice(["", "-f", "-t 0", "-t 1", "--time=0", "-s KILL", "-v", "--frob", "-t 99999999999999"])
        if sub in ("stop", "restart") and "99999" in flags:
            flags = "-t 1"
        if sub in ("stop", "restart") and "-t" not in flags:
            flags += " -t 0"
        targets = " ".join(r.choice([f"{RUN}-{r.randint(0, 10**6)}", f"{RUN}-nope", f"{RUN}-stopped",
                                     f"'{RUN}-a$b'", f"{RUN}-img:{r.randint(0, 3)}", f"{RUN}-vol-{r.randint(0, 9)}",
                                     f"{RUN}-net-{r.randint(0, 9)}"]) for _ in range(r.randint(0, 3)))
        if sub == "rename":
            targets = f"{RUN}-{r.randint(0, 10**6)} {RUN}-renamed-{r.randint(0, 10**6)}"
        return f"docker {sub} {flags} {targets}"

    def magic(self):
        r = self.r
        return r.choice([
            f"%output_limit {r.choice(['1K', '10M', '0', 'none', '-1', 'x', '1e309', '99999999999G', '', '11'])}",
            f"%lang {r.choice(['ko', 'en', 'fr', '', 'ko en'])}",
            f"%%writefile {RUN}-file-{r.randint(0, 9)}\nFROM busybox\n{self.word()}\n",
            f"%%writefile -a {RUN}-file-{r.randint(0, 9)}\n{self.word()}\n",
            f"%{self.word()}", "%%", "%%frob", "%", "%output_limit\n%output_limit 1M 2M",
        ])

    def heredoc(self):
        r = self.r
        delimiter = r.choice(["EOF", "'EOF'", "\"EOF\"", "-EOF", "END", "E O F", "", "$X", "😀"])
        body = "\n".join(self.word() for _ in range(r.randint(0, 5)))
        close = "" if r.random() < 0.15 else "\n" + delimiter.strip("'\"-")
        program = r.choice([f"docker run -i --rm --label {LABEL} busybox cat", f"docker exec -i {RUN}-run cat",
                            f"docker exec -i {RUN}-run wc -c", f"docker exec -i {RUN}-run cat",
                            f"docker exec -it {RUN}-run cat", f"docker exec -i {RUN}-run wc -c"])
        return f"{program} <<{delimiter}\n{body}{close}"

    def hostile_syntax(self):
        r = self.r
        pick = r.random()
        if pick < 0.004:
            return "docker ps " + "$(" * r.choice([100, 700, 3000])
        if pick < 0.008:
            depth = r.choice([50, 400, 2000])
            return "docker ps " + "$(docker ps -q " * depth + ")" * depth
        parts = [r.choice(["docker", "DOCKER", "docker\\", "\\docker", "'docker'", "d\"ocker\"", "X=1", "X=$(", "$X"])]
        parts += [self.word() for _ in range(r.randint(0, 6))]
        return r.choice([" ", "\t", " \\\n", ";", " && ", "\n"]).join(parts)

    def cell(self):
        """A generated cell and whether it follows or waits on purpose (to be interrupted at once)."""
        r = self.r
        if r.random() < 0.02:
            return r.choice(BLOCKING).format(run=f"{RUN}-run", label=LABEL), True
        pick = r.random()
        if pick < 0.45:
            code = self.safe_command()
        elif pick < 0.55:
            code = self.named_command()
        elif pick < 0.63:
            code = self.magic()
        elif pick < 0.7:
            code = self.heredoc()
        elif pick < 0.75:
            code = f"X={self.substitution()}\ndocker ps --filter label={LABEL} --filter name=$X"
        else:
            code = self.hostile_syntax()
        if r.random() < 0.15:
            code = code + r.choice(["\n", " && ", "; ", "\n# ", "\n\n"]) + self.safe_command()
        if r.random() < 0.03:
            code = code.replace(" ", "\x00", 1)
        return code, False


class Fuzz:
    def __init__(self, cwd):
        self.cwd = cwd
        self.findings = []
        self.durations = []
        self.restarts = 0
        self.manager = self.client = None
        self.start()

    def start(self):
        if self.manager is not None:
            stop_kernel(self.manager, self.client)  # shutdown_kernel(now=True) kills a silent one
            self.restarts += 1
        self.manager, self.client = start_kernel({"DOCKER_KERNEL_LANG": "en"}, cwd=self.cwd)

    def finding(self, number, code, what):
        self.findings.append(f"#{number} {what}\n    cell: {code[:300]!r}")

    def run(self, number, code, blocking):
        started = time.monotonic()
        try:
            self._run(number, code, BLOCKING_REPLY_S if blocking else REPLY_S)
        finally:
            self.durations.append((time.monotonic() - started, number, code))

    def _run(self, number, code, interrupt_after):
        client, manager = self.client, self.manager
        msg_id = client.execute(code, allow_stdin=False)
        reply, interrupted = reply_pressing_stop(manager, client, msg_id, interrupt_after, AFTER_INTERRUPT_S)
        if reply is None:
            state = "died" if process_ended(manager) else "went silent (process and heartbeat alive)"
            self.finding(number, code, f"no reply: the kernel {state}" +
                         (" after the stop button" if interrupted else ""))
            self.start()
            return
        if reply["content"]["status"] == "aborted":
            self.finding(number, code, "aborted, though sent after the previous cell's reply")
        messages, _ = published_until_idle(client, msg_id, 5)
        cell = Cell(reply, messages, code)
        leaks = java_text(cell.shown_text(), code)
        if leaks:
            self.finding(number, code, f"Java text shown: {sorted(set(leaks))} in {cell.shown_text()[:300]!r}")
        if process_ended(manager):
            self.finding(number, code, "the kernel process ended after replying")
            self.start()


def setup_objects():
    cli("run", "-d", "--name", f"{RUN}-run", "--label", LABEL, "busybox", "sh", "-c",
        "trap 'exit 0' TERM INT; while true; do echo tick; sleep 0.5; done")
    cli("run", "--name", f"{RUN}-stopped", "--label", LABEL, "busybox", "true")
    cli("volume", "create", f"{RUN}-vol")
    cli("network", "create", f"{RUN}-net")
    cli("tag", "busybox", f"{RUN}-img")


def remove_objects(volumes_before, networks_before):
    since = cli("ps", "-aq", "--no-trunc", "--filter", f"name={RUN}-run").stdout.decode().split()
    ids = set(cli("ps", "-aq", "--filter", f"label={LABEL}").stdout.decode().split())
    ids |= set(cli("ps", "-aq", "--filter", f"name={RUN}").stdout.decode().split())
    if since:
        ids |= set(cli("ps", "-aq", "--filter", f"since={since[0]}").stdout.decode().split())
    if ids:
        cli("rm", "-f", *ids, timeout=120)
    images = cli("images", "--format", "{{.Repository}}:{{.Tag}}", "--filter", f"reference={RUN}*").stdout.decode().split()
    if images:
        cli("rmi", "-f", *images)
    for kind, before in (("volume", volumes_before), ("network", networks_before)):
        now = set(cli(kind, "ls", "-q").stdout.decode().split())
        made = sorted(now - before)
        if made:
            cli(kind, "rm", *made)


@pytest.mark.deadline(900)
@pytest.mark.parametrize("seed,cells", [(FIXED_SEED, CELLS), (NEW_SEED, NEW_CELLS)],
                         ids=[f"fixed-seed-{FIXED_SEED}", f"new-seed-{NEW_SEED}"])
def test_generated_cells_are_each_answered_and_show_no_java(tmp_path, seed, cells):
    require_private_engine()
    replay = "the fixed seed" if seed == FIXED_SEED else f"FUZZ_SEED={seed} replays it"
    print(f"fuzz: seed {seed}, {cells} cells ({replay})")
    volumes_before = set(cli("volume", "ls", "-q").stdout.decode().split())
    networks_before = set(cli("network", "ls", "-q").stdout.decode().split())
    setup_objects()
    fuzz = Fuzz(tmp_path)
    generator = Generator(seed)
    started = time.monotonic()
    try:
        for number in range(cells):
            fuzz.run(number, *generator.cell())
    finally:
        took = time.monotonic() - started
        stop_kernel(fuzz.manager, fuzz.client)
        remove_objects(volumes_before, networks_before)
        reports = os.path.join(ROOT, "target", "test-reports")
        os.makedirs(reports, exist_ok=True)
        name = "fuzz-findings.txt" if seed == FIXED_SEED else "fuzz-findings-new-seed.txt"
        with open(os.path.join(reports, name), "w", encoding="utf-8") as out:
            out.write(f"seed {seed} ({replay}), {cells} cells, {took:.0f}s, "
                      f"{fuzz.restarts} kernel restarts, "
                      f"{len(fuzz.findings)} findings\n")
            out.write("\n".join(fuzz.findings) + "\n")
            out.write("\nslowest cells:\n" + "".join(f"  {d:5.1f}s #{n} {c[:150]!r}\n"
                                                    for d, n, c in sorted(fuzz.durations, reverse=True)[:25]))
    assert not fuzz.findings, f"seed {seed} ({replay}): {len(fuzz.findings)} findings " \
                              f"(target/test-reports/{name}), first:\n" + \
        "\n".join(fuzz.findings[:15])
