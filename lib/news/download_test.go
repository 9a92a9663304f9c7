package news

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// pattern is one downloader pattern under test.
type pattern struct {
	name string
	run  func(d Downloader, ctx context.Context) (Summary, error)
}

func patterns() []pattern {
	return []pattern{
		{"Sequential", func(d Downloader, ctx context.Context) (Summary, error) { return d.Sequential(ctx) }},
		{"GoroutinePerRequest", func(d Downloader, ctx context.Context) (Summary, error) { return d.GoroutinePerRequest(ctx) }},
		{"WorkerPool(1)", func(d Downloader, ctx context.Context) (Summary, error) { return d.WorkerPool(ctx, 1) }},
		{"WorkerPool(7)", func(d Downloader, ctx context.Context) (Summary, error) { return d.WorkerPool(ctx, 7) }},
		{"WithDeadline(10s)", func(d Downloader, ctx context.Context) (Summary, error) { return d.WithDeadline(ctx, 10*time.Second) }},
	}
}

func TestDefaultWordHits(t *testing.T) {
	if got := ExpectedHits(DefaultSeed, "war"); got != DefaultWordHits {
		t.Fatalf("ExpectedHits(DefaultSeed, war) = %d, but DefaultWordHits says %d", got, DefaultWordHits)
	}
	if ExpectedHits(DefaultSeed, "WAR") != DefaultWordHits {
		t.Fatal("the hit test is not case-insensitive")
	}
	if ExpectedHits(1, "war") == 0 || ExpectedHits(DefaultSeed, "no-such-word") != 0 {
		t.Fatal("ExpectedHits ignores the word")
	}
}

