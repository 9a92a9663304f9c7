package display_test

import (
	"context"
	"reflect"
	"sync"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"

	"github.com/gokernel/gokernel/lib/display"
)

// recorder collects published messages.
type recorder struct {
	mu   sync.Mutex
	msgs []display.Message
}

func (r *recorder) publish(m display.Message) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, m)
}

func (r *recorder) all() []display.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]display.Message(nil), r.msgs...)
}

// newInterpreter wires a Display into yaegi the way the executor does
// (see Exports).
func newInterpreter(t *testing.T, d *display.Display) *interp.Interpreter {
	t.Helper()
	i := interp.New(interp.Options{})
	if err := i.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	syms := display.Exports(d)
	if err := i.Use(interp.Exports{display.ImportPath + "/display": syms}); err != nil {
		t.Fatal(err)
	}
	if err := i.Use(interp.Exports{".": {"MapTypes": reflect.ValueOf(display.MapTypes(syms))}}); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`import ("fmt"; "image"; "image/color"; "github.com/gokernel/gokernel/lib/display")`); err != nil {
		t.Fatal(err)
	}
	return i
}

// TestInterpretedValues checks that values of types declared in a cell
// reach Show, Update and Bundle with their methods.
func TestInterpretedValues(t *testing.T) {
	decls := `
type T struct{ N int }
func (t T) HTML() string { return fmt.Sprintf("<b>%d</b>", t.N) }

type P struct{ N int }
func (p *P) HTML() string { return fmt.Sprintf("<i>%d</i>", p.N) }

type M string
func (m M) Markdown() string { return "**" + string(m) + "**" }

type HS struct{ N int }
func (h HS) HTML() string   { return "<u>hs</u>" }
func (h HS) String() string { return fmt.Sprintf("HS(%d)", h.N) }

type S struct{ N int }
func (s S) String() string { return fmt.Sprintf("S#%d", s.N) }

type G struct{}
func (G) SVG() string { return "<svg></svg>" }

type J struct{ A int }
func (j J) JSON() any { return map[string]int{"a": j.A} }

type AB struct{ A, B int; C string }
func (x AB) HTML() string { return fmt.Sprintf("%d,%d,%s", x.A, x.B, x.C) }

type W struct{ T }

func show(v any) { display.Show(v) }

type F struct{ N int }
func (f F) Foo() int { return f.N }

func showJSON(v any) { display.JSON(v) }

type Img struct{ W, H int }
func (m Img) ColorModel() color.Model { return color.GrayModel }
func (m Img) Bounds() image.Rectangle { return image.Rect(0, 0, m.W, m.H) }
func (m Img) At(x, y int) color.Color { return color.Gray{Y: uint8(x * y)} }

type L struct{}
func (L) LaTeX() string { return "x^2" }
`
	tests := []struct {
		name      string
		stmt      string
		kind      string
		mime      string
		content   any
		plainText string
	}{
		{"value receiver", `display.Show(T{3})`, display.KindDisplay, display.MIMEHTML, "<b>3</b>", "<HTML output>"},
		{"pointer receiver", `display.Show(&P{4})`, display.KindDisplay, display.MIMEHTML, "<i>4</i>", "<HTML output>"},
		{"named string", `display.Show(M("hi"))`, display.KindDisplay, display.MIMEMarkdown, "**hi**", "**hi**"},
		{"HTML and String", `display.Show(HS{7})`, display.KindDisplay, display.MIMEHTML, "<u>hs</u>", "HS(7)"},
		{"String only", `display.Show(S{8})`, display.KindDisplay, display.MIMEText, "S#8", "S#8"},
		{"through any", `show(T{5})`, display.KindDisplay, display.MIMEHTML, "<b>5</b>", "<HTML output>"},
		{"boxed by yaegi", `show(F{12})`, display.KindDisplay, display.MIMEText, "{12}", "{12}"},
		{"boxed JSON", `showJSON(F{13})`, display.KindDisplay, display.MIMEText, "{\n  \"N\": 13\n}", "{\n  \"N\": 13\n}"},
		{"call result in a variable", `f := func() T { return T{10} }; r := f(); display.Show(r)`, display.KindDisplay, display.MIMEHTML, "<b>10</b>", "<HTML output>"},
		{"embedded", `display.Show(W{T{11}})`, display.KindDisplay, display.MIMEHTML, "<b>11</b>", "<HTML output>"},
		{"several fields", `display.Show(AB{1, 2, "c"})`, display.KindDisplay, display.MIMEHTML, "1,2,c", "<HTML output>"},
		{"image.Image", `display.Show(Img{3, 2})`, display.KindDisplay, display.MIMEText, "<image 3x2>", "<image 3x2>"},
		{"SVG", `display.Show(G{})`, display.KindDisplay, display.MIMESVG, "<svg></svg>", "<SVG image>"},
		{"LaTeX", `display.Show(L{})`, display.KindDisplay, display.MIMELaTeX, "$$x^2$$", "$$x^2$$"},
		{"Update", `h := display.Text("old"); display.Update(h, T{6})`, display.KindUpdate, display.MIMEHTML, "<b>6</b>", "<HTML output>"},
		{"Bundle", `data, _ := display.Bundle(T{9}); display.Show(data["text/html"])`, display.KindDisplay, display.MIMEText, "<b>9</b>", "<b>9</b>"},
		{"compiled call", `display.HTML("<p>x</p>")`, display.KindDisplay, display.MIMEHTML, "<p>x</p>", "<HTML output>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			i := newInterpreter(t, display.New(rec.publish))
			if _, err := i.EvalWithContext(context.Background(), decls); err != nil {
				t.Fatalf("declarations: %v", err)
			}
			if _, err := i.EvalWithContext(context.Background(), tt.stmt); err != nil {
				t.Fatalf("%s: %v", tt.stmt, err)
			}
			msgs := rec.all()
			if len(msgs) == 0 {
				t.Fatal("nothing published")
			}
			m := msgs[len(msgs)-1]
			if m.Kind != tt.kind {
				t.Errorf("kind = %q, want %q", m.Kind, tt.kind)
			}
			if got := m.Data[tt.mime]; got != tt.content {
				t.Errorf("%s = %#v, want %#v (bundle %v)", tt.mime, got, tt.content, m.Data)
			}
			if got := m.Data[display.MIMEText]; got != tt.plainText {
				t.Errorf("text/plain = %#v, want %#v", got, tt.plainText)
			}
		})
	}
}

