// Package ziparchive indexes a zip archive embedded in the binary (the
// generated std.zip of package stdtypes and lib.zip of package docs) and
// reads its entries by name.
package ziparchive

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
)

// Archive is an index of the entries of one embedded zip file.
type Archive struct {
	what  string // what the archive holds, for error messages
	files map[string]*zip.File
}

// Open indexes data; what names the contents in errors ("std types").
func Open(data []byte, what string) (*Archive, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("open embedded %s: %w", what, err)
	}
	a := &Archive{what: what, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		a.files[f.Name] = f
	}
	return a, nil
}

// Has reports whether the archive holds an entry called name.
func (a *Archive) Has(name string) bool { return a.files[name] != nil }

// Names lists the entries whose names satisfy keep (all when keep is nil),
// sorted.
func (a *Archive) Names(keep func(name string) bool) []string {
	var out []string
	for name := range a.files {
		if keep == nil || keep(name) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// Read returns the contents of the entry called name.
func (a *Archive) Read(name string) ([]byte, error) {
	f := a.files[name]
	if f == nil {
		return nil, fmt.Errorf("no entry %s in the embedded %s", name, a.what)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("read %s from the embedded %s: %w", name, a.what, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		return nil, fmt.Errorf("read %s from the embedded %s: %w", name, a.what, err)
	}
	return b, nil
}
