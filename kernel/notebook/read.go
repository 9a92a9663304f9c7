package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
)

// Read decodes and validates a notebook. Numbers in metadata and in JSON
// outputs keep their exact text (json.Number).
func Read(r io.Reader) (*Notebook, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("decode notebook: %w", err)
	}
	if err := Validate(doc); err != nil {
		return nil, err
	}
	return fromTree(doc.(map[string]any)), nil
}

// ReadFile reads the notebook in file name.
func ReadFile(name string) (*Notebook, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read notebook: %w", err)
	}
	nb, err := Read(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return nb, nil
}

// fromTree converts a validated document.
func fromTree(top map[string]any) *Notebook {
	minor, _ := toInt(top["nbformat_minor"])
	nb := &Notebook{Metadata: top["metadata"].(map[string]any), NBFormatMinor: int(minor)}
	for _, v := range top["cells"].([]any) {
		m := v.(map[string]any)
		c := &Cell{Type: m["cell_type"].(string), Metadata: m["metadata"].(map[string]any)}
		c.ID, _ = m["id"].(string)
		c.Source, _ = joinLines(m["source"])
		if att, ok := m["attachments"].(map[string]any); ok {
			for name, bundle := range att {
				att[name] = joinBundle(bundle.(map[string]any))
			}
			c.Attachments = att
		}
		if c.Type == Code {
			c.ExecutionCount = count(m["execution_count"])
			for _, o := range m["outputs"].([]any) {
				c.Outputs = append(c.Outputs, outputFromTree(o.(map[string]any)))
			}
		}
		nb.Cells = append(nb.Cells, c)
	}
	return nb
}

func outputFromTree(m map[string]any) *Output {
	o := &Output{Type: m["output_type"].(string)}
	switch o.Type {
	case Stream:
		o.Name = m["name"].(string)
		o.Text, _ = joinLines(m["text"])
	case DisplayData, ExecuteResult:
		o.Data = joinBundle(m["data"].(map[string]any))
		o.Metadata = m["metadata"].(map[string]any)
		o.ExecutionCount = count(m["execution_count"])
	case Error:
		o.EName = m["ename"].(string)
		o.EValue = m["evalue"].(string)
		for _, line := range m["traceback"].([]any) {
			o.Traceback = append(o.Traceback, line.(string))
		}
	}
	return o
}

// joinBundle joins the lines of every non-JSON value of a MIME bundle.
func joinBundle(b map[string]any) map[string]any {
	for mime, v := range b {
		if isJSONMime(mime) {
			continue
		}
		if s, ok := joinLines(v); ok {
			b[mime] = s
		}
	}
	return b
}

func count(v any) int {
	n, _ := toInt(v)
	return int(n)
}
