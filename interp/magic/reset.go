package magic

import (
	"context"
	"fmt"
	"strings"
)

// resetPrompt is IPython's question before %reset forgets everything.
const resetPrompt = "Once deleted, variables cannot be recovered. Proceed (y/[n])? "

// lineReset is %reset [-f]: forget all user state, after asking unless
// -f is given.
func (m *Magics) lineReset(ctx context.Context, c call) (map[string]any, error) {
	switch c.args {
	case "-f":
	case "":
		if m.env.Input == nil {
			return nil, usageError("%%reset asks before it deletes, and this notebook cannot answer: use %%reset -f")
		}
		ans, err := m.env.Input(ctx, resetPrompt)
		if err != nil {
			return nil, &Error{Name: "UsageError", Value: fmt.Sprintf("%%reset: %v", err), Err: err}
		}
		if a := strings.ToLower(strings.TrimSpace(ans)); a != "y" && a != "yes" {
			m.printf("Nothing done.\n")
			return nil, nil
		}
	default:
		return nil, usageError("%%reset takes only -f, not %q", c.args)
	}
	if err := m.sess.Reset(); err != nil {
		return nil, &Error{Name: "UsageError", Value: fmt.Sprintf("%%reset: %v", err), Err: err}
	}
	return nil, nil
}
