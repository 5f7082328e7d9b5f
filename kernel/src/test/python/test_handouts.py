"""install/lessons: every lesson runs into a self-contained HTML handout and a PDF with an index, and
two consecutive runs differ only in IDs (generated names included), digests, times and sizes."""
import difflib
import os
import re
import subprocess

import pytest

from conftest import ROOT

NORMALISERS = [
    (re.compile(r"sha256:[0-9a-f]{64}"), "sha256:<digest>"),
    (re.compile(r"\b[0-9a-f]{64}\b"), "<id>"),
    (re.compile(r"\b[0-9a-f]{12}\b"), "<id>"),
    (re.compile(r"(Less than a second|About a minute|About an hour|\d+ (seconds?|minutes|hours|days|weeks|months|years))"),
     "<duration>"),
    (re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?( UTC)?"), "<time>"),
    (re.compile(r"\b\d{1,2} \w{3} \d{4} \d\d:\d\d:\d\d(\.\d+)?"), "<time>"),
    (re.compile(r"\b\w{3} \w{3} +\d{1,2} \d\d:\d\d:\d\d \d{4}\b"), "<time>"),
    (re.compile(r"\b\d+(\.\d+)?(B|kB|MB|GB|KiB|MiB|GiB)\b"), "<size>"),
    (re.compile(r"\b\d+\.\ds\b"), "<elapsed>"),  # how long each step of docker compose took
    (re.compile(r"(?m)^(root|\d+) +\d+ +\d+ .*$"), "<top row>"),
    (re.compile(r"(?<=<td>)[a-z]+_[a-z]+(?=</td>)"), "<generated name>"),  # docker's adjective_name
    (re.compile(r"\b1:[CM] \d+"), "<redis log>"),
    (re.compile(r"(?m)^\d+:[CM] .*$"), "<redis log line>"),
]


def normalise(text):
    for pattern, replacement in NORMALISERS:
        text = pattern.sub(replacement, text)
    return text


def run_lessons(out):
    env = dict(os.environ, DOCKER_LESSONS_OUT=str(out))
    result = subprocess.run([os.path.join(ROOT, "install", "lessons")], env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    first = run_lessons(tmp_path_factory.mktemp("handouts-1"))
    second = run_lessons(tmp_path_factory.mktemp("handouts-2"))
    return first, second


def lesson_pages(folder):
    return sorted(p for p in os.listdir(folder) if re.match(r"\d\d-.*\.html$", p))


def test_every_lesson_has_a_self_contained_page_and_a_pdf_and_the_index_links_them(two_runs):
    first, _ = two_runs
    notebooks = sorted(n[:-6] for n in os.listdir(os.path.join(ROOT, "notebooks")) if n.endswith(".ipynb"))
    assert [p[:-5] for p in lesson_pages(first)] == notebooks
    index = (first / "index.html").read_text(encoding="utf-8")
    for name in notebooks:
        page = (first / f"{name}.html").read_text(encoding="utf-8")
        assert "/usr/share/javascript" not in page and "<style" in page
        assert f'href="{name}.html"' in index
        pdf = first / f"{name}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
        assert f'href="{name}.pdf"' in index


def test_two_runs_differ_only_in_ids_digests_times_and_sizes(two_runs):
    first, second = two_runs
    for page in lesson_pages(first):
        a = normalise((first / page).read_text(encoding="utf-8")).splitlines()
        b = normalise((second / page).read_text(encoding="utf-8")).splitlines()
        diff = list(difflib.unified_diff(a, b, lineterm="", n=0))
        assert not diff, page + "\n" + "\n".join(diff[:40])
