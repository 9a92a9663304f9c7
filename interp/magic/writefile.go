package magic

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"strings"
)

// cellWritefile is %%writefile [-a] FILE: write the cell's body to FILE
// (append with -a) and say so, as IPython does.
func (m *Magics) cellWritefile(_ context.Context, c call) (map[string]any, error) {
	args := c.args
	appendTo := false
	if rest, ok := strings.CutPrefix(args, "-a"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
		appendTo = true
		args = strings.TrimSpace(rest)
	}
	name := unquote(args)
	if name == "" {
		return nil, usageError("%%%%writefile needs a file name: %%%%writefile [-a] FILE")
	}
	_, err := os.Stat(name)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, usageError("%%%%writefile: %v", err)
	}
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendTo {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(name, flags, 0o666)
	if err != nil {
		return nil, usageError("%%%%writefile: %v", err)
	}
	_, werr := f.WriteString(c.body)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		return nil, usageError("%%%%writefile: %v", err)
	}
	switch {
	case exists && appendTo:
		m.printf("Appending to %s\n", name)
	case exists:
		m.printf("Overwriting %s\n", name)
	default:
		m.printf("Writing %s\n", name)
	}
	return nil, nil
}
