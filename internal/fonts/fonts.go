// Package fonts holds the open-licensed fonts a site may choose with
// [brand] font: the TrueType bytes of each font's faces, the CSS family
// and fallback stack it is written with, and its licence. The bytes ship
// with Go modules (golang.org/x/image/font/gofont and
// github.com/go-fonts/liberation); the licences are in licenses/. It knows
// nothing of sites or pages.
package fonts

import (
	_ "embed"
	"slices"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Dir is the folder of the output that font files and licences go to.
const Dir = "theme/fonts/"

// Face is one weight of a font, upright.
type Face struct {
	Weight int    // CSS font-weight: 400 for the body, 700 for bold
	File   string // output path, "theme/fonts/go-400.ttf"
	TTF    []byte // the TrueType file, as the module ships it
}

// Font is a family a site may choose.
type Font struct {
	Name     string // the value of [brand] font: "go"
	Family   string // the CSS family name: "Go"
	Fallback string // the CSS stack after it, used until the font loads
	About    string // a few words for the README and errors
	Faces    []Face // the body weight (400) first
	License  string // output path of the licence, "theme/fonts/go-LICENSE.txt"
	Text     []byte // the licence
}

//go:embed licenses/go.txt
var goLicense []byte

//go:embed licenses/liberation.txt
var liberationLicense []byte

const (
	sansStack  = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`
	serifStack = `Georgia, "Times New Roman", serif`
)

// All lists the fonts a site may choose, by name.
func All() []Font {
	return []Font{
		font("go", "Go", sansStack, "Go Regular and Bold: a humanist sans, BSD licence", goLicense, goregular.TTF, gobold.TTF),
		font("liberation-sans", "Liberation Sans", sansStack, "a neo-grotesque sans (metrics of Arial), SIL Open Font License", liberationLicense, liberationsansregular.TTF, liberationsansbold.TTF),
		font("liberation-serif", "Liberation Serif", serifStack, "a serif (metrics of Times New Roman), SIL Open Font License", liberationLicense, liberationserifregular.TTF, liberationserifbold.TTF),
	}
}

// font makes a Font of a regular and a bold face.
func font(name, family, fallback, about string, license, regular, bold []byte) Font {
	return Font{
		Name: name, Family: family, Fallback: fallback, About: about,
		Faces: []Face{
			{Weight: 400, File: Dir + name + "-400.ttf", TTF: regular},
			{Weight: 700, File: Dir + name + "-700.ttf", TTF: bold},
		},
		License: Dir + name + "-LICENSE.txt", Text: license,
	}
}

// Names lists the names a site may give [brand] font, sorted.
func Names() []string {
	all := All()
	names := make([]string, len(all))
	for i, f := range all {
		names[i] = f.Name
	}
	slices.Sort(names)
	return names
}

// Lookup returns the font called name, and whether there is one.
func Lookup(name string) (Font, bool) {
	for _, f := range All() {
		if f.Name == name {
			return f, true
		}
	}
	return Font{}, false
}
