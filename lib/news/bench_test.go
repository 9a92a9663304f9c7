package news

import (
	"context"
	"testing"
	"time"
)

// BenchmarkDownload runs one full download (1 sources + 60 articles requests) at the course's
// notebook latency, L = 100 ms, J = 0, in each pattern. Run with -benchtime=1x: a sequential run
// takes about 6 s. The ratio sequential / concurrent is the course's 03 item 2 check.
func BenchmarkDownload(b *testing.B) {
	s, err := Start(Options{Latency: 100 * time.Millisecond})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	d := Downloader{URL: s.URL()}
	for _, p := range patterns()[:4] {
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				sum, err := p.run(d, context.Background())
				if err != nil || sum.Hits != DefaultWordHits {
					b.Fatalf("%v %v", sum, err)
				}
			}
		})
	}
}
