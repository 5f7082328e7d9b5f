"""install/lessons: every lesson runs into a self-contained HTML handout and a PDF, the book binds
them, index.html links it all; each lesson starts from exactly the lesson images, whatever tests or
other runs left on the engine; and two runs give handouts that differ only in what must change."""
import difflib
import html
import os
import re
import subprocess
from collections import Counter

import pytest

from conftest import ROOT, java_text
from handouts_runs import LESSON_IMAGES, built_ids, docker, leave_leftovers, lesson_pages, output_tables, runs, \
    stable_ids

# What must differ between two runs, and nothing else: container IDs (and the IDs of the image
# lesson 6 builds, whose config holds its build time), the names docker makes up, times, and what
# `docker top` measures on the host (process IDs, CPU use). The lesson images' IDs and sizes stay.
TIMES = [
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?( UTC)?"), "<time>"),
    (re.compile(r"\b\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d(\.\d+)?"), "<time>"),  # redis's log
    (re.compile(r"\b\w{3} \w{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}\b"), "<time>"),
    (re.compile(r"\b\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d_\d+Z"), "<time>"),              # npm's log file name
    (re.compile(r"\b\d\d:\d\d(:\d\d)?\b"), "<time>"),                          # docker top STIME, TIME
    (re.compile(r"(packages? in )\d+(\.\d+)?m?s\b"), r"\1<duration>"),                # npm install's summary
    (re.compile(r"(duration_ms:? )\d+(\.\d+)?"), r"\1<duration>"),                     # node --test's report
    (re.compile(r"(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes?|hours?|days?|"
                r"weeks?|months?|years?))\b"), "<duration>"),
]
IDS = [
    (re.compile(r"\b[0-9a-f]{64}\b"), "<id>"),
    (re.compile(r"\b[0-9a-f]{12}\b"), "<id>"),
    (re.compile(r"\b[a-z]+_[a-z]+\b"), "<generated name>"),  # docker's adjective_surname
    (re.compile(r"\b(root|\d+) +\d+ +\d+ +\d+ +(?=<time>)"), r"\1 <pid> <ppid> <cpu> "),  # docker top: PID, PPID, C
    (re.compile(r"(<td>(root|\d+)</td>)<td>\d+</td><td>\d+</td><td>\d+</td>(?=<td><time>)"),
     r"\1<td><pid></td><td><ppid></td><td><cpu></td>"),  # docker top's table, as above
    (re.compile(r"\b\d+\.\ds\b"), "<elapsed>"),  # how long each step of docker compose took
    # A wide table is set smaller until it fits: its size follows the width of the times in it ("Up Less than a
    # second" or "Up 2 seconds"), so it is one of the things that change with them.
    (re.compile(r"(--print-font-size: )\d+(\.\d+)?pt"), r"\1<size>"),
]


# Lesson 13's swarm: its IDs (25 letters and digits) and join tokens are new every run, and the managers
# place tasks as they see fit: which node runs a task, so how many earlier tasks a slot shows after the
# drain and what the picture draws in each box, differ between runs. Its page is compared without them:
# tokens and IDs masked, the pictures and every line naming a task or a node's tasks left out.
SWARM_MASKS = [
    (re.compile(r"SWMTKN-1-[0-9a-z]+-[0-9a-z]+"), "<token>"),
    (re.compile(r"\b[0-9a-z]{25}\b"), "<swarm id>"),
    (re.compile(r'(<td class="code">)[0-9a-z]{12}(</td>)'), r"\1<swarm id>\2"),  # the ID column of a table
    (re.compile(r"\b(?=[a-z]*[0-9])[0-9a-z]{12}\b"), "<swarm id>"),             # a short ID elsewhere
    (re.compile(r"<svg\b.*?</svg>", re.S), "<cluster picture>"),
    # an object's Version.Index is the managers' raft log position: how much the cluster did before
    (re.compile(r'(Index(?:&#34;|&quot;|")\s*:\s*)\d+'), r"\1<raft index>"),
]
# A PDF's table has no cell markup: a row of a swarm listing starts with the object's short ID, which
# may hold no digit at all ("mdigbdwbajmg", one ID in 50), so the rule for a short ID elsewhere misses it.
PDF_ROW_ID = re.compile(r"^[0-9a-z]{12}(?= )", re.M)
PLACED = re.compile(r"\b(web|hello|secret-reader|visits_node-app|visits_redis-server)\.\d|\bnode\d\*? +(ready|down)\b")


