"""Cells generated from the kernel's own command registry: the commands and flags its help lists
(docker --help, each group's, each command's --help, read from the kernel itself, so a new command or
flag is attacked the day it is added), with valid, half-valid and garbage values, quotes, $(...),
pipes, Korean, NUL and control characters and very long words. Each cell must be answered (a cell
still running after a few seconds gets the stop button, and must then end), the kernel must live,
show no Java, and keep its memory bounded. test_fuzz.py's hand-written vocabulary goes deeper into run,
exec and cp; this one goes wide. Seeded (GENERATED_SEED), a modest count (GENERATED_CELLS), under 60 s.

Commands that change or remove what other tests made, write files, log in or reach the network are
left out (DENIED); create gets this run's label and name, and what it made is removed at the end."""
import os
import random
import re
import uuid

import pytest

from abuse import english_kernel, process_ended, published_until_idle, reply_pressing_stop
from conftest import Cell, cli, execute, java_text, kernel_pid, require_private_engine, stop_kernel

SEED = int(os.environ.get("GENERATED_SEED", "20261206"))
CELLS = int(os.environ.get("GENERATED_CELLS", "400"))
RUN = "gc" + uuid.uuid4().hex[:6]
LABEL = f"io.github.dockerlessons.test={RUN}"
REPLY_S = 4.0
BLOCKING_REPLY_S = 0.7
AFTER_INTERRUPT_S = 5.0
# The kernel's heap is 256 MiB; its RSS with the JIT's code and metaspace stays well under this.
MAX_RSS_KIB = 600 * 1024

DENIED = {"rm", "rmi", "kill", "stop", "restart", "pause", "unpause", "rename", "update", "commit", "tag", "push",
          "pull", "search", "login", "logout", "cp", "save", "export", "import", "load", "build", "run", "exec",
          "attach", "wait", "compose", "swarm", "node", "service", "stack", "secret", "config", "context", "trust",
          "manifest", "plugin", "prune", "remove", "connect", "disconnect", "create", "use", "rotate", "promote",
          "demote", "scale", "rollback", "deploy", "unlock", "join", "leave", "init"}
ALLOWED_CREATE = {"create", "container create", "volume create", "network create"}
BLOCKING = re.compile(r"^(events|stats|logs|container (logs|stats|attach|wait)|system events)\b")
FLAG_LINE = re.compile(r"^\s+(?:-(?P<short>\w), )?--(?P<long>[a-z0-9-]+)(?: (?P<kind>[a-zA-Z0-9]+))?\s{2,}")

WORDS = ["busybox", "nothing-here", "안녕하세요", "도커", "😀", "e\u0301", "\u202etxt", "a\u200db", "x" * 5000,
         "'quoted words'", '"double quoted"', "'unclosed", '"unclosed', "\\", "a\\ b", "$(docker ps -q --filter name=^none$)",
         "$(docker version --format '{{.Client.Version}}')", "$(", ")", "$UNSET_VARIABLE", "${}", "${a", "$?",
         "|", "| docker ps", "&&", ";", "&", ">", "2>&1", "<<EOF", "`x`", "\x00", "a\x00b", "\x07", "\x1b[31mred",
         "\t", "\r", "-", "--", "---", "-x", "--nope", "=", "==", ":", "::", "a:b:c", "name=x", "label=a=b",
         "sha256:" + "0" * 64, "0" * 12, "9" * 40, "..", "/", "/etc/passwd", "~", "*", "?", "[", "{{", "}}",
         "{{.ID}}", "{{json .}}", "table {{.Names}}", "{{range .}}", "{{index . 99}}", "{{.Nope}}",
         "{{printf \"%d\" .}}", "json", "raw", "1", "-1", "0", "99999999999999999999", "1e309", "NaN", "true"]
VALUES = {
    "bool": ["true", "false", "1", "0", "maybe", "", "TRUE", "yes"],
    "int": ["1", "0", "-1", "2147483648", "99999999999999999999", "0x10", "1e3", "abc", "", "٣"],
    "uint16": ["1", "0", "-1", "65536", "abc", ""], "uint64": ["1", "-1", "18446744073709551616", "x"],
    "int64": ["1", "-9223372036854775809", "x"], "uint": ["1", "-1", "x"],
    "decimal": ["0.5", "1", "-1", "NaN", "Inf", "1e309", "0x1p3", "abc", ""],
    "bytes": ["1m", "512k", "1x", "-5", "9999999999999999g", "1.5g", "", "1 m"],
    "duration": ["1s", "-1s", "1", "1h1m", "forever", "9999999999h", "1.5s", ""],
}
STRING_VALUES = ["x", "", "name=x", "label=x", "status=running", "status=nope", "dangling=true", "before=x",
                 "reference=busy*", "until=1h", "{{.ID}}", "{{json .}}", "table {{.Names}}\\t{{.ID}}", "json",
                 "{{", "{{.Nope.Deeper}}", "{{template \"x\"}}", "{{pad .ID 99999999 1}}", "a=b=c", "=", "k=",
                 "도커=값", "10.0.0.0/8", "256.1.1.1", "80:80", "0-65535:80/tcp", "tcp", "/tmp:/tmp", "always",
                 "unless-stopped", "on-failure:-1", "none", "host", "bridge", "local", "json-file", "x" * 3000]


