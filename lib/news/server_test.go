package news

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/gokernel/gokernel/lib/internal/leaktest"
)

// startTest starts a service for one test and closes it, checking that the port is free again
// and that no goroutine was left behind.
func startTest(t *testing.T, opts Options) *Server {
	t.Helper()
	before := runtime.NumGoroutine()
	s, err := Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		addr := s.Addr()
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Errorf("port %s not free after Close: %v", addr, err)
		} else {
			ln.Close()
		}
		leaktest.Wait(t, before)
	})
	return s
}

// getJSON sends one GET and decodes the answer into a generic map.
func getJSON(t *testing.T, url string) (int, map[string]any) {
	t.Helper()
	c := &http.Client{}
	defer c.CloseIdleConnections()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(data, &body); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, data)
	}
	return resp.StatusCode, body
}

func TestSources(t *testing.T) {
	s := startTest(t, Options{})
	status, body := getJSON(t, s.URL()+"/v1/sources?language=en")
	if status != 200 || body["status"] != "ok" {
		t.Fatalf("status %d %v", status, body["status"])
	}
	sources := body["sources"].([]any)
	if len(sources) != 60 {
		t.Fatalf("%d sources, want 60", len(sources))
	}
	ids := map[string]bool{}
	for _, raw := range sources {
		src := raw.(map[string]any)
		for _, key := range []string{"id", "name", "description", "url", "category", "language", "country", "urlsToLogos", "sortBysAvailable"} {
			if _, ok := src[key]; !ok {
				t.Fatalf("source %v has no %q", src["id"], key)
			}
		}
		if src["language"] != "en" {
			t.Errorf("source %v language %v", src["id"], src["language"])
		}
		logos := src["urlsToLogos"].(map[string]any)
		if logos["small"] == nil || logos["medium"] == nil || logos["large"] == nil {
			t.Errorf("source %v logos %v", src["id"], logos)
		}
		ids[src["id"].(string)] = true
	}
	for _, id := range []string{"abc-news-au", "al-jazeera-english", "bbc-news", "cnn", "usa-today"} {
		if !ids[id] {
			t.Errorf("source %s missing", id)
		}
	}
	_, body = getJSON(t, s.URL()+"/v1/sources?language=fr")
	if n := len(body["sources"].([]any)); n != 0 {
		t.Errorf("language=fr gives %d sources, want 0", n)
	}
}

func TestArticles(t *testing.T) {
	s := startTest(t, Options{})
	total, nullAuthor, nullDescr := 0, 0, 0
	for _, src := range s.Corpus().Sources {
		status, body := getJSON(t, s.URL()+"/v1/articles?sortBy=top&source="+src.ID)
		if status != 200 || body["status"] != "ok" || body["source"] != src.ID || body["sortBy"] != "top" {
			t.Fatalf("%s: status %d body %v", src.ID, status, body)
		}
		articles := body["articles"].([]any)
		if len(articles) < 9 || len(articles) > 10 {
			t.Errorf("%s: %d articles, want 9 or 10", src.ID, len(articles))
		}
		for _, raw := range articles {
			a := raw.(map[string]any)
			for _, key := range []string{"author", "title", "description", "url", "urlToImage", "publishedAt"} {
				if _, ok := a[key]; !ok {
					t.Fatalf("%s: article without %q", src.ID, key)
				}
			}
			if _, err := time.Parse(time.RFC3339, a["publishedAt"].(string)); err != nil {
				t.Errorf("publishedAt: %v", err)
			}
			if a["author"] == nil {
				nullAuthor++
			}
			if a["description"] == nil {
				nullDescr++
			}
			total++
		}
	}
	if total < 550 || total > 600 {
		t.Errorf("%d articles in total, want 550-600", total)
	}
	if nullAuthor == 0 || nullDescr == 0 || nullAuthor > total/3 || nullDescr > total/3 {
		t.Errorf("null authors %d, null descriptions %d of %d: want some, not most", nullAuthor, nullDescr, total)
	}
	status, body := getJSON(t, s.URL()+"/v1/articles?source=al-jazeera-english&sortBy=latest")
	if status != 200 || body["sortBy"] != "latest" {
		t.Errorf("sortBy=latest: %d %v", status, body["sortBy"])
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name   string
		opts   Options
		query  string
		status int
		code   string
	}{
		{"key missing", Options{APIKey: "k"}, "/v1/articles?source=cnn", 401, "apiKeyMissing"},
		{"key invalid", Options{APIKey: "k"}, "/v1/articles?source=cnn&apiKey=x", 401, "apiKeyInvalid"},
		{"key right", Options{APIKey: "k"}, "/v1/articles?source=cnn&apiKey=k", 200, ""},
		{"sources need no key", Options{APIKey: "k"}, "/v1/sources?language=en", 200, ""},
		{"unknown source", Options{}, "/v1/articles?source=daily-planet", 400, "sourceDoesNotExist"},
		{"no source", Options{}, "/v1/articles", 400, "sourceDoesNotExist"},
		{"sort not offered", Options{}, "/v1/articles?source=cnn&sortBy=latest", 400, "sourceUnavailableSortedBy"},
		{"failing source", Options{FailSources: []string{"cnn"}, FailRate: 1}, "/v1/articles?source=cnn", 500, "unexpectedError"},
		{"other source ok", Options{FailSources: []string{"cnn"}}, "/v1/articles?source=bbc-news", 200, ""},
		{"unknown endpoint", Options{}, "/v2/everything", 404, "parameterInvalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startTest(t, tt.opts)
			status, body := getJSON(t, s.URL()+tt.query)
			if status != tt.status {
				t.Fatalf("status %d, want %d (%v)", status, tt.status, body)
			}
			if tt.code == "" {
				if body["status"] != "ok" {
					t.Fatalf("body %v, want status ok", body)
				}
				return
			}
			if body["status"] != "error" || body["code"] != tt.code || body["message"] == "" {
				t.Fatalf("body %v, want error %s", body, tt.code)
			}
		})
	}
}

