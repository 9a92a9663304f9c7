package interp

import (
	"fmt"
	"regexp"
	"strings"
)

// Crash describes how the process that ran cells died: what Go's runtime
// wrote to its crash pipe and how it exited.
type Crash struct {
	// Output is the runtime's fatal error or panic text (fd 2).
	Output string
	// ExitCode is the exit status, -1 when a signal ended the process.
	ExitCode int
	// Signal names the signal that ended the process ("killed"), if any.
	Signal string
	// MemoryLimit is set when the process was killed for using more than
	// this many bytes of memory.
	MemoryLimit int64
}

// crashCellLine matches a position in a cell (cell3.go:2:5, cell[3]).
var crashCellLine = regexp.MustCompile(`cell(\d+\.go:\d+|\[\d+\])`)

// crashExitCall matches the panic value of the sandboxed os.Exit.
var crashExitCall = regexp.MustCompile(`^os\.Exit\(-?\d+\)`)

// crashGoStart matches the line the session writes to the crash pipe
// before a goroutine's panic ends the process (see goPanicText).
var crashGoStart = regexp.MustCompile(`(?m)^panic in the goroutine started at (cell\[\d+\] line \d+:\d+): `)

// crashStackLimit matches Go's report of an overflowing goroutine stack.
var crashStackLimit = regexp.MustCompile(`goroutine stack exceeds (\d+)-byte limit`)

// ExplainCrash turns a crash of the cell process into an Error a student
// can act on: what happened, in plain words, with the cell lines of the
// crashing goroutine when the runtime printed any, and without the
// runtime's and the interpreter's own frames.
func ExplainCrash(c Crash) *Error {
	out := strings.ReplaceAll(c.Output, "\r\n", "\n")
	goroutine := "a goroutine" // which goroutine panicked, when the session said
	if m := crashGoStart.FindStringSubmatch(out); m != nil {
		goroutine = "the goroutine started at " + m[1]
	}
	var e *Error
	switch fatal := crashFatalError(out); {
	case c.MemoryLimit > 0:
		e = crashError("MemoryLimit",
			fmt.Sprintf("the cell used more than %s of memory, so its Go process was stopped", crashSizeText(c.MemoryLimit)),
			"Use less memory (smaller slices and maps, fewer goroutines), or raise the ceiling with the GOKERNEL_MEMORY_LIMIT environment variable.")
	case crashStackLimit.MatchString(out) || fatal == "stack overflow":
		limit := ""
		if m := crashStackLimit.FindStringSubmatch(out); m != nil {
			limit = " (" + m[1] + " bytes)"
		}
		e = crashError("StackOverflow",
			"stack overflow: a function called itself too deeply"+limit,
			"A recursive function needs a case that stops the recursion; check that every call gets closer to it.")
	case strings.HasPrefix(fatal, "concurrent map"):
		e = crashError("ConcurrentMapAccess",
			fatal+": two goroutines used the same map at the same time, and one of them wrote to it",
			"Protect the map with a sync.Mutex (Lock before every read and write, Unlock after), or use sync.Map.")
	case strings.Contains(fatal, "out of memory"):
		e = crashError("OutOfMemory",
			"the Go process ran out of memory",
			"Use less memory: smaller slices and maps, fewer goroutines.")
	case fatal != "":
		e = crashError("FatalError", fatal, "")
	case crashExitCall.MatchString(crashPanicValue(out)):
		// The sandboxed os.Exit panics; in a goroutine that ends the process.
		call := crashExitCall.FindString(crashPanicValue(out))
		e = crashError("Exit",
			goroutine+" called "+call+", which ends the whole program",
			"Return from the goroutine instead, or report the failure on a channel.")
	case crashPanicValue(out) != "":
		e = crashError("GoroutinePanic",
			"panic in "+goroutine+": "+crashPanicValue(out),
			"A panic that no deferred recover catches ends the whole program. Recover inside the goroutine (defer func() { if r := recover(); r != nil { ... } }()) or fix its cause.")
	case c.Signal != "":
		e = crashError("Killed", crashSignalText(c.Signal), "")
	default:
		e = crashError("Exit",
			fmt.Sprintf("the cell's Go process exited with status %d (a call to os.Exit(%d) or log.Fatal ends the program)", c.ExitCode, c.ExitCode),
			"")
	}
	if frames := crashCellFrames(out); len(frames) > 0 {
		e.Traceback = append(e.Traceback, "", "Where:")
		e.Traceback = append(e.Traceback, frames...)
	}
	return e
}

// crashError builds the Error with its first traceback lines.
func crashError(name, value, hint string) *Error {
	tb := []string{name + ": " + value}
	if hint != "" {
		tb = append(tb, hint)
	}
	return &Error{Name: name, Value: value, Traceback: tb}
}

// crashFatalError returns X of the first "fatal error: X" line, or "".
func crashFatalError(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if v, ok := strings.CutPrefix(line, "fatal error: "); ok {
			return strings.TrimPrefix(strings.TrimSpace(v), "runtime: ")
		}
	}
	return ""
}

// crashPanicValue returns the value of an unrecovered panic ("panic: V", up to
// the goroutine header), without Go's "[recovered]" notes, or "".
func crashPanicValue(out string) string {
	i := strings.Index(out, "panic: ")
	if i < 0 || (i > 0 && out[i-1] != '\n') {
		return ""
	}
	v := out[i+len("panic: "):]
	if j := strings.Index(v, "\n\ngoroutine "); j >= 0 {
		v = v[:j]
	} else if j := strings.Index(v, "\ngoroutine "); j >= 0 {
		v = v[:j]
	}
	v = strings.TrimSpace(v)
	for _, note := range []string{" [recovered, repanicked]", " [recovered]"} {
		v = strings.ReplaceAll(v, note, "")
	}
	// A panic raised while panicking: "panic: A\n\tpanic: B" — keep both.
	v = strings.Join(strings.Fields(strings.ReplaceAll(v, "\n\tpanic: ", "; then panic: ")), " ")
	return v
}

// crashCellFrames returns the lines of out that point into cells, once each.
func crashCellFrames(out string) []string {
	var frames []string
	seen := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		line = strings.TrimSpace(line)
		if !crashCellLine.MatchString(line) || seen[line] || crashGoStart.MatchString(line) {
			continue
		}
		seen[line] = true
		frames = append(frames, "  "+line)
	}
	return frames
}

// crashSignalText says what a signal that ended the process means.
func crashSignalText(sig string) string {
	if sig == "killed" {
		return "the cell's Go process was killed (signal: killed); the system does this when memory runs out"
	}
	return "the cell's Go process was stopped by a signal (" + sig + ")"
}

// crashSizeText writes a byte count for people: 512 MiB, 4 GiB, 1.5 GiB.
func crashSizeText(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	f, i := float64(n), 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d bytes", n)
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".") + " " + units[i]
}
