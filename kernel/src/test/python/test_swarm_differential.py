"""The kernel's swarm, node, service, secret and config commands beside the docker CLI 28.2 on the same
cluster of private engines (install/cluster, issue 24): each command is run by the kernel and by the CLI
and the texts compared, with IDs and times masked where the two runs made different objects.

Needs a running cluster of 2 or more nodes whose prefix is DOCKER_CLUSTER_PREFIX (install/test starts
one; by hand, `install/cluster start`), else skipped. The swarm is made here from nothing (any swarm
the nodes were in is left first) and left at the end."""
import re
import uuid

import pytest

from conftest import cli, execute, free_port, start_kernel, stop_kernel
from test_cluster import nodes, wait_for

pytestmark = pytest.mark.cluster
def on(host, *args, input=None, timeout=120):
    """The CLI against one node."""
    return cli("-H", host, *args, input=input, timeout=timeout, env={"DOCKER_CONTEXT": ""})


def shown(cell):
    """What the CLI would print on stdout: the text streamed, and the plain text of a table."""
    return cell.stream("stdout") + "".join(c.get("data", {}).get("text/plain", "")
                                           for c in cell.of_type("execute_result"))


def mask(text):
    text = re.sub(r"\b[a-z0-9]{25}\b", "<ID>", text)
    text = re.sub(r"\b[a-z0-9]{12}\b", "<ID12>", text)
    text = re.sub(r"(Less than a second|About a minute|\d+ (seconds?|minutes?)|about a minute|less than a second)( ago)",
                  r"<TIME>\3", text, flags=re.IGNORECASE)
    return re.sub(r"  +", "  ", text)  # column widths follow the masked cells


def leave_all(found):
    for _, _, host in reversed(found):
        on(host, "swarm", "leave", "--force")


@pytest.fixture(scope="module")
def cluster():
    found = nodes()
    if not found or len(found) < 2:
        pytest.skip("needs a cluster of 2 or more (install/cluster start; DOCKER_CLUSTER_PREFIX)")
    leave_all(found)
    yield found
    leave_all(found)


@pytest.fixture(scope="module")
def kernel(cluster):
    # the session's engine is node1; -H sends one command to another node, as a terminal does
    manager, client = start_kernel(extra_env={"DOCKER_HOST": cluster[0][2], "DOCKER_CONTEXT": ""})
    yield client
    stop_kernel(manager, client)


def run(kernel, line):
    cell = execute(kernel, line, timeout=180)
    return cell


@pytest.fixture(scope="module")
def swarm(cluster, kernel):
    """init by the CLI (its words kept), left, then init by the kernel: the two texts, masked, are one."""
    (name1, addr1, host1), (name2, addr2, host2) = cluster[0], cluster[1]
    by_cli = on(host1, "swarm", "init", "--advertise-addr", addr1)
    assert by_cli.returncode == 0, by_cli.stderr.decode()
    on(host1, "swarm", "leave", "--force")
    cell = run(kernel, f"docker swarm init --advertise-addr {addr1}")
    assert cell.status == "ok", cell.error_text
    masked = lambda t: re.sub(r"SWMTKN-\S+", "<TOKEN>", mask(t))
    assert masked(shown(cell)) == masked(by_cli.stdout.decode())
    return cluster


@pytest.mark.deadline(300)
def test_join_token_and_join(swarm, kernel):
    (_, addr1, host1), (name2, _, host2) = swarm[0], swarm[1]
    for args in (["worker"], ["-q", "worker"], ["manager"], ["-q", "manager"]):
        expected = on(host1, "swarm", "join-token", *args)
        cell = run(kernel, "docker swarm join-token " + " ".join(args))
        assert cell.status == "ok", cell.error_text
        assert shown(cell) == expected.stdout.decode()
    bad = on(host1, "swarm", "join-token", "boss")
    cell = run(kernel, "docker swarm join-token boss")
    assert cell.status == "error" and bad.stderr.decode().strip() in cell.error_text
    token = on(host1, "swarm", "join-token", "-q", "worker").stdout.decode().strip()
    by_cli = on(host2, "swarm", "join", "--token", token, f"{addr1}:2377")
    assert by_cli.returncode == 0, by_cli.stderr.decode()
    assert on(host2, "swarm", "leave").returncode == 0
    old = wait_for("node2 down", lambda: [line.split()[0] for line in on(host1, "node", "ls", "--format",
                   "{{.ID}} {{.Hostname}} {{.Status}}").stdout.decode().splitlines() if f" {name2} Down" in line])
    for node_id in old:
        on(host1, "node", "rm", "--force", node_id)
    cell = run(kernel, f"docker -H {host2} swarm join --token $(docker swarm join-token -q worker) {addr1}:2377")
    assert cell.status == "ok", cell.error_text
    assert shown(cell) == by_cli.stdout.decode()


