"""install/summarize-tests: a failed comparison's line shows where the two sides first differ, within a
bounded length, for JUnit's and pytest's reports (fast, no kernel). A CI failure of
DifferentialCourseIT showed only the common start of "expected: <..> but was: <..>", cut at 300."""
import importlib.machinery
import importlib.util
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
SCRIPT = os.path.join(ROOT, "install", "summarize-tests")


def load_summarizer():
    loader = importlib.machinery.SourceFileLoader("summarize_tests", SCRIPT)
    spec = importlib.util.spec_from_loader("summarize_tests", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


summarizer = load_summarizer()


def junit_report(path, message):
    from xml.sax.saxutils import quoteattr
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuite name="it.DifferentialCourseIT" tests="2" failures="1" errors="0" skipped="0">\n'
        '  <testcase name="passes" classname="it.DifferentialCourseIT"/>\n'
        '  <testcase name="containersCreatedWithTheSameFlagsHaveTheSameConfig" classname="it.DifferentialCourseIT">\n'
        f'    <failure message={quoteattr(message)} type="org.opentest4j.AssertionFailedError">trace</failure>\n'
        '  </testcase>\n'
        '</testsuite>\n', encoding="utf-8")


def summary_lines(*groups):
    done = subprocess.run([sys.executable, SCRIPT, *groups], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    return done.stdout.splitlines()


def test_a_junit_comparison_shows_where_a_long_config_first_differs(tmp_path):
    common = "{" + ", ".join(f"Key{i}=value{i}" for i in range(60))
    expected = common + ", Env=[A=1, HOME=/root, PATH_ONLY=], User=65534:65534}"
    actual = common + ", Env=[A=1, HOME=, PATH_ONLY=], User=65534:65534}"
    message = f"case -e HOME ==> expected: <{expected}> but was: <{actual}>"
    junit_report(tmp_path / "TEST-it.xml", message)
    lines = summary_lines(f"junit-integration={tmp_path}/TEST-*.xml")
    failed = [line for line in lines if "failed: " in line]
    assert len(failed) == 1, lines
    line = failed[0]
    assert "containersCreatedWithTheSameFlagsHaveTheSameConfig" in line
    assert "case -e HOME" in line
    at = len(common) + len(", Env=[A=1, HOME=")
    assert f"first difference at char {at} of {len(expected)} expected / {len(actual)} actual" in line
    assert "HOME=/root, PATH_ONLY" in line and "HOME=, PATH_ONLY" in line
    assert len(line) <= summarizer.WHY_LIMIT + len("    failed: it.DifferentialCourseIT.") + 60


def test_a_multi_line_junit_comparison_stays_on_one_line():
    expected = "line1\nline2\nline3 same\n" + "x" * 2000
    actual = "line1\nline2\nline3 sane\n" + "x" * 2000
    why = summarizer.why(f"expected: <{expected}> but was: <{actual}>")
    assert "\n" not in why and len(why) <= summarizer.WHY_LIMIT
    assert "line3 same" in why and "line3 sane" in why and "\\n" in why


def test_one_side_starting_the_other_differs_where_the_shorter_ends():
    why = summarizer.why("expected:<abc> but was:<abcdef>")
    assert "at char 3 of 3 expected / 6 actual" in why and "but was <abcdef>" in why


def test_equal_text_of_unequal_objects_is_said():
    why = summarizer.why("expected: <Config{a=1}> but was: <Config{a=1}>")
    assert "print alike" in why


def test_a_long_message_without_a_comparison_is_cut_to_the_limit():
    why = summarizer.why("the cell ended before the stop button: '" + "a" * 5000 + "'\nmore")
    assert why.startswith("the cell ended") and len(why) == summarizer.WHY_LIMIT and "more" not in why


def test_a_pytest_comparison_shows_where_its_diff_first_differs(tmp_path):
    (tmp_path / "test_made_up.py").write_text(
        "def test_long():\n"
        "    assert 'x' * 500 + 'A' + 'y' * 300 == 'x' * 500 + 'B' + 'y' * 300\n"
        "def test_message():\n"
        "    assert False, 'the cell ended before the stop button'\n")
    report = tmp_path / "pytest.xml"
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={report}",
                    str(tmp_path / "test_made_up.py")], cwd=tmp_path, capture_output=True, timeout=120)
    lines = summary_lines(f"pytest={report}")
    long_line = next(line for line in lines if "test_long" in line)
    assert "at char 500 of the line: expected <xxxxxxxxxxByyyyyyyyy> but was <xxxxxxxxxxAyyyyyyyyy>" in long_line
    message_line = next(line for line in lines if "test_message" in line)
    assert message_line.endswith("AssertionError: the cell ended before the stop button")
