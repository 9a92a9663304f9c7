package magic

import "context"

// displayAs returns a cell magic that shows its body as rich output of
// MIME type mime (%%html, %%markdown, %%svg, %%latex).
func (m *Magics) displayAs(mime string) func(context.Context, call) (map[string]any, error) {
	return func(_ context.Context, c call) (map[string]any, error) {
		if c.args != "" {
			return nil, usageError("%%%%%s takes no arguments", c.name)
		}
		m.env.Display(map[string]any{mime: c.body}, map[string]any{})
		return nil, nil
	}
}