@pytest.mark.deadline(300)
def test_node_commands(swarm, kernel):
    host1 = swarm[0][2]
    name2 = swarm[1][0]
    wait_for("2 nodes ready", lambda: on(host1, "node", "ls", "--format", "{{.Status}}").stdout.decode().split()
             == ["Ready"] * len(swarm[:2]) or None)
    for line in ("node ls", "node ls -q", "node ls --format '{{.Hostname}} {{.Self}} {{.ManagerStatus}} {{.TLSStatus}}'",
                 "node ls --format json", "node inspect --pretty self", f"node inspect -f '{{{{.Spec.Role}}}}' self {name2}",
                 "node ps", f"node ps {name2} --format '{{{{.Name}}}}'"):
        expected = cli("-H", host1, *__import__("shlex").split(line), env={"DOCKER_CONTEXT": ""})
        cell = run(kernel, "docker " + line)
        assert cell.status == "ok", line + ": " + cell.error_text
        assert shown(cell) == expected.stdout.decode(), line
    # update, promote, demote: the same words; a role change is waited for (raft takes a moment, and the
    # engine refuses a demotion of a manager not yet in its member list)
    def settled():
        state = on(host1, "node", "inspect", "-f",
                   "{{.Spec.Role}} {{if .ManagerStatus}}{{.ManagerStatus.Reachability}}{{else}}none{{end}}", name2)
        return state.stdout.decode().split() in (["manager", "reachable"], ["worker", "none"])

    for line, undo in ((f"node update --availability drain {name2}", f"node update --availability active {name2}"),
                       (f"node promote {name2}", f"node demote {name2}")):
        expected = on(host1, *line.split())
        assert expected.returncode == 0, expected.stderr.decode()
        wait_for("the role", settled)
        spec = on(host1, "node", "inspect", "-f", "{{json .Spec}}", name2).stdout
        on(host1, *undo.split())
        wait_for("the role", settled)
        cell = run(kernel, "docker " + line)
        assert cell.status == "ok", cell.error_text
        assert shown(cell) == expected.stdout.decode(), line
        wait_for("the role", settled)
        assert on(host1, "node", "inspect", "-f", "{{json .Spec}}", name2).stdout == spec
        undone = run(kernel, "docker " + undo)
        assert undone.status == "ok", undone.error_text
        wait_for("the role", settled)
    expected = on(host1, "node", "rm", "nosuch")
    cell = run(kernel, "docker node rm nosuch")
    assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text


def spec_of(host, name):
    return re.sub(r'"Name":"[^"]*"', '"Name":"<NAME>"',
                  on(host, "service", "inspect", "-f", "{{json .Spec}}", name).stdout.decode())