def normalise(text):
    for hexid, placeholder in stable_ids().items():
        text = text.replace(hexid, placeholder)
    for pattern, replacement in TIMES + IDS:
        text = pattern.sub(replacement, text)
    return text


def normalise_page(page, text):
    if not page.startswith("13-"):
        return normalise(text).splitlines()
    for pattern, replacement in SWARM_MASKS:
        text = pattern.sub(replacement, text)
    return [line for line in normalise(text).splitlines() if not PLACED.search(line)]


@pytest.fixture(scope="module")
def two_runs():
    return runs()


def test_every_lesson_has_a_self_contained_page_and_a_pdf_and_the_index_links_them_and_the_book(two_runs):
    first, _ = two_runs
    notebooks = sorted(n[:-6] for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb"))
    assert [p[:-5] for p in lesson_pages(first)] == notebooks
    with open(os.path.join(first, "index.html"), encoding="utf-8") as f:
        index = f.read()
    assert 'href="lessons.pdf"' in index
    for name in notebooks:
        with open(os.path.join(first, name + ".html"), encoding="utf-8") as f:
            page = f.read()
        assert "/usr/share/javascript" not in page and "<style" in page and "@page" in page
        assert f'href="{name}.html"' in index and f'href="{name}.pdf"' in index
        with open(os.path.join(first, name + ".pdf"), "rb") as f:
            assert f.read(5) == b"%PDF-"
    with open(os.path.join(first, "lessons.pdf"), "rb") as f:
        assert f.read(5) == b"%PDF-"


def test_each_lesson_starts_from_exactly_the_lesson_images_whatever_was_left_on_the_engine(two_runs):
    first, _ = two_runs
    with open(os.path.join(first, lesson_pages(first)[0]), encoding="utf-8") as f:
        tables = output_tables(f.read())
    images = [t for t in tables if t[0][:2] == ["REPOSITORY", "TAG"]][-1][1]
    ids = built_ids()
    assert sorted((row[0], row[1], row[2]) for row in images) == \
        sorted((name, "latest", ids[name][7:19]) for name in LESSON_IMAGES)


def test_the_reset_leaves_exactly_the_lesson_images_and_nothing_else():
    leave_leftovers()
    subprocess.run([os.path.join(ROOT, "install", "lesson-images"), "--reset"], check=True, capture_output=True)
    try:
        ids = built_ids()
        assert sorted(docker("images", "-a", "--no-trunc", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").split("\n")[:-1]) \
            == sorted(f"{name}:latest {ids[name]}" for name in LESSON_IMAGES)
        assert docker("ps", "-aq") == "" and docker("volume", "ls", "-q") == ""
        assert docker("network", "ls", "-q", "--filter", "type=custom") == ""
    finally:
        subprocess.run([os.path.join(ROOT, "install", "lesson-images")], check=True, capture_output=True)


def test_the_reset_refuses_an_engine_that_is_not_the_private_one():
    sys_path = os.path.join(ROOT, "install")
    result = subprocess.run(["/usr/bin/python3", "-c", f"""
import importlib.machinery, importlib.util, sys
loader = importlib.machinery.SourceFileLoader("li", "{sys_path}/lesson-images")
m = importlib.util.module_from_spec(importlib.util.spec_from_loader("li", loader)); loader.exec_module(m)
print(m.is_private(["io.github.dockerlessons.private=1"]), m.is_private([]), m.is_private(["other=1"]))
"""], check=True, capture_output=True, text=True)
    assert result.stdout.split() == ["True", "False", "False"]


def pdf_text(path):
    """(pages, the text with no blank at all): in the order Chromium wrote it (-raw), so a table cell's
    lines stay together; without blanks, so a time of another length that wraps a cell elsewhere
    ("hello-world" or "hello-" "world") reads the same. A PDF that holds lesson 13 (its own and the
    book) is read as its page is compared: swarm IDs and tokens masked, the lines that say where a
    task landed left out."""
    out = subprocess.run(["pdftotext", "-raw", path, "-"], check=True, capture_output=True, text=True).stdout
    pages = out.count("\f")
    if os.path.basename(path).startswith("13-") or os.path.basename(path) == "lessons.pdf":
        for pattern, replacement in SWARM_MASKS + [(PDF_ROW_ID, "<swarm id>")]:
            out = pattern.sub(replacement, out)
        out = "\n".join(line for line in out.splitlines() if not PLACED.search(line))
    return pages, re.sub(r"\s+", "", normalise(re.sub(r"\s+", " ", out)))


def pdf_info(path):
    out = subprocess.run(["pdfinfo", path], check=True, capture_output=True, text=True).stdout
    return [line for line in out.splitlines() if not line.startswith(("CreationDate", "ModDate", "File size"))]


# An output of the lab HTML: its div, up to the next output or cell (the handouts' outputs are text,
# tables and SVG; none nests another output).
OUTPUT = re.compile(r'<div class="[^"]*\bjp-OutputArea-output\b[^"]*"[^>]*>(.*?)(?=<div class="jp-OutputArea-child|'
                    r'<div class="jp-Cell |\Z)', re.S)


def test_every_lesson_runs_without_error_and_no_output_shows_java_text(two_runs):
    """install/lessons stops on an error output (nbclient, raises-exception cells aside), so that both
    runs ended is the first half; the second: no output of any lesson shows a Java class or trace."""
    first, _ = two_runs
    for page in lesson_pages(first):
        with open(os.path.join(first, page), encoding="utf-8") as f:
            shown = "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", m.group(1))) for m in OUTPUT.finditer(f.read()))
        assert shown.strip(), page
        assert not java_text(shown), f"{page}: Java text shown: {java_text(shown)}"


