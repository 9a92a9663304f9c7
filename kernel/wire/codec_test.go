package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

func testMessage(t *testing.T) *Message {
	t.Helper()
	parent := &Message{Identities: [][]byte{[]byte("client")}, Header: NewHeader("client-session", "u", "execute_request")}
	m, err := NewMessage("kernel-session", "kernel", "execute_reply", parent, map[string]any{"status": "ok", "execution_count": 3})
	if err != nil {
		t.Fatal(err)
	}
	m.Buffers = [][]byte{{0, 1, 2}}
	return m
}

func TestRoundTrip(t *testing.T) {
	for _, key := range []string{"secret", ""} {
		c := NewCodec(key, 0)
		m := testMessage(t)
		frames, err := c.Encode(m)
		if err != nil {
			t.Fatal(err)
		}
		if key == "" && len(frames[2]) != 0 {
			t.Errorf("unsigned signature = %q, want empty", frames[2])
		}
		got, err := c.Decode(frames)
		if err != nil {
			t.Fatalf("key %q: Decode: %v", key, err)
		}
		if got.Header != m.Header || got.ParentHeader != m.ParentHeader {
			t.Errorf("headers changed: %+v / %+v", got.Header, got.ParentHeader)
		}
		if !bytes.Equal(got.Content, m.Content) || len(got.Identities) != 1 || string(got.Identities[0]) != "client" {
			t.Errorf("content or identities changed: %s %q", got.Content, got.Identities)
		}
		if len(got.Buffers) != 1 || !bytes.Equal(got.Buffers[0], []byte{0, 1, 2}) {
			t.Errorf("buffers = %v", got.Buffers)
		}
	}
}

func TestNewHeader(t *testing.T) {
	h := NewHeader("s", "u", "status")
	if h.Version != "5.4" || h.Session != "s" || h.MsgType != "status" || h.Username != "u" {
		t.Errorf("header = %+v", h)
	}
	if !regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`).MatchString(h.MsgID) {
		t.Errorf("msg_id %q is not a UUID v4", h.MsgID)
	}
	if !regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$`).MatchString(h.Date) {
		t.Errorf("date %q is not RFC 3339 UTC with microseconds", h.Date)
	}
	if _, err := time.Parse(time.RFC3339Nano, h.Date); err != nil {
		t.Errorf("date %q: %v", h.Date, err)
	}
	if NewHeader("s", "u", "x").MsgID == h.MsgID {
		t.Error("two headers share a msg_id")
	}
}

func TestEmptyParentIsEmptyObject(t *testing.T) {
	c := NewCodec("k", 0)
	m, err := NewMessage("s", "u", "status", nil, map[string]string{"execution_state": "idle"})
	if err != nil {
		t.Fatal(err)
	}
	frames, err := c.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	if string(frames[3]) != "{}" || string(frames[4]) != "{}" {
		t.Errorf("parent, metadata = %s, %s; want {} {}", frames[3], frames[4])
	}
}