@pytest.mark.deadline(400)
def test_service_commands(swarm, kernel):
    host1 = swarm[0][2]
    suffix = uuid.uuid4().hex[:6]
    mine, theirs = "k-" + suffix, "c-" + suffix
    flags = ("-d --replicas 2 -p {port}:80 -e GREETING=hi --mount type=volume,source=data-{n},target=/data "
             "--constraint node.role!=nobody --update-delay 2s --update-parallelism 1 --rollback-parallelism 2 "
             "--limit-cpu 0.5 --limit-memory 64m --health-cmd true --health-interval 1s --label lesson=13")
    expected = on(host1, "service", "create", "--name", theirs,
                  *flags.format(port=free_port(), n=theirs).split(), "busybox", "sleep", "600")
    assert expected.returncode == 0, expected.stderr.decode()
    cell = run(kernel, f"docker service create --name {mine} {flags.format(port=free_port(), n=mine)} busybox sleep 600")
    try:
        assert cell.status == "ok", cell.error_text
        assert mask(shown(cell)) == mask(expected.stdout.decode())
        assert cell.stream("stderr") == expected.stderr.decode()
        # the same service was asked for, but the published port and the volume's name
        assert (re.sub(r'"(PublishedPort|Source)":("[^"]*"|\d+)', "", spec_of(host1, mine))
                == re.sub(r'"(PublishedPort|Source)":("[^"]*"|\d+)', "", spec_of(host1, theirs)))
        # a name filter matches names that start with it
        both = f"--filter name={mine} --filter name={theirs}"
        wait_for("running", lambda: on(host1, "service", "ls", *both.split(), "--format",
                                       "{{.Replicas}}").stdout.decode().split() == ["2/2", "2/2"] or None)
        for line in ("service ls " + both, "service ls -q " + both,
                     f"service ls --format json {both}", f"service ps {mine}",
                     f"service ps --no-trunc {mine}", f"service ps -q {mine}", f"service inspect -f '{{{{.Spec.Name}}}}' {mine}",
                     "service ps nosuch"):
            expected = cli("-H", host1, *__import__("shlex").split(line), env={"DOCKER_CONTEXT": ""})
            cell = run(kernel, "docker " + line)
            if expected.returncode:
                assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text, line
                continue
            assert cell.status == "ok", line + ": " + cell.error_text
            # "1 second ago" here may be "Less than a second ago" there: times masked, columns with them
            assert mask(shown(cell)) == mask(expected.stdout.decode()), line
        for line in (f"service scale -d {{}}=3", f"service update -d --env-add MORE=1 {{}}",
                     f"service rollback -d {{}}"):
            expected = on(host1, *line.format(theirs).split())
            cell = run(kernel, "docker " + line.format(mine))
            assert cell.status == "ok", line + ": " + cell.error_text
            assert shown(cell).replace(mine, "<NAME>") == expected.stdout.decode().replace(theirs, "<NAME>"), line
            assert cell.stream("stderr") == expected.stderr.decode(), line
        # without -d: the CLI's progress, one display updated in place, ending converged
        cell = run(kernel, f"docker service scale {mine}=1")
        assert cell.status == "ok", cell.error_text
        assert shown(cell) == f"{mine} scaled to 1\n"
        frames = [c["data"]["text/plain"] for c in cell.of_type("display_data") + cell.of_type("update_display_data")]
        assert frames and re.search(r"verify: Service \S+ converged", frames[-1]), frames[-3:]
        assert "overall progress: 1 out of 1 tasks" in frames[-1]
    finally:
        removed = on(host1, "service", "rm", theirs)
        cell = run(kernel, f"docker service rm {mine} nosuch")
        assert shown(cell) == mine + "\n"
        assert removed.stdout.decode() == theirs + "\n"


@pytest.mark.deadline(300)
def test_secret_and_config_commands(swarm, kernel):
    host1 = swarm[0][2]
    suffix = uuid.uuid4().hex[:6]
    for kind in ("secret", "config"):
        mine, theirs = f"k-{kind}-{suffix}", f"c-{kind}-{suffix}"
        expected = on(host1, kind, "create", "--label", "lesson=13", theirs, "-", input=b"s3cret\n")
        assert expected.returncode == 0, expected.stderr.decode()
        cell = run(kernel, f"docker {kind} create --label lesson=13 {mine} - <<EOF\ns3cret\nEOF")
        assert cell.status == "ok", cell.error_text
        assert mask(shown(cell)) == mask(expected.stdout.decode())
        assert (on(host1, kind, "inspect", "-f", "{{json .Spec}}", mine).stdout.decode().replace(mine, "N")
                == on(host1, kind, "inspect", "-f", "{{json .Spec}}", theirs).stdout.decode().replace(theirs, "N"))
        both = f"--filter name={mine} --filter name={theirs}"
        for line in (f"{kind} ls {both}", f"{kind} ls -q {both}", f"{kind} ls --format '{{{{.Name}}}} {{{{.Labels}}}}' {both}",
                     f"{kind} inspect {mine}", f"{kind} inspect -f '{{{{.Spec.Name}}}}' {mine} nosuch"):
            expected = cli("-H", host1, *__import__("shlex").split(line), env={"DOCKER_CONTEXT": ""})
            cell = run(kernel, "docker " + line)
            assert mask(shown(cell)) == mask(expected.stdout.decode()), line
            if expected.returncode:
                assert expected.stderr.decode().strip() in cell.error_text, line
        removed = on(host1, kind, "rm", theirs, "nosuch")
        cell = run(kernel, f"docker {kind} rm {mine} nosuch")
        assert shown(cell).replace(mine, "N") == removed.stdout.decode().replace(theirs, "N")
        assert removed.stderr.decode().strip() in cell.error_text


