package kernel_test

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/connfile"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// wait bounds every wait in these tests; it is a failure bound, not a speed target.
const wait = 30 * time.Second

// freeConfig returns a tcp config on 127.0.0.1 with five free ports.
func freeConfig(t testing.TB, key string) connfile.Config {
	t.Helper()
	var ports [5]int
	var ls []net.Listener
	for i := range ports {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		ls = append(ls, l)
		ports[i] = l.Addr().(*net.TCPAddr).Port
	}
	for _, l := range ls {
		l.Close()
	}
	return connfile.Config{Transport: "tcp", IP: "127.0.0.1", ShellPort: ports[0], IOPubPort: ports[1],
		StdinPort: ports[2], ControlPort: ports[3], HBPort: ports[4], Key: key, SignatureScheme: "hmac-sha256"}
}

// kernelUnderTest is a running Server with a FakeEngine and a connected client.
type kernelUnderTest struct {
	cfg    connfile.Config
	eng    *kerneltest.FakeEngine
	srv    *kernel.Server
	client *kerneltest.Client
	ctx    context.Context // bounded by wait
	done   chan error      // receives Run's result
	cancel context.CancelFunc
}

func testLogger(t testing.TB) *slog.Logger {
	if os.Getenv("GOKERNEL_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.DiscardHandler)
}

// start runs a Server on cfg and connects a client to it. Cleanup stops
// both and checks that no goroutine of theirs is left.
func start(t *testing.T, cfg connfile.Config, opts ...kernel.Option) *kernelUnderTest {
	t.Helper()
	eng := &kerneltest.FakeEngine{}
	srv, err := kernel.New(cfg, eng, testLogger(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	runCtx, stop := context.WithCancel(context.Background())
	k := &kernelUnderTest{cfg: cfg, eng: eng, srv: srv, ctx: ctx, done: make(chan error, 1), cancel: stop}
	go func() { k.done <- srv.Run(runCtx) }()
	k.client, err = kerneltest.Connect(ctx, cfg)
	if err != nil {
		stop()
		<-k.done
		cancel()
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() {
		k.client.Close()
		stop()
		select {
		case <-k.done:
		case <-time.After(wait):
			t.Error("Run did not return after cancel")
		}
		cancel()
		checkNoGoroutines(t)
		for _, err := range k.client.DecodeErrors() {
			t.Errorf("client could not decode a kernel message: %v", err)
		}
	})
	return k
}

// request sends a request and fails the test if no full result comes.
func (k *kernelUnderTest) request(t *testing.T, channel, msgType string, content any) *kerneltest.Result {
	t.Helper()
	res, err := k.client.Request(k.ctx, channel, msgType, content)
	if err != nil {
		t.Fatalf("%s on %s: %v", msgType, channel, err)
	}
	return res
}

// waitRun waits for Run to return on its own.
func (k *kernelUnderTest) waitRun(t *testing.T) error {
	t.Helper()
	select {
	case err := <-k.done:
		k.done <- err // for Cleanup
		return err
	case <-time.After(wait):
		t.Fatal("Run did not return")
		return nil
	}
}

// checkNoGoroutines fails if a goroutine of the Server, the client or the
// fake engine outlives them. (zmq4 keeps a few goroutines of its own per
// closed PUB socket; those are not ours.)
func checkNoGoroutines(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		var ours []string
		for _, g := range strings.Split(stacks, "\n\n") {
			if strings.Contains(g, "gokernel/kernel.(*") || strings.Contains(g, "kerneltest.(*") {
				ours = append(ours, g)
			}
		}
		if len(ours) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left behind:\n%s", len(ours), strings.Join(ours, "\n\n"))
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// content decodes a reply's content into a map.
func content(t *testing.T, res *kerneltest.Result) map[string]any {
	t.Helper()
	var c map[string]any
	if err := res.Content(&c); err != nil {
		t.Fatal(err)
	}
	return c
}

func equalTypes(got, want []string) bool {
	return fmt.Sprint(got) == fmt.Sprint(want)
}
