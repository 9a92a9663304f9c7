package coro_test

import (
	"errors"
	"fmt"

	"github.com/gokernel/gokernel/lib/coro"
)

// corout is course 01 item 1: a body that prints a line and returns a string.
func corout(c *coro.Co) any {
	fmt.Println("running corout")
	return "something returned"
}

// Course 01 items 1 and 2: creating is not running, and one resume runs the
// body to its end; the finish carries the returned value.
func ExampleNew() {
	co := coro.New(corout)
	fmt.Println("state:", co.State())

	out, done, err := co.Next()
	fmt.Println("out:", out, "done:", done, "err:", err)
	fmt.Println("result:", co.Result(), "state:", co.State())
	// Output:
	// state: not started
	// running corout
	// out: something returned done: true err: <nil>
	// result: something returned state: done
}

// Course 01 item 3: the outer coroutine calls the inner body as a plain
// function (Python: await corout()). It does not pass the inner result on,
// so the outer result is nil.
func ExampleNew_nesting() {
	corout2 := func(c *coro.Co) any {
		fmt.Println("running corout2")
		corout(c)
		return nil
	}
	co := coro.New(corout2)
	_, done, _ := co.Next()
	fmt.Println("done:", done, "result:", co.Result())
	// Output:
	// running corout2
	// running corout
	// done: true result: <nil>
}

// Course 01 item 4: resuming a finished coroutine is an error, not a crash.
func ExampleErrFinished() {
	co := coro.New(corout)
	co.Next()
	_, done, err := co.Next()
	fmt.Println("done:", done)
	fmt.Println("err:", err)
	fmt.Println("is ErrFinished:", errors.Is(err, coro.ErrFinished))
	// Output:
	// running corout
	// done: true
	// err: coro: the coroutine is finished and cannot be resumed
	// is ErrFinished: true
}

// doNothing is the primitive at the bottom of course 01 item 5: it suspends
// once, handing a value out, and returns nothing.
func doNothing(c *coro.Co) any {
	c.Yield("something from do_nothing")
	return nil
}

// Course 01 item 5: a coroutine loops 5 times over a primitive that really
// suspends; a driver resumes it until it is done.
func ExampleCo_Yield() {
	doAFewThings := func(num int) func(c *coro.Co) any {
		return func(c *coro.Co) any {
			for i := 0; i < num; i++ {
				fmt.Printf("in the loop for the %dth time\n", i)
				res := doNothing(c)
				fmt.Println("res is:", res)
			}
			return "do a few things result"
		}
	}
	daft := coro.New(doAFewThings(5))
	for {
		out, done, err := daft.Next()
		if err != nil {
			fmt.Println("error:", err)
			break
		}
		if done {
			fmt.Println("The awaitable is complete")
			fmt.Println("passed out:", out)
			break
		}
		fmt.Println("handed out:", out)
	}
	// Output:
	// in the loop for the 0th time
	// handed out: something from do_nothing
	// res is: <nil>
	// in the loop for the 1th time
	// handed out: something from do_nothing
	// res is: <nil>
	// in the loop for the 2th time
	// handed out: something from do_nothing
	// res is: <nil>
	// in the loop for the 3th time
	// handed out: something from do_nothing
	// res is: <nil>
	// in the loop for the 4th time
	// handed out: something from do_nothing
	// res is: <nil>
	// The awaitable is complete
	// passed out: do a few things result
}

// Course 01 item 6: values in both directions, like a Python generator.
// Yield returns what Send passes in.
func ExampleCoroutine_Send() {
	gen := coro.New(func(c *coro.Co) any {
		for i := 0; i < 3; i++ {
			res := c.Yield(i)
			fmt.Printf("loop: %d, result: %v\n", i, res)
		}
		return "returned from gen"
	})
	fmt.Println(gen.Send(nil))
	fmt.Println(gen.Send(45))
	fmt.Println(gen.Send(60))
	fmt.Println(gen.Send(60))
	// Output:
	// 0 false <nil>
	// loop: 0, result: 45
	// 1 false <nil>
	// loop: 1, result: 60
	// 2 false <nil>
	// loop: 2, result: 60
	// returned from gen true <nil>
}

