package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write encodes nb as nbformat 4.5 the way Jupyter writes notebooks. Every
// cell must have an id (see Upgrade); the result is validated before a
// byte is written.
func Write(w io.Writer, nb *Notebook) error {
	b, err := Marshal(nb)
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write notebook: %w", err)
	}
	return nil
}

// Marshal returns the file content Write writes.
func Marshal(nb *Notebook) ([]byte, error) {
	tree := toTree(nb)
	// Validate what we are about to write, through a JSON round trip so
	// the checker sees exactly what a reader will.
	raw, err := json.Marshal(tree)
	if err != nil {
		return nil, fmt.Errorf("encode notebook: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("re-read encoded notebook: %w", err)
	}
	if err := Validate(doc); err != nil {
		return nil, fmt.Errorf("refusing to write: %w", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(tree); err != nil { // Encode adds the final newline
		return nil, fmt.Errorf("encode notebook: %w", err)
	}
	return buf.Bytes(), nil
}

// WriteFile writes nb to name through a temporary file in the same
// directory, so a reader never sees half a notebook.
func WriteFile(name string, nb *Notebook) error {
	b, err := Marshal(nb)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*")
	if err != nil {
		return fmt.Errorf("write notebook: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("write notebook: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write notebook: %w", err)
	}
	if err := os.Rename(tmp.Name(), name); err != nil {
		return fmt.Errorf("write notebook: %w", err)
	}
	return nil
}

// toTree builds the JSON document; encoding/json sorts map keys, which
// gives nbformat's key order.
func toTree(nb *Notebook) map[string]any {
	cells := make([]any, 0, len(nb.Cells))
	for _, c := range nb.Cells {
		m := map[string]any{
			"id":        c.ID,
			"cell_type": c.Type,
			"metadata":  orEmpty(c.Metadata),
			"source":    splitLines(c.Source),
		}
		if c.Attachments != nil {
			att := map[string]any{}
			for name, bundle := range c.Attachments {
				if b, ok := bundle.(map[string]any); ok {
					att[name] = splitBundle(b)
				} else {
					att[name] = bundle
				}
			}
			m["attachments"] = att
		}
		if c.Type == Code {
			m["execution_count"] = nullable(c.ExecutionCount)
			outputs := make([]any, 0, len(c.Outputs))
			for _, o := range c.Outputs {
				outputs = append(outputs, outputTree(o))
			}
			m["outputs"] = outputs
		}
		cells = append(cells, m)
	}
	return map[string]any{
		"cells":          cells,
		"metadata":       orEmpty(nb.Metadata),
		"nbformat":       4,
		"nbformat_minor": 5,
	}
}

func outputTree(o *Output) map[string]any {
	m := map[string]any{"output_type": o.Type}
	switch o.Type {
	case Stream:
		m["name"] = o.Name
		m["text"] = splitLines(o.Text)
	case DisplayData, ExecuteResult:
		m["data"] = splitBundle(o.Data)
		m["metadata"] = orEmpty(o.Metadata)
		if o.Type == ExecuteResult {
			m["execution_count"] = nullable(o.ExecutionCount)
		}
	case Error:
		m["ename"] = o.EName
		m["evalue"] = o.EValue
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		m["traceback"] = tb
	}
	return m
}

// splitBundle returns a copy of a MIME bundle with text values split into
// lines, as nbformat stores them.
func splitBundle(b map[string]any) map[string]any {
	out := make(map[string]any, len(b))
	for mime, v := range b {
		if s, ok := v.(string); ok && splitMime(mime) {
			out[mime] = splitLines(s)
			continue
		}
		out[mime] = v
	}
	return out
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

func nullable(n int) any {
	if n == 0 {
		return nil
	}
	return n
}
