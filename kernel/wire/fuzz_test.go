package wire

import (
	"bytes"
	"testing"
)

// FuzzDecode feeds arbitrary frames to the decoder, signed and unsigned: it
// must return an error or a message, never panic.
func FuzzDecode(f *testing.F) {
	c := NewCodec("k", 0)
	m, err := NewMessage("s", "u", "execute_request", nil, map[string]any{"code": "1+1"})
	if err != nil {
		f.Fatal(err)
	}
	frames, err := c.Encode(m)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(bytes.Join(frames, []byte{0}), true)
	f.Add([]byte("<IDS|MSG>\x00\x00{}\x00{}\x00{}\x00{}"), false)
	f.Add([]byte("id\x00<IDS|MSG>\x00\x00{\"msg_id\":\"1\",\"msg_type\":\"x\"}\x00[\x00{}\x00{}"), false)
	f.Fuzz(func(t *testing.T, data []byte, signed bool) {
		key := ""
		if signed {
			key = "k"
		}
		parts := bytes.Split(data, []byte{0})
		m, err := NewCodec(key, 1<<16).Decode(parts)
		if err == nil && (m == nil || m.Header.MsgID == "" || m.Header.MsgType == "") {
			t.Fatalf("Decode accepted %q as %+v", data, m)
		}
	})
}
