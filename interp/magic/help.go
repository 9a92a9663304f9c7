package magic

import (
	"context"
	"fmt"
	"strings"
)

// shellUsage describes ! lines in the listings.
const shellUsage, shellSummary = "!COMMAND", "run COMMAND with bash -c ({name}: your variable name's value)"

// lineLsmagic is %lsmagic: every magic with one line about it.
func (m *Magics) lineLsmagic(_ context.Context, c call) (map[string]any, error) {
	if c.args != "" {
		return nil, usageError("%%lsmagic takes no arguments")
	}
	m.printf("%s", m.listing())
	return nil, nil
}

// lineHelp is %help [NAME]: the listing, or the usage of one magic.
func (m *Magics) lineHelp(_ context.Context, c call) (map[string]any, error) {
	name := strings.TrimSpace(c.args)
	if name == "" {
		m.printf("%s\nMagics must start a line; %%%% magics must be the first line of the cell.\n", m.listing())
		return nil, nil
	}
	if name == "!" {
		m.printf("%s\n    %s\n", shellUsage, shellSummary)
		return nil, nil
	}
	table, prefix := m.line, "%"
	if strings.HasPrefix(name, "%%") {
		table, prefix = m.cell, "%%"
	}
	mg, ok := table[strings.TrimLeft(name, "%")]
	if !ok && prefix == "%" && !strings.HasPrefix(name, "%") {
		mg, ok = m.cell[name]
	}
	if !ok {
		return nil, usageError("%%help: no magic %s; known: %s %s !", name,
			strings.Join(names(m.line, "%"), " "), strings.Join(names(m.cell, "%%"), " "))
	}
	m.printf("%s\n    %s\n", mg.usage, mg.summary)
	return nil, nil
}

// listing returns the line magics, cell magics and ! lines, one line
// each, in columns.
func (m *Magics) listing() string {
	var b strings.Builder
	width := len(shellUsage)
	for _, t := range []map[string]magic{m.line, m.cell} {
		for _, mg := range t {
			width = max(width, len(mg.usage))
		}
	}
	section := func(title string, table map[string]magic, prefix string) {
		b.WriteString(title + ":\n")
		for _, n := range names(table, prefix) {
			mg := table[strings.TrimPrefix(n, prefix)]
			fmt.Fprintf(&b, "  %-*s  %s\n", width, mg.usage, mg.summary)
		}
	}
	section("Line magics", m.line, "%")
	section("Cell magics (first line of a cell)", m.cell, "%%")
	fmt.Fprintf(&b, "Shell:\n  %-*s  %s\n", width, shellUsage, shellSummary)
	return b.String()
}