// TestInterpretedJSON checks a cell-defined JSON method.
func TestInterpretedJSON(t *testing.T) {
	var rec recorder
	i := newInterpreter(t, display.New(rec.publish))
	if _, err := i.Eval(`type J struct{ A int }; func (j J) JSON() any { return map[string]int{"a": j.A} }`); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`display.Show(J{2})`); err != nil {
		t.Fatal(err)
	}
	msgs := rec.all()
	got, ok := msgs[len(msgs)-1].Data[display.MIMEJSON].(map[string]any)
	if !ok || got["a"] == nil || got["a"].(interface{ String() string }).String() != "2" {
		t.Errorf("application/json = %#v, want {a: 2}", msgs[len(msgs)-1].Data[display.MIMEJSON])
	}
}

// TestInterpretedLost records where yaegi v0.16.1 loses the methods of a
// cell-defined value on its way to compiled code, so that a yaegi upgrade
// that fixes one shows up here (then update the package docs):
//   - a method of a compiled type (h.Update(v)); hence display.Update(h, v);
//   - an interface variable (var x any = T{}), then display.Show(x);
//   - a call's result passed on directly: display.Show(f()).
//
// In each case the value is still shown, as text.
func TestInterpretedLost(t *testing.T) {
	tests := []struct {
		name  string
		stmts []string
	}{
		{"method of compiled type", []string{`h := display.Text("old")`, `h.Update(T{1})`}},
		{"interface variable", []string{`var x any = T{1}`, `display.Show(x)`}},
		{"nested call", []string{`func f() T { return T{1} }`, `display.Show(f())`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec recorder
			i := newInterpreter(t, display.New(rec.publish))
			if _, err := i.Eval(`type T struct{ N int }; func (t T) HTML() string { return "<b>t</b>" }`); err != nil {
				t.Fatal(err)
			}
			for _, stmt := range tt.stmts {
				if _, err := i.Eval(stmt); err != nil {
					t.Fatalf("%s: %v", stmt, err)
				}
			}
			msgs := rec.all()
			last := msgs[len(msgs)-1]
			if _, ok := last.Data[display.MIMEHTML]; ok {
				t.Errorf("the HTML method survived; update the docs of MapTypes: %v", last.Data)
			}
			if got := last.Data[display.MIMEText]; got != "{1}" {
				t.Errorf("text/plain = %v, want the struct printed", got)
			}
		})
	}
}

// TestCellResultRecipe checks the way the executor can get the bundle of
// a cell's result with its methods: evaluate the result into a variable,
// then call display.Bundle on that variable inside the interpreter.
func TestCellResultRecipe(t *testing.T) {
	i := newInterpreter(t, display.New(nil))
	if _, err := i.Eval(`type T struct{ N int }; func (t T) HTML() string { return fmt.Sprint("<b>", t.N, "</b>") }`); err != nil {
		t.Fatal(err)
	}
	if _, err := i.Eval(`func f() T { return T{4} }`); err != nil {
		t.Fatal(err)
	}
	// The cell's last expression was f().
	if _, err := i.Eval(`_result := f()`); err != nil {
		t.Fatal(err)
	}
	v, err := i.Eval(`display.Bundle(_result)`)
	if err != nil {
		t.Fatal(err)
	}
	data, ok := v.Interface().(map[string]any)
	if !ok {
		t.Fatalf("Eval returned %v (%s), want the data map", v, v.Type())
	}
	if data[display.MIMEHTML] != "<b>4</b>" {
		t.Errorf("bundle = %v", data)
	}
}
