"""Two runs of install/lessons, shared by test_handouts.py and test_print.py (each run takes a minute,
so they happen once per pytest session), and what the tests need to read them."""
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import time

from conftest import ROOT

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(ROOT, "install"))
from handoutlib import fit, pages  # noqa: E402  (the page geometry the handouts are printed with)

LESSON_IMAGES = ("hello-world", "busybox", "redis", "node", "nginx", "mariadb", "registry")


def docker(*args, check=True):
    return subprocess.run(["docker", *args], check=check, capture_output=True, text=True).stdout


def leave_leftovers():
    """What tests and other runs leave on the engine: the lessons must not see any of it."""
    docker("rm", "-f", "leftover-box", check=False)
    docker("run", "-d", "--name", "leftover-box", "-v", "leftover-volume:/data", "busybox", "sleep", "600")
    docker("tag", "busybox", "leftover-image:1")
    docker("network", "create", "leftover-network", check=False)
    docker("rmi", "hello-world", check=False)


@functools.lru_cache(maxsize=None)
def runs():
    """(first, second): the output folders of two runs of install/lessons, leftovers before the first.
    HANDOUTS_RUNS=DIR1:DIR2 checks two runs made before instead (while working on the print style)."""
    if os.environ.get("HANDOUTS_RUNS"):
        return tuple(os.environ["HANDOUTS_RUNS"].split(":"))
    leave_leftovers()
    folders = []
    for n in (1, 2):
        out = os.path.join(ROOT, "target", "test-handouts", f"run-{n}")  # kept for a look after the tests
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        started = time.monotonic()
        result = subprocess.run([os.path.join(ROOT, "install", "lessons")], env=dict(os.environ, DOCKER_LESSONS_OUT=out),
                                capture_output=True, text=True, timeout=900)
        # What the run said (each lesson's seconds, the timings line) and its wall time, kept beside the
        # run for whoever times the pipeline: the fixture is a third of pytest.
        with open(out + ".log", "w", encoding="utf-8") as f:
            f.write(f"{result.stdout}{result.stderr}install/lessons: {time.monotonic() - started:.1f} s\n")
        assert result.returncode == 0, result.stdout + result.stderr
        folders.append(out)
    # The tests after these (pull tests) want registry back.
    subprocess.run([os.path.join(ROOT, "install", "lesson-images")], check=True, capture_output=True)
    return tuple(folders)


def lesson_pages(folder):
    return sorted(p for p in os.listdir(folder) if re.match(r"\d\d-.*\.html$", p))


@functools.lru_cache(maxsize=None)
def stable_ids():
    """{ID: placeholder} for the IDs that must be the same in every run: the lesson images and their
    layers. Full and short forms."""
    ids = {}
    for name in LESSON_IMAGES:
        found = json.loads(docker("image", "inspect", "--format", "{{json .}}", name))
        for value, kind in [(found["Id"], "image"), *[(layer, "layer") for layer in found["RootFS"]["Layers"]]]:
            hexid = value.split(":", 1)[1]
            ids[hexid] = f"<{kind} {name}>"
            ids[hexid[:12]] = f"<{kind} {name}>"
    return ids


def built_ids():
    """What install/lesson-images builds from the Debian packages, without asking the engine."""
    out = subprocess.run([os.path.join(ROOT, "install", "lesson-images"), "--ids", *LESSON_IMAGES], check=True,
                         capture_output=True, text=True).stdout
    return dict(line.split() for line in out.splitlines())


def output_tables(page_html):
    """[(header cells, [row cells])] of every table in a page's outputs."""
    tables = []
    for part in re.split(r'(?=<div class="jp-Cell-outputWrapper">)', page_html)[1:]:
        for match in pages.TABLE.finditer(part):
            header, rows = [], []
            for row in pages.ROW.findall(match.group(2)):
                cells = pages.CELL.findall(row)
                if cells and all(kind == "h" for kind, _ in cells):
                    header = [pages.text_of(c).strip() for _, c in cells]
                else:
                    rows.append([pages.text_of(c).strip() for _, c in cells])
            tables.append((header, rows))
    return tables


def pdf_words(pdf):
    """[(page number, page width, page height, [(word, xMin, yMin, xMax, yMax)])] from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True, capture_output=True, text=True).stdout
    result = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [(pages.html.unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3]))
                 for w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                     page.group(3))]
        result.append((len(result) + 1, float(page.group(1)), float(page.group(2)), words))
    return result


def content_box(width, height):
    """(left, top, right, bottom) in pt of the area the lesson's text is printed in."""
    m = fit.MARGIN_MM
    return m["left"] * fit.MM, m["top"] * fit.MM, width - m["right"] * fit.MM, height - m["bottom"] * fit.MM
