package news

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"
)

// Downloader fetches the English sources and then every source's top articles from a news
// service, and counts the articles that mention Word. Its methods are the patterns the notebook
// compares; each returns a Summary.
type Downloader struct {
	// URL is the service's base URL, e.g. Server.URL().
	URL string
	// APIKey is sent with every articles request when not empty.
	APIKey string
	// Word is the word to count (see Hit). Default "war".
	Word string
	// Progress, when not nil, receives one line per event: "requesting ID", "received ID: ..."
	// and "error ID: ...". Calls never overlap, so Progress needs no lock of its own.
	Progress func(line string)
	// Client is the HTTP client to use; nil means a fresh client per run whose idle connections
	// are closed at the end.
	Client *http.Client
}

// Summary is the result of one download run.
type Summary struct {
	Word     string
	Hits     int     // articles that mention Word, over the successful sources
	Articles int     // articles received
	Sources  int     // sources whose articles were received
	Seconds  float64 // wall time of the whole run, sources request included
	// SourcesSeconds is the time of the sources request alone: Seconds - SourcesSeconds is the
	// time of the articles part (the part WithDeadline bounds).
	SourcesSeconds float64
	// Errors maps a failed source id to what went wrong, e.g. "500 unexpectedError: ...".
	Errors map[string]string
}

// String formats the summary the way the course's scripts print it.
func (s Summary) String() string {
	return fmt.Sprintf("%q: %d hits in %d articles from %d sources, %d errors, %.2f s",
		s.Word, s.Hits, s.Articles, s.Sources, len(s.Errors), s.Seconds)
}

// APIError is an error answer of the service.
type APIError struct {
	Status  int    // HTTP status code
	Code    string // e.g. "rateLimited"
	Message string
}

// Error formats the status, the code and the message.
func (e *APIError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Code, e.Message)
}

// run holds the state of one download: the client, the progress lock and the summary being built.
type run struct {
	d      Downloader
	client *http.Client
	start  time.Time

	mu  sync.Mutex // guards sum and serialises Progress calls
	sum Summary
}

func (d Downloader) newRun() *run {
	if d.Word == "" {
		d.Word = "war"
	}
	r := &run{d: d, client: d.Client, start: time.Now()}
	if r.client == nil {
		r.client = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	}
	r.sum = Summary{Word: d.Word, Errors: map[string]string{}}
	return r
}

// finish stops the clock and releases the connections a fresh client opened.
func (r *run) finish() Summary {
	if r.d.Client == nil {
		r.client.CloseIdleConnections()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sum.Seconds = time.Since(r.start).Seconds()
	return r.sum
}

// progress sends one line to the Progress callback.
func (r *run) progress(format string, args ...any) {
	if r.d.Progress == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.d.Progress(fmt.Sprintf(format, args...))
}

// sources fetches the ids of the English sources.
func (r *run) sources(ctx context.Context) ([]string, error) {
	var body sourcesResponse
	if err := r.get(ctx, "/v1/sources?language=en", &body); err != nil {
		return nil, fmt.Errorf("news: get sources: %w", err)
	}
	ids := make([]string, len(body.Sources))
	for i, s := range body.Sources {
		ids[i] = s.ID
	}
	r.mu.Lock()
	r.sum.SourcesSeconds = time.Since(r.start).Seconds()
	r.mu.Unlock()
	return ids, nil
}

// articles fetches one source's articles and adds them to the summary, or records the error.
func (r *run) articles(ctx context.Context, id string) {
	q := url.Values{"source": {id}, "sortBy": {"top"}}
	if r.d.APIKey != "" {
		q.Set("apiKey", r.d.APIKey)
	}
	var body articlesResponse
	if err := r.get(ctx, "/v1/articles?"+q.Encode(), &body); err != nil {
		r.progress("error %s: %v", id, err)
		r.mu.Lock()
		r.sum.Errors[id] = err.Error()
		r.mu.Unlock()
		return
	}
	hits := 0
	for _, a := range body.Articles {
		if Hit(a, r.d.Word) {
			hits++
		}
	}
	r.progress("received %s: %d articles, %d hits", id, len(body.Articles), hits)
	r.mu.Lock()
	r.sum.Hits += hits
	r.sum.Articles += len(body.Articles)
	r.sum.Sources++
	r.mu.Unlock()
}

// get sends one GET request and decodes the JSON answer into out, or returns an *APIError for an
// error answer.
func (r *run) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(r.d.URL, "/")+path, nil)
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	resp, err := r.client.Do(req)
	if err != nil {
		var urlErr *url.Error
		if errors.As(err, &urlErr) {
			err = urlErr.Err // the URL is known from the source id; keep the cause
		}
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		var e errorResponse
		if err := json.Unmarshal(data, &e); err != nil || e.Code == "" {
			return &APIError{Status: resp.StatusCode, Code: "unknown", Message: strings.TrimSpace(string(data))}
		}
		return &APIError{Status: resp.StatusCode, Code: e.Code, Message: e.Message}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode answer: %w", err)
	}
	return nil
}

