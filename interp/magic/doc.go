// Package magic runs IPython-style magics and shell commands in a Go
// notebook cell, in front of the Go session that runs the rest.
//
// A cell is read line by line. Its first non-blank line may name a cell
// magic (%%time, %%bash, %%writefile, %%html, ...), which then owns the whole
// cell. Otherwise every line that starts with % (a line magic: %time,
// %timeit, %who, %cd, ...) or ! (a shell command run with bash -c, where
// {name} stands for the value of the user's variable name) is a step of
// its own, and the Go lines between such steps are run as cells of
// their own, in order. A % or ! line counts only where a Go statement
// could start: outside brackets, raw strings and comments, and not after a
// line that ends in an operator (so `ok := a &&` followed by `!b` stays
// Go). Go chunks are padded with blank lines so that the session reports
// errors at the line the student sees. The value of the cell is the value
// of its last step.
//
// The package knows the Go session only through the small Session
// interface, and the notebook only through Env (writers, a display
// callback, an input prompt), so it imports neither the interpreter nor
// the Jupyter side. Shell commands and %cd act on the process they run
// in: the executor, one process per notebook session.
//
// %timeit measures inside one Session.Run: it generates Go code that runs
// the statement in a loop under time.Now/time.Since, calibrates the loop
// count like IPython (1, 10, 100, ... until a run takes 0.2 s), runs 7
// timed repeats, and returns the counts as the cell's value, a string, so
// that the session's compile time never counts. The generated code uses
// the packages time and strconv without importing them (the session
// imports standard packages on use), so a user variable named time or
// strconv breaks it. %time and %%time keep the
// student's declarations, so they time the whole Session.Run (front end,
// compile and run) with the wall clock and the process's CPU time.
package magic