func TestEveryPatternFindsTheDocumentedHits(t *testing.T) {
	s := startTest(t, Options{APIKey: "secret"})
	articles := s.Corpus().ArticleCount()
	for _, p := range patterns() {
		t.Run(p.name, func(t *testing.T) {
			var lines []string
			d := Downloader{URL: s.URL(), APIKey: "secret", Word: "war", Progress: func(l string) { lines = append(lines, l) }}
			sum, err := p.run(d, context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if sum.Hits != DefaultWordHits || sum.Articles != articles || sum.Sources != 60 || len(sum.Errors) != 0 {
				t.Fatalf("summary %v, want %d hits in %d articles from 60 sources", sum, DefaultWordHits, articles)
			}
			if len(lines) != 120 {
				t.Fatalf("%d progress lines, want 120", len(lines))
			}
		})
	}
}

func TestSequentialProgressInOrder(t *testing.T) {
	s := startTest(t, Options{})
	var lines []string
	d := Downloader{URL: s.URL(), Progress: func(l string) { lines = append(lines, l) }}
	if _, err := d.Sequential(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, src := range s.Corpus().Sources {
		if lines[2*i] != "requesting "+src.ID || !strings.HasPrefix(lines[2*i+1], "received "+src.ID+":") {
			t.Fatalf("lines %d-%d = %q, %q: want requesting/received %s", 2*i, 2*i+1, lines[2*i], lines[2*i+1], src.ID)
		}
	}
}

func TestConcurrentRequestsBeforeReceived(t *testing.T) {
	s := startTest(t, Options{Latency: 20 * time.Millisecond})
	var lines []string
	d := Downloader{URL: s.URL(), Progress: func(l string) { lines = append(lines, l) }}
	if _, err := d.GoroutinePerRequest(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i, l := range lines {
		if want := i < 60; strings.HasPrefix(l, "requesting ") != want {
			t.Fatalf("line %d %q: want the 60 requesting lines first", i, l)
		}
	}
}

func TestConcurrentIsFaster(t *testing.T) {
	s := startTest(t, Options{Latency: 20 * time.Millisecond})
	d := Downloader{URL: s.URL()}
	seq, err := d.Sequential(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	conc, err := d.GoroutinePerRequest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// 61 requests one after another take at least 61 × 20 ms; two rounds at once about 40 ms.
	// The factor 2 is a generous failure bound; BenchmarkDownload measures the real ratio.
	if seq.Seconds < 61*0.020 || conc.Seconds*2 > seq.Seconds {
		t.Fatalf("sequential %.3f s, concurrent %.3f s: want sequential >= 1.22 s and concurrent < half of it", seq.Seconds, conc.Seconds)
	}
}

func TestFailuresDoNotSinkTheBatch(t *testing.T) {
	failing := []string{"cnn", "bbc-news", "reuters"}
	s := startTest(t, Options{FailSources: failing, FailRate: 1})
	var lines []string
	d := Downloader{URL: s.URL(), Progress: func(l string) { lines = append(lines, l) }}
	sum, err := d.GoroutinePerRequest(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	wantHits, wantArticles := DefaultWordHits, s.Corpus().ArticleCount()
	for _, id := range failing {
		for _, a := range s.Corpus().Articles[id] {
			wantArticles--
			if Hit(a, "war") {
				wantHits--
			}
		}
	}
	if sum.Sources != 57 || sum.Hits != wantHits || sum.Articles != wantArticles {
		t.Fatalf("summary %v, want %d hits in %d articles from 57 sources", sum, wantHits, wantArticles)
	}
	errLines := sum.ErrorLines()
	if len(errLines) != 3 || !strings.HasPrefix(errLines[0], "bbc-news: 500 unexpectedError") {
		t.Fatalf("errors %q", errLines)
	}
	n := 0
	for _, l := range lines {
		if strings.HasPrefix(l, "error ") {
			n++
		}
	}
	if n != 3 {
		t.Fatalf("%d error lines, want 3: %q", n, lines)
	}
}

func TestRateLimitedRunReportsErrors(t *testing.T) {
	s := startTest(t, Options{Quota: 31, Window: time.Hour})
	sum, err := Downloader{URL: s.URL()}.Sequential(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sources != 30 || len(sum.Errors) != 30 || !strings.Contains(sum.Errors["usa-today"], "429 rateLimited") {
		t.Fatalf("summary %v, errors %q", sum, sum.ErrorLines())
	}
}

func TestWithDeadlineCancelsSlowRequests(t *testing.T) {
	s := startTest(t, Options{Latency: time.Second})
	start := time.Now()
	sum, err := Downloader{URL: s.URL()}.WithDeadline(context.Background(), 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Sources != 0 || len(sum.Errors) != 60 {
		t.Fatalf("summary %v, want 60 errors", sum)
	}
	for id, e := range sum.Errors {
		if !strings.Contains(e, context.DeadlineExceeded.Error()) {
			t.Fatalf("%s: %s, want a deadline error", id, e)
		}
	}
	// The sources request alone takes 1 s; the cancelled ones must not add another second.
	if sum.SourcesSeconds < 1 || sum.Seconds-sum.SourcesSeconds > 0.9 {
		t.Fatalf("sources %.3f s, whole run %.3f s: want the articles part cut at the deadline", sum.SourcesSeconds, sum.Seconds)
	}
	if took := time.Since(start); took > 1900*time.Millisecond {
		t.Fatalf("run took %v, want the cancelled requests to end at their deadline", took)
	}
}

func TestSourcesErrorStopsTheRun(t *testing.T) {
	s := startTest(t, Options{Quota: 1, Window: time.Hour})
	d := Downloader{URL: s.URL()}
	if _, err := d.Sequential(context.Background()); err != nil {
		t.Fatal(err) // the one allowed request is the sources request
	}
	_, err := d.GoroutinePerRequest(context.Background())
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.Status != 429 || apiErr.Code != "rateLimited" {
		t.Fatalf("err = %v, want a 429 rateLimited APIError", err)
	}
	if _, err := d.WorkerPool(context.Background(), 0); err == nil {
		t.Fatal("WorkerPool(0) did not fail")
	}
}

func TestStudents2018(t *testing.T) {
	curve := Students2018()
	if len(curve) != 8 || curve[0] != (PoolTime{1, 37}) || !slices.IsSortedFunc(curve, func(a, b PoolTime) int { return a.Workers - b.Workers }) {
		t.Fatalf("curve %v", curve)
	}
}

func TestSweep(t *testing.T) {
	s := startTest(t, Options{Latency: 10 * time.Millisecond})
	points, err := Downloader{URL: s.URL()}.Sweep(context.Background(), []int{1, 8})
	if err != nil || len(points) != 2 || points[0].Workers != 1 || points[1].Workers != 8 {
		t.Fatalf("points %v, %v", points, err)
	}
	// 60 requests of 10 ms one after another take at least 0.6 s; 8 workers need 8 rounds.
	if points[0].Seconds < 0.6 || points[1].Seconds > points[0].Seconds {
		t.Fatalf("points %v: want 1 worker >= 0.6 s and 8 workers faster", points)
	}
	if _, err := (Downloader{URL: s.URL()}).Sweep(context.Background(), []int{0}); err == nil {
		t.Fatal("a sweep with 0 workers did not fail")
	}
}
