package magic

import (
	"path/filepath"
	"testing"
)

func TestWhoBundle(t *testing.T) {
	vars := append([]Var{{Name: "page", Type: "string", Value: "<b>&</b>"}}, sampleVars...)
	b := WhoBundle(vars)
	got := "text/plain:\n" + b["text/plain"].(string) + "text/html:\n" + b["text/html"].(string)
	golden(t, filepath.Join("testdata", "who_bundle.golden"), got)
}

func TestWhoBundleEmpty(t *testing.T) {
	b := WhoBundle(nil)
	if got := b["text/plain"]; got != "Interactive namespace is empty.\n" {
		t.Errorf("text/plain = %q", got)
	}
}
