package interp

import (
	"os"
	"strings"
	"testing"

	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

func TestStdinExports(t *testing.T) {
	for _, tc := range []struct{ name, code, want string }{
		{"bufio reader", "got, _ := bufio.NewReader(os.Stdin).ReadString('\\n')", "first line\n"},
		{"scanner", "sc := bufio.NewScanner(os.Stdin); sc.Scan(); got := sc.Text()", "first line"},
		{"fscan", "got := \"\"; fmt.Fscan(os.Stdin, &got)", "first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.NewReader("first line\nsecond line\n")
			yi := interp.New(interp.Options{Stdin: in})
			if err := yi.Use(stdlib.Symbols); err != nil {
				t.Fatal(err)
			}
			if err := yi.Use(stdinExports(in)); err != nil {
				t.Fatal(err)
			}
			if _, err := yi.Eval(`import ("bufio"; "fmt"; "os")`); err != nil {
				t.Fatal(err)
			}
			if _, err := yi.Eval(tc.code); err != nil {
				t.Fatal(err)
			}
			v, err := yi.Eval("got")
			if err != nil {
				t.Fatal(err)
			}
			if got := v.Interface(); got != tc.want {
				t.Errorf("read %q, want %q", got, tc.want)
			}
		})
	}
	if stdinExports(os.Stdin) != nil || stdinExports(nil) != nil {
		t.Error("stdinExports replaces os.Stdin for a real file or nil")
	}
}
