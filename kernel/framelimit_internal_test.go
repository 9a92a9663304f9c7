package kernel

import (
	"encoding/binary"
	"testing"
)

// zmtpStream is a greeting, a command and a message of the given frame sizes.
func zmtpStream(sizes ...int) []byte {
	b := make([]byte, zmtpGreeting)
	b = append(b, flagCommand, 6)
	b = append(b, "\x05READY"...)
	for i, n := range sizes {
		flags := byte(0)
		if i < len(sizes)-1 {
			flags |= flagMore
		}
		if n > 255 {
			b = binary.BigEndian.AppendUint64(append(b, flags|flagLong), uint64(n))
		} else {
			b = append(b, flags, byte(n))
		}
		b = append(b, make([]byte, n)...)
	}
	return b
}

func TestLimitConnScan(t *testing.T) {
	tests := []struct {
		name    string
		max     uint64
		streams [][]int // messages, each a list of frame sizes
		wantErr bool
	}{
		{"small messages", 1000, [][]int{{0, 10, 200}, {300}, {999}}, false},
		{"at the limit", 1000, [][]int{{500, 500}}, false},
		{"one frame over", 1000, [][]int{{1001}}, true},
		{"frames add up over", 1000, [][]int{{400, 400, 400}}, true},
		{"limit is per message", 1000, [][]int{{600}, {600}, {600}}, false},
	}
	for _, tt := range tests {
		for _, chunk := range []int{1, 7, 4096} {
			c := &limitConn{max: tt.max, state: inGreeting, skip: zmtpGreeting}
			var stream []byte
			for i, m := range tt.streams {
				s := zmtpStream(m...)
				if i > 0 {
					s = s[zmtpGreeting+8:] // greeting and READY only once
				}
				stream = append(stream, s...)
			}
			var err error
			for len(stream) > 0 && err == nil {
				k := min(chunk, len(stream))
				err = c.scan(stream[:k])
				stream = stream[k:]
			}
			if (err != nil) != tt.wantErr {
				t.Errorf("%s, chunks of %d: err = %v, want error %v", tt.name, chunk, err, tt.wantErr)
			}
		}
	}
}

// FuzzLimitConnScan: any byte stream, in any chunking, is followed without
// a panic, and an accepted stream never announced a message over the limit.
func FuzzLimitConnScan(f *testing.F) {
	f.Add(zmtpStream(10, 300), uint8(7))
	f.Add(zmtpStream(2000), uint8(1))
	f.Fuzz(func(t *testing.T, stream []byte, chunk uint8) {
		c := &limitConn{max: 1000, state: inGreeting, skip: zmtpGreeting}
		n := int(chunk) + 1
		for len(stream) > 0 {
			k := min(n, len(stream))
			if err := c.scan(stream[:k]); err != nil {
				return
			}
			stream = stream[k:]
			if c.msgTotal > c.max {
				t.Fatalf("accepted a message of %d bytes", c.msgTotal)
			}
		}
	})
}
