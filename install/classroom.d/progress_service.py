#!/usr/bin/python3
"""The classroom's progress service: a JupyterHub service at /services/progress/, started and stopped
with the hub (install/classroom.d/jupyterhub_config.py), on Debian's jupyterhub and tornado.

Who is who: every request is identified by the hub. A browser signs in through the hub's OAuth (the
cookie of this service); a student's kernel sends the token its server was given
(JUPYTERHUB_API_TOKEN, which the kernel inherits), and the hub tells whose it is (/hub/api/user, which
every token may ask). A result is recorded for the token's owner, never for a name in the body, so a
student cannot post for another; install/classroom (the hub service "classroom") alone posts
rechecks. Pages:
  /                 the lecturer's page: students by exercises, live (server-sent events at /events)
  /export.csv       student,lesson,exercise,status,attempts,first_passed,last_tried
  /me               a student's own progress
  /api/checks       POST: record lines of the token's owner (application/x-ndjson)
  /api/solution     GET ?lesson=&exercise=: the solution once released
  /api/release      POST {"lesson"}: the lecturer releases a lesson's solutions
  /api/recheck      POST {"student"}: the lecturer asks for a recheck (install/classroom recheck)
  /api/rechecked    POST: install/classroom's rechecked results
The lecturer and the students get 403 on what is not theirs.
"""
import asyncio
import html
import json
import os
import subprocess
import sys
import time

from tornado import httpserver, ioloop, web
from tornado.iostream import StreamClosedError

from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # nothing written into the work tree
import lessonbook  # noqa: E402
import progress_store  # noqa: E402

PREFIX = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/progress/")
MAX_BODY = 1 << 20


def load_settings():
    with open(os.environ["CLASSROOM_SETTINGS"], encoding="utf-8") as f:
        return json.load(f)


class Progress:
    """The service's state: the database, the lessons' catalogue, and the pages listening for changes."""

    def __init__(self, settings):
        self.settings = settings
        self.state = settings["state"]
        self.db = progress_store.connect(self.state)
        self.catalogue = lessonbook.catalogue(settings["lecturer_lessons"])
        self.listeners = set()
        self.version = 0

    @property
    def students(self):
        return self.settings["students"]

    @property
    def lecturers(self):
        return set(self.settings.get("lecturers", []))

    def changed(self, what):
        self.version += 1
        message = f"id: {self.version}\ndata: {json.dumps(what, ensure_ascii=False)}\n\n".encode()
        for queue in list(self.listeners):
            queue.put_nowait(message)

    def solution(self, lesson, exercise):
        for name, _cell, text in self.catalogue.get(lesson, []):
            if name == exercise:
                return text
        return None


class Base(HubOAuthenticated, web.RequestHandler):
    # Every identified hub user or service may come in; what each may see is decided here, by name.
    @property
    def hub_scopes(self):
        return None

    @property
    def progress(self):
        return self.application.settings["progress"]

    def whoami(self):
        user = self.get_current_user()
        if not user:
            raise web.HTTPError(403, "not signed in")
        return user

    def is_lecturer(self, user):
        return user.get("kind", "user") == "user" and (user["name"] in self.progress.lecturers or user.get("admin"))

    def is_classroom_tool(self, user):
        return user.get("kind") == "service" and user["name"] == "classroom"

    def lecturer_only(self):
        user = self.get_current_user()
        if not user:
            if self.request.headers.get("Authorization") or self.request.path.endswith((".csv", "/events")) \
                    or "/api/" in self.request.path:
                raise web.HTTPError(403)
            self.redirect(self.get_login_url())
            return None
        if not (self.is_lecturer(user) or self.is_classroom_tool(user)):
            raise web.HTTPError(403, "for the lecturer only")
        return user

    def from_a_page_or_token(self):
        """A POST signed in by cookie must come from our own page's script (a custom header a cross-site
        form cannot set); one with a token in its Authorization header is no browser's."""
        if not self.request.headers.get("Authorization") and self.request.headers.get("X-Progress") != "1":
            raise web.HTTPError(403, "missing X-Progress header")

    def lecturer_choice(self, key, known):
        """What a lecturer's button press (from our page, or with the tool's token) names by `key` in its
        JSON body, one of `known` (else 404 "no such KEY"); None when the request went to the login page."""
        if self.lecturer_only() is None:
            return None
        self.from_a_page_or_token()
        value = self.json_body().get(key, "")
        if value not in known:
            raise web.HTTPError(404, f"no such {key}")
        return value

    def json_body(self):
        try:
            return json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "not JSON")

    def write_error(self, status_code, **kwargs):
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        reason = self._reason
        exc = kwargs.get("exc_info", (None, None))[1]
        if isinstance(exc, web.HTTPError) and exc.log_message:
            reason = exc.log_message
        self.finish(f"{status_code}: {reason}\n")


