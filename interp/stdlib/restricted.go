package stdlib

import "fmt"

// Exit is the panic value of os.Exit called by interpreted code: ending the
// process would end the notebook's session, so the cell stops instead.
// The front end can find it in an interp.Panic and report the code.
type Exit struct {
	Code int // the argument of os.Exit
}

// Error says which exit was stopped.
func (e Exit) Error() string {
	return fmt.Sprintf("os.Exit(%d) called: the cell stopped, the session goes on", e.Code)
}

// osExit replaces os.Exit in the symbol tables.
func osExit(code int) { panic(Exit{Code: code}) }
