package check

import "time"

// std is the Checker behind the package-level functions. Its Out is nil,
// so it writes to os.Stdout as it is at the time of each call; it holds no
// other state.
var std = &Checker{}

// Equal checks that got equals want (see Checker.Equal), printing to os.Stdout.
func Equal(name string, got, want any) { std.Equal(name, got, want) }

// NotEqual checks that got differs from other, printing to os.Stdout.
func NotEqual(name string, got, other any) { std.NotEqual(name, got, other) }

// True checks that cond holds, printing to os.Stdout.
func True(name string, cond bool) { std.True(name, cond) }

// False checks that cond does not hold, printing to os.Stdout.
func False(name string, cond bool) { std.False(name, cond) }

// NoError checks that err is nil, printing to os.Stdout.
func NoError(name string, err error) { std.NoError(name, err) }

// ErrorIs checks that errors.Is(err, target), printing to os.Stdout.
func ErrorIs(name string, err, target error) { std.ErrorIs(name, err, target) }

// Panics checks that fn panics and returns the panic value, printing to os.Stdout.
func Panics(name string, fn func()) any { return std.Panics(name, fn) }

// Contains checks that a string or list contains part, printing to os.Stdout.
func Contains(name string, whole, part any) { std.Contains(name, whole, part) }

// Order checks that want appears in events in that order, printing to os.Stdout.
func Order(name string, events any, want ...any) { std.Order(name, events, want...) }

// Within checks that fn returns within d, printing to os.Stdout.
func Within(name string, d time.Duration, fn func()) time.Duration {
	return std.Within(name, d, fn)
}

// Between checks that lo <= got <= hi, printing to os.Stdout.
func Between(name string, got, lo, hi any) { std.Between(name, got, lo, hi) }

// InDelta checks that got is want ± delta, printing to os.Stdout.
func InDelta(name string, got, want, delta float64) { std.InDelta(name, got, want, delta) }

// Ratio checks that lo <= got/base <= hi, printing to os.Stdout.
func Ratio(name string, got, base any, lo, hi float64) float64 {
	return std.Ratio(name, got, base, lo, hi)
}
