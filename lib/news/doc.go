// Package news is a local imitation of the NewsAPI v1 web service used in the course's news
// downloader video, plus the downloader patterns the notebook compares.
//
// The machines that run the notebooks have no internet, so Start serves the same two endpoints on
// 127.0.0.1:
//
//	GET /v1/sources?language=en                       60 English sources
//	GET /v1/articles?source=ID&sortBy=top&apiKey=KEY  about 10 articles of one source
//
// The corpus (sources and articles) is generated from a seed, so a run's result is known in
// advance: ExpectedHits(seed, word) is the number of articles whose title plus description contain
// the word, the number every correct downloader must report. Each response is delayed by its own
// latency, L ± J (uniform), and requests are served in parallel, so N requests sent at once take
// about as long as the slowest one, while N requests sent one after another take N × L.
//
// Errors look like the real service's: {"status":"error","code":...,"message":...} with HTTP status
// 401 (apiKeyMissing, apiKeyInvalid), 400 (sourceDoesNotExist, sourceUnavailableSortedBy), 429
// (rateLimited) and 500 (unexpectedError), each switched on by a field of Options.
//
// The downloader (Downloader) fetches the sources, then every source's articles, and counts the
// hits, in four ways: Sequential (one request after another), GoroutinePerRequest (one goroutine
// per source and a sync.WaitGroup), WorkerPool (N goroutines reading source ids from a channel) and
// WithDeadline (like GoroutinePerRequest, each request under a context.WithTimeout).
package news
