package kernel_test

import (
	"context"
	"testing"

	"github.com/gokernel/gokernel/kernel"
	"github.com/gokernel/gokernel/kernel/kerneltest"
)

// benchKernel starts a Server with a FakeEngine and a connected client.
func benchKernel(b *testing.B) (*kerneltest.Client, context.Context) {
	b.Helper()
	cfg := freeConfig(b, "secret")
	srv, err := kernel.New(cfg, &kerneltest.FakeEngine{}, testLogger(b))
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	c, err := kerneltest.Connect(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		c.Close()
		cancel()
		<-done
	})
	return c, ctx
}

// BenchmarkKernelInfo measures a shell request round trip: request, reply,
// and status busy/idle on iopub.
func BenchmarkKernelInfo(b *testing.B) {
	c, ctx := benchKernel(b)
	for b.Loop() {
		if _, err := c.Request(ctx, kerneltest.Shell, "kernel_info_request", map[string]any{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExecute measures an execute round trip with one stream output
// and a result, on the fake engine (protocol cost only).
func BenchmarkExecute(b *testing.B) {
	c, ctx := benchKernel(b)
	for b.Loop() {
		if _, err := c.Request(ctx, kerneltest.Shell, "execute_request", map[string]any{"code": "print:hi\nresult:1"}); err != nil {
			b.Fatal(err)
		}
	}
}