@pytest.mark.deadline(300)
def test_service_logs(swarm, kernel):
    host1 = swarm[0][2]
    name = "logs-" + uuid.uuid4().hex[:6]
    cell = run(kernel, f"docker service create -d --name {name} --replicas 2 busybox sh -c 'echo hello; echo oops >&2; sleep 600'")
    assert cell.status == "ok", cell.error_text
    try:
        wait_for("both lines of both tasks", lambda: len(on(host1, "service", "logs", name).stdout.decode().splitlines()
                                                         + on(host1, "service", "logs", name).stderr.decode().splitlines()) == 4)
        for flags in ("", "--no-task-ids", "--no-trunc", "--raw"):
            expected = on(host1, "service", "logs", *flags.split(), name)
            cell = run(kernel, f"docker service logs {flags} {name}")
            assert cell.status == "ok", cell.error_text
            # the engine interleaves the tasks' lines as they come from each node: compared as sets of lines
            assert sorted(cell.stream("stdout").splitlines()) == sorted(expected.stdout.decode().splitlines()), flags
            assert sorted(cell.stream("stderr").splitlines()) == sorted(expected.stderr.decode().splitlines()), flags
        expected = on(host1, "service", "logs", "nosuch")
        cell = run(kernel, "docker service logs nosuch")
        assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text
    finally:
        on(host1, "service", "rm", name)


@pytest.mark.deadline(120)
def test_swarm_update_and_unlock_key(swarm, kernel):
    host1 = swarm[0][2]
    by_cli = on(host1, "swarm", "update", "--autolock=true")
    assert by_cli.returncode == 0, by_cli.stderr.decode()
    on(host1, "swarm", "update", "--autolock=false")
    try:
        cell = run(kernel, "docker swarm update --autolock=true")
        assert cell.status == "ok", cell.error_text
        key = lambda t: re.sub(r"SWMKEY-\S+", "<KEY>", t)
        assert key(shown(cell)) == key(by_cli.stdout.decode())
        for args in (["unlock-key"], ["unlock-key", "-q"]):
            expected = on(host1, "swarm", *args)
            cell = run(kernel, "docker swarm " + " ".join(args))
            assert shown(cell) == expected.stdout.decode(), args
        expected = on(host1, "swarm", "unlock")
        cell = run(kernel, "docker swarm unlock")
        assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text
    finally:
        cell = run(kernel, "docker swarm update --autolock=false")
        assert shown(cell) == "Swarm updated.\n"
    expected = on(host1, "swarm", "unlock-key")
    cell = run(kernel, "docker swarm unlock-key")
    assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text


STACK_FILE = """
services:
  web:
    image: busybox
    build: .
    command: ["sh", "-c", "echo $$GREETING; sleep 600"]
    ports:
      - "{port}:80"
    environment:
      GREETING: hi
      A: "1"
    secrets:
      - password
    configs:
      - source: site
        target: /etc/site.conf
    healthcheck:
      test: ["CMD", "true"]
      interval: 2s
    container_name: web
    deploy:
      replicas: 2
      labels:
        lesson: "13"
      placement:
        constraints: [node.role != nobody]
      resources:
        limits: {{cpus: "0.5", memory: 64M}}
        reservations: {{memory: 16M}}
      update_config: {{parallelism: 2, delay: 2s, order: start-first}}
      rollback_config: {{parallelism: 1}}
      restart_policy: {{condition: on-failure, max_attempts: 3}}
  cache:
    image: redis
    networks: [back]
    volumes:
      - data:/data
    deploy:
      mode: global
networks:
  back: {{}}
volumes:
  data: {{}}
secrets:
  password:
    file: ./password.txt
configs:
  site:
    file: ./site.conf
"""


