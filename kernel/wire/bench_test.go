package wire

import "testing"

func BenchmarkEncodeDecode(b *testing.B) {
	c := NewCodec("secret", 0)
	m, err := NewMessage("s", "u", "stream", nil, map[string]string{"name": "stdout", "text": "hello, world\n"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m.Header = NewHeader("s", "u", "stream") // a fresh signature each time, as on the wire
		frames, err := c.Encode(m)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := c.Decode(frames); err != nil {
			b.Fatal(err)
		}
	}
}
