// Package display shows rich output in a notebook cell: HTML, Markdown,
// SVG, PNG and JPEG images, JSON, LaTeX and plain text, shaped as Jupyter
// display_data messages.
//
// The model is the one Jupyter uses. A cell can show any number of outputs
// while it runs. Each output is a MIME bundle: the same thing in several
// formats ("text/html", "text/plain", ...), from which the notebook picks
// the richest one it can render. Every output shown here also carries a
// display id, so it can be replaced later where it stands (a live progress
// bar, a chart that redraws itself) with Handle.Update, and a cell can wipe
// its own output with Clear.
//
// A Display does not know how messages reach the notebook: it hands each
// one to the publish function given to New. In gokernel the executor owns
// the Display and forwards its messages to the Jupyter client; in a plain Go
// program or a test, publish can print or collect them.
//
// Any value can be shown. Bundle decides its formats: a value with a method
// HTML() string becomes "text/html", Markdown() "text/markdown", SVG()
// "image/svg+xml", PNG() / JPEG() []byte images, LaTeX() "text/latex",
// JSON() any "application/json"; an image.Image becomes a PNG, an error is
// shown in red. Every bundle also has "text/plain".
//
// Progress bars and counters change in place at most ten times a second;
// the executor calls Flush at the end of each cell so that their last state
// is shown before the cell is reported done.
//
// Notebook cells do not import this package: the executor binds a Display
// to the names a cell sees (see Exports), so a cell just writes
//
//	display.HTML("<b>hello</b>")
//	bar := display.Progress(60)
//	bar.Add(1)
package display
