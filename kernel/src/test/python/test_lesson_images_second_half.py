"""The images of the course's second half (issue 23), as install/lesson-images builds them from Debian's
packages, used through the kernel on the private engine as the lessons use them:

- node: `RUN npm install express redis mysql2` in a Dockerfile works with no network (the engine's
  namespace has no route out) from the npm cache inside the image, and so does a package.json asking
  for express 4; a package the cache lacks fails with npm's own error.
- nginx: the official image's welcome page on a published port, its access log in `docker logs`.
- mariadb: the official image's environment contract, an init script run once, a second container on
  the same network logging in as the user, the data kept by a named volume for a new container.
"""
import json
import re
import time
import urllib.error
import urllib.request
import uuid

import pytest

from conftest import cli, execute, free_port, require_private_engine


@pytest.fixture
def client(kernel):
    require_private_engine()
    return kernel


@pytest.fixture
def folder(tmp_path):
    return tmp_path


@pytest.fixture
def name(client):
    """A prefix for this test's containers, images, networks and volumes, all removed afterwards."""
    value = "h2-" + uuid.uuid4().hex[:8]
    yield value
    for kind, args in (("rm", ["-f", "-v"]), ("rmi", ["-f"]), ("network rm", []), ("volume rm", ["-f"])):
        listing = {"rm": ["ps", "-aq", "--filter", f"name={value}"],
                   "rmi": ["images", "-q", "--filter", f"reference={value}*"],
                   "network rm": ["network", "ls", "-q", "--filter", f"name={value}"],
                   "volume rm": ["volume", "ls", "-q", "--filter", f"name={value}"]}[kind]
        ids = cli(*listing).stdout.decode().split()
        if ids:
            cli(*kind.split(), *args, *ids)


def context(folder, name, files):
    """A build context folder with files; its absolute path, as a cell names it."""
    (folder / name).mkdir()
    for path, text in files.items():
        (folder / name / path).write_text(text)
    return str(folder / name)


def until(predicate, within, step=0.25):
    end = time.monotonic() + within
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


@pytest.mark.deadline(400)
def test_node_installs_the_lessons_packages_with_no_network_and_fails_with_npms_words_for_others(client, folder, name):
    ctx = context(folder, name, {
        "Dockerfile": "FROM node\nWORKDIR /usr/src/app\nRUN npm install express redis mysql2\n"
                      "RUN node -e \"require('express'); require('redis'); require('mysql2'); console.log('required')\"\n"
                      "CMD [\"node\", \"-e\", \"console.log(require('express/package.json').version)\"]\n"})
    cell = execute(client, f"docker build -t {name}-latest {ctx}", timeout=300)
    assert cell.status == "ok", cell.error_text + cell.stream("stdout")
    assert "required" in cell.stream("stdout")
    assert execute(client, f"docker run --rm {name}-latest").status == "ok"

    # the course's way: package.json first, then `npm install`, with express 4 as the course has it
    ctx4 = context(folder, name + "-4", {
        "package.json": json.dumps({"name": "app", "version": "1.0.0",
                                    "dependencies": {"express": "^4", "redis": "^4", "mysql2": "*"}}),
        "Dockerfile": "FROM node\nWORKDIR /usr/src/app\nCOPY package.json ./\nRUN npm install\n"
                      "CMD [\"node\", \"-e\", \"console.log('express', require('express/package.json').version, "
                      "'redis', require('redis/package.json').version)\"]\n"})
    assert execute(client, f"docker build -t {name}-4 {ctx4}", timeout=300).status == "ok"
    shown = execute(client, f"docker run --rm {name}-4").stream("stdout")
    assert shown.startswith("express 4.") and " redis 4." in shown, shown

    # a package the image's cache lacks: npm's own refusal, no download tried
    bad = context(folder, name + "-bad", {"Dockerfile": "FROM node\nWORKDIR /app\nRUN npm install left-pad\n"})
    cell = execute(client, f"docker build -t {name}-bad {bad}", timeout=300)
    assert cell.status == "error"
    # the legacy builder colours each piece of a step's stderr: the words, without the colours
    shown = re.sub(r"\x1b\[[0-9;]*m", "", cell.stream("stdout") + cell.stream("stderr") + cell.error_text)
    assert "npm ERR! code ENOTCACHED" in shown, shown
    assert "cache mode is 'only-if-cached' but no cached response is available" in shown, shown


def get(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1) as answer:
            return answer.read().decode()
    except (urllib.error.URLError, ConnectionError, OSError):
        return None