class PageHandler(Base):
    def get(self):
        if self.lecturer_only() is None:
            return
        self.set_header("Content-Type", "text/html; charset=utf-8")
        with open(os.path.join(HERE, "progress_page.html"), encoding="utf-8") as f:
            self.finish(f.read().replace("{{PREFIX}}", PREFIX))


def table(progress, students):
    rows = progress_store.rows(progress.db, students, progress.catalogue)
    return {"students": students, "lessons": [[lesson, [e[0] for e in ex]] for lesson, ex in progress.catalogue.items()],
            "released": sorted(progress_store.released(progress.db)), "rows": rows, "version": progress.version}


class StateHandler(Base):
    def get(self):
        if self.lecturer_only() is None:
            return
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(table(self.progress, self.progress.students), ensure_ascii=False))


class ExportHandler(Base):
    def get(self):
        if self.lecturer_only() is None:
            return
        rows = progress_store.rows(self.progress.db, self.progress.students, self.progress.catalogue)
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", "attachment; filename=progress.csv")
        self.finish(progress_store.csv_text(rows))


class EventsHandler(Base):
    """Server-sent events: one message per change; the page reloads its table from /state."""

    async def get(self):
        if self.lecturer_only() is None:
            return
        self.set_header("Content-Type", "text/event-stream")
        self.set_header("Cache-Control", "no-store")
        self.set_header("X-Accel-Buffering", "no")
        queue = asyncio.Queue()
        self.progress.listeners.add(queue)
        try:
            self.write(f"retry: 1000\ndata: {json.dumps({'hello': self.progress.version})}\n\n")
            await self.flush()
            while True:
                try:
                    message = await asyncio.wait_for(queue.get(), 20)
                except asyncio.TimeoutError:
                    message = b": keep-alive\n\n"
                self.write(message)
                await self.flush()
        except StreamClosedError:
            pass
        finally:
            self.progress.listeners.discard(queue)


class MeHandler(Base):
    def get(self):
        user = self.get_current_user()
        if not user:
            if self.request.headers.get("Authorization"):
                raise web.HTTPError(403)
            self.redirect(self.get_login_url())
            return
        name = user["name"]
        data = table(self.progress, [name])
        if self.get_argument("format", "") == "json" or "application/json" in self.request.headers.get("Accept", ""):
            self.set_header("Content-Type", "application/json")
            self.finish(json.dumps(data, ensure_ascii=False))
            return
        marks = {"passed": "✓ 통과", "failing": "✗ 실패", "not tried": "· 아직"}
        body = "".join(
            f"<tr><td>{html.escape(r['lesson'])}</td><td>{html.escape(r['exercise'])}</td>"
            f"<td class='{r['status'].replace(' ', '-')}'>{marks.get(r['status'], r['status'])}</td>"
            f"<td>{r['attempts']}</td><td>{html.escape(r.get('failing') or '')}</td></tr>" for r in data["rows"])
        passed = sum(1 for r in data["rows"] if r["status"] == "passed")
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.finish(f"""<!doctype html><html lang="ko"><meta charset="utf-8"><title>내 진도</title>
<style>body{{font-family:sans-serif;margin:2em}} td,th{{border-bottom:1px solid #ddd;padding:4px 10px;text-align:left}}
.passed{{color:#1a7f37}} .failing{{color:#cf222e}} .not-tried{{color:#888}}</style>
<h1>{html.escape(name)} 의 진도</h1><p id="total">통과 {passed} / {len(data['rows'])}</p>
<table><tr><th>레슨</th><th>연습 문제</th><th>상태</th><th>시도</th><th>맞지 않은 사실</th></tr>{body}</table></html>""")