class Registry:
    """The commands and flags of the kernel, read from its own help."""

    def __init__(self, client):
        self.client = client
        self.commands = {}

    def help(self, path):
        cell = execute(self.client, f"docker {path} --help".strip(), timeout=30)
        return cell.stream("stdout")

    @staticmethod
    def listed(text, heading):
        names, inside = [], False
        for line in text.splitlines():
            if line.strip().endswith(":") and not line.startswith(" "):
                inside = line.strip().rstrip(":") in heading
                continue
            match = re.match(r"^  ([a-z][a-z0-9-]*)\s{2,}", line)
            if inside and match:
                names.append(match.group(1))
        return names

    def read(self):
        top = self.help("")
        for group in self.listed(top, ("Management Commands",)):
            for sub in self.listed(self.help(group), ("Commands",)):
                self.commands[f"{group} {sub}"] = None
        for command in self.listed(top, ("Commands",)):
            self.commands[command] = None
        for path in list(self.commands):
            if DENIED.intersection(path.split()) and path not in ALLOWED_CREATE:
                del self.commands[path]
                continue
            flags = []
            for line in self.help(path).splitlines():
                match = FLAG_LINE.match(line)
                if match:
                    flags.append((match.group("short"), match.group("long"), match.group("kind") or "bool"))
            self.commands[path] = flags
        return self


class Generator:
    def __init__(self, seed, commands):
        self.random = random.Random(seed)
        self.commands = commands
        self.paths = sorted(commands)

    def word(self):
        r = self.random
        word = r.choice(WORDS)
        if r.random() < 0.1:
            word = word + r.choice(WORDS)
        return word

    def value(self, kind):
        r = self.random
        if r.random() < 0.15:
            return self.word()
        return r.choice(VALUES.get(kind, STRING_VALUES))

    def flag(self, short, long, kind):
        r = self.random
        name = f"-{short}" if short and r.random() < 0.4 else f"--{long}"
        if kind == "bool":
            return name if r.random() < 0.8 else f"{name}={self.value('bool')}"
        value = self.value(kind)
        quoted = "'" + value.replace("'", "'\\''") + "'" if r.random() < 0.7 else value
        return f"{name}={quoted}" if r.random() < 0.5 else f"{name} {quoted}"

    def cell(self):
        r = self.random
        path = r.choice(self.paths)
        flags = self.commands[path]
        words = [f"docker {path}"]
        if path in ALLOWED_CREATE:
            words.append(f"--label {LABEL}")
            if path in ("create", "container create"):
                words.append(f"--name {RUN}-{r.randrange(10 ** 6)}")
        for _ in range(r.randrange(0, 5)):
            if flags and r.random() < 0.8:
                words.append(self.flag(*r.choice(flags)))
            else:
                words.append(self.word())
        if path in ("volume create", "network create"):
            words.append(f"{RUN}-{r.randrange(10 ** 6)}")
        for _ in range(r.randrange(0, 3)):
            words.append(self.word())
        cell = " ".join(words)
        if r.random() < 0.05:
            cell = cell + "\n" + self.cell()[1]
        return path, cell


def run_cell(manager, client, code, interrupt_after):
    """("reply", Cell) or ("dead"|"silent"|"unstoppable", None)."""
    msg_id = client.execute(code, stop_on_error=False)
    reply, _ = reply_pressing_stop(manager, client, msg_id, interrupt_after, AFTER_INTERRUPT_S)
    if reply is None:
        return ("dead", None) if process_ended(manager) else ("unstoppable", None)
    messages, idle = published_until_idle(client, msg_id, 5)
    return ("reply", Cell(reply, messages, code)) if idle else ("silent", None)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def remove_made():
    for kind, listing in (("container", ["ps", "-aq"]), ("volume", ["volume", "ls", "-q"]),
                          ("network", ["network", "ls", "-q"])):
        ids = cli(*listing, "--filter", f"label={LABEL}").stdout.decode().split()
        if ids:
            cli(*(["rm", "-f"] if kind == "container" else [kind, "rm"]), *ids)


@pytest.mark.deadline(170)
def test_cells_generated_from_the_kernels_own_commands_and_flags_are_answered_in_words(tmp_path):
    require_private_engine()
    manager, client = english_kernel(cwd=tmp_path)
    findings = []
    try:
        registry = Registry(client).read()
        assert len(registry.commands) > 30, sorted(registry.commands)
        assert sum(len(flags) for flags in registry.commands.values()) > 150
        generator = Generator(SEED, registry.commands)
        for number in range(CELLS):
            path, code = generator.cell()
            blocking = BLOCKING.match(path) is not None
            outcome, cell = run_cell(manager, client, code, BLOCKING_REPLY_S if blocking else REPLY_S)
            if outcome != "reply":
                findings.append(f"#{number} {outcome}: {code[:300]!r}")
                if outcome == "dead":
                    break
                continue
            leaks = java_text(cell.shown_text(), code)
            if leaks:
                findings.append(f"#{number} Java text {leaks[:3]!r}: {code[:300]!r}\n    {cell.shown_text()[:600]!r}")
        rss = rss_kib(kernel_pid(manager))
        assert rss < MAX_RSS_KIB, f"the kernel's RSS after {CELLS} cells is {rss} KiB"
    finally:
        stop_kernel(manager, client)
        remove_made()
    assert not findings, f"seed {SEED}: " + "\n".join(findings)
