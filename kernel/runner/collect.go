package runner

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/gokernel/gokernel/kernel/engine"
	"github.com/gokernel/gokernel/kernel/notebook"
)

// collector turns the outputs of one cell into notebook outputs.
type collector struct {
	run   *run
	index int
	cell  *notebook.Cell
	count int

	mu           sync.Mutex // the engine may call add from its own goroutine
	clearPending bool       // clear_output(wait=True) seen
	done         bool       // Execute returned; later outputs are dropped
}

// add receives one output from the engine.
func (c *collector) add(o engine.Output) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.done {
		return
	}
	switch o.Type {
	case engine.ClearOutput:
		if o.Wait {
			c.clearPending = true
		} else {
			c.clear()
		}
		return
	case engine.UpdateDisplayData:
		// An update changes outputs in place and does not trigger a
		// pending clear, as in Jupyter front ends.
		c.update(o)
		return
	}
	if c.clearPending {
		c.clear()
	}
	cell := c.cell
	switch o.Type {
	case engine.Stream:
		if n := len(cell.Outputs); n > 0 {
			if last := cell.Outputs[n-1]; last.Type == notebook.Stream && last.Name == o.Name {
				last.Text += o.Text
				return
			}
		}
		cell.Outputs = append(cell.Outputs, &notebook.Output{Type: notebook.Stream, Name: o.Name, Text: o.Text})
	case engine.DisplayData, engine.ExecuteResult:
		out := &notebook.Output{Type: o.Type, Data: o.Data, Metadata: o.Metadata}
		if o.Type == engine.ExecuteResult {
			out.ExecutionCount = c.count
		}
		cell.Outputs = append(cell.Outputs, out)
		if id := displayID(o); id != "" {
			c.run.displays[id] = append(c.run.displays[id], displayed{c.index, out})
		}
	case engine.Error:
		cell.Outputs = append(cell.Outputs, errorOutput(o.EName, o.EValue, o.Traceback))
	}
}

// update replaces the data of every output shown with the display id.
func (c *collector) update(o engine.Output) {
	for _, d := range c.run.displays[displayID(o)] {
		d.output.Data = o.Data
		d.output.Metadata = o.Metadata
	}
}

// clear empties the cell and forgets its display ids.
func (c *collector) clear() {
	c.clearPending = false
	c.cell.Outputs = nil
	for id, list := range c.run.displays {
		kept := list[:0]
		for _, d := range list {
			if d.cell != c.index {
				kept = append(kept, d)
			}
		}
		if len(kept) == 0 {
			delete(c.run.displays, id)
		} else {
			c.run.displays[id] = kept
		}
	}
}

// finish stops collecting: outputs that arrive after Execute returned
// belong to nobody.
func (c *collector) finish() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.done = true
}

// result turns the reply into a *CellError, or nil when the cell passed.
// An error the engine reported only in its reply is added as an output,
// so the notebook shows why the cell failed.
func (c *collector) result(reply engine.ExecuteReply, timedOut bool, timeout time.Duration) *CellError {
	if reply.Status == engine.StatusOK && !timedOut {
		return nil
	}
	e := &CellError{
		Index:     c.index,
		Count:     c.count,
		ID:        c.cell.ID,
		FirstLine: firstLine(c.cell.Source),
		EName:     reply.EName,
		EValue:    reply.EValue,
		Traceback: reply.Traceback,
		TimedOut:  timedOut,
	}
	if e.EName == "" {
		switch {
		case timedOut:
			e.EName, e.EValue = "Timeout", fmt.Sprintf("the cell ran longer than %v and was interrupted", timeout)
		case reply.Status == engine.StatusAborted:
			e.EName, e.EValue = "Aborted", "the engine aborted the cell"
		default:
			e.EName, e.EValue = "Error", "the cell failed"
		}
	}
	if timedOut && !strings.Contains(e.EValue, timeout.String()) {
		e.EValue = fmt.Sprintf("ran longer than %v: %s", timeout, e.EValue)
	}
	if !c.hasError() {
		c.cell.Outputs = append(c.cell.Outputs, errorOutput(e.EName, e.EValue, e.Traceback))
	}
	return e
}

func (c *collector) hasError() bool {
	for _, o := range c.cell.Outputs {
		if o.Type == notebook.Error {
			return true
		}
	}
	return false
}

func errorOutput(name, value string, tb []string) *notebook.Output {
	if tb == nil {
		tb = []string{name + ": " + value}
	}
	return &notebook.Output{Type: notebook.Error, EName: name, EValue: value, Traceback: tb}
}

func displayID(o engine.Output) string {
	id, _ := o.Transient["display_id"].(string)
	return id
}

// firstLine returns the first non-blank line of src, shortened to fit a
// message.
func firstLine(src string) string {
	for line := range strings.Lines(src) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if r := []rune(line); len(r) > 60 {
			line = string(r[:57]) + "..."
		}
		return line
	}
	return ""
}
