"""Issue 20, on the lessons themselves (no kernel, no engine): every lesson has a checked exercise with
a stable name, its answer in cells tagged `solution` before the check, hints that do not spell the
answer out, and a students' copy (install/classroom, install/handouts --student) without the answers."""
import glob
import os
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "install", "classroom.d"))
import lessonbook  # noqa: E402

LESSONS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))


@pytest.mark.parametrize("path", LESSONS, ids=[os.path.basename(p) for p in LESSONS])
def test_every_lesson_has_a_named_checked_exercise_with_its_solution(path):
    notebook = lessonbook.load(path)
    exercises = lessonbook.exercises(notebook)
    assert exercises, "a lesson without a checked exercise"
    for name, cell_id, solution in exercises:
        assert not name == cell_id, f"the check {cell_id} has no %%check NAME"
        assert solution.strip(), f"{name}: no cell tagged solution before its check"
    names = [e[0] for e in exercises]
    assert len(names) == len(set(names))


def test_exercise_names_are_unique_across_the_lessons():
    names = [e[0] for p in LESSONS for e in lessonbook.exercises(lessonbook.load(p))]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("path", LESSONS, ids=[os.path.basename(p) for p in LESSONS])
def test_hints_say_how_to_find_the_answer_not_what_to_type(path):
    notebook = lessonbook.load(path)
    answers = [line.strip() for _, _, solution in lessonbook.exercises(notebook) for line in solution.splitlines()]
    for cell in notebook["cells"]:
        for line in lessonbook.source(cell).splitlines():
            if line.startswith("%hint"):
                assert not any(answer and answer in line for answer in answers), line


@pytest.mark.parametrize("path", LESSONS, ids=[os.path.basename(p) for p in LESSONS])
def test_the_students_copy_has_no_solution_and_keeps_every_other_cell(path):
    notebook = lessonbook.load(path)
    copy = lessonbook.student_copy(notebook)
    assert lessonbook.has_solutions(notebook) and not lessonbook.has_solutions(copy)
    assert [c.get("id") for c in copy["cells"]] == [c.get("id") for c in notebook["cells"]]
    solutions = "\n".join(s for _, _, s in lessonbook.exercises(notebook))
    for before, after in zip(notebook["cells"], copy["cells"]):
        if "solution" in lessonbook.tags(before):
            assert lessonbook.source(after) == lessonbook.PLACEHOLDER and after["outputs"] == []
            assert lessonbook.source(before).strip() not in lessonbook.source(after)
        else:
            assert after == before
    # The checks themselves stay: a student's copy is still checked under the same names.
    assert lessonbook.exercises(copy) == [(n, i, "") for n, i, _ in lessonbook.exercises(notebook)]
    assert solutions  # the lecturer's copy holds them
