package kernel_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/gokernel/gokernel/kernel/kerneltest"
	"github.com/gokernel/gokernel/kernel/wire"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestTranscript runs a session of requests against the fake engine and
// compares every reply and iopub message (type and content) with
// testdata/transcript.golden: a readable record of what the kernel sends.
// Run with -update after a deliberate change.
func TestTranscript(t *testing.T) {
	k := start(t, freeConfig(t, "secret"))
	steps := []struct {
		channel, msgType string
		content          string
	}{
		{kerneltest.Shell, "kernel_info_request", `{}`},
		{kerneltest.Shell, "execute_request", `{"code":"print:hello\nresult:42","silent":false,"store_history":true,"user_expressions":{"x":"x"},"allow_stdin":true,"stop_on_error":true}`},
		{kerneltest.Shell, "execute_request", `{"code":"display:bar:0%\nupdate:bar:100%\nclear","silent":false}`},
		{kerneltest.Shell, "execute_request", `{"code":"stderr:warning\nerror:division by zero","silent":false}`},
		{kerneltest.Shell, "execute_request", `{"code":"print:quiet\nresult:hidden","silent":true}`},
		{kerneltest.Shell, "complete_request", `{"code":"x := fu","cursor_pos":7}`},
		{kerneltest.Shell, "inspect_request", `{"code":"fmt","cursor_pos":3,"detail_level":0}`},
		{kerneltest.Shell, "is_complete_request", `{"code":"for {"}`},
		{kerneltest.Shell, "history_request", `{"hist_access_type":"tail","n":3,"output":true,"raw":true}`},
		{kerneltest.Shell, "comm_info_request", `{}`},
		{kerneltest.Shell, "debug_request", `{}`},
		{kerneltest.Control, "interrupt_request", `{}`},
		{kerneltest.Control, "shutdown_request", `{"restart":false}`},
	}
	var b strings.Builder
	for _, s := range steps {
		res := k.request(t, s.channel, s.msgType, json.RawMessage(s.content))
		fmt.Fprintf(&b, ">>> %s %s %s\n", s.channel, s.msgType, s.content)
		fmt.Fprintf(&b, "<<< %s %s %s\n", s.channel, res.Reply.Header.MsgType, canonical(t, res.Reply))
		for _, m := range res.IOPub {
			fmt.Fprintf(&b, "    iopub %s %s\n", m.Header.MsgType, canonical(t, m))
		}
		b.WriteString("\n")
	}
	got := strings.ReplaceAll(b.String(), strings.TrimPrefix(runtime.Version(), "go"), "GOVERSION")
	golden := filepath.Join("testdata", "transcript.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("transcript differs from %s (run go test -run TestTranscript -update to accept):\n%s", golden, diffLines(string(want), got))
	}
}

// canonical is m's content with its keys sorted.
func canonical(t *testing.T, m *wire.Message) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(m.Content, &v); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// diffLines lists the lines that differ, for a readable failure.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %s\n  got  %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