def stack_folder(name, port):
    import os
    folder = os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "stack-differential", name)
    os.makedirs(folder, exist_ok=True)
    for file, text in (("stack.yml", STACK_FILE.format(port=port)), ("password.txt", "s3cret\n"), ("site.conf", "port=80\n")):
        with open(os.path.join(folder, file), "w") as f:
            f.write(text)
    return os.path.abspath(os.path.join(folder, "stack.yml"))


def stack_spec(host, service):
    """A stack service's spec with what differs between two stacks masked: their names, IDs and published port."""
    spec = on(host, "service", "inspect", "-f", "{{json .Spec}}", service).stdout.decode()
    spec = re.sub(r'"(PublishedPort)":\d+', r'"\1":0', spec)
    spec = re.sub(r'"(Target|SecretID|ConfigID)":"[a-z0-9]{25}"', r'"\1":"<ID>"', spec)
    return re.sub(r"\b[kc]-[0-9a-f]{6}(?=_|\b)", "<STACK>", spec)


@pytest.mark.deadline(400)
def test_stack_commands(swarm, kernel):
    host1 = swarm[0][2]
    suffix = uuid.uuid4().hex[:6]
    mine, theirs = "k-" + suffix, "c-" + suffix
    named = lambda text, name: text.replace(name, "<STACK>")
    file_mine, file_theirs = stack_folder(mine, free_port()), stack_folder(theirs, free_port())
    expected = on(host1, "stack", "deploy", "-c", file_theirs, theirs)
    assert expected.returncode == 0, expected.stderr.decode()
    cell = run(kernel, f"docker stack deploy -c {file_mine} {mine}")
    try:
        assert cell.status == "ok", cell.error_text
        # the CLI walks Go maps: its lines come in any order, the kernel's in name order
        assert sorted(named(shown(cell), mine).splitlines()) == sorted(named(expected.stdout.decode(), theirs).splitlines())
        assert cell.stream("stderr") == expected.stderr.decode()
        for service in ("web", "cache"):
            a, b = stack_spec(host1, f"{mine}_{service}"), stack_spec(host1, f"{theirs}_{service}")
            assert a == b, service + "\n" + "\n".join(__import__("difflib").unified_diff(a.split(","), b.split(","), lineterm=""))
        for kind in ("secret", "config", "network"):
            key = {"secret": "password", "config": "site", "network": "back"}[kind]
            inspect = lambda name: re.sub(r'"(ID|Id|Created|CreatedAt|UpdatedAt)":"[^"]*"', "", on(
                host1, kind, "inspect", "-f", "{{json .Labels}} {{json .Spec}}" if kind != "network" else
                "{{json .Labels}} {{.Driver}} {{.Scope}}", f"{name}_{key}").stdout.decode()).replace(name, "<STACK>")
            # the kernel labels the networks a notebook creates with its session (for %reset)
            inspect_mine = lambda: re.sub(r',"io.github.dockerlessons.session":"[0-9a-f]+"', "", inspect(mine))
            assert inspect_mine() == inspect(theirs), kind
        # a second deploy of the same files updates, and changes nothing
        again = on(host1, "stack", "deploy", "-c", file_theirs, theirs)
        cell = run(kernel, f"docker stack deploy -c {file_mine} {mine}")
        assert cell.status == "ok", cell.error_text
        mask_ids = lambda t: re.sub(r"\(id: [a-z0-9]{25}\)", "(id: <ID>)", t)
        assert (sorted(mask_ids(named(shown(cell), mine)).splitlines())
                == sorted(mask_ids(named(again.stdout.decode(), theirs)).splitlines()))
        # each service's digest warning, in the order the services came
        assert sorted(cell.stream("stderr").splitlines()) == sorted(again.stderr.decode().splitlines())
        # every service of both stacks (cache, global on two nodes, and web): checking web alone let a
        # cache at 1/2 be listed once and at 2/2 the next time under load
        replicas = lambda stack: on(host1, "stack", "services", "--format", "{{.Replicas}}", stack).stdout.decode().split()
        wait_for("running", lambda: replicas(theirs) == ["2/2", "2/2"] and replicas(mine) == ["2/2", "2/2"] or None,
                 seconds=90)
        for service in ("web", "cache"):
            expected = on(host1, "service", "inspect", "--pretty", f"{theirs}_{service}")
            cell = run(kernel, f"docker service inspect --pretty {mine}_{service}")
            assert cell.status == "ok", cell.error_text
            published = lambda t: re.sub(r"PublishedPort = \d+", "PublishedPort = <PORT>", mask(t))
            assert published(named(shown(cell), mine)) == published(named(expected.stdout.decode(), theirs)), service
        listed = cli("-H", host1, "stack", "ls", env={"DOCKER_CONTEXT": ""}).stdout.decode()
        cell = run(kernel, "docker stack ls")
        assert cell.status == "ok", cell.error_text
        assert shown(cell) == listed
        for line in ("stack services {}", "stack services -q {}", "stack services --format '{{{{.Name}}}} {{{{.Mode}}}}' {}",
                     "stack services --format json {}", "stack ps {}", "stack ps --no-trunc {}", "stack ps -q {}",
                     "stack ps --format '{{{{.Name}}}} {{{{.Node}}}}' {}", "stack ps --filter desired-state=running {}"):
            expected = cli("-H", host1, *__import__("shlex").split(line.format(theirs)), env={"DOCKER_CONTEXT": ""})
            cell = run(kernel, "docker " + line.format(mine))
            assert cell.status == "ok", line + ": " + cell.error_text
            # tasks, services, and their order follow the IDs swarm made: compared as sets of masked lines
            # each stack publishes its own port, and swarm may place a stack's task on another node
            port = lambda t: re.sub(r"\b[a-z0-9-]*node\d+\b", "<NODE>", re.sub(r"\*:\d+(->|-\\u003e)", r"*:<PORT>\1", t))
            assert (sorted(port(mask(named(shown(cell), mine))).splitlines())
                    == sorted(port(mask(named(expected.stdout.decode(), theirs))).splitlines())), line
        for line in ("stack ps nosuch", "stack services nosuch", "stack rm nosuch", "stack deploy nosuch"):
            expected = cli("-H", host1, *line.split(), env={"DOCKER_CONTEXT": ""})
            cell = run(kernel, "docker " + line)
            assert shown(cell) == expected.stdout.decode(), line
            if expected.returncode:
                assert cell.status == "error" and expected.stderr.decode().strip() in cell.error_text, line
            else:
                assert cell.stream("stderr") == expected.stderr.decode(), line
    finally:
        removed = on(host1, "stack", "rm", theirs)
        cell = run(kernel, f"docker stack rm {mine}")
        # services by name, then secrets, configs and networks in the engine's order (the same for both)
        assert (sorted(named(shown(cell), mine).splitlines())
                == sorted(named(removed.stdout.decode(), theirs).splitlines()))
        assert cell.stream("stderr") == removed.stderr.decode()


