package stdlib

import (
	"encoding"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log"
	"reflect"
)

// mapTypes tells yaegi which compiled functions take an interface{} but
// behave differently when the value implements some interface (fmt calls
// String, json calls MarshalJSON, ...). yaegi then wraps interpreted values
// passed to them so that their methods are seen.
func mapTypes() map[reflect.Value][]reflect.Type {
	ifaces := func(ptrs ...any) []reflect.Type {
		ts := make([]reflect.Type, len(ptrs))
		for i, p := range ptrs {
			ts[i] = reflect.TypeOf(p).Elem()
		}
		return ts
	}
	m := map[reflect.Value][]reflect.Type{}
	// The first interface the value implements wins: fmt looks for
	// Formatter, then error, then Stringer. error also makes %w wrap.
	printing := ifaces((*fmt.Formatter)(nil), (*error)(nil), (*fmt.Stringer)(nil))
	for _, f := range []any{
		fmt.Errorf, fmt.Fprint, fmt.Fprintf, fmt.Fprintln, fmt.Print, fmt.Printf, fmt.Println,
		fmt.Sprint, fmt.Sprintf, fmt.Sprintln, fmt.Append, fmt.Appendf, fmt.Appendln,
		log.Fatal, log.Fatalf, log.Fatalln, log.Panic, log.Panicf, log.Panicln,
		log.Print, log.Printf, log.Println,
	} {
		m[reflect.ValueOf(f)] = printing
	}
	scanning := ifaces((*fmt.Scanner)(nil))
	for _, f := range []any{fmt.Scan, fmt.Scanf, fmt.Scanln, fmt.Fscan, fmt.Fscanf, fmt.Fscanln, fmt.Sscan, fmt.Sscanf, fmt.Sscanln} {
		m[reflect.ValueOf(f)] = scanning
	}
	m[reflect.ValueOf(json.Marshal)] = ifaces((*json.Marshaler)(nil), (*encoding.TextMarshaler)(nil))
	m[reflect.ValueOf(json.MarshalIndent)] = ifaces((*json.Marshaler)(nil), (*encoding.TextMarshaler)(nil))
	m[reflect.ValueOf(json.Unmarshal)] = ifaces((*json.Unmarshaler)(nil), (*encoding.TextUnmarshaler)(nil))
	m[reflect.ValueOf(xml.Marshal)] = ifaces((*xml.Marshaler)(nil), (*encoding.TextMarshaler)(nil))
	m[reflect.ValueOf(xml.Unmarshal)] = ifaces((*xml.Unmarshaler)(nil), (*encoding.TextUnmarshaler)(nil))
	return m
}
