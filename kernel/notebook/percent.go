package notebook

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// PercentMarker starts a cell in a percent script, the text format of
// jupytext ("percent" format) with Go's line comment:
//
//	// %% [markdown]
//	// # A title
//	// Some text, each line a // comment.
//
//	// %%
//	fmt.Println("a code cell")
//
//	// %% nbgrader={"grade_id": "ex1", "grade": true, "points": 2}
//	check.Equal("ex1", f(), 3)
//
// After the marker come, all optional and in this order: the cell type in
// brackets ([markdown] or [raw]; a code cell has none) and metadata as
// key=JSON pairs separated by spaces, each JSON value complete on the
// marker line. Lines before the first marker (a file header) are ignored.
const PercentMarker = "// %%"

// FromPercent converts a percent script (see PercentMarker) to a notebook
// of gokernel cells. Markdown and raw cells have their "// " prefixes
// removed; every cell's leading and trailing blank lines are dropped.
// Cells get the ids name-1, name-2, ... (name reduced to the characters a
// cell id allows), so that converting the same script twice gives the same
// notebook. The notebook's metadata names the gokernel kernelspec and the
// Go language.
func FromPercent(name string, src []byte) (*Notebook, error) {
	nb := New()
	nb.Metadata["kernelspec"] = map[string]any{
		"name":         "gokernel",
		"display_name": "Go (gokernel)",
		"language":     "go",
	}
	nb.Metadata["language_info"] = map[string]any{
		"name":           "go",
		"file_extension": ".go",
		"mimetype":       "text/x-go",
	}
	prefix := idPrefix(name)
	var cur *Cell
	var body []string
	flush := func() {
		if cur == nil {
			return
		}
		cur.Source = cellText(cur.Type, body)
		nb.Cells = append(nb.Cells, cur)
	}
	for n, line := range strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") {
		if !isMarker(line) {
			body = append(body, line)
			continue
		}
		flush()
		typ, meta, err := parseMarker(line[len(PercentMarker):])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
		}
		cur = &Cell{ID: fmt.Sprintf("%s-%d", prefix, len(nb.Cells)+1), Type: typ, Metadata: meta}
		body = body[:0]
	}
	flush()
	if len(nb.Cells) == 0 {
		return nil, fmt.Errorf("%s: no cell (a cell starts with a %q line)", name, PercentMarker)
	}
	return nb, nil
}

// isMarker reports whether line starts a cell: "// %%" alone or followed
// by a space.
func isMarker(line string) bool {
	rest, ok := strings.CutPrefix(strings.TrimRight(line, " \t"), PercentMarker)
	return ok && (rest == "" || rest[0] == ' ')
}

// parseMarker reads what follows "// %%": an optional [type] and
// key=JSON pairs.
func parseMarker(rest string) (typ string, meta map[string]any, err error) {
	typ = Code
	meta = map[string]any{}
	rest = strings.TrimSpace(rest)
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return "", nil, fmt.Errorf("cell type: missing ]")
		}
		switch t := rest[1:end]; t {
		case Markdown, "md":
			typ = Markdown
		case Raw:
			typ = Raw
		default:
			return "", nil, fmt.Errorf("cell type %q: want [markdown] or [raw]", t)
		}
		rest = strings.TrimSpace(rest[end+1:])
	}
	for rest != "" {
		key, value, ok := strings.Cut(rest, "=")
		if !ok || !metaKey.MatchString(key) {
			return "", nil, fmt.Errorf("metadata %q: want key=JSON", rest)
		}
		dec := json.NewDecoder(strings.NewReader(value))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			return "", nil, fmt.Errorf("metadata %s: %w", key, err)
		}
		if _, dup := meta[key]; dup {
			return "", nil, fmt.Errorf("metadata %s given twice", key)
		}
		meta[key] = v
		rest = strings.TrimSpace(value[dec.InputOffset():])
	}
	return typ, meta, nil
}

var metaKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)

// cellText joins a cell's lines: comment prefixes removed from markdown
// and raw cells, blank lines at both ends dropped.
func cellText(typ string, lines []string) string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		if typ != Code {
			l = uncomment(l)
		}
		out = append(out, l)
	}
	for len(out) > 0 && strings.TrimSpace(out[0]) == "" {
		out = out[1:]
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	return strings.Join(out, "\n")
}

// uncomment removes "// " (or a bare "//") from the start of a text line.
func uncomment(l string) string {
	if rest, ok := strings.CutPrefix(l, "// "); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(l, "//"); ok {
		return rest
	}
	return l
}

// idPrefix makes a cell id prefix from a file name: its base without
// extension, keeping only the characters nbformat allows in an id.
func idPrefix(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name, _, _ = strings.Cut(name, ".")
	var b strings.Builder
	for _, r := range name {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 || b.Len() > 50 {
		return "cell"
	}
	return b.String()
}
