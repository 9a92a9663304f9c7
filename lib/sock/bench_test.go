package sock

import (
	"context"
	"testing"
	"time"
)

// BenchmarkEcho is the keynote's benchmark, one-byte round trips over one connection, on both
// EventLoop implementations: the same ServeEcho code, two loops.
func BenchmarkEcho(b *testing.B) {
	for _, name := range []string{"GoLoop", "Loop"} {
		b.Run(name, func(b *testing.B) {
			var loop EventLoop = NewGoLoop()
			if name == "Loop" {
				l, err := NewLoop()
				if err != nil {
					b.Fatal(err)
				}
				loop = l
			}
			srv, err := StartEcho(loop, "127.0.0.1:0", nil)
			if err != nil {
				b.Fatal(err)
			}
			defer srv.Close()
			b.ResetTimer()
			r, err := EchoBenchmark(context.Background(), srv.Addr(), b.N, time.Minute)
			if err != nil || r.Messages != b.N {
				b.Fatalf("%v %v", r, err)
			}
			b.ReportMetric(r.PerSecond, "msg/s")
		})
	}
}
