package magic

import (
	"context"
	"os"
	"slices"
	"strings"
)

// lineEnv is %env [NAME[=VALUE] | NAME VALUE]: list the environment, show
// one variable, or set one. Shell commands and the cells see the change:
// it is the executor process's environment.
func (m *Magics) lineEnv(_ context.Context, c call) (map[string]any, error) {
	if c.args == "" {
		env := os.Environ()
		slices.Sort(env)
		for _, kv := range env {
			m.printf("%s\n", kv)
		}
		return nil, nil
	}
	name, value, set := strings.Cut(c.args, "=")
	if !set {
		name, value, set = strings.Cut(c.args, " ")
	}
	name, value = strings.TrimSpace(name), strings.TrimSpace(value)
	if name == "" || strings.ContainsAny(name, " \t") {
		return nil, usageError("%%env: bad variable name %q", name)
	}
	if !set {
		v, ok := os.LookupEnv(name)
		if !ok {
			return nil, usageError("environment does not have key: %s", name)
		}
		m.printf("%s\n", v)
		return nil, nil
	}
	if err := os.Setenv(name, value); err != nil {
		return nil, usageError("%%env: %v", err)
	}
	m.printf("env: %s=%s\n", name, value)
	return nil, nil
}
