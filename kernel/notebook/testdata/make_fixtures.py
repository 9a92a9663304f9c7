"""Writes the notebooks the Go tests read, with Jupyter's own nbformat.

Run with Debian's python3 (python3-nbformat) from this directory:
    /usr/bin/python3 make_fixtures.py
The Go round-trip tests require that gokernel writes these files back byte
for byte as nbformat wrote them.
"""
import nbformat
from nbformat import v4

nb = v4.new_notebook()
nb.metadata = {
    "kernelspec": {"name": "gokernel", "display_name": "Go (gokernel)", "language": "go"},
    "language_info": {"name": "go", "file_extension": ".go", "mimetype": "text/x-go", "version": "go1.26.8"},
    "nbgrader": {"__altered": False, "__hash": -12345},
    "title": "Fixture <&> ünïcode",
}
nb.cells = [
    v4.new_markdown_cell("# Title\n\nSome *markdown*\nwith two lines.", id="md-1"),
    v4.new_code_cell(
        'fmt.Println("hello")\nx := 1 + 1\nx',
        id="code-1",
        execution_count=1,
        metadata={"nbgrader": {"grade": True, "grade_id": "q1", "locked": False, "points": 2, "schema_version": 3, "solution": False}, "tags": ["a", "b"]},
        outputs=[
            v4.new_output("stream", name="stdout", text="hello\nno newline at end"),
            v4.new_output("stream", name="stderr", text="warn\r\nprogress\r50%\r100%\n"),
            v4.new_output("execute_result", execution_count=1, data={"text/plain": "2"}),
        ],
    ),
    v4.new_code_cell(
        "display(...)",
        id="code_2",
        execution_count=2,
        outputs=[
            v4.new_output(
                "display_data",
                data={
                    "text/html": "<b>bold</b>\n<i>it</i>\n",
                    "image/svg+xml": "<svg>\n</svg>",
                    "image/png": "iVBORw0KGgo=",
                    "application/json": {"a": [1, 2.5, "x\ny"], "b": None},
                    "application/vnd.custom+json": {"k": "v"},
                    "text/plain": "<Display>",
                },
                metadata={"image/png": {"width": 10}},
            ),
        ],
    ),
    v4.new_code_cell(
        "panic(\"boom\")",
        id="c3",
        execution_count=3,
        outputs=[
            v4.new_output("error", ename="panic", evalue="boom", traceback=["panic: boom", "", "goroutine 1 [running]:"]),
        ],
    ),
    v4.new_code_cell("", id="empty-code"),
    v4.new_raw_cell("raw\ttext\n", id="raw-1", metadata={"format": "text/plain"}),
]
nbformat.validate(nb)
nbformat.write(nb, "roundtrip.ipynb")

# A notebook written before cell ids (nbformat 4.4).
old = {
    "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Old\n", "notebook"]},
        {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["1 + 1"]},
    ],
    "metadata": {"kernelspec": {"name": "gokernel", "display_name": "Go (gokernel)"}},
    "nbformat": 4,
    "nbformat_minor": 4,
}
import json
with open("v4.4.ipynb", "w") as f:
    json.dump(old, f, indent=1, sort_keys=True)
    f.write("\n")