@pytest.mark.deadline(300)
def test_stack_of_lesson_10(swarm, kernel):
    """Lesson 10's Compose app as lesson 13 deploys it: its file as the CLI 28.2 takes it (no top-level
    name:, an image: beside build:), the same words from both."""
    import os
    host1 = swarm[0][2]
    folder = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "stack-differential", "l10"))
    os.makedirs(folder, exist_ok=True)
    for name, text in (("named.yml", "name: lesson10\nservices:\n  redis-server:\n    image: redis\n"),
                       ("built.yml", "services:\n  node-app:\n    build: .\n    init: true\n"),
                       ("stack.yml", "services:\n  redis-server:\n    image: redis\n  node-app:\n    build: .\n"
                                     "    image: lesson10-node-app\n    init: true\n    ports:\n      - \"{}:8080\"\n"
                                     "    depends_on:\n      - redis-server\n".format(free_port()))):
        with open(os.path.join(folder, name), "w") as f:
            f.write(text)
    for name in ("named.yml", "built.yml"):
        expected = on(host1, "stack", "deploy", "-c", os.path.join(folder, name), "l10c")
        cell = run(kernel, f"docker stack deploy -c {os.path.join(folder, name)} l10k")
        assert expected.returncode == 1 and cell.status == "error", name
        assert expected.stderr.decode().strip().splitlines()[-1] in cell.error_text, name
    cell = run(kernel, f"docker stack deploy -c {os.path.join(folder, 'stack.yml')} l10k")
    try:
        assert cell.status == "ok", cell.error_text
        assert shown(cell) == "Creating network l10k_default\nCreating service l10k_node-app\nCreating service l10k_redis-server\n"
        assert cell.stream("stderr").startswith("Ignoring unsupported options: build\n\n")
        assert on(host1, "service", "inspect", "-f", "{{.Spec.TaskTemplate.ContainerSpec.Init}}",
                  "l10k_node-app").stdout.decode() == "true\n"
    finally:
        cell = run(kernel, "docker stack rm l10k")
        assert shown(cell) == ("Removing service l10k_node-app\nRemoving service l10k_redis-server\n"
                               "Removing network l10k_default\n")


