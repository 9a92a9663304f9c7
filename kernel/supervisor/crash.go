package supervisor

import "fmt"

// Crash describes how an executor died.
type Crash struct {
	// Output is what the executor wrote to its crash pipe (Go's fatal
	// error and panic text), possibly cut short.
	Output string
	// ExitCode is the exit status, or -1 when a signal ended the process.
	ExitCode int
	// Signal names the signal that ended the process ("killed"), if any.
	Signal string
	// MemoryLimit is set when the supervisor killed the executor for
	// using more resident memory than this many bytes.
	MemoryLimit int64
}

// plainExplain is the Explain used when Config has none.
func plainExplain(c Crash) (ename, evalue string, traceback []string) {
	switch {
	case c.MemoryLimit > 0:
		evalue = fmt.Sprintf("the cell used more than %s of memory", FormatSize(c.MemoryLimit))
	case c.Signal != "":
		evalue = "the Go process was stopped by signal: " + c.Signal
	default:
		evalue = fmt.Sprintf("the Go process exited with status %d", c.ExitCode)
	}
	return "ExecutorDied", evalue, []string{"ExecutorDied: " + evalue}
}