// TestJupyterClientFrames decodes a message that jupyter_client's Session
// signed (testdata, made with Debian's python3-jupyter-client 7.4.9).
func TestJupyterClientFrames(t *testing.T) {
	var golden struct {
		Key    string   `json:"key"`
		Frames []string `json:"frames"`
	}
	data, err := os.ReadFile(filepath.Join("testdata", "jupyter_client_execute_request.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatal(err)
	}
	frames := make([][]byte, len(golden.Frames))
	for i, f := range golden.Frames {
		frames[i] = []byte(f)
	}
	m, err := NewCodec(golden.Key, 0).Decode(frames)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	var content struct{ Code string }
	if err := m.DecodeContent(&content); err != nil {
		t.Fatal(err)
	}
	if m.Header.MsgType != "execute_request" || content.Code != `fmt.Println("héllo")` || string(m.Identities[0]) != "client-id" {
		t.Errorf("decoded %+v, code %q", m.Header, content.Code)
	}
	// The same frames, signed by us, must carry jupyter_client's signature.
	if sig := NewSigner(golden.Key).Sign(frames[3], frames[4], frames[5], frames[6]); sig != golden.Frames[2] {
		t.Errorf("our signature %s, jupyter_client's %s", sig, golden.Frames[2])
	}
	if _, err := NewCodec("another key", 0).Decode(frames); !errors.Is(err, ErrBadSignature) {
		t.Errorf("wrong key: %v, want ErrBadSignature", err)
	}
}

func TestDecodeErrors(t *testing.T) {
	c := NewCodec("k", 0)
	good, err := c.Encode(testMessage(t))
	if err != nil {
		t.Fatal(err)
	}
	// signed builds frames whose signature is right for the given JSON parts.
	signed := func(header, parent, metadata, content string) [][]byte {
		sig := NewSigner("k").Sign([]byte(header), []byte(parent), []byte(metadata), []byte(content))
		return [][]byte{[]byte("id"), []byte(Delimiter), []byte(sig), []byte(header), []byte(parent), []byte(metadata), []byte(content)}
	}
	const hdr = `{"msg_id":"1","msg_type":"kernel_info_request","session":"s","username":"u","date":"","version":"5.4"}`
	tampered := append([][]byte(nil), good...)
	tampered[len(tampered)-2] = []byte(`{"status":"error"}`)
	tests := []struct {
		name       string
		frames     [][]byte
		want       error
		wantHeader bool
	}{
		{"no frames", nil, ErrNoDelimiter, false},
		{"no delimiter", [][]byte{[]byte("a"), []byte("b")}, ErrNoDelimiter, false},
		{"too few frames", [][]byte{[]byte(Delimiter), []byte(""), []byte("{}")}, ErrTooFewFrames, false},
		{"missing signature", append([][]byte{[]byte(Delimiter), nil}, good[3:7]...), ErrBadSignature, false},
		{"not hex", append([][]byte{[]byte(Delimiter), []byte("zz")}, good[3:7]...), ErrBadSignature, false},
		{"tampered content", tampered, ErrBadSignature, false},
		{"header not JSON", signed(`{`, `{}`, `{}`, `{}`), ErrBadHeader, false},
		{"header without msg_type", signed(`{"msg_id":"1"}`, `{}`, `{}`, `{}`), ErrBadHeader, false},
		{"header without msg_id", signed(`{"msg_type":"x"}`, `{}`, `{}`, `{}`), ErrBadHeader, false},
		{"header wrong type", signed(`{"msg_id":1,"msg_type":"x"}`, `{}`, `{}`, `{}`), ErrBadHeader, false},
		{"bad parent", signed(hdr, `[`, `{}`, `{}`), ErrBadContent, true},
		{"bad metadata", signed(hdr, `{}`, `7`, `{}`), ErrBadContent, true},
		{"bad content", signed(hdr, `{}`, `{}`, `{"code":`), ErrBadContent, true},
		{"content not an object", signed(hdr, `{}`, `{}`, `[]`), ErrBadContent, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := c.Decode(tt.frames)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Decode error = %v, want %v", err, tt.want)
			}
			if tt.wantHeader != (m != nil) {
				t.Fatalf("message returned = %v, want %v", m != nil, tt.wantHeader)
			}
			if m != nil && m.Header.MsgType != "kernel_info_request" {
				t.Errorf("header = %+v", m.Header)
			}
		})
	}
}

func TestDecodeTooLarge(t *testing.T) {
	c := NewCodec("k", 1024)
	m := testMessage(t)
	m.Buffers = [][]byte{make([]byte, 2048)}
	frames, err := c.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Decode(frames); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Decode of a 2 KiB message with a 1 KiB limit: %v, want ErrTooLarge", err)
	}
	if NewCodec("k", 0).maxSize != DefaultMaxSize {
		t.Error("default size limit not applied")
	}
}

func TestReplayRejected(t *testing.T) {
	c := NewCodec("k", 0)
	frames, err := c.Encode(testMessage(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Decode(frames); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Decode(frames); !errors.Is(err, ErrReplayed) {
		t.Errorf("second Decode: %v, want ErrReplayed", err)
	}
	// Unsigned, there is nothing to replay-check: the same frames pass twice.
	u := NewCodec("", 0)
	uf, err := u.Encode(testMessage(t))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if _, err := u.Decode(uf); err != nil {
			t.Errorf("unsigned Decode %d: %v", i, err)
		}
	}
}

func TestReplayGuardForgetsOldest(t *testing.T) {
	g := NewReplayGuard(3)
	for _, s := range []string{"a", "b", "c"} {
		if !g.Check(s) {
			t.Fatalf("%s rejected on first sight", s)
		}
	}
	if g.Check("a") || g.Check("c") {
		t.Fatal("a remembered signature was accepted")
	}
	if !g.Check("d") { // evicts a
		t.Fatal("d rejected")
	}
	if !g.Check("a") {
		t.Error("a still remembered after it left the window")
	}
	if g.Check("d") {
		t.Error("d forgotten too early")
	}
	if len(g.seen) != 3 {
		t.Errorf("guard holds %d signatures, want 3", len(g.seen))
	}
	if !g.Check("") || !g.Check("") {
		t.Error("empty signature rejected")
	}
}

func TestSignerUnsignedAcceptsAnything(t *testing.T) {
	s := NewSigner("")
	if s.Enabled() || s.Sign([]byte("a"), nil, nil, nil) != "" || !s.Verify([]byte("junk"), nil, nil, nil, nil) {
		t.Error("unsigned signer signs or rejects")
	}
}