@pytest.mark.deadline(400)
def test_service_secret_config_and_list_flags(swarm, kernel):
    """service create --secret/--config, then service update's -add/-rm flags, by both: the same specs."""
    host1 = swarm[0][2]
    suffix = uuid.uuid4().hex[:6]
    mine, theirs = "k-" + suffix, "c-" + suffix
    made = []
    for kind, name in (("secret", "pw"), ("secret", "key"), ("config", "site"), ("config", "app")):
        assert on(host1, kind, "create", f"{name}-{suffix}", "-", input=b"x\n").returncode == 0
        made.append((kind, f"{name}-{suffix}"))
    assert on(host1, "network", "create", "-d", "overlay", f"front-{suffix}").returncode == 0
    assert on(host1, "network", "create", "-d", "overlay", f"back-{suffix}").returncode == 0
    spec = lambda name: re.sub(r'"Name":"[kc]-[0-9a-f]{6}"', '"Name":"<NAME>"', on(
        host1, "service", "inspect", "-f", "{{json .Spec}}", name).stdout.decode())
    create = (f"-d --secret pw-{suffix} --secret source=key-{suffix},target=api,mode=0400 "
              f"--config source=site-{suffix},target=/etc/site.conf --network back-{suffix} "
              f"--mount type=volume,source=old-{suffix},target=/old --label old=1 --limit-cpu 0.5 --limit-memory 64m "
              f"--reserve-memory 16m --health-cmd true --update-delay 2s -e A=1 -w /tmp busybox sleep 600")
    update = (f"-d --secret-rm pw-{suffix} --secret-add source=pw-{suffix},target=password --config-add app-{suffix} "
              f"--config-rm site-{suffix} --label-add new=2 --label-rm old --mount-add type=volume,source=new-{suffix},"
              f"target=/new --mount-rm /old --network-add front-{suffix} --network-rm back-{suffix} {{}}")
    try:
        expected = on(host1, "service", "create", "--name", theirs, *create.split())
        assert expected.returncode == 0, expected.stderr.decode()
        cell = run(kernel, f"docker service create --name {mine} {create}")
        assert cell.status == "ok", cell.error_text
        assert cell.stream("stderr") == expected.stderr.decode()
        # the CLI orders secrets as a Go map walks them: compared as sets of references
        norm = lambda s: re.sub(r'"(Secrets|Configs)":\[([^\]]*)\]', lambda m: m.group(1) + ":" + "|".join(
            sorted(re.findall(r"\{[^{}]*\{[^{}]*\}[^{}]*\}", m.group(2)))), s)
        assert norm(spec(mine)) == norm(spec(theirs))
        expected = on(host1, "service", "update", *update.format(theirs).split())
        cell = run(kernel, "docker service update " + update.format(mine))
        assert cell.status == "ok", cell.error_text
        assert shown(cell).replace(mine, "<NAME>") == expected.stdout.decode().replace(theirs, "<NAME>")
        assert norm(spec(mine)) == norm(spec(theirs))
        # the human friendly text; secrets and configs in the order each spec has them
        expected = on(host1, "service", "inspect", "--pretty", theirs)
        cell = run(kernel, f"docker service inspect --pretty {mine}")
        assert cell.status == "ok", cell.error_text
        pretty = lambda t, name: mask(t.replace(name, "<NAME>"))
        order = lambda t: re.sub(r"(\n Target:[^\n]*\n  Source:[^\n]*)+", lambda m: "".join(sorted(
            re.findall(r"\n Target:[^\n]*\n  Source:[^\n]*", m.group(0)))), t)
        assert order(pretty(shown(cell), mine)) == order(pretty(expected.stdout.decode(), theirs))
        for line in ("service inspect --pretty nosuch", "service inspect --pretty -f '{{{{.ID}}}}' {}"):
            expected = cli("-H", host1, *__import__("shlex").split(line.format(theirs)), env={"DOCKER_CONTEXT": ""})
            cell = run(kernel, "docker " + line.format(mine))
            assert cell.status == "error" and shown(cell) == expected.stdout.decode(), line
            assert expected.stderr.decode().strip().splitlines()[0] in cell.error_text, line
        for line in (f"service create -d --secret nosuch-{suffix} busybox", "service create -d --config target=x busybox",
                     f"service update -d --network-add front-{suffix} {{}}"):
            expected = on(host1, *line.format(theirs).split())
            cell = run(kernel, "docker " + line.format(mine))
            assert expected.returncode != 0 and cell.status == "error", line
            # the CLI's first line (a flag's refusal goes on with the usage)
            first = expected.stderr.decode().strip().splitlines()[0]
            assert first.replace(theirs, "<NAME>") in cell.error_text.replace(mine, "<NAME>"), line
    finally:
        on(host1, "service", "rm", mine, theirs)
        wait_for("tasks gone", lambda: not on(host1, "ps", "-q", "--filter", f"name={suffix}").stdout.strip(), seconds=60)
        for kind, name in made:
            on(host1, kind, "rm", name)
        on(host1, "network", "rm", f"front-{suffix}", f"back-{suffix}")


