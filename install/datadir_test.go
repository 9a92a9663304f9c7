package install

import (
	"path/filepath"
	"testing"
)

func TestDataDir(t *testing.T) {
	abs, err := filepath.Abs("rel")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		loc    Location
		prefix string
		goos   string
		env    map[string]string
		want   string
	}{
		{"user linux default", User, "", "linux", nil, "/home/u/.local/share/jupyter"},
		{"user JUPYTER_DATA_DIR wins", User, "", "linux", map[string]string{"JUPYTER_DATA_DIR": "/j", "XDG_DATA_HOME": "/x"}, "/j"},
		{"user XDG_DATA_HOME", User, "", "linux", map[string]string{"XDG_DATA_HOME": "/x"}, "/x/jupyter"},
		{"user macOS", User, "", "darwin", nil, "/home/u/Library/Jupyter"},
		{"sys-prefix conda", SysPrefix, "", "linux", map[string]string{"CONDA_PREFIX": "/c", "VIRTUAL_ENV": "/v"}, "/c/share/jupyter"},
		{"sys-prefix venv", SysPrefix, "", "linux", map[string]string{"VIRTUAL_ENV": "/v"}, "/v/share/jupyter"},
		{"sys-prefix system", SysPrefix, "", "linux", nil, "/usr/local/share/jupyter"},
		{"prefix", Prefix, "/opt/p", "linux", nil, "/opt/p/share/jupyter"},
		{"relative prefix made absolute", Prefix, "rel", "linux", nil, filepath.Join(abs, "share", "jupyter")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Getenv: func(k string) string { return tt.env[k] }, Home: "/home/u", GOOS: tt.goos}
			got, err := DataDir(tt.loc, tt.prefix, env)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("DataDir = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDataDirErrors(t *testing.T) {
	env := Env{Getenv: func(string) string { return "" }, GOOS: "linux"}
	if _, err := DataDir(User, "", env); err == nil {
		t.Error("User without home or JUPYTER_DATA_DIR: no error")
	}
	if _, err := DataDir(Prefix, "", env); err == nil {
		t.Error("Prefix without a directory: no error")
	}
}
