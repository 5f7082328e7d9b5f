"""The lessons' exercises, read from the notebooks: each %%check cell is an exercise, named as the
kernel names it (`%%check NAME`, else the cell's nbformat id); its solution is the text of the cells
tagged `solution` between the previous check and it. The students' copy of a lesson has each
solution cell replaced by an empty code cell with a short placeholder. Used by install/classroom,
its progress service and install/handouts --student; no dependency outside the standard library."""
import copy
import json
import os

SOLUTION_TAG = "solution"
PLACEHOLDER = "# 여기에 직접 명령을 써 보세요. (막히면 %hint 를 다시 읽고, 강사가 풀이를 공개하면 %solution)"


def source(cell):
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def check_name(cell):
    """The exercise name of a %%check cell, or None when the cell is not a check."""
    if cell.get("cell_type") != "code":
        return None
    first = source(cell).lstrip().split("\n", 1)[0].strip()
    if first != "%%check" and not first.startswith("%%check "):
        return None
    name = first[len("%%check"):].strip()
    return name or cell.get("id") or None


def exercises(notebook):
    """[(exercise, cell_id, solution_text)] in the lesson's order."""
    found, solution = [], []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code" and SOLUTION_TAG in tags(cell):
            solution.append(source(cell).strip())
            continue
        name = check_name(cell)
        if name:
            found.append((name, cell.get("id"), "\n".join(s for s in solution if s)))
            solution = []
    return found


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def catalogue(folder):
    """{lesson file: [(exercise, cell_id, solution)]} for every lesson in a folder."""
    result = {}
    if not os.path.isdir(folder):
        return result
    for name in sorted(os.listdir(folder)):
        if name.endswith(".ipynb"):
            try:
                result[name] = exercises(load(os.path.join(folder, name)))
            except (OSError, ValueError):
                continue
    return result


def student_copy(notebook):
    """The lesson without its answers: every solution cell becomes an empty code cell (same id, so the
    cell order and the checks' neighbours stay) with a placeholder comment."""
    result = copy.deepcopy(notebook)
    for i, cell in enumerate(result.get("cells", [])):
        if cell.get("cell_type") == "code" and SOLUTION_TAG in tags(cell):
            blank = {"cell_type": "code", "execution_count": None, "metadata": {"tags": ["exercise"]},
                     "outputs": [], "source": PLACEHOLDER}
            if "id" in cell:
                blank["id"] = cell["id"]
            result["cells"][i] = blank
    return result


def has_solutions(notebook):
    return any(cell.get("cell_type") == "code" and SOLUTION_TAG in tags(cell) for cell in notebook.get("cells", []))
