"""The progress service's state: every check result, reported by a student's kernel or rechecked by
the server, in SQLite under the classroom's state folder; and which lessons' solutions are released.
Shared by the service (install/classroom.d/progress_service.py) and install/classroom's progress,
recheck and release-solutions. Rows are only added (a result is a fact of its time); each result's
id is kept once, so a kernel that sends a line twice (its record is its queue) counts it once."""
import json
import os
import sqlite3
import time

COLUMNS = ["student", "lesson", "exercise", "status", "attempts", "first_passed", "last_tried"]

SCHEMA = """
CREATE TABLE IF NOT EXISTS results (
    id TEXT PRIMARY KEY, student TEXT NOT NULL, lesson TEXT NOT NULL, exercise TEXT NOT NULL,
    cell_id TEXT, passed INTEGER NOT NULL, facts TEXT NOT NULL, attempt INTEGER, time TEXT NOT NULL,
    source TEXT NOT NULL, received REAL NOT NULL);
CREATE INDEX IF NOT EXISTS results_by_student ON results (student, lesson, exercise);
CREATE TABLE IF NOT EXISTS released (lesson TEXT PRIMARY KEY, time TEXT NOT NULL);
"""


def db_path(state):
    return os.path.join(state, "progress", "progress.sqlite")


def connect(state):
    folder = os.path.join(state, "progress")
    os.makedirs(folder, 0o700, exist_ok=True)
    db = sqlite3.connect(db_path(state), timeout=10, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.executescript(SCHEMA)
    return db


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def add(db, student, entry, source):
    """One result; returns False when its id was there already. `entry` is a record line's JSON.
    ValueError when a field is not of its kind (the line is a student's to forge: it must not break
    the lecturer's page later, nor the service now)."""
    facts = entry.get("facts") if isinstance(entry.get("facts"), list) else []
    facts = [fact for fact in facts if isinstance(fact, dict)]
    cell_id = entry.get("cell_id")
    if cell_id is not None and not isinstance(cell_id, str):
        raise ValueError("cell_id is not a string")
    try:
        attempt = int(entry.get("attempt") or 0)
    except (TypeError, ValueError):
        raise ValueError("attempt is not a number") from None
    if not -(1 << 63) <= attempt < 1 << 63:
        raise ValueError("attempt is out of range")
    cursor = db.execute(
        "INSERT OR IGNORE INTO results (id, student, lesson, exercise, cell_id, passed, facts, attempt, time, source,"
        " received) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        # The id is kept per student: one student's line can never take the place of another's.
        (f"{student}/{entry['id']}", student, str(entry.get("lesson") or ""), str(entry["exercise"]),
         cell_id, 1 if entry.get("passed") else 0, json.dumps(facts, ensure_ascii=False),
         attempt, str(entry.get("time") or now()), source, time.time()))
    return cursor.rowcount == 1


def release(db, lesson):
    db.execute("INSERT OR REPLACE INTO released (lesson, time) VALUES (?, ?)", (lesson, now()))


def released(db):
    return {row[0] for row in db.execute("SELECT lesson FROM released")}


def failing_words(facts_json):
    try:
        facts = json.loads(facts_json)
    except ValueError:
        return ""
    words = []
    for fact in facts if isinstance(facts, list) else []:
        # rows stored before add() kept only objects may hold anything a student posted
        if isinstance(fact, dict) and not fact.get("holds"):
            words.append(str(fact.get("fact", "")) + (f" (found: {fact['found']})" if fact.get("found") else ""))
    return "; ".join(words)


def summary(db, student=None):
    """{(student, lesson, exercise): cell} where cell has status passed|failing, attempts, first_passed,
    last_tried, failing (the failing facts' words), rechecked (passed|failing|None) and differs."""
    query = "SELECT student, lesson, exercise, passed, facts, time, source FROM results"
    args = ()
    if student is not None:
        query += " WHERE student = ?"
        args = (student,)
    cells = {}
    for name, lesson, exercise, passed, facts, when, source in db.execute(query + " ORDER BY time, received", args):
        cell = cells.setdefault((name, lesson, exercise), {
            "status": None, "attempts": 0, "first_passed": "", "last_tried": "", "failing": "",
            "rechecked": None, "rechecked_time": "", "recheck_failing": ""})
        if source == "recheck":
            cell["rechecked"] = "passed" if passed else "failing"
            cell["rechecked_time"] = when
            cell["recheck_failing"] = "" if passed else failing_words(facts)
            continue
        cell["attempts"] += 1
        cell["last_tried"] = when
        cell["status"] = "passed" if passed else "failing"
        cell["failing"] = "" if passed else failing_words(facts)
        if passed and not cell["first_passed"]:
            cell["first_passed"] = when
    for cell in cells.values():
        # A difference that matters for a grade: passed by one account and not by the other.
        cell["differs"] = cell["rechecked"] is not None and (cell["rechecked"] == "passed") != (cell["status"] == "passed")
    return cells


def rows(db, students, catalogue):
    """The export's rows: every student by every exercise of every lesson (not tried included), then
    results for exercises the catalogue does not know (a student's own %%check)."""
    cells = summary(db)
    out, seen = [], set()
    for student in students:
        for lesson, exercises in catalogue.items():
            for exercise, _cell_id, _solution in exercises:
                key = (student, lesson, exercise)
                seen.add(key)
                out.append(row(key, cells.get(key)))
    for key in sorted(k for k in cells if k not in seen and k[0] in students):
        out.append(row(key, cells[key]))
    return out


def row(key, cell):
    student, lesson, exercise = key
    if cell is None or cell["status"] is None:
        return {"student": student, "lesson": lesson, "exercise": exercise, "status": "not tried", "attempts": 0,
                "first_passed": "", "last_tried": "",
                "rechecked": cell["rechecked"] if cell else None, "differs": bool(cell and cell["differs"])}
    return {"student": student, "lesson": lesson, "exercise": exercise, "status": cell["status"],
            "attempts": cell["attempts"], "first_passed": cell["first_passed"], "last_tried": cell["last_tried"],
            "failing": cell["failing"], "rechecked": cell["rechecked"], "differs": cell["differs"],
            "recheck_failing": cell["recheck_failing"]}


# A cell a spreadsheet would run as a formula (OWASP's CSV injection list). A student names the
# exercise and lesson of a check of their own, and those rows are exported too.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """The value as the lecturer's spreadsheet should show it: text that starts like a formula is
    quoted with a leading apostrophe, which spreadsheets show as text and do not run."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_text(rows_):
    import csv
    import io
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows_:
        writer.writerow([csv_cell(r[c]) for c in COLUMNS])
    return buffer.getvalue()
