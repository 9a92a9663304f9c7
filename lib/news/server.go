package news

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gokernel/gokernel/lib/sock"
)

// Options configures the local news service. The zero value serves the default corpus on a free
// port of 127.0.0.1 with no latency, no API key, no quota and no failures.
type Options struct {
	// Addr is the listen address; it must be a loopback address. Default "127.0.0.1:0" (a free port).
	Addr string
	// Seed selects the corpus; 0 means DefaultSeed.
	Seed uint64
	// Latency (L) and Jitter (J): each response is delayed by a uniform random time in [L-J, L+J].
	Latency, Jitter time.Duration
	// APIKey, when not empty, is required by /v1/articles: a request without it gets 401
	// apiKeyMissing, one with another key gets 401 apiKeyInvalid. /v1/sources never needs a key.
	APIKey string
	// Quota, when positive, is the number of requests served per Window; the others get 429
	// rateLimited. Window defaults to one minute.
	Quota  int
	Window time.Duration
	// FailSources lists source ids whose article requests fail with 500 unexpectedError with
	// probability FailRate (0 < FailRate <= 1; 0 means always).
	FailSources []string
	FailRate    float64
}

// Server is a running local news service. Close stops it.
type Server struct {
	opts     Options
	corpus   *Corpus
	sources  []byte            // encoded /v1/sources answer
	articles map[string][]byte // encoded /v1/articles answer per source id
	bySource map[string]Source
	limiter  *limiter

	ln    net.Listener
	http  *http.Server
	done  chan struct{} // closed by Close: sleeping handlers return at once
	serve chan error    // result of http.Server.Serve
	once  sync.Once
}

// Start starts the news service described by opts and returns once it accepts connections.
func Start(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.Seed == 0 {
		opts.Seed = DefaultSeed
	}
	if opts.Window <= 0 {
		opts.Window = time.Minute
	}
	if err := sock.CheckLoopback(opts.Addr); err != nil {
		return nil, err
	}
	s := &Server{
		opts:     opts,
		corpus:   NewCorpus(opts.Seed),
		articles: make(map[string][]byte),
		bySource: make(map[string]Source),
		done:     make(chan struct{}),
		serve:    make(chan error, 1),
	}
	if opts.Quota > 0 {
		s.limiter = &limiter{quota: opts.Quota, window: opts.Window}
	}
	if err := s.encode(); err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp4", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("news: listen on %s: %w", opts.Addr, err)
	}
	s.ln = ln
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/sources", s.handleSources)
	mux.HandleFunc("GET /v1/articles", s.handleArticles)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.reply(w, r, http.StatusNotFound, apiError("parameterInvalid", "unknown endpoint "+r.URL.Path))
	})
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { s.serve <- s.http.Serve(ln) }()
	return s, nil
}

// encode prepares every answer once, so that serving a request costs no encoding.
func (s *Server) encode() error {
	body, err := json.Marshal(sourcesResponse{Status: "ok", Sources: s.corpus.Sources})
	if err != nil {
		return fmt.Errorf("news: encode sources: %w", err)
	}
	s.sources = body
	for _, src := range s.corpus.Sources {
		s.bySource[src.ID] = src
		body, err := json.Marshal(articlesResponse{Status: "ok", Source: src.ID, SortBy: "top", Articles: s.corpus.Articles[src.ID]})
		if err != nil {
			return fmt.Errorf("news: encode articles of %s: %w", src.ID, err)
		}
		s.articles[src.ID] = body
	}
	return nil
}

// URL is the base URL of the service, e.g. "http://127.0.0.1:41234".
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() }

// Addr is the address the service listens on.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Corpus is the content the service serves.
func (s *Server) Corpus() *Corpus { return s.corpus }

// Close stops the service: requests in their latency delay end at once, open connections are
// closed, and the port is free again when Close returns. Close may be called more than once.
func (s *Server) Close() error {
	var err error
	s.once.Do(func() {
		close(s.done)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if e := s.http.Shutdown(ctx); e != nil {
			err = fmt.Errorf("news: shutdown: %w", e)
			_ = s.http.Close()
		}
		if e := <-s.serve; e != nil && !errors.Is(e, http.ErrServerClosed) {
			err = fmt.Errorf("news: serve: %w", e)
		}
	})
	return err
}

