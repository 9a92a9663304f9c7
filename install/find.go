package install

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SearchPath returns the data directories Jupyter looks for kernelspecs
// in, first match wins: each entry of $JUPYTER_PATH, the user directory,
// the Python environment's ($CONDA_PREFIX or $VIRTUAL_ENV), then
// /usr/local and /usr, as jupyter_core orders them on Linux.
func SearchPath(env Env) []string {
	var dirs []string
	if p := env.Getenv("JUPYTER_PATH"); p != "" {
		dirs = append(dirs, filepath.SplitList(p)...)
	}
	if d, err := DataDir(User, "", env); err == nil {
		dirs = append(dirs, d)
	}
	for _, v := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
		if d := env.Getenv(v); d != "" {
			dirs = append(dirs, filepath.Join(d, "share", "jupyter"))
		}
	}
	dirs = append(dirs, "/usr/local/share/jupyter", "/usr/share/jupyter")
	seen := map[string]bool{}
	out := dirs[:0]
	for _, d := range dirs {
		if d != "" && !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// Find returns the kernelspec called name from the first directory of
// SearchPath that has it, and the directory it lives in.
func Find(name string, env Env) (Spec, string, error) {
	name = strings.ToLower(name)
	for _, data := range SearchPath(env) {
		dir := SpecDir(data, name)
		b, err := os.ReadFile(filepath.Join(dir, "kernel.json"))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return Spec{}, "", fmt.Errorf("kernelspec %s: %w", name, err)
		}
		var s Spec
		if err := json.Unmarshal(b, &s); err != nil {
			return Spec{}, "", fmt.Errorf("kernelspec %s: parse %s: %w", name, filepath.Join(dir, "kernel.json"), err)
		}
		if len(s.Argv) == 0 {
			return Spec{}, "", fmt.Errorf("kernelspec %s: empty argv in %s", name, dir)
		}
		return s, dir, nil
	}
	return Spec{}, "", fmt.Errorf("no kernelspec %q in %s (install it first)", name, strings.Join(SearchPath(env), ", "))
}