@pytest.mark.deadline(120)
def test_nginx_serves_the_welcome_page_on_a_published_port_and_logs_to_docker_logs(client, name):
    port = free_port()
    assert execute(client, f"docker run -d --name {name} -p {port}:80 nginx").status == "ok"
    page = until(lambda: get(port), within=10)
    assert page and "<title>Welcome to nginx!</title>" in page, page
    logs = until(lambda: execute(client, f"docker logs {name}").stream("stdout").strip(), within=5)
    assert '"GET / HTTP/1.1" 200 615' in logs, logs
    shown = execute(client, f"docker inspect -f '{{{{.Config.StopSignal}}}} {{{{.Config.Cmd}}}} "
                            f"{{{{.Config.ExposedPorts}}}}' nginx").stream("stdout")
    assert shown.strip() == "SIGQUIT [nginx -g daemon off;] map[80/tcp:{}]"
    shown = execute(client, f"docker exec {name} sh -c 'readlink /var/log/nginx/access.log; readlink /var/log/nginx/error.log; "
                            f"grep -c include.*conf.d /etc/nginx/nginx.conf; ls /etc/nginx/conf.d'").stream("stdout")
    assert shown.split() == ["/dev/stdout", "/dev/stderr", "1", "default.conf"]
    started = time.monotonic()
    assert execute(client, f"docker stop {name}").status == "ok"
    assert time.monotonic() - started < 5  # SIGQUIT: nginx ends at once, no 10 s wait for a kill


def sql(client, name, query, user="app", password="apppw", database="shop"):
    """The mariadb client in a second container on the network, as another service would connect."""
    return execute(client, f"docker run --rm --network {name} mariadb mariadb -h{name}-db -u{user} -p{password} "
                           f"{database} -N -e \"{query}\"", timeout=60)


@pytest.mark.deadline(300)
def test_mariadb_keeps_the_official_contract_init_scripts_once_a_user_over_the_network_and_a_volume(
        client, folder, name):
    ctx = context(folder, name, {
        "Dockerfile": "FROM mariadb\nCOPY 01-items.sql 02-note.sh /docker-entrypoint-initdb.d/\n",
        "01-items.sql": "CREATE TABLE items (name VARCHAR(20));\nINSERT INTO items VALUES ('사과');\n",
        "02-note.sh": "echo \"init script ran for $MYSQL_DATABASE\"\n"})
    assert execute(client, f"docker build -t {name}-db {ctx}").status == "ok"
    assert execute(client, f"docker network create {name}").status == "ok"
    run = (f"docker run -d --name {name}-db --network {name} -v {name}-data:/var/lib/mysql "
           f"-e MYSQL_ROOT_PASSWORD=rootpw -e MYSQL_DATABASE=shop -e MYSQL_USER=app -e MYSQL_PASSWORD=apppw {name}-db")
    assert execute(client, run).status == "ok"
    answer = until(lambda: sql(client, name, "SELECT name FROM items").stream("stdout").strip(), within=90, step=1)
    assert answer == "사과", execute(client, f"docker logs {name}-db").shown_text()
    logs = execute(client, f"docker logs {name}-db").shown_text()
    assert "init script ran for shop" in logs and "MariaDB init process done. Ready for start up." in logs, logs
    assert "ready for connections" in logs, logs
    root = sql(client, name, "SELECT CURRENT_USER()", user="root", password="rootpw", database="mysql")
    assert root.stream("stdout").strip() == "root@%"
    # the official image's health check, as a compose file names it
    health = execute(client, f"docker exec {name}-db healthcheck.sh --connect --innodb_initialized")
    assert health.status == "ok", health.shown_text()
    refused = sql(client, name, "SELECT 1", password="wrong")
    assert "Access denied for user 'app'" in refused.shown_text(), refused.shown_text()

    # a new container on the same volume: the data is there, the init scripts are not run again
    assert execute(client, f"docker rm -f {name}-db").status == "ok"
    assert execute(client, f"docker run -d --name {name}-db --network {name} -v {name}-data:/var/lib/mysql "
                           f"{name}-db").status == "ok"
    answer = until(lambda: sql(client, name, "SELECT name FROM items").stream("stdout").strip(), within=90, step=1)
    assert answer == "사과"
    assert "init script ran" not in execute(client, f"docker logs {name}-db").shown_text()


@pytest.mark.deadline(120)
def test_mariadb_refuses_to_start_uninitialized_without_a_password_option(client, name):
    cell = execute(client, f"docker run --name {name} mariadb", timeout=60)
    shown = cell.shown_text()
    assert "[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified" in shown, shown
    assert execute(client, f"docker inspect -f '{{{{.State.ExitCode}}}}' {name}").stream("stdout").strip() == "1"
