package check

import (
	"fmt"
	"io"
	"os"
)

// Checker runs checks and prints one line per check to Out.
type Checker struct {
	// Out receives the PASS and FAIL lines; nil means os.Stdout.
	Out io.Writer
}

// New returns a Checker that prints to w.
func New(w io.Writer) *Checker { return &Checker{Out: w} }

// Failure is the panic value of a failed check.
type Failure struct {
	// Name is the check's name.
	Name string
	// Problem says what was expected and what was found.
	Problem string
}

// Error returns the same words as the FAIL line.
func (f *Failure) Error() string { return "FAIL " + f.Name + ": " + f.Problem }

func (c *Checker) out() io.Writer {
	if c.Out == nil {
		return os.Stdout
	}
	return c.Out
}

// pass prints the PASS line.
func (c *Checker) pass(name string) {
	fmt.Fprintf(c.out(), "✓ PASS %s\n", name)
}

// fail prints the FAIL line and panics with a *Failure.
func (c *Checker) fail(name, format string, args ...any) {
	f := &Failure{Name: name, Problem: fmt.Sprintf(format, args...)}
	fmt.Fprintf(c.out(), "✗ %s\n", f.Error())
	panic(f)
}

// report passes if ok, and fails with the formatted problem otherwise.
func (c *Checker) report(name string, ok bool, format string, args ...any) {
	if ok {
		c.pass(name)
		return
	}
	c.fail(name, format, args...)
}
