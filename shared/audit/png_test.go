package audit

import (
	"image/png"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// assertPaintsColour checks a screenshot has pixels of a #rrggbb colour.
func assertPaintsColour(t *testing.T, path, hex string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	want, err := strconv.ParseUint(hex[1:], 16, 32)
	require.NoError(t, err)
	wr, wg, wb := uint32(want>>16&0xff), uint32(want>>8&0xff), uint32(want&0xff)
	near := func(a, b uint32) bool { return a+6 >= b && b+6 >= a }
	n := 0
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
		for x := bnd.Min.X; x < bnd.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if near(r>>8, wr) && near(g>>8, wg) && near(b>>8, wb) {
				n++
			}
		}
	}
	require.Greater(t, n, 50, "no %s pixels painted", hex)
}
