"""Executes a sample Go notebook with Jupyter's nbclient and checks its outputs.

    /usr/bin/python3 .ci/nbclient_check.py                 run the sample through nbclient
    /usr/bin/python3 .ci/nbclient_check.py --write NB      write the sample (unexecuted) to NB
    /usr/bin/python3 .ci/nbclient_check.py --check NB      check outputs of an executed NB
                                                           (e.g. one `kernel run` wrote)
    /usr/bin/python3 .ci/nbclient_check.py --execute NB... execute notebooks with nbclient; each
                                                           must run without an error or stderr

Prints one PASS/FAIL line per cell; exits 1 if any cell fails.
"""
import argparse
import os
import sys

import nbformat
from nbformat import v4

KERNEL = "gokernel"

# (source, expected stdout, expected execute_result text/plain, expected display MIME types)
CELLS = [
    ('fmt.Println("hello from go")', "hello from go\n", None, ()),
    ("x := 20\nx + 22", "", "42", ()),
    ("func double(n int) int { return 2 * n }", "", None, ()),
    ("double(x)", "", "40", ()),
    ("for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}", "0\n1\n2\n", None, ()),
    ('fmt.Print("a")\nfmt.Print("b")\nfmt.Println("c")', "abc\n", None, ()),
    ('_ = display.HTML("<b>bold</b>")', "", None, ("text/html",)),
]


def sample():
    nb = v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Go (gokernel)", "language": "go"}
    nb.cells.append(v4.new_markdown_cell("# gokernel CI sample"))
    for src, *_ in CELLS:
        nb.cells.append(v4.new_code_cell(src))
    return nb


def check(nb):
    """Compares the outputs of each code cell with CELLS; returns the failure count."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    failed = 0
    for n, (cell, (src, out, result, mimes)) in enumerate(zip(code, CELLS), start=1):
        problems = []
        stdout = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
        stderr = "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stderr")
        results = [o for o in cell.outputs if o.output_type == "execute_result"]
        shown = set()
        for o in cell.outputs:
            if o.output_type == "display_data":
                shown.update(o.data)
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            problems.append("error %s: %s" % (errors[0].ename, errors[0].evalue))
        if stdout != out:
            problems.append("stdout %r, want %r" % (stdout, out))
        if stderr:
            problems.append("unexpected stderr %r" % stderr)
        if result is None and results:
            problems.append("unexpected execute_result %r" % results[0].data)
        if result is not None:
            got = [r.data.get("text/plain") for r in results]
            if got != [result]:
                problems.append("execute_result %r, want [%r]" % (got, result))
            elif results[0].execution_count != cell.execution_count:
                problems.append("execute_result count %s, cell count %s" % (results[0].execution_count, cell.execution_count))
        for m in mimes:
            if m not in shown:
                problems.append("no display_data with %s" % m)
        if cell.execution_count != n:
            problems.append("execution_count %r, want %d" % (cell.execution_count, n))
        print("%s cell %d %r%s" % ("FAIL" if problems else "PASS", n, src.splitlines()[0], (": " + "; ".join(problems)) if problems else ""))
        failed += bool(problems)
    if len(code) != len(CELLS):
        print("FAIL notebook has %d code cells, want %d" % (len(code), len(CELLS)))
        failed += 1
    return failed


def run_nbclient():
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = sample()
    client = NotebookClient(nb, timeout=60, kernel_name=KERNEL, allow_errors=True, startup_timeout=60)
    client.execute()
    failed = check(nb)

    # A failing cell stops the run and names the error, as nbconvert --execute does.
    bad = v4.new_notebook()
    bad.metadata["kernelspec"] = nb.metadata["kernelspec"]
    bad.cells = [v4.new_code_cell('panic("boom in ci")'), v4.new_code_cell('fmt.Println("not reached")')]
    try:
        NotebookClient(bad, timeout=60, kernel_name=KERNEL, startup_timeout=60).execute()
        print("FAIL failing notebook: no CellExecutionError")
        failed += 1
    except CellExecutionError as e:
        if "boom in ci" in str(e) and not bad.cells[1].outputs:
            print("PASS failing notebook raises CellExecutionError naming the panic")
        else:
            print("FAIL failing notebook: %s" % str(e)[:300])
            failed += 1
    return failed


def execute_notebooks(paths):
    """Runs each notebook as nbconvert --execute would; returns the failure count."""
    import time

    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    failed = 0
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.monotonic()
        problems = []
        try:
            NotebookClient(nb, timeout=120, kernel_name=KERNEL, startup_timeout=60,
                           resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}}).execute()
        except CellExecutionError as e:
            problems.append(str(e).strip().splitlines()[-1][:300])
        except Exception as e:  # a timeout or a dead kernel
            problems.append("%s: %s" % (type(e).__name__, str(e)[:300]))
        for c in nb.cells:
            for o in c.get("outputs", []):
                if o.output_type == "stream" and o.name == "stderr":
                    problems.append("cell %s wrote to stderr: %r" % (c.get("id"), o.text[:200]))
        took = time.monotonic() - start
        print("%s %s (%.1fs)%s" % ("FAIL" if problems else "PASS", path, took, (": " + "; ".join(problems)) if problems else ""))
        failed += bool(problems)
    return failed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--write")
    p.add_argument("--check")
    p.add_argument("--execute", nargs="+")
    a = p.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    if a.write:
        nbformat.write(sample(), a.write)
        return 0
    if a.execute:
        return 1 if execute_notebooks(a.execute) else 0
    if a.check:
        nb = nbformat.read(a.check, as_version=4)
        nbformat.validate(nb)
        return 1 if check(nb) else 0
    return 1 if run_nbclient() else 0


if __name__ == "__main__":
    sys.exit(main())