// Sequential requests the sources, then each source's articles one after another: the
// `requests.get` in a for loop of the course.
func (d Downloader) Sequential(ctx context.Context) (Summary, error) {
	r := d.newRun()
	ids, err := r.sources(ctx)
	if err != nil {
		return r.finish(), err
	}
	for _, id := range ids {
		r.progress("requesting %s", id)
		r.articles(ctx, id)
	}
	return r.finish(), nil
}

// GoroutinePerRequest requests the sources, then starts one goroutine per source at once and
// waits for all of them with a sync.WaitGroup: the asyncio.gather of the course. Every
// "requesting" line is reported before the first request is sent.
func (d Downloader) GoroutinePerRequest(ctx context.Context) (Summary, error) {
	return d.concurrent(ctx, 0)
}

// WithDeadline is GoroutinePerRequest with every articles request under its own
// context.WithTimeout(ctx, timeout): requests slower than timeout fail with
// context.DeadlineExceeded and are listed in Summary.Errors, so the articles part of the run ends
// within timeout. The sources request has no timeout of its own.
func (d Downloader) WithDeadline(ctx context.Context, timeout time.Duration) (Summary, error) {
	return d.concurrent(ctx, timeout)
}

// concurrent runs one goroutine per source; timeout > 0 bounds each request.
func (d Downloader) concurrent(ctx context.Context, timeout time.Duration) (Summary, error) {
	r := d.newRun()
	withTimeout := func() (context.Context, context.CancelFunc) {
		if timeout > 0 {
			return context.WithTimeout(ctx, timeout)
		}
		return context.WithCancel(ctx)
	}
	ids, err := r.sources(ctx)
	if err != nil {
		return r.finish(), err
	}
	for _, id := range ids {
		r.progress("requesting %s", id)
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Go(func() {
			actx, cancel := withTimeout()
			defer cancel()
			r.articles(actx, id)
		})
	}
	wg.Wait()
	return r.finish(), nil
}

// WorkerPool requests the sources, then lets n goroutines (workers) take source ids from a
// channel until it is empty: the thread pool of the lesson's homework.
func (d Downloader) WorkerPool(ctx context.Context, n int) (Summary, error) {
	if n < 1 {
		return Summary{}, fmt.Errorf("news: worker pool of %d workers", n)
	}
	r := d.newRun()
	ids, err := r.sources(ctx)
	if err != nil {
		return r.finish(), err
	}
	queue := make(chan string, len(ids))
	for _, id := range ids {
		queue <- id
	}
	close(queue)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for id := range queue {
				r.progress("requesting %s", id)
				r.articles(ctx, id)
			}
		})
	}
	wg.Wait()
	return r.finish(), nil
}

// ErrorLines lists the summary's errors as "ID: error" lines, sorted by source id.
func (s Summary) ErrorLines() []string {
	lines := make([]string, 0, len(s.Errors))
	for id, e := range s.Errors {
		lines = append(lines, id+": "+e)
	}
	sort.Strings(lines)
	return lines
}

// PoolTime is one point of the worker-pool sweep: a pool size and the seconds a run took.
type PoolTime struct {
	Workers int
	Seconds float64
}

// Sweep runs WorkerPool once for each pool size and returns the time of each run: the
// homework's chart of time against pool size. It stops at the first failed run.
func (d Downloader) Sweep(ctx context.Context, sizes []int) ([]PoolTime, error) {
	var points []PoolTime
	for _, n := range sizes {
		sum, err := d.WorkerPool(ctx, n)
		if err != nil {
			return points, fmt.Errorf("news: sweep, %d workers: %w", n, err)
		}
		points = append(points, PoolTime{Workers: n, Seconds: sum.Seconds})
	}
	return points, nil
}

// Students2018 is the curve the course's students reported for their thread-pool homework
// against the real service (time of a full run by number of threads), to draw next to the sweep.
func Students2018() []PoolTime {
	return []PoolTime{{1, 37}, {2, 19}, {3, 14}, {4, 10}, {10, 5}, {15, 4}, {20, 3}, {30, 3}}
}