// Course 01 item 7: in a chain, sent values go to the innermost Yield, and
// the awaiting function gets the inner function's return value instead.
func ExampleCoroutine_Send_chain() {
	nothing := func(c *coro.Co) any {
		c.Yield("yielded from nothing")
		return "returned from nothing"
	}
	daft := coro.New(func(c *coro.Co) any {
		for i := 0; i < 5; i++ {
			fromAwait := nothing(c)
			fmt.Println("value returned from await:", fromAwait)
		}
		return "done looping"
	})
	for i := 0; ; i++ {
		var send any
		if i > 0 {
			send = i // the first resume must send nil
		}
		out, done, _ := daft.Send(send)
		fmt.Printf("resume %d: done=%v out=%v\n", i+1, done, out)
		if done {
			break
		}
	}
	// Output:
	// resume 1: done=false out=yielded from nothing
	// value returned from await: returned from nothing
	// resume 2: done=false out=yielded from nothing
	// value returned from await: returned from nothing
	// resume 3: done=false out=yielded from nothing
	// value returned from await: returned from nothing
	// resume 4: done=false out=yielded from nothing
	// value returned from await: returned from nothing
	// resume 5: done=false out=yielded from nothing
	// value returned from await: returned from nothing
	// resume 6: done=true out=done looping
}

// Course 01 item 8: an error thrown in shows up at the suspension point.
// A body that suspends with YieldErr catches it and carries on; with Yield
// it is not caught and reaches the driver.
func ExampleCoroutine_Throw() {
	errBoom := errors.New("boom")

	catcher := coro.New(func(c *coro.Co) any {
		for i := 0; ; i++ {
			if _, err := c.YieldErr(i); err != nil {
				fmt.Println("caught:", err)
				return "recovered"
			}
		}
	})
	catcher.Next()
	fmt.Println(catcher.Throw(errBoom))

	plain := coro.New(func(c *coro.Co) any {
		c.Yield("waiting")
		fmt.Println("never printed")
		return nil
	})
	plain.Next()
	out, done, err := plain.Throw(errBoom)
	fmt.Println(out, done, err, errors.Is(err, errBoom))
	// Output:
	// caught: boom
	// recovered true <nil>
	// <nil> true boom true
}

// Course 01 item 8: Close runs the body's deferred calls, like Python's
// GeneratorExit, and any later resume fails.
func ExampleCoroutine_Close() {
	co := coro.New(func(c *coro.Co) any {
		defer fmt.Println("cleanup runs")
		for i := 0; ; i++ {
			c.Yield(i)
		}
	})
	co.Next()
	fmt.Println("close:", co.Close())
	fmt.Println("state:", co.State())
	_, _, err := co.Next()
	fmt.Println("resume:", err)
	// Output:
	// cleanup runs
	// close: <nil>
	// state: done
	// resume: coro: the coroutine is finished and cannot be resumed
}

// Course 05 item 1, the protocol once more: a primitive hands a value out
// and returns whatever is sent back; the coroutine above it prints on entry
// and exit.
func ExampleCo_Yield_protocol() {
	primitive := func(c *coro.Co, v any) any { return c.Yield(v) }
	co := coro.New(func(c *coro.Co) any {
		fmt.Println("entering")
		got := primitive(c, "a value from the primitive")
		fmt.Println("primitive returned:", got)
		fmt.Println("exiting")
		return nil
	})
	out, done, _ := co.Next()
	fmt.Println("out:", out, "done:", done)
	out, done, _ = co.Next()
	fmt.Println("out:", out, "done:", done)
	// Output:
	// entering
	// out: a value from the primitive done: false
	// primitive returned: <nil>
	// exiting
	// out: <nil> done: true
}