def test_two_runs_differ_only_in_container_ids_generated_names_times_and_the_pdf_dates(two_runs):
    first, second = two_runs
    for page in lesson_pages(first):
        with open(os.path.join(first, page), encoding="utf-8") as a, \
                open(os.path.join(second, page), encoding="utf-8") as b:
            diff = list(difflib.unified_diff(normalise_page(page, a.read()), normalise_page(page, b.read()),
                                             lineterm="", n=0))
        assert not diff, page + "\n" + "\n".join(diff[:40])
    for pdf in sorted(p for p in os.listdir(first) if p.endswith(".pdf")):
        a, b = os.path.join(first, pdf), os.path.join(second, pdf)
        assert pdf_info(a) == pdf_info(b), pdf
        (pages_a, text_a), (pages_b, text_b) = pdf_text(a), pdf_text(b)
        assert pages_a == pages_b, pdf
        # Chromium's drawing order may differ between two prints of pages that differ only in the
        # width of a time ("1 second ago"): the same characters in another order is the same page.
        if text_a != text_b and Counter(text_a) != Counter(text_b):
            at = next(i for i, (x, y) in enumerate(zip(text_a + "$", text_b + "#")) if x != y)
            pytest.fail(f"{pdf}: ...{text_a[max(0, at - 80):at + 80]}\n  vs ...{text_b[max(0, at - 80):at + 80]}")


def test_the_lesson_images_show_the_ids_they_are_built_with(two_runs):
    first, _ = two_runs
    with open(os.path.join(first, lesson_pages(first)[0]), encoding="utf-8") as f:
        page = normalise(f.read())
    for name in LESSON_IMAGES:
        assert f"<image {name}>" in page