class ChecksHandler(Base):
    """A student's kernel posts its record's lines; they count for the token's owner only."""

    def post(self):
        user = self.whoami()
        if user.get("kind", "user") != "user":
            raise web.HTTPError(403, "a check is a user's")
        if len(self.request.body) > MAX_BODY:
            raise web.HTTPError(413)
        name = user["name"]
        added = 0
        for line in self.request.body.decode("utf-8", "replace").splitlines():
            if not line.strip():
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                raise web.HTTPError(400, "a line is not JSON")
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("exercise"):
                raise web.HTTPError(400, "a line lacks id or exercise")
            if entry.get("student") not in (None, "", name):
                raise web.HTTPError(403, f"{name} cannot record a result for {entry.get('student')}")
            try:
                new = progress_store.add(self.progress.db, name, entry, "kernel")
            except ValueError as e:
                raise web.HTTPError(400, f"a line's {e}")
            if new:
                added += 1
                self.progress.changed({"id": str(entry["id"]), "student": name, "lesson": entry.get("lesson"),
                                       "exercise": entry["exercise"],
                                       "passed": bool(entry.get("passed")), "time": entry.get("time"),
                                       "posted": time.time()})
        self.finish({"added": added})


class RecheckedHandler(Base):
    def post(self):
        user = self.whoami()
        if not self.is_classroom_tool(user):
            raise web.HTTPError(403, "rechecks come from install/classroom")
        body = self.json_body()
        for entry in body.get("results", []):
            if entry.get("student") not in self.progress.students and entry.get("student") not in self.progress.lecturers:
                continue
            progress_store.add(self.progress.db, entry["student"], entry, "recheck")
        self.progress.changed({"rechecked": True})
        self.finish({"ok": True})


class SolutionHandler(Base):
    def get(self):
        self.whoami()
        lesson, exercise = self.get_argument("lesson", ""), self.get_argument("exercise", "")
        text = self.progress.solution(lesson, exercise)
        if text is None:
            raise web.HTTPError(404, "no such exercise")
        released = lesson in progress_store.released(self.progress.db)
        self.finish({"lesson": lesson, "exercise": exercise, "released": released,
                     **({"source": text} if released else {})})


class ReleaseHandler(Base):
    def post(self):
        lesson = self.lecturer_choice("lesson", self.progress.catalogue)
        if lesson is None:
            return
        progress_store.release(self.progress.db, lesson)
        self.progress.changed({"released": lesson})
        self.finish({"released": lesson})


class RecheckHandler(Base):
    """The page's button: install/classroom recheck --student NAME, in the background (it posts back)."""

    def post(self):
        student = self.lecturer_choice("student", self.progress.students)
        if student is None:
            return
        tool = self.progress.settings["tool"]
        log = open(os.path.join(self.progress.state, "progress", "recheck.log"), "ab")
        subprocess.Popen([tool, "recheck", "--student", student], stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                         env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8",
                              "DOCKER_CLASSROOM_STATE": self.progress.state}, start_new_session=True)
        log.close()
        self.finish({"recheck": student})


class ReleasedPing(Base):
    """install/classroom release-solutions wrote the database itself: the pages hear of it."""

    def post(self):
        user = self.whoami()
        if not self.is_classroom_tool(user):
            raise web.HTTPError(403)
        self.progress.changed({"released": self.json_body().get("lesson")})
        self.finish({"ok": True})


def main():
    settings = load_settings()
    progress = Progress(settings)
    app = web.Application([
        (PREFIX, PageHandler),
        (PREFIX + "state", StateHandler),
        (PREFIX + "events", EventsHandler),
        (PREFIX + "export.csv", ExportHandler),
        (PREFIX + "me", MeHandler),
        (PREFIX + "api/checks", ChecksHandler),
        (PREFIX + "api/rechecked", RecheckedHandler),
        (PREFIX + "api/solution", SolutionHandler),
        (PREFIX + "api/release", ReleaseHandler),
        (PREFIX + "api/recheck", RecheckHandler),
        (PREFIX + "api/changed", ReleasedPing),
        (PREFIX + "oauth_callback", HubOAuthCallbackHandler),
        (PREFIX.rstrip("/"), web.RedirectHandler, {"url": PREFIX}),
    ], progress=progress, cookie_secret=os.urandom(32))
    url = os.environ.get("JUPYTERHUB_SERVICE_URL", f"http://127.0.0.1:{settings['progress_port']}")
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    # A body over the limit is refused as it arrives (400), not read whole first (tornado's default is 100 MB).
    server = httpserver.HTTPServer(app, xheaders=True, max_body_size=MAX_BODY)
    server.listen(port, "127.0.0.1")
    print(f"progress: listening on 127.0.0.1:{port}{PREFIX}", flush=True)
    ioloop.IOLoop.current().start()


if __name__ == "__main__":
    main()
