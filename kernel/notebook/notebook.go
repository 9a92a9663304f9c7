package notebook

import (
	"crypto/rand"
	"encoding/hex"
)

// Cell types.
const (
	Code     = "code"
	Markdown = "markdown"
	Raw      = "raw"
)

// Output types, as nbformat names them.
const (
	Stream        = "stream"
	DisplayData   = "display_data"
	ExecuteResult = "execute_result"
	Error         = "error"
)

// Notebook is an nbformat 4 notebook.
type Notebook struct {
	// Metadata is the notebook's metadata, kernelspec and language_info
	// among it, with every unknown key kept.
	Metadata map[string]any
	// NBFormatMinor is the minor version read; Write always writes 5.
	NBFormatMinor int
	Cells         []*Cell
}

// Cell is one cell of a notebook.
type Cell struct {
	ID       string // empty in notebooks older than 4.5, until Upgrade
	Type     string // Code, Markdown or Raw
	Source   string
	Metadata map[string]any
	// Attachments of a markdown or raw cell (name -> MIME bundle), or nil.
	Attachments map[string]any
	// ExecutionCount of a code cell; 0 is written as null.
	ExecutionCount int
	// Outputs of a code cell.
	Outputs []*Output
}

// Output is one output of a code cell. Type says which fields are used.
type Output struct {
	Type string // Stream, DisplayData, ExecuteResult or Error

	Name string // stream: "stdout" or "stderr"
	Text string // stream

	Data           map[string]any // display_data, execute_result: MIME bundle
	Metadata       map[string]any // display_data, execute_result
	ExecutionCount int            // execute_result; 0 is written as null

	EName     string   // error
	EValue    string   // error
	Traceback []string // error
}

// New returns an empty notebook.
func New() *Notebook {
	return &Notebook{Metadata: map[string]any{}, NBFormatMinor: 5}
}

// CodeCells returns the code cells in order.
func (nb *Notebook) CodeCells() []*Cell {
	var cells []*Cell
	for _, c := range nb.Cells {
		if c.Type == Code {
			cells = append(cells, c)
		}
	}
	return cells
}

// Upgrade gives every cell without an id a new one from newID (RandomID
// when nil), skipping ids already in use, as nbformat does when it
// upgrades a notebook to 4.5.
func (nb *Notebook) Upgrade(newID func() string) {
	if newID == nil {
		newID = RandomID
	}
	used := map[string]bool{}
	for _, c := range nb.Cells {
		used[c.ID] = true
	}
	for _, c := range nb.Cells {
		if c.ID != "" {
			continue
		}
		id := newID()
		for used[id] {
			id = newID()
		}
		used[id] = true
		c.ID = id
	}
	nb.NBFormatMinor = 5
}

// RandomID returns a new cell id: 8 random hex digits, as nbformat makes.
func RandomID() string {
	var b [4]byte
	rand.Read(b[:]) // never fails (crypto/rand)
	return hex.EncodeToString(b[:])
}
