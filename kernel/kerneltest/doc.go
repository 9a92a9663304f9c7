// Package kerneltest helps test a Jupyter kernel from Go: Client speaks the
// Jupyter protocol to a kernel over real ZeroMQ sockets, the way
// jupyter_client does, and FakeEngine is a scriptable engine.Engine for
// tests of the protocol side that do not need Go cells.
//
// A typical test:
//
//	c, err := kerneltest.Connect(ctx, cfg)
//	...
//	defer c.Close()
//	res, err := c.Request(ctx, kerneltest.Shell, "execute_request", map[string]any{"code": "1+1"})
//	// res.Reply is the execute_reply; res.IOPub the iopub messages whose
//	// parent is the request, from status busy up to status idle.
package kerneltest
