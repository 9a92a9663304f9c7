package interp

import (
	"context"
	"strings"
	"testing"
)

// resultSetup declares what the result cases use: a cell type with an
// HTML method, functions with zero, one and two results, a struct, a
// map, a channel with a value in it and an interface value.
const resultSetup = `type bold string
func (b bold) HTML() string { return "<b>" + string(b) + "</b>" }
type pt struct{ X, Y int }
func none() {}
func one() int { return 1 }
func two() (int, error) { return 1, nil }
func fails() error { return errors.New("boom") }
func noErr() error { return nil }
func nilAny() any { return nil }
func nilPtr() *pt { return nil }
type ids[T any] []T
xs := []int{10, 20, 30}
m := map[string]int{"a": 1}
ch := make(chan int, 1)
ch <- 7
var iface any = 3
p := &pt{1, 2}
`

// TestCellResult checks which bare last expressions are a cell's result,
// and what text/plain shows for them. want "" means no result.
func TestCellResult(t *testing.T) {
	tests := []struct {
		name, code string
		want       string
		html       string // the text/html the result must have, if any
	}{
		// Item 1: every kind of bare expression is the result.
		{"conversion of a cell type", `bold("hi")`, "<HTML output>", "<b>hi</b>"},
		{"conversion, parenthesized", `(bold("hi"))`, "<HTML output>", "<b>hi</b>"},
		{"conversion to a std type", `time.Duration(1500) * time.Millisecond`, "1.5s", ""},
		{"conversion by selector", `time.Duration(90e9)`, "1m30s", ""},
		{"conversion of a variable", `float64(xs[0]) / 4`, "2.5", ""},
		{"conversion to a pointer type", `(*pt)(p).X`, "1", ""},
		{"conversion to a slice type", `[]byte("ab")`, "[97 98]", ""},
		{"conversion of a constant", `int64(3)`, "3", ""},
		{"generic type literal", `ids[int]{4}`, "[4]", ""},
		{"composite literal", `pt{3, 4}`, "{3 4}", ""},
		{"identifier", `xs`, "[10 20 30]", ""},
		{"selector", `p.Y`, "2", ""},
		{"index", `xs[1]`, "20", ""},
		{"map index", `m["a"]`, "1", ""},
		{"slice", `xs[1:]`, "[20 30]", ""},
		{"type assertion", `iface.(int)`, "3", ""},
		{"unary", `-xs[0]`, "-10", ""},
		{"receive", `<-ch`, "7", ""},
		{"binary", `xs[0] + xs[2]`, "40", ""},
		{"comparison", `len(xs) == 3`, "true", ""},
		{"literal", `42`, "42", ""},
		{"string literal", `"hi"`, `"hi"`, ""},
		{"value builtin", `len(xs)`, "3", ""},
		{"builtin with a value", `complex(1, 2)`, "(1+2i)", ""},
		{"copy", "dst := make([]int, 2)\ncopy(dst, xs)", "2", ""},
		{"call with one result", `one()`, "1", ""},
		{"func literal call", `func() string { return "f" }()`, `"f"`, ""},
		{"non-nil error", `fails()`, "boom", ""},
		{"last of several statements", "y := 2\ny * 3", "6", ""},

		// Item 2: a nil interface value is not shown; other nils are.
		{"nil error", `noErr()`, "", ""},
		{"nil error from the library", `os.Setenv("GK_RESULT_TEST", "b")`, "", ""},
		{"nil any", `nilAny()`, "", ""},
		{"nil interface variable", "var e error\ne", "", ""},
		{"nil pointer", `nilPtr()`, "<nil>", ""},
		{"nil slice", `[]int(nil)`, "[]", ""},
		{"nil map", `map[string]int(nil)`, "map[]", ""},
		{"untyped nil", `nil`, "", ""},
		{"nil converted to an interface", `error(nil)`, "", ""},
		{"nil converted to any", `any(nil)`, "", ""},
		{"nil pointer in an interface", `any(nilPtr())`, "<nil>", ""},

		// Item 3: no single value, no result.
		{"call returning nothing", `none()`, "", ""},
		{"Println", `fmt.Println("x")`, "", ""},
		{"Printf", `fmt.Printf("%d\n", 1)`, "", ""},
		{"two results", `two()`, "", ""},
		{"statement builtin", `clear(m)`, "", ""},
		{"assignment", `q := 5`, "", ""},
	}
	// One session for all: the cases run in order (the receive takes the
	// channel's only value; clear comes after the map's index).
	s := newTestSession(t, resultSetup)
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := s.Execute(context.Background(), tt.code, i+2)
			if err != nil {
				t.Fatalf("%q: %v", tt.code, err)
			}
			got, shown := res.Data["text/plain"]
			if tt.want == "" {
				if shown || res.Data != nil {
					t.Errorf("%q: result %v, want none", tt.code, res.Data)
				}
				return
			}
			if got != tt.want {
				t.Errorf("%q: text/plain = %#v, want %#v", tt.code, got, tt.want)
			}
			if tt.html != "" && res.Data["text/html"] != tt.html {
				t.Errorf("%q: text/html = %#v, want %#v", tt.code, res.Data["text/html"], tt.html)
			}
		})
	}
}

// TestCellResultErrors checks that a bare expression that is no value
// is still an error, with go/types' wording.
func TestCellResultErrors(t *testing.T) {
	s := newTestSession(t, resultSetup)
	tests := []struct{ name, code, want string }{
		{"a type", `bold`, "bold (type) is not an expression"},
		{"unused value before the last line", "xs[0]\nnone()", "xs[0] (variable of type int) is not used"},
		{"undefined conversion", `nope("x")`, "undefined: nope"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Execute(context.Background(), tt.code, 2)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("%q: err = %v, want it to contain %q", tt.code, err, tt.want)
			}
		})
	}
}

// TestUserExpressionNil checks that a user expression shows a nil
// interface value, which a cell hides: the front end asked for it.
func TestUserExpressionNil(t *testing.T) {
	s := newTestSession(t, resultSetup)
	tests := []struct{ expr, want string }{
		{"noErr()", "<nil>"},
		{"nilAny()", "<nil>"},
		{"fails()", "boom"},
		{"bold(\"x\")", "<HTML output>"},
	}
	for _, tt := range tests {
		r, err := s.UserExpression(context.Background(), tt.expr)
		if err != nil {
			t.Fatalf("%s: %v", tt.expr, err)
		}
		if got := r.Data["text/plain"]; got != tt.want {
			t.Errorf("%s: text/plain = %#v, want %#v", tt.expr, got, tt.want)
		}
	}
}
