package notebook

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// ValidationError lists every rule of the nbformat 4 schema a notebook
// breaks.
type ValidationError struct {
	Problems []string // each "path: what is wrong"
}

// Error lists the first few problems.
func (e *ValidationError) Error() string {
	const max = 5
	p := e.Problems
	more := ""
	if len(p) > max {
		more = fmt.Sprintf(" (and %d more)", len(p)-max)
		p = p[:max]
	}
	return "invalid notebook: " + strings.Join(p, "; ") + more
}

// idPattern is the nbformat 4.5 rule for cell ids.
var idPattern = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,64}$`)

// Keys each object may hold, from the nbformat 4.5 schema, where the
// schema forbids any other key; required keys are marked with a "!".
var (
	topKeys      = keys("!cells", "!metadata", "!nbformat", "!nbformat_minor")
	markdownKeys = keys("!id", "!cell_type", "!metadata", "!source", "attachments")
	codeKeys     = keys("!id", "!cell_type", "!metadata", "!source", "!outputs", "!execution_count")
	outputKeys   = map[string]map[string]bool{
		ExecuteResult: keys("!output_type", "!execution_count", "!data", "!metadata"),
		DisplayData:   keys("!output_type", "!data", "!metadata"),
		Stream:        keys("!output_type", "!name", "!text"),
		Error:         keys("!output_type", "!ename", "!evalue", "!traceback"),
	}
)

func keys(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[strings.TrimPrefix(n, "!")] = strings.HasPrefix(n, "!")
	}
	return m
}

// Validate checks a decoded notebook (the result of decoding its JSON into
// an any, numbers as json.Number or float64) against the nbformat 4
// schema's structural rules and the uniqueness of cell ids. It returns a
// *ValidationError or nil.
func Validate(doc any) error {
	c := &checker{}
	c.notebook(doc)
	if len(c.problems) > 0 {
		return &ValidationError{Problems: c.problems}
	}
	return nil
}

type checker struct {
	problems []string
}

func (c *checker) addf(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

// object checks that v is an object with the allowed keys (nil: any key)
// and the required ones.
func (c *checker) object(path string, v any, allowed map[string]bool) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		c.addf(path, "want an object, got %s", typeName(v))
		return nil, false
	}
	for _, k := range sortedKeys(allowed) {
		if _, has := m[k]; allowed[k] && !has {
			c.addf(path, "missing key %q", k)
		}
	}
	if allowed != nil {
		for _, k := range sortedKeys(m) {
			if _, known := allowed[k]; !known {
				c.addf(path, "unknown key %q", k)
			}
		}
	}
	return m, true
}

func (c *checker) notebook(doc any) {
	top, ok := c.object("notebook", doc, topKeys)
	if !ok {
		return
	}
	if n, ok := c.integer("nbformat", top["nbformat"], 0); ok && n != 4 {
		c.addf("nbformat", "version %d, want 4", n)
	}
	minor, _ := c.integer("nbformat_minor", top["nbformat_minor"], 0)
	if meta, ok := c.object("metadata", top["metadata"], nil); ok {
		c.notebookMetadata(meta)
	}
	cells, ok := top["cells"].([]any)
	if !ok {
		if top["cells"] != nil {
			c.addf("cells", "want an array, got %s", typeName(top["cells"]))
		}
		return
	}
	ids := map[string]int{}
	for i, cell := range cells {
		path := fmt.Sprintf("cells[%d]", i)
		id := c.cell(path, cell, minor >= 5)
		if id == "" {
			continue
		}
		if j, dup := ids[id]; dup {
			c.addf(path, "id %q is also the id of cells[%d]", id, j)
		}
		ids[id] = i
	}
}

func (c *checker) notebookMetadata(meta map[string]any) {
	if ks, ok := meta["kernelspec"]; ok {
		if m, ok := c.object("metadata.kernelspec", ks, nil); ok {
			c.str("metadata.kernelspec.name", m["name"], true)
			c.str("metadata.kernelspec.display_name", m["display_name"], true)
		}
	}
	if li, ok := meta["language_info"]; ok {
		if m, ok := c.object("metadata.language_info", li, nil); ok {
			c.str("metadata.language_info.name", m["name"], true)
			for _, k := range []string{"file_extension", "mimetype", "pygments_lexer"} {
				c.str("metadata.language_info."+k, m[k], false)
			}
		}
	}
	if v, ok := meta["orig_nbformat"]; ok {
		c.integer("metadata.orig_nbformat", v, 1)
	}
	c.str("metadata.title", meta["title"], false)
}

// cell checks one cell and returns its id.
func (c *checker) cell(path string, v any, needID bool) string {
	m, ok := v.(map[string]any)
	if !ok {
		c.addf(path, "want an object, got %s", typeName(v))
		return ""
	}
	var allowed map[string]bool
	switch t := m["cell_type"]; t {
	case Code:
		allowed = codeKeys
	case Markdown, Raw:
		allowed = markdownKeys
	default:
		c.addf(path, "cell_type %v, want code, markdown or raw", t)
		return ""
	}
	if !needID {
		allowed = optional(allowed, "id")
	}
	c.object(path, m, allowed)
	id, hasID := m["id"]
	idStr, _ := id.(string)
	if hasID && !idPattern.MatchString(idStr) {
		c.addf(path+".id", "%v does not match %s", id, idPattern)
	}
	c.multiline(path+".source", m["source"])
	if meta, ok := c.object(path+".metadata", m["metadata"], nil); ok {
		c.cellMetadata(path+".metadata", meta)
	}
	if att, ok := m["attachments"]; ok {
		if atts, ok := c.object(path+".attachments", att, nil); ok {
			for _, name := range sortedKeys(atts) {
				bundle := atts[name]
				c.mimeBundle(path+".attachments."+name, bundle)
			}
		}
	}
	if m["cell_type"] == Code {
		c.count(path+".execution_count", m["execution_count"])
		outputs, ok := m["outputs"].([]any)
		if !ok && m["outputs"] != nil {
			c.addf(path+".outputs", "want an array, got %s", typeName(m["outputs"]))
		}
		for i, o := range outputs {
			c.output(fmt.Sprintf("%s.outputs[%d]", path, i), o)
		}
	}
	return idStr
}

func (c *checker) cellMetadata(path string, meta map[string]any) {
	if v, ok := meta["collapsed"]; ok {
		if _, ok := v.(bool); !ok {
			c.addf(path+".collapsed", "want a boolean, got %s", typeName(v))
		}
	}
	if v, ok := meta["scrolled"]; ok {
		if _, ok := v.(bool); !ok && v != "auto" {
			c.addf(path+".scrolled", "want a boolean or \"auto\", got %v", v)
		}
	}
	if v, ok := meta["tags"]; ok {
		c.strings(path+".tags", v)
	}
	c.str(path+".name", meta["name"], false)
	for _, k := range []string{"jupyter", "execution"} {
		if v, ok := meta[k]; ok {
			c.object(path+"."+k, v, nil)
		}
	}
}

func (c *checker) output(path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.addf(path, "want an object, got %s", typeName(v))
		return
	}
	t, _ := m["output_type"].(string)
	allowed, ok := outputKeys[t]
	if !ok {
		c.addf(path+".output_type", "%v, want stream, display_data, execute_result or error", m["output_type"])
		return
	}
	c.object(path, m, allowed)
	switch t {
	case Stream:
		c.str(path+".name", m["name"], true)
		c.multiline(path+".text", m["text"])
	case DisplayData, ExecuteResult:
		c.mimeBundle(path+".data", m["data"])
		c.object(path+".metadata", m["metadata"], nil)
		if t == ExecuteResult {
			c.count(path+".execution_count", m["execution_count"])
		}
	case Error:
		c.str(path+".ename", m["ename"], true)
		c.str(path+".evalue", m["evalue"], true)
		c.strings(path+".traceback", m["traceback"])
	}
}

func (c *checker) mimeBundle(path string, v any) {
	m, ok := c.object(path, v, nil)
	if !ok {
		return
	}
	for _, mime := range sortedKeys(m) {
		val := m[mime]
		if isJSONMime(mime) {
			continue
		}
		if _, ok := joinLines(val); !ok {
			c.addf(path+"."+mime, "want a string or an array of strings, got %s", typeName(val))
		}
	}
}

// multiline checks a string stored whole or as a list of lines.
func (c *checker) multiline(path string, v any) {
	if v == nil {
		return // reported as a missing key
	}
	if _, ok := joinLines(v); !ok {
		c.addf(path, "want a string or an array of strings, got %s", typeName(v))
	}
}

func (c *checker) str(path string, v any, required bool) {
	if v == nil {
		if required {
			c.addf(path, "missing")
		}
		return
	}
	if _, ok := v.(string); !ok {
		c.addf(path, "want a string, got %s", typeName(v))
	}
}

func (c *checker) strings(path string, v any) {
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			c.addf(path, "want an array of strings, got %s", typeName(v))
		}
		return
	}
	for i, s := range list {
		if _, ok := s.(string); !ok {
			c.addf(fmt.Sprintf("%s[%d]", path, i), "want a string, got %s", typeName(s))
		}
	}
}

// count checks an execution count: null or an integer >= 0.
func (c *checker) count(path string, v any) {
	if v != nil {
		c.integer(path, v, 0)
	}
}

// integer checks that v is an integer >= min and returns it.
func (c *checker) integer(path string, v any, min int64) (int64, bool) {
	n, ok := toInt(v)
	if !ok {
		if v != nil {
			c.addf(path, "want an integer, got %v", v)
		}
		return 0, false
	}
	if n < min {
		c.addf(path, "%d is below %d", n, min)
	}
	return n, true
}

func toInt(v any) (int64, bool) {
	switch n := v.(type) {
	case json.Number:
		i, err := n.Int64()
		return i, err == nil
	case float64:
		return int64(n), n == float64(int64(n))
	case int:
		return int64(n), true
	}
	return 0, false
}

func typeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case json.Number, float64, int:
		return "a number"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// optional returns a copy of m in which key is allowed but not required.
func optional(m map[string]bool, key string) map[string]bool {
	out := maps.Clone(m)
	out[key] = false
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	return slices.Sorted(maps.Keys(m))
}
