package magic

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// shellWaitDelay bounds how long a killed command's output pipes may stay
// open (held by a child that left the process group) before Wait gives up
// on them.
const shellWaitDelay = 2 * time.Second

// shellLine runs a ! line with bash -c, after putting the values of the
// user's variables in place of {name}, as IPython does.
func (m *Magics) shellLine(ctx context.Context, command string) error {
	if command == "" {
		return nil
	}
	return m.runBash(ctx, "!"+command, m.expandVars(command))
}

// varRefRE matches {name} where name is a Go identifier.
var varRefRE = regexp.MustCompile(`\{([\pL_][\pL\pN_]*)\}`)

// expandVars replaces {name} with the value of the user's variable name.
// Braces around anything else ({a,b}, ${x}, {}) are bash's and stay.
func (m *Magics) expandVars(command string) string {
	if !strings.Contains(command, "{") {
		return command
	}
	values := map[string]string{}
	for _, v := range m.sess.Vars() {
		values[v.Name] = v.Value
	}
	return varRefRE.ReplaceAllStringFunc(command, func(ref string) string {
		if v, ok := values[ref[1:len(ref)-1]]; ok {
			return v
		}
		return ref
	})
}

// cellBash is %%bash: run the cell's body as a bash script.
func (m *Magics) cellBash(ctx context.Context, c call) (map[string]any, error) {
	if c.args != "" {
		return nil, usageError("%%%%bash takes no arguments")
	}
	return nil, m.runBash(ctx, "bash", c.body)
}

// runBash runs script with bash -c in its own process group. Its output
// goes to the notebook as it is written (directly when Stdout and Stderr
// are files, else copied by exec's goroutines, which Wait ends). Standard
// input is empty. Cancelling ctx kills the whole process group, so
// commands the script started in the background die too. A non-zero exit
// status is an error named after what ran (what), e.g. "bash exited with
// status 2".
func (m *Magics) runBash(ctx context.Context, what, script string) error {
	cmd := exec.CommandContext(ctx, m.env.Bash, "-c", script)
	cmd.Stdout, cmd.Stderr = m.env.Stdout, m.env.Stderr
	cmd.SysProcAttr = procAttr()
	cmd.Cancel = func() error {
		// The negative pid names the process group Setpgid created.
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	cmd.WaitDelay = shellWaitDelay
	err := cmd.Run()
	if ctx.Err() != nil {
		return &Error{Name: "Interrupted", Value: what + " was interrupted", Err: ctx.Err()}
	}
	if err == nil {
		return nil
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return &Error{Name: "ShellError", Value: fmt.Sprintf("%s was killed by signal %v", what, ws.Signal()), Err: err}
		}
		return &Error{Name: "ShellError", Value: fmt.Sprintf("%s exited with status %d", what, exit.ExitCode()), Err: err}
	}
	return &Error{Name: "ShellError", Value: fmt.Sprintf("%s: %v", what, err), Err: err}
}
