"""Jupyter's own protocol conformance suite (jupyter_kernel_test) against gokernel.

Run with Debian's python3 after `kernel install`:
    timeout 300 /usr/bin/python3 .ci/kernel_test.py -v
Every test that applies to Go is configured; a test left unconfigured is
skipped by the suite itself (the pager test: gokernel shows help through
inspect, not through execute payloads, so code_page_something stays empty).
"""
import unittest

import jupyter_kernel_test


class GoKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "gokernel"
    language_name = "go"
    file_extension = ".go"

    code_hello_world = 'fmt.Println("hello, world")'
    code_stderr = 'fmt.Fprintln(os.Stderr, "to stderr")'

    # Matches replace the text from cursor_start, which is the start of the
    # identifier being completed.
    completion_samples = [
        {"text": "fmt.Prin", "matches": {"Print", "Printf", "Println"}},
        {"text": "strings.ToUpp", "matches": {"ToUpper", "ToUpperSpecial"}},
        {"text": "x"},
    ]
    complete_code_samples = [
        "1 + 1",
        "x := 1",
        "func f() int { return 1 }",
        'fmt.Println("hi")',
        "for i := 0; i < 3; i++ {\n\tfmt.Println(i)\n}",
    ]
    incomplete_code_samples = [
        "func f() {",
        "for i := 0; i < 3; i++ {",
        "x := []int{1,\n2,",
        'fmt.Println("a",',
    ]
    invalid_code_samples = [
        "x := )",
        "}",
        "func 1() {}",
    ]

    code_generate_error = 'panic("boom")'

    code_execute_result = [
        {"code": "1 + 1", "result": "2"},
        {"code": "6 * 7", "result": "42"},
        {"code": "y := 21\ny * 2", "result": "42"},
        # Rich results: a chart, an image.Image, a value with an HTML method.
        {"code": 'plot.New("t").LineY("a", []float64{1, 2, 3})', "mime": "image/svg+xml"},
        {"code": "image.NewRGBA(image.Rect(0, 0, 2, 2))", "mime": "image/png"},
        {"code": 'type bold string\nfunc (b bold) HTML() string { return "<b>" + string(b) + "</b>" }\n'
                 'hi := bold("hi")\nhi', "mime": "text/html", "result": "<b>hi</b>"},
    ]
    code_display_data = [
        {"code": 'display.HTML("<b>x</b>")', "mime": "text/html"},
        {"code": 'display.Markdown("*hello*")', "mime": "text/markdown"},
        {"code": 'display.SVG(`<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>`)', "mime": "image/svg+xml"},
        {"code": "%%html\n<i>hi</i>", "mime": "text/html"},
        {"code": "%%markdown\n# hi", "mime": "text/markdown"},
    ]

    code_history_pattern = "1 +*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "fmt.Println"
    code_clear_output = 'fmt.Println("soon gone")\ndisplay.Clear(false)'


if __name__ == "__main__":
    unittest.main()
