package install

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Location is the kind of data directory a kernelspec is installed into.
type Location int

// Locations, as the flags of `jupyter kernelspec install` name them.
const (
	// User is the per-user data directory (the default).
	User Location = iota
	// SysPrefix is share/jupyter under the Python environment Jupyter runs in.
	SysPrefix
	// Prefix is share/jupyter under a directory the caller names.
	Prefix
)

// Env is what DataDir reads from the outside world; tests fill it in.
type Env struct {
	Getenv func(string) string // os.Getenv
	Home   string              // the user's home directory
	GOOS   string              // runtime.GOOS
}

// DataDir returns the Jupyter data directory for loc. prefix is used by
// Prefix only. The rules are jupyter_core's: for User, $JUPYTER_DATA_DIR,
// else ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows and
// $XDG_DATA_HOME/jupyter (default ~/.local/share/jupyter) elsewhere; for
// SysPrefix, share/jupyter under $CONDA_PREFIX or $VIRTUAL_ENV, else under
// /usr/local, which Debian's jupyter_client searches.
func DataDir(loc Location, prefix string, env Env) (string, error) {
	switch loc {
	case User:
		if d := env.Getenv("JUPYTER_DATA_DIR"); d != "" {
			return d, nil
		}
		if env.Home == "" {
			return "", errors.New("no home directory: set JUPYTER_DATA_DIR or use --prefix")
		}
		switch env.GOOS {
		case "darwin":
			return filepath.Join(env.Home, "Library", "Jupyter"), nil
		case "windows":
			if d := env.Getenv("APPDATA"); d != "" {
				return filepath.Join(d, "jupyter"), nil
			}
			return filepath.Join(env.Home, "AppData", "Roaming", "jupyter"), nil
		}
		if d := env.Getenv("XDG_DATA_HOME"); d != "" {
			return filepath.Join(d, "jupyter"), nil
		}
		return filepath.Join(env.Home, ".local", "share", "jupyter"), nil
	case SysPrefix:
		for _, v := range []string{"CONDA_PREFIX", "VIRTUAL_ENV"} {
			if d := env.Getenv(v); d != "" {
				return filepath.Join(d, "share", "jupyter"), nil
			}
		}
		return filepath.Join("/usr/local", "share", "jupyter"), nil
	case Prefix:
		if prefix == "" {
			return "", errors.New("--prefix needs a directory")
		}
		abs, err := filepath.Abs(prefix)
		if err != nil {
			return "", fmt.Errorf("prefix %s: %w", prefix, err)
		}
		return filepath.Join(abs, "share", "jupyter"), nil
	}
	return "", fmt.Errorf("unknown location %d", loc)
}
