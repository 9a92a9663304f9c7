package magic

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// lineCd is %cd [DIR]: change the process's working directory (to the
// home directory without DIR, to the previous one with -) and print it.
func (m *Magics) lineCd(_ context.Context, c call) (map[string]any, error) {
	old, err := os.Getwd()
	if err != nil {
		return nil, usageError("%%cd: %v", err)
	}
	dir := unquote(c.args)
	switch {
	case dir == "-":
		if m.prevDir == "" {
			return nil, usageError("%%cd -: no previous directory")
		}
		dir = m.prevDir
	case dir == "" || dir == "~" || strings.HasPrefix(dir, "~/"):
		home, err := os.UserHomeDir()
		if err != nil {
			return nil, usageError("%%cd: %v", err)
		}
		dir = filepath.Join(home, strings.TrimPrefix(dir, "~"))
	}
	if err := os.Chdir(dir); err != nil {
		return nil, usageError("%%cd: %v", err)
	}
	m.prevDir = old
	now, err := os.Getwd()
	if err != nil {
		return nil, usageError("%%cd: %v", err)
	}
	m.printf("%s\n", now)
	return nil, nil
}

// linePwd is %pwd: the working directory, as the cell's value (a Go
// string, as IPython returns a Python one).
func (m *Magics) linePwd(_ context.Context, c call) (map[string]any, error) {
	if c.args != "" {
		return nil, usageError("%%pwd takes no arguments")
	}
	dir, err := os.Getwd()
	if err != nil {
		return nil, usageError("%%pwd: %v", err)
	}
	return map[string]any{"text/plain": strconv.Quote(dir)}, nil
}

// unquote strips one pair of matching quotes around s.
func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] {
		return s[1 : len(s)-1]
	}
	return s
}