func TestRateLimit(t *testing.T) {
	s := startTest(t, Options{Quota: 2, Window: time.Hour})
	for i, want := range []int{200, 200, 429, 429} {
		status, body := getJSON(t, s.URL()+"/v1/articles?source=cnn")
		if status != want {
			t.Fatalf("request %d: status %d, want %d", i, status, want)
		}
		if want == 429 && body["code"] != "rateLimited" {
			t.Fatalf("request %d: code %v", i, body["code"])
		}
	}
}

func TestLimiterWindow(t *testing.T) {
	l := &limiter{quota: 1, window: time.Second}
	t0 := time.Date(2018, 3, 14, 0, 0, 0, 0, time.UTC)
	got := []bool{l.allow(t0), l.allow(t0.Add(500 * time.Millisecond)), l.allow(t0.Add(time.Second))}
	if got[0] != true || got[1] != false || got[2] != true {
		t.Fatalf("allow = %v, want [true false true]", got)
	}
}

func TestDelayBounds(t *testing.T) {
	s := &Server{opts: Options{Latency: 100 * time.Millisecond, Jitter: 50 * time.Millisecond}}
	lo, hi := time.Hour, time.Duration(0)
	for range 2000 {
		d := s.delay()
		lo, hi = min(lo, d), max(hi, d)
	}
	if lo < 50*time.Millisecond || hi > 150*time.Millisecond {
		t.Fatalf("delays in [%v, %v], want within [50ms, 150ms]", lo, hi)
	}
	if hi-lo < 50*time.Millisecond {
		t.Fatalf("delays in [%v, %v]: the jitter is not spread", lo, hi)
	}
	s.opts = Options{Latency: 10 * time.Millisecond, Jitter: 50 * time.Millisecond}
	for range 200 {
		if d := s.delay(); d < 0 {
			t.Fatalf("negative delay %v", d)
		}
	}
}

func TestLatencyIsApplied(t *testing.T) {
	s := startTest(t, Options{Latency: 80 * time.Millisecond, Jitter: 20 * time.Millisecond})
	start := time.Now()
	status, _ := getJSON(t, s.URL()+"/v1/articles?source=cnn")
	// A timer never fires early, so this lower bound holds on any machine.
	if took := time.Since(start); status != 200 || took < 60*time.Millisecond {
		t.Fatalf("status %d after %v, want 200 after at least 60ms", status, took)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:80", "nonsense"} {
		if s, err := Start(Options{Addr: addr}); err == nil {
			s.Close()
			t.Errorf("Start(%q) accepted a non-loopback address", addr)
		}
	}
}

func TestCloseEndsSlowRequests(t *testing.T) {
	before := runtime.NumGoroutine()
	s, err := Start(Options{Latency: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	errc := make(chan error, 1)
	go func() {
		resp, err := http.Get(s.URL() + "/v1/sources")
		if err == nil {
			resp.Body.Close()
		}
		errc <- err
	}()
	time.Sleep(50 * time.Millisecond) // let the request reach its delay; the test passes either way
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-errc:
	case <-time.After(20 * time.Second):
		t.Fatal("request still running 20 s after Close")
	}
	http.DefaultClient.CloseIdleConnections()
	leaktest.Wait(t, before)
}