@pytest.mark.deadline(300)
def test_swarm_ca(swarm, kernel):
    host1 = swarm[0][2]
    import os
    key = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "target", "swarm-ca-key.pem"))
    with open(key, "w") as f:
        f.write("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIA==\n-----END EC PRIVATE KEY-----\n")
    for line in ("swarm ca", "swarm ca --ca-key /nonexistent/key.pem", "swarm ca --ca-key /etc/hostname",
                 f"swarm ca --ca-key {key}", "swarm ca --cert-expiry 48h", "swarm ca --rotate --ca-cert " + key):
        expected = cli("-H", host1, *line.split(), env={"DOCKER_CONTEXT": ""})
        cell = run(kernel, "docker " + line)
        assert shown(cell) == expected.stdout.decode(), line
        if expected.returncode:
            # the CLI's first line (a flag's refusal goes on with the usage)
            first = expected.stderr.decode().strip().splitlines()[0]
            assert cell.status == "error" and first in cell.error_text, line
    before = on(host1, "swarm", "ca").stdout.decode()
    cell = run(kernel, "docker swarm ca --rotate -d")
    assert cell.status == "ok" and shown(cell) == "", cell.error_text
    # a new root CA: the swarm ends trusting another certificate, which both then print
    cell = run(kernel, "docker swarm ca --rotate -q")
    assert cell.status == "ok" and shown(cell) == "", cell.error_text
    after = on(host1, "swarm", "ca").stdout.decode()
    assert after != before and after.startswith("-----BEGIN CERTIFICATE-----")
    cell = run(kernel, "docker swarm ca")
    assert shown(cell) == after
