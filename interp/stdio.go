package interp

import (
	"io"
	"os"
	"reflect"

	"github.com/traefik/yaegi/interp"
)

// stdinExports returns yaegi symbols that make a cell's os.Stdin read
// from r. yaegi only swaps os.Stdin for an *os.File; for any other reader
// (the executor's, which asks the notebook for a line on each read) a cell
// would read the process's fd 0 instead. Use merges symbol maps, so
// loading these after the standard library replaces only os.Stdin. In a
// cell os.Stdin then has the static type io.Reader: bufio.NewReader,
// bufio.NewScanner, io.ReadAll and fmt.Fscan work; *os.File methods
// such as Fd do not.
func stdinExports(r io.Reader) interp.Exports {
	if _, ok := r.(*os.File); ok || r == nil {
		return nil
	}
	return interp.Exports{"os/os": {"Stdin": reflect.ValueOf(&r).Elem()}}
}
