// Command logogen draws the gokernel logo and writes it as logo-svg.svg,
// logo-32x32.png and logo-64x64.png into the current directory.
//
// The logo is a list of filled polygons on a 64×64 canvas, so the SVG and
// the PNGs come from one drawing: a Go-blue rounded square, Jupyter's two
// orange arcs and a white "Go". Run it with `go generate ./install`.
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log/slog"
	"math"
	"os"
	"strings"

	"golang.org/x/image/vector"
)

// point is a position on the 64×64 canvas.
type point struct{ x, y float64 }

// shape is one filled region: its contours (an inner contour runs the other
// way round, which cuts a hole under the nonzero rule) and its colour.
type shape struct {
	fill     color.NRGBA
	contours [][]point
}

// cornerRadius is the rounding of the background square.
const cornerRadius = 12.0

func main() {
	shapes := logo()
	if err := os.WriteFile("logo-svg.svg", []byte(svg(shapes)), 0o644); err != nil {
		slog.Error("write svg", "err", err)
		os.Exit(1)
	}
	for _, size := range []int{32, 64} {
		if err := writePNG(fmt.Sprintf("logo-%dx%d.png", size, size), shapes, size); err != nil {
			slog.Error("write png", "size", size, "err", err)
			os.Exit(1)
		}
	}
}

// logo returns the drawing, back to front.
func logo() []shape {
	goBlue := color.NRGBA{0x00, 0xAD, 0xD8, 0xFF}
	orange := color.NRGBA{0xF3, 0x77, 0x26, 0xFF} // Jupyter's
	white := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	return []shape{
		{goBlue, [][]point{roundedSquare(0, 0, 64, cornerRadius)}},
		{orange, [][]point{crescent(32, 17, 24, 10, 3, -1)}},
		{orange, [][]point{crescent(32, 47, 24, 10, 3, 1)}},
		{white, letterG(22, 32, 9.5, 5.5)},
		{white, ring(43, 34.5, 7.5, 4)},
	}
}

// arc returns points on the ellipse (cx, cy, rx, ry) from angle a0 to a1
// (radians, y pointing down).
func arc(cx, cy, rx, ry, a0, a1 float64) []point {
	const steps = 48
	pts := make([]point, 0, steps+1)
	for i := 0; i <= steps; i++ {
		a := a0 + (a1-a0)*float64(i)/steps
		pts = append(pts, point{cx + rx*math.Cos(a), cy + ry*math.Sin(a)})
	}
	return pts
}

func roundedSquare(x, y, size, r float64) []point {
	var pts []point
	pts = append(pts, arc(x+size-r, y+r, r, r, -math.Pi/2, 0)...)
	pts = append(pts, arc(x+size-r, y+size-r, r, r, 0, math.Pi/2)...)
	pts = append(pts, arc(x+r, y+size-r, r, r, math.Pi/2, math.Pi)...)
	pts = append(pts, arc(x+r, y+r, r, r, math.Pi, 3*math.Pi/2)...)
	return pts
}

// crescent is the band between two half ellipses sharing their ends:
// dir -1 bulges up, +1 bulges down.
func crescent(cx, cy, rx, ryOuter, ryInner, dir float64) []point {
	a0, a1 := math.Pi, 2*math.Pi // upper half
	if dir > 0 {
		a0, a1 = 0, math.Pi // lower half
	}
	pts := arc(cx, cy, rx, ryOuter, a0, a1)
	inner := arc(cx, cy, rx, ryInner, a1, a0)
	return append(pts, inner...)
}

func ring(cx, cy, rOut, rIn float64) [][]point {
	return [][]point{
		arc(cx, cy, rOut, rOut, 0, 2*math.Pi),
		arc(cx, cy, rIn, rIn, 2*math.Pi, 0),
	}
}

// letterG is a ring open at the upper right with a bar into its middle.
func letterG(cx, cy, rOut, rIn float64) [][]point {
	gap := math.Pi / 4
	outer := arc(cx, cy, rOut, rOut, -gap, -2*math.Pi) // the long way round
	inner := arc(cx, cy, rIn, rIn, -2*math.Pi, -gap)
	body := append(outer, inner...)
	bar := []point{{cx + 1, cy - 1}, {cx + rOut, cy - 1}, {cx + rOut, cy + 2.5}, {cx + 1, cy + 2.5}}
	return [][]point{body, bar}
}

func svg(shapes []shape) string {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` + "\n")
	for _, s := range shapes {
		b.WriteString(`  <path fill="` + fmt.Sprintf("#%02X%02X%02X", s.fill.R, s.fill.G, s.fill.B) + `" d="`)
		for _, c := range s.contours {
			for i, p := range c {
				cmd := "L"
				if i == 0 {
					cmd = "M"
				}
				fmt.Fprintf(&b, "%s%.2f %.2f", cmd, p.x, p.y)
			}
			b.WriteString("Z")
		}
		b.WriteString(`"/>` + "\n")
	}
	b.WriteString("</svg>\n")
	return b.String()
}

func writePNG(name string, shapes []shape, size int) error {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := float32(size) / 64
	for _, s := range shapes {
		r := vector.NewRasterizer(size, size)
		for _, c := range s.contours {
			r.MoveTo(float32(c[0].x)*scale, float32(c[0].y)*scale)
			for _, p := range c[1:] {
				r.LineTo(float32(p.x)*scale, float32(p.y)*scale)
			}
			r.ClosePath()
		}
		r.Draw(img, img.Bounds(), image.NewUniform(s.fill), image.Point{})
	}
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("create %s: %w", name, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", name, err)
	}
	return f.Close()
}
