package images

import (
	"fmt"
	"strconv"
	"strings"
)

// Focus is the point of an image a crop keeps in view, as fractions of
// its upright width and height from the top left: 0.5,0.5 is the centre.
type Focus struct{ X, Y float64 }

// Centre is the focus of an image that names none.
var Centre = Focus{X: 0.5, Y: 0.5}

// ParseFocus reads a focal point written "x,y" with each between 0 and 1
// ("0.5,0.3"); "" is the centre.
func ParseFocus(s string) (Focus, error) {
	if strings.TrimSpace(s) == "" {
		return Centre, nil
	}
	xs, ys, ok := strings.Cut(s, ",")
	if !ok {
		return Focus{}, fmt.Errorf("image_focus %q is not two numbers; write it as x,y between 0 and 1, such as 0.5,0.3", s)
	}
	x, errX := parseFraction(xs)
	y, errY := parseFraction(ys)
	if errX != nil || errY != nil {
		return Focus{}, fmt.Errorf("image_focus %q is not two numbers between 0 and 1; write it as x,y, such as 0.5,0.3", s)
	}
	return Focus{X: x, Y: y}, nil
}

func parseFraction(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, err
	}
	if !(f >= 0 && f <= 1) { // NaN too
		return 0, fmt.Errorf("%v is not between 0 and 1", f)
	}
	return f, nil
}

// String writes f as ParseFocus reads it.
func (f Focus) String() string {
	return strconv.FormatFloat(f.X, 'g', -1, 64) + "," + strconv.FormatFloat(f.Y, 'g', -1, 64)
}
