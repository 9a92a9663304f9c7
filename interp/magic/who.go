package magic

import (
	"context"
	"fmt"
	"html"
	"slices"
	"strings"
)

// lineWho is %who [TYPE...]: the names of the user's variables, or of
// those whose type is one of the TYPEs.
func (m *Magics) lineWho(_ context.Context, c call) (map[string]any, error) {
	m.printf("%s", whoText(filterVars(m.sess.Vars(), c.args), c.args != ""))
	return nil, nil
}

// lineWhos is %whos [TYPE...]: a table of the user's variables with type
// and value, as IPython prints it.
func (m *Magics) lineWhos(_ context.Context, c call) (map[string]any, error) {
	m.printf("%s", whosText(filterVars(m.sess.Vars(), c.args), c.args != ""))
	return nil, nil
}

// filterVars returns vars sorted by name, keeping those whose type is in
// the space-separated list types (all when it is empty).
func filterVars(vars []Var, types string) []Var {
	want := strings.Fields(types)
	var out []Var
	for _, v := range vars {
		if len(want) == 0 || slices.Contains(want, v.Type) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b Var) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// emptyText is what %who and %whos print when there is nothing to list.
func emptyText(filtered bool) string {
	if filtered {
		return "No variables match your requested type.\n"
	}
	return "Interactive namespace is empty.\n"
}

// whoText lists names separated by tabs, nine to a line, like IPython.
func whoText(vars []Var, filtered bool) string {
	if len(vars) == 0 {
		return emptyText(filtered)
	}
	var b strings.Builder
	for i, v := range vars {
		b.WriteString(v.Name + "\t ")
		if i%9 == 8 {
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
	return b.String()
}

// whosText renders IPython's %whos table: Variable, Type, Data/Info.
func whosText(vars []Var, filtered bool) string {
	if len(vars) == 0 {
		return emptyText(filtered)
	}
	const sep = 3
	nameW, typeW := len("Variable"), len("Type")
	for _, v := range vars {
		nameW, typeW = max(nameW, len(v.Name)), max(typeW, len(v.Type))
	}
	nameW += sep
	typeW += sep
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s%-*s Data/Info\n", nameW, "Variable", typeW, "Type")
	b.WriteString(strings.Repeat("-", nameW+typeW+len("Data/Info")+1) + "\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "%-*s%-*s %s\n", nameW, v.Name, typeW, v.Type, shortValue(v.Value))
	}
	return b.String()
}

// shortValue shows a value on one line, cut in the middle when long.
func shortValue(s string) string {
	s = strings.ReplaceAll(s, "\n", `\n`)
	r := []rune(s)
	if len(r) < 50 {
		return s
	}
	return string(r[:25]) + "<...>" + string(r[len(r)-25:])
}

// WhoBundle renders the %who listing of vars as a MIME bundle, for
// execute_request's user_expressions: "text/plain" is what %who prints
// and "text/html" is the %whos table.
func WhoBundle(vars []Var) map[string]any {
	vars = filterVars(vars, "")
	return map[string]any{
		"text/plain": whoText(vars, false),
		"text/html":  whosHTML(vars),
	}
}

// whosHTML renders the %whos table as HTML.
func whosHTML(vars []Var) string {
	var b strings.Builder
	b.WriteString("<table>\n<tr><th>Variable</th><th>Type</th><th>Data/Info</th></tr>\n")
	for _, v := range vars {
		fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n",
			html.EscapeString(v.Name), html.EscapeString(v.Type), html.EscapeString(shortValue(v.Value)))
	}
	b.WriteString("</table>\n")
	return b.String()
}
