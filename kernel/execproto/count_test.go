package execproto

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// pieces records the size of each write.
type pieces struct {
	bytes.Buffer
	sizes []int
}

func (p *pieces) Write(b []byte) (int, error) {
	p.sizes = append(p.sizes, len(b))
	return p.Buffer.Write(b)
}

func TestCountingWriter(t *testing.T) {
	var p pieces
	w := NewCountingWriter(&p)
	text := strings.Repeat("abcdefgh", 10<<10) // 80 KiB
	if n, err := io.WriteString(w, text); err != nil || n != len(text) {
		t.Fatalf("write: %d, %v", n, err)
	}
	if _, err := io.WriteString(w, "z"); err != nil {
		t.Fatal(err)
	}
	if w.Count() != int64(len(text)+1) || p.String() != text+"z" {
		t.Fatalf("count %d, text of %d bytes; want %d", w.Count(), p.Len(), len(text)+1)
	}
	for _, n := range p.sizes {
		if n > countPiece {
			t.Fatalf("a write of %d bytes reached the pipe; pieces are at most %d", n, countPiece)
		}
	}
}

func TestRelaySync(t *testing.T) {
	var buf bytes.Buffer
	cw := NewCountingWriter(&buf) // written only under the relay's lock
	l, err := NewRelay(cw)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 100 {
		text := strings.Repeat("r", i*100+1)
		before := cw.Count()
		if _, err := l.W.WriteString(text); err != nil {
			t.Fatal(err)
		}
		l.Sync()
		if got := cw.Count() - before; got != int64(len(text)) {
			t.Fatalf("write %d: after Sync %d bytes counted, want %d", i, got, len(text))
		}
	}
	total := cw.Count() + 4 // all earlier writes were synced
	if _, err := l.W.WriteString("tail"); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if int64(buf.Len()) != total || !strings.HasSuffix(buf.String(), "rtail") {
		t.Fatalf("relayed %d bytes ending %q, want %d ending with the tail", buf.Len(), buf.String()[max(0, buf.Len()-8):], total)
	}
}
