package fib

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxRequests bounds every load loop, whatever its time limit.
const MaxRequests = 10_000_000

// client is one connection of a load client, with a deadline at the end of its time budget.
type client struct {
	conn net.Conn
	r    *bufio.Reader
	stop func() bool // releases the context hook
}

// dialClient connects to addr; every read and write fails once end has passed or ctx has ended.
func dialClient(ctx context.Context, addr string, end time.Time) (*client, error) {
	var d net.Dialer
	dctx, cancel := context.WithDeadline(ctx, end)
	defer cancel()
	conn, err := d.DialContext(dctx, "tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("fib: dial %s: %w", addr, err)
	}
	if err := conn.SetDeadline(end); err != nil {
		conn.Close()
		return nil, fmt.Errorf("fib: set deadline: %w", err)
	}
	// When ctx ends, a deadline in the past wakes any blocked read at once.
	stop := context.AfterFunc(ctx, func() { conn.SetDeadline(time.Unix(1, 0)) })
	return &client{conn: conn, r: bufio.NewReader(conn), stop: stop}, nil
}

func (c *client) close() {
	c.stop()
	c.conn.Close()
}

// request sends n and reads the reply.
func (c *client) request(n int) (int, error) {
	if _, err := c.conn.Write([]byte(strconv.Itoa(n) + "\n")); err != nil {
		return 0, err
	}
	line, err := c.r.ReadString('\n')
	if err != nil {
		return 0, err
	}
	v, err := strconv.Atoi(strings.TrimSpace(line))
	if err != nil {
		return 0, fmt.Errorf("fib: server replied %q", strings.TrimSpace(line))
	}
	return v, nil
}

// endOfBudget tells a load loop's normal end (time budget used up) from a failure.
func endOfBudget(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil
	}
	return err
}

// Latency is the talk's long-request client: over one connection, send n and wait for the reply,
// count times, and return each round-trip time. It stops early, without error, once maxTime has
// passed (a request still running then is not counted), and with ctx's error when ctx ends.
func Latency(ctx context.Context, addr string, n, count int, maxTime time.Duration) ([]time.Duration, error) {
	c, err := dialClient(ctx, addr, time.Now().Add(maxTime))
	if err != nil {
		return nil, err
	}
	defer c.close()
	var times []time.Duration
	for range min(count, MaxRequests) {
		start := time.Now()
		if _, err := c.request(n); err != nil {
			return times, endOfBudget(ctx, err)
		}
		times = append(times, time.Since(start))
	}
	return times, nil
}

// LatencyClients runs Latency on clients connections at once and returns each one's round-trip
// times: the talk's "two long-request clients" experiment. The first error, if any, is returned
// with the times.
func LatencyClients(ctx context.Context, addr string, n, clients, count int, maxTime time.Duration) ([][]time.Duration, error) {
	times := make([][]time.Duration, clients)
	errs := make([]error, clients)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() { times[i], errs[i] = Latency(ctx, addr, n, count, maxTime) })
	}
	wg.Wait()
	return times, errors.Join(errs...)
}

// Sample is the number of requests completed in one interval of a RequestsPerSecond run.
type Sample struct {
	At    time.Duration // end of the interval, from the start of the run
	Count int           // requests completed in the interval
	Rate  float64       // Count per second
}

// RequestsPerSecond is the talk's short-request client: over one connection, send n and wait for
// the reply, as fast as it can, for duration (and at most MaxRequests), and return how many
// requests completed in each interval. An interval in which the server did not answer at all
// has Count 0. It stops with ctx's error when ctx ends.
func RequestsPerSecond(ctx context.Context, addr string, n int, interval, duration time.Duration) ([]Sample, error) {
	if interval <= 0 {
		return nil, fmt.Errorf("fib: interval %v", interval)
	}
	start := time.Now()
	c, err := dialClient(ctx, addr, start.Add(duration))
	if err != nil {
		return nil, err
	}
	defer c.close()
	var samples []Sample
	count := 0
	next := interval // end of the current interval
	closeIntervals := func(now time.Duration) {
		for now >= next && next <= duration {
			samples = append(samples, Sample{At: next, Count: count, Rate: float64(count) / interval.Seconds()})
			count = 0
			next += interval
		}
	}
	for range MaxRequests {
		_, err := c.request(n)
		closeIntervals(time.Since(start))
		if err != nil {
			return samples, endOfBudget(ctx, err)
		}
		count++
	}
	return samples, nil
}

// LoadRun is the result of RateUnderLoad.
type LoadRun struct {
	Samples   []Sample        // short requests per interval over the whole run
	LoadStart time.Duration   // when the long-request loop started, from the start of the run
	Long      []time.Duration // round-trip times of the long requests
}

// RateAlone is the mean rate of the samples before the load started.
func (r LoadRun) RateAlone() float64 { return meanRate(r.Samples, 0, r.LoadStart) }

// RateLoaded is the mean rate of the samples that ended after the first long request did.
func (r LoadRun) RateLoaded() float64 {
	from := r.LoadStart
	if len(r.Long) > 0 {
		from += r.Long[0]
	}
	return meanRate(r.Samples, from, 1<<62)
}

// meanRate averages the rates of the samples whose interval ends in (from, to].
func meanRate(samples []Sample, from, to time.Duration) float64 {
	sum, n := 0.0, 0
	for _, s := range samples {
		if s.At > from && s.At <= to {
			sum += s.Rate
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// RateUnderLoad runs RequestsPerSecond(shortN) for alone + loaded, and after alone starts a
// Latency loop of longN requests on a second connection for the rest of the run: the talk's
// "req/s, then start the long-request client" experiment, as one call that a chart can plot.
func RateUnderLoad(ctx context.Context, addr string, shortN, longN int, interval, alone, loaded time.Duration) (LoadRun, error) {
	var run LoadRun
	var wg sync.WaitGroup
	var longErr error
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	wg.Go(func() {
		select {
		case <-time.After(alone):
		case <-ctx.Done():
			return
		}
		run.LoadStart = time.Since(start)
		run.Long, longErr = Latency(ctx, addr, longN, MaxRequests, alone+loaded-run.LoadStart)
	})
	samples, err := RequestsPerSecond(ctx, addr, shortN, interval, alone+loaded)
	if err != nil {
		cancel()
	}
	wg.Wait()
	run.Samples = samples
	return run, errors.Join(err, longErr)
}
