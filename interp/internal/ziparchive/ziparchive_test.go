package ziparchive

import (
	"archive/zip"
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func archive(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestArchive(t *testing.T) {
	a, err := Open(archive(t, map[string]string{"coro/coro.go": "package coro", "coro/doc.go": "// doc", "loop/loop.go": "package loop"}), "toolkit source")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Has("coro/doc.go") || a.Has("coro/nope.go") {
		t.Errorf("Has: wrong answers")
	}
	if got, want := a.Names(nil), []string{"coro/coro.go", "coro/doc.go", "loop/loop.go"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names(nil) = %v, want %v", got, want)
	}
	coro := func(n string) bool { return strings.HasPrefix(n, "coro/") }
	if got, want := a.Names(coro), []string{"coro/coro.go", "coro/doc.go"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Names(coro) = %v, want %v", got, want)
	}
	b, err := a.Read("loop/loop.go")
	if err != nil || string(b) != "package loop" {
		t.Errorf("Read = %q, %v", b, err)
	}
	if _, err := a.Read("nope"); err == nil || !strings.Contains(err.Error(), "no entry nope in the embedded toolkit source") {
		t.Errorf("Read of a missing entry: %v", err)
	}
}

func TestOpenBadData(t *testing.T) {
	if _, err := Open([]byte("not a zip"), "std types"); err == nil || !strings.Contains(err.Error(), "open embedded std types") {
		t.Errorf("Open(bad) = %v", err)
	}
}
