package interp

// Crash describes how the process that ran cells died.
type Crash struct {
	Output      string
	ExitCode    int
	Signal      string
	MemoryLimit int64
}

// ExplainCrash puts a crash in words.
func ExplainCrash(c Crash) *Error {
	return &Error{Name: "Crash", Value: c.Output}
}