// sourcesResponse is the body of a /v1/sources answer.
type sourcesResponse struct {
	Status  string   `json:"status"`
	Sources []Source `json:"sources"`
}

// articlesResponse is the body of a /v1/articles answer.
type articlesResponse struct {
	Status   string    `json:"status"`
	Source   string    `json:"source"`
	SortBy   string    `json:"sortBy"`
	Articles []Article `json:"articles"`
}

// errorResponse is the body of every error answer.
type errorResponse struct {
	Status  string `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func apiError(code, message string) errorResponse {
	return errorResponse{Status: "error", Code: code, Message: message}
}

func (s *Server) handleSources(w http.ResponseWriter, r *http.Request) {
	if !s.allow() {
		s.reply(w, r, http.StatusTooManyRequests, apiError("rateLimited", "You have made too many requests recently."))
		return
	}
	lang := r.URL.Query().Get("language")
	if lang != "" && lang != "en" {
		s.reply(w, r, http.StatusOK, sourcesResponse{Status: "ok", Sources: []Source{}})
		return
	}
	s.replyRaw(w, r, http.StatusOK, s.sources)
}

func (s *Server) handleArticles(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	key, id, sortBy := q.Get("apiKey"), q.Get("source"), q.Get("sortBy")
	if sortBy == "" {
		sortBy = "top"
	}
	src, known := s.bySource[id]
	switch {
	case s.opts.APIKey != "" && key == "":
		s.reply(w, r, http.StatusUnauthorized, apiError("apiKeyMissing", "Your API key is missing. Append it to the URL with the apiKey param."))
	case s.opts.APIKey != "" && key != s.opts.APIKey:
		s.reply(w, r, http.StatusUnauthorized, apiError("apiKeyInvalid", "Your API key is invalid or incorrect."))
	case !s.allow():
		s.reply(w, r, http.StatusTooManyRequests, apiError("rateLimited", "You have made too many requests recently."))
	case !known:
		s.reply(w, r, http.StatusBadRequest, apiError("sourceDoesNotExist", fmt.Sprintf("The news source you've entered (%s) doesn't exist.", id)))
	case !slices.Contains(src.SortBysAvailable, sortBy):
		s.reply(w, r, http.StatusBadRequest, apiError("sourceUnavailableSortedBy", fmt.Sprintf("The news source you've selected (%s) isn't available sorted by %s.", id, sortBy)))
	case s.fails(id):
		s.reply(w, r, http.StatusInternalServerError, apiError("unexpectedError", "Something went wrong on our side."))
	case sortBy != "top":
		s.reply(w, r, http.StatusOK, articlesResponse{Status: "ok", Source: id, SortBy: sortBy, Articles: s.corpus.Articles[id]})
	default:
		s.replyRaw(w, r, http.StatusOK, s.articles[id])
	}
}

// fails decides whether this request for source id fails with unexpectedError.
func (s *Server) fails(id string) bool {
	if !slices.Contains(s.opts.FailSources, id) {
		return false
	}
	return s.opts.FailRate <= 0 || rand.Float64() < s.opts.FailRate
}

// allow applies the quota, if there is one.
func (s *Server) allow() bool {
	return s.limiter == nil || s.limiter.allow(time.Now())
}

// reply encodes body as JSON and sends it after the latency delay.
func (s *Server) reply(w http.ResponseWriter, r *http.Request, status int, body any) {
	data, err := json.Marshal(body)
	if err != nil {
		status, data = http.StatusInternalServerError, []byte(`{"status":"error","code":"unexpectedError","message":"encode failed"}`)
	}
	s.replyRaw(w, r, status, data)
}

// replyRaw waits this response's own latency, L ± J, then writes data. It gives up at once when
// the client goes away or the server closes.
func (s *Server) replyRaw(w http.ResponseWriter, r *http.Request, status int, data []byte) {
	if d := s.delay(); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// delay draws one response's latency, uniform in [L-J, L+J] and never negative.
func (s *Server) delay() time.Duration {
	d := s.opts.Latency
	if j := s.opts.Jitter; j > 0 {
		d += time.Duration(rand.Int64N(int64(2*j)+1)) - j
	}
	return max(d, 0)
}
