package sock_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"github.com/gokernel/gokernel/lib/sock"
)

func ExampleListen() {
	ln, err := sock.Listen("127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	_, err = ln.Accept() // no client yet: returns at once
	fmt.Println(errors.Is(err, sock.ErrWouldBlock))
	// Output: true
}

// upperServer is Beazley's generator server with the raw calls: each task says what it waits
// for, then does the non-blocking operation.
func upperServer(l *sock.Loop, ln *sock.Socket) {
	for {
		l.WaitRead(ln) // yield 'recv', sock
		c, err := ln.Accept()
		if errors.Is(err, sock.ErrWouldBlock) {
			continue
		}
		if err != nil {
			return
		}
		l.Spawn(func() { upperHandler(l, c) })
	}
}

func upperHandler(l *sock.Loop, c *sock.Socket) {
	defer c.Close()
	buf := make([]byte, 100)
	for {
		l.WaitRead(c) // yield 'recv', client
		n, err := c.Recv(buf)
		if errors.Is(err, sock.ErrWouldBlock) {
			continue
		}
		if err != nil {
			return
		}
		l.WaitWrite(c) // yield 'send', client
		c.Send([]byte(strings.ToUpper(string(buf[:n]))))
	}
}

func ExampleLoop() {
	l, err := sock.NewLoop()
	if err != nil {
		fmt.Println(err)
		return
	}
	ln, err := sock.Listen("127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	l.Spawn(func() { upperServer(l, ln) })
	go l.Run()
	defer l.Close()

	for _, word := range []string{"hello\n", "loop\n"} {
		c, _ := net.Dial("tcp", ln.LocalAddr())
		fmt.Fprint(c, word)
		reply, _ := bufio.NewReader(c).ReadString('\n')
		fmt.Print(reply)
		c.Close()
	}
	// Output:
	// HELLO
	// LOOP
}

func ExampleLoop_WaitFuture() {
	l, err := sock.NewLoop()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer l.Close()
	pool := sock.NewPool(2)
	defer pool.Close()
	l.Spawn(func() {
		f := pool.Submit(func() any { return 6 * 7 }) // runs on a worker
		v, err := l.WaitFuture(f)                     // the loop serves others meanwhile
		fmt.Println("job done:", v, err)
	})
	l.Spawn(func() { fmt.Println("another task runs while the job computes") })
	l.Run()
	// Output:
	// another task runs while the job computes
	// job done: 42 <nil>
}

func ExampleAsyncSocket() {
	l, err := sock.NewLoop()
	if err != nil {
		fmt.Println(err)
		return
	}
	defer l.Close()
	ln, err := sock.Listen("127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer ln.Close()
	// Reads like blocking code; every call suspends the task instead.
	l.Spawn(func() {
		server := l.Async(ln)
		for {
			c, err := server.Accept()
			if err != nil {
				return
			}
			l.Spawn(func() {
				defer c.Close()
				buf := make([]byte, 100)
				for {
					n, err := c.Recv(buf)
					if err != nil {
						return
					}
					c.SendAll([]byte("you said " + string(buf[:n])))
				}
			})
		}
	})
	go l.Run()
	c, _ := net.Dial("tcp", ln.LocalAddr())
	defer c.Close()
	fmt.Fprint(c, "hi\n")
	reply, _ := bufio.NewReader(c).ReadString('\n')
	fmt.Print(reply)
	// Output: you said hi
}

func ExampleStartEcho() {
	for _, loop := range []sock.EventLoop{sock.NewGoLoop(), must(sock.NewLoop())} {
		srv, err := sock.StartEcho(loop, "127.0.0.1:0", func(line string) { fmt.Println("server:", strings.Fields(line)[0]) })
		if err != nil {
			fmt.Println(err)
			return
		}
		c, _ := net.Dial("tcp", srv.Addr())
		fmt.Fprint(c, "hello")
		reply := make([]byte, len(sock.EchoPrefix+"hello"))
		_, _ = io.ReadFull(c, reply)
		fmt.Printf("%T: %s\n", loop, reply)
		c.Close()
		srv.Close() // the server has logged "closed" when Close returns

	}
	// Output:
	// server: connected
	// *sock.GoLoop: Got:hello
	// server: closed
	// server: connected
	// *sock.Loop: Got:hello
	// server: closed
}

func must(l *sock.Loop, err error) *sock.Loop {
	if err != nil {
		panic(err)
	}
	return l
}

func ExampleEchoBenchmark() {
	srv, err := sock.StartEcho(sock.NewGoLoop(), "127.0.0.1:0", nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer srv.Close()
	r, err := sock.EchoBenchmark(context.Background(), srv.Addr(), 1000, 30*time.Second)
	fmt.Println(r.Messages, err, r.PerSecond > 0)
	// Output: 1000 <nil> true
}

func ExamplePool() {
	pool := sock.NewPool(4)
	defer pool.Close()
	f := pool.Submit(func() any { return "computed on a worker" })
	fmt.Println(f.Result())
	// Output: computed on a worker <nil>
}
