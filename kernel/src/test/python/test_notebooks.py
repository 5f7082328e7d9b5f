"""Every lesson notebook runs top to bottom through nbclient, with no error."""
import glob
import os
import subprocess

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT, java_text

NOTEBOOKS = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))


@pytest.fixture(scope="module", autouse=True)
def lesson_images():
    # A lesson removes an image (docker rmi); the next run needs it back.
    subprocess.run([os.path.join(ROOT, "install", "lesson-images")], check=True, stdout=subprocess.DEVNULL)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[os.path.basename(p) for p in NOTEBOOKS])
def test_notebook_runs_without_error(path, tmp_path):
    notebook = nbformat.read(path, as_version=4)
    # The lessons name the kernelspec pinned to the lessons' engine.
    assert notebook.metadata.kernelspec.name == "docker-lessons"
    # A scratch folder as the lesson's working directory: the files it writes start from nothing.
    NotebookClient(notebook, kernel_name="docker-lessons", timeout=300,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    for cell in notebook.cells:
        if cell.cell_type != "code" or "raises-exception" in cell.metadata.get("tags", []):
            continue
        assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            shown = "\n".join(output.get("traceback", [])) + output.get("text", "") + \
                str(output.get("data", {}).get("text/plain", ""))
            assert not java_text(shown, cell.source), f"Java text shown: {java_text(shown, cell.source)} in {shown[:500]!r}"
    subprocess.run([os.path.join(ROOT, "install", "lesson-images")], check=True, stdout=subprocess.DEVNULL)
