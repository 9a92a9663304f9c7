package check

import "errors"

// NoError checks that err is nil.
func (c *Checker) NoError(name string, err error) {
	if err != nil {
		c.fail(name, "expected no error, got error %q", err.Error())
	}
	c.pass(name)
}

// ErrorIs checks that err matches target in the sense of errors.Is.
func (c *Checker) ErrorIs(name string, err, target error) {
	if err == nil {
		c.fail(name, "expected error %q, got no error", target.Error())
	}
	c.report(name, errors.Is(err, target), "expected error %q, got error %q", target.Error(), err.Error())
}

// Panics checks that fn panics, and returns the value it panicked with.
func (c *Checker) Panics(name string, fn func()) (value any) {
	panicked := true
	func() {
		defer func() { value = recover() }()
		fn()
		panicked = false
	}()
	c.report(name, panicked, "expected a panic, but the function returned normally")
	return value
}
