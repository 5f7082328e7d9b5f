"""install/code-figures on a tiny made-up tree: the cycle finder, the upward imports and the largest
classes (fast, no kernel)."""
import importlib.machinery
import importlib.util
import os

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def load_figures():
    loader = importlib.machinery.SourceFileLoader("code_figures", os.path.join(ROOT, "install", "code-figures"))
    spec = importlib.util.spec_from_loader("code_figures", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


figures = load_figures()


def write(java_root, package, name, imports, body_lines=1):
    folder = java_root.joinpath(*package.split("."))
    folder.mkdir(parents=True, exist_ok=True)
    lines = [f"package {package};", ""] + [f"import {i};" for i in imports]
    lines += [f"class {name} {{"] + ["    int x;"] * body_lines + ["}"]
    folder.joinpath(name + ".java").write_text("\n".join(lines) + "\n")


def tiny_tree(tmp_path):
    java = tmp_path / "kernel" / "src" / "main" / "java"
    # a -> a.b -> a (a cycle through a subpackage, and an upward import)
    write(java, "p.a", "A", ["p.a.b.B"])
    write(java, "p.a.b", "B", ["p.a.A", "static p.a.A.helper", "java.util.List"])
    # c -> d -> e -> c (a cycle of three siblings), with a wildcard import
    write(java, "p.c", "C", ["p.d.*"])
    write(java, "p.d", "D", ["p.e.E.Inner"], body_lines=40)
    write(java, "p.e", "E", ["p.c.C"])
    # f -> c only: in no cycle
    write(java, "p.f", "F", ["p.c.C", "p.c.C"])
    return java


def test_strongly_connected_on_a_graph():
    graph = {"a": {"b"}, "b": {"a", "c"}, "c": {"d"}, "d": {"c"}, "e": {"a"}, "f": {"f"}}
    components = sorted(figures.strongly_connected(graph))
    assert components == [["a", "b"], ["c", "d"], ["e"], ["f"]]


def test_a_long_chain_needs_no_recursion():
    graph = {i: {i + 1} for i in range(5000)}
    graph[5000] = {0}
    assert [len(c) for c in figures.strongly_connected(graph)] == [5001]


def test_cycles_and_upward_imports_of_a_tree(tmp_path):
    files = figures.read_tree(tiny_tree(tmp_path))
    edges = figures.import_edges(files)
    assert figures.cycles(edges) == [["p.c", "p.d", "p.e"], ["p.a", "p.a.b"]]
    assert [(source, target) for _, source, target in figures.upward(edges)] == [("p.a.b", "p.a"), ("p.a.b", "p.a")]


def test_an_import_belongs_to_the_longest_declared_package():
    packages = {"p.a", "p.a.b"}
    assert figures.package_of("p.a.b.B", packages) == "p.a.b"
    assert figures.package_of("p.a.A.Inner", packages) == "p.a"
    assert figures.package_of("p.ab.X", packages) is None
    assert figures.package_of("java.util.List", packages) is None


def test_the_report(tmp_path, capsys):
    tiny_tree(tmp_path)
    assert figures.main(["--root", str(tmp_path), "--no-duplicates", "--top", "1"]) == 0
    out = capsys.readouterr().out
    assert "packages in a cycle: 5 (in 2 components)" in out
    assert "imports running upward: 2" in out
    assert "p.a.b -> p.a: 2" in out
    assert "     45 p/d/D.java" in out
    assert "total lines: " in out
