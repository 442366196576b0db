// Package forkgen makes the compile package's copy of html/template and
// text/template from the Go toolchain's own sources.
//
// A compiled template must escape and print values exactly as
// html/template and text/template do, so the compile package carries
// their escapers, built-ins and value handling as copies. Those copies
// are generated, never edited: every file Files lists is made from
// GOROOT/src by extracting declarations with go/parser, renaming the
// identifiers that would clash with the compile package's own, and
// printing the result with go/format. Whatever blogen does differently
// lives in its own files beside them.
//
// The rules, applied to the declarations each File takes:
//
//   - Package-level identifiers are renamed by the Renames of their
//     source package (context becomes escContext, say); a doc comment
//     that starts with the old name starts with the new one.
//   - Exported package-level names of the source package that are not
//     copied (html/template's CSS, Error, ErrBadHTML) are qualified with
//     the package's import, so that values of those types are the
//     standard library's own; a composite literal of such a struct type
//     written without field names gets them.
//   - Imports are those of the source files that the copied code uses.
//
// A file starts with a "Code generated" line that names the Go version
// the copy was made from, followed by the Go Authors' copyright lines.
// GO-LICENSE is GOROOT's LICENSE, unchanged.
package forkgen

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Generator is the name the generated files give as their maker.
const Generator = "forkgen"

// Source is one file of the standard library and what is taken from it.
type Source struct {
	// File is the file's name in the package's folder under GOROOT/src.
	File string
	// Decls names the declarations taken: a function, type, variable or
	// constant by its name (a grouped declaration by any of its names,
	// and it is taken whole) and a method as Type.Method. They are
	// written in the order of the source. Nil takes the whole file.
	Decls []string
	// Omit names the declarations left out when Decls is nil.
	Omit []string
}

// File is one generated file of the compile package.
type File struct {
	// Name is the file's name in the compile package.
	Name string
	// Pkg is the import path of the package copied from.
	Pkg string
	// Sources are the files of Pkg taken, in order.
	Sources []Source
}

// Renames are the package-level identifiers of each package copied that
// the compile package spells differently, because it declares the name
// itself or takes it from another package copied.
var Renames = map[string]map[string]string{
	"html/template": {
		"context":         "escContext",
		"state":           "escState",
		"indirect":        "escIndirect",
		"errorType":       "escErrorType",
		"fmtStringerType": "escFmtStringerType",
	},
	"text/template": {
		"indirect": "indirectValue",
	},
}

// Files are the files of the compile package that are copies.
var Files = []File{
	{Name: "escape_attr.go", Pkg: "html/template", Sources: []Source{{File: "attr.go"}}},
	{Name: "escape_css.go", Pkg: "html/template", Sources: []Source{{File: "css.go"}}},
	{Name: "escape_url.go", Pkg: "html/template", Sources: []Source{{File: "url.go"}}},
	{Name: "escape_html.go", Pkg: "html/template", Sources: []Source{{File: "html.go"}}},
	{Name: "escape_javascript.go", Pkg: "html/template", Sources: []Source{
		// isJSType serves only the escaping of templates.
		{File: "js.go", Omit: []string{"isJSType"}},
	}},
	{Name: "escape_content.go", Pkg: "html/template", Sources: []Source{
		// The content types are html/template's own, qualified.
		{File: "content.go", Decls: []string{"contentType", "contentTypePlain", "indirect", "errorType", "indirectToStringerOrError", "stringify"}},
	}},
	{Name: "escape_context.go", Pkg: "html/template", Sources: []Source{
		{File: "context.go", Decls: []string{"context", "state", "stateText", "isComment", "isInTag", "isInScriptLiteral",
			"delim", "delimNone", "urlPart", "urlPartNone", "jsCtx", "jsCtxRegexp",
			"element", "elementNone", "attr", "attrNone",
		}},
		{File: "state_string.go"},
	}},
	{Name: "escape_transition.go", Pkg: "html/template", Sources: []Source{
		{File: "transition.go"},
		{File: "escape.go", Decls: []string{"delimEnds"}},
		{File: "error.go", Decls: []string{"errorf"}},
	}},
	{Name: "escape_funcs.go", Pkg: "html/template", Sources: []Source{
		{File: "escape.go", Decls: []string{"evalArgs", "funcMap", "filterFailsafe"}},
	}},
	{Name: "builtins.go", Pkg: "text/template", Sources: []Source{
		{File: "funcs.go", Decls: []string{
			"goodFunc", "prepareArg", "intLike", "indexArg", "index", "slice", "length",
			"call", "safeCall", "truth", "not", "errBadComparisonType", "kind", "invalidKind", "basicKind",
			"isNil", "canCompare", "eq", "ne", "lt", "le", "gt", "ge",
		}},
	}},
	{Name: "values.go", Pkg: "text/template", Sources: []Source{
		{File: "exec.go", Decls: []string{
			"zero", "missingValType", "missingVal", "missingValReflectType", "isMissing",
			"isTrue", "errorType", "canBeNil", "state.validateType", "indirect",
			"indirectInterface", "printableValue",
		}},
	}},
	{Name: "exec_data_test.go", Pkg: "text/template", Sources: []Source{
		// The data, functions and tables of text/template's execution
		// tests; the tests that run them are the compile package's own.
		{File: "exec_test.go", Decls: []string{
			"T", "S", "S.Method0", "U", "V", "V.String", "W", "W.Error", "siVal", "tVal",
			"tSliceOfNil", "I", "iVal", "newInt", "newUnsafePointer", "newString", "newIntSlice",
			"T.Method0", "T.Method1", "T.Method2", "T.Method3", "T.Copy", "T.MAdd", "myError",
			"T.MyError", "T.GetU", "U.TrueFalse", "typeOf", "execTest", "bigInt", "execTests",
			"fVal1", "fVal2", "rangeTestInt", "rangeTestData", "zeroArgs", "oneArg", "twoArgs",
			"dddArg", "count", "vfunc", "valueString", "returnInt", "add", "echo", "makemap",
			"stringer", "mapOfThree", "delimPairs", "execErrorText", "CustomError",
			"CustomError.Error", "Tree", "treeTemplate", "testTemplates", "cmpTest", "cmpTests",
			"funcNameTestFunc",
		}},
	}},
}

// LicenseFile is the name of the copy of GOROOT's LICENSE beside the
// generated files.
const LicenseFile = "GO-LICENSE"

// GOROOT returns the Go tree of the go command on PATH, from go env: the
// toolchain that runs go generate or go test, which put their own first
// on PATH.
func GOROOT() (string, error) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("forkgen: finding GOROOT with go env: %w", err)
	}
	return strings.TrimSpace(string(out)), nil
}

// Version returns the version of the Go tree at goroot, such as
// "go1.26.8", from its VERSION file.
func Version(goroot string) (string, error) {
	b, err := os.ReadFile(filepath.Join(goroot, "VERSION"))
	if err != nil {
		return "", fmt.Errorf("forkgen: reading the Go version: %w", err)
	}
	v, _, _ := strings.Cut(string(b), "\n")
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "go") {
		return "", fmt.Errorf("forkgen: %s: %q is not a Go release", filepath.Join(goroot, "VERSION"), v)
	}
	return v, nil
}

// Generate makes every file of files, and GO-LICENSE, from the sources
// of the Go tree at goroot, for package pkgName. It returns the contents
// by file name.
func Generate(goroot, pkgName string, files []File) (map[string][]byte, error) {
	version, err := Version(goroot)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]byte, len(files)+1)
	license, err := os.ReadFile(filepath.Join(goroot, "LICENSE"))
	if err != nil {
		return nil, fmt.Errorf("forkgen: reading Go's licence: %w", err)
	}
	out[LicenseFile] = license
	pkgs := map[string]*pkgInfo{}
	for _, f := range files {
		p := pkgs[f.Pkg]
		if p == nil {
			if p, err = loadPkg(goroot, f.Pkg); err != nil {
				return nil, err
			}
			pkgs[f.Pkg] = p
		}
		src, err := generateFile(p, pkgName, version, f)
		if err != nil {
			return nil, fmt.Errorf("forkgen: %s: %w", f.Name, err)
		}
		out[f.Name] = src
	}
	return out, nil
}

// pkgInfo is a package of GOROOT, parsed.
type pkgInfo struct {
	path  string
	dir   string
	fset  *token.FileSet
	files map[string]*parsedFile
	// exported holds the exported package-level names of the package's
	// non-test files, and structs the field names of its struct types.
	exported map[string]bool
	structs  map[string][]string
}

// parsedFile is one source file with its text.
type parsedFile struct {
	name string
	src  []byte
	ast  *ast.File
}

func loadPkg(goroot, pkgPath string) (*pkgInfo, error) {
	dir := filepath.Join(goroot, "src", filepath.FromSlash(pkgPath))
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("forkgen: reading %s: %w", pkgPath, err)
	}
	p := &pkgInfo{path: pkgPath, dir: dir, fset: token.NewFileSet(), files: map[string]*parsedFile{}, exported: map[string]bool{}, structs: map[string][]string{}}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := p.file(name)
		if err != nil {
			return nil, err
		}
		for _, d := range f.ast.Decls {
			for _, n := range declNames(d) {
				if ast.IsExported(n) && !strings.Contains(n, ".") {
					p.exported[n] = true
				}
			}
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.TYPE {
				for _, s := range g.Specs {
					ts := s.(*ast.TypeSpec)
					if st, ok := ts.Type.(*ast.StructType); ok {
						p.structs[ts.Name.Name] = fieldNames(st)
					}
				}
			}
		}
	}
	return p, nil
}

// file parses the package's file name once.
func (p *pkgInfo) file(name string) (*parsedFile, error) {
	if f := p.files[name]; f != nil {
		return f, nil
	}
	path := filepath.Join(p.dir, name)
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("forkgen: reading %s: %w", p.path+"/"+name, err)
	}
	a, err := parser.ParseFile(p.fset, path, src, parser.ParseComments)
	if err != nil {
		return nil, fmt.Errorf("forkgen: parsing %s: %w", p.path+"/"+name, err)
	}
	f := &parsedFile{name: name, src: src, ast: a}
	p.files[name] = f
	return f, nil
}

func fieldNames(st *ast.StructType) []string {
	var names []string
	for _, f := range st.Fields.List {
		if len(f.Names) == 0 {
			t := f.Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if sel, ok := t.(*ast.SelectorExpr); ok {
				t = sel.Sel
			}
			if id, ok := t.(*ast.Ident); ok {
				names = append(names, id.Name)
			}
			continue
		}
		for _, n := range f.Names {
			names = append(names, n.Name)
		}
	}
	return names
}

// declNames returns the names a declaration declares, methods as
// Type.Method.
func declNames(d ast.Decl) []string {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Recv != nil && len(d.Recv.List) == 1 {
			if r := recvName(d.Recv.List[0].Type); r != "" {
				return []string{r + "." + d.Name.Name}
			}
		}
		return []string{d.Name.Name}
	case *ast.GenDecl:
		var names []string
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name.Name)
			case *ast.ValueSpec:
				for _, n := range s.Names {
					names = append(names, n.Name)
				}
			}
		}
		return names
	}
	return nil
}

func recvName(t ast.Expr) string {
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
		case *ast.IndexExpr:
			t = x.X
		case *ast.IndexListExpr:
			t = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// edit replaces the text of the source from off to end by text.
type edit struct {
	off, end int
	text     string
}

// generateFile makes one file of the compile package.
func generateFile(p *pkgInfo, pkgName, version string, f File) ([]byte, error) {
	renames := Renames[p.path]
	qual := path.Base(p.path)
	var body, orig bytes.Buffer    // the copy, and the same unedited
	imports := map[string]string{} // name -> path, of every source
	var copyright string
	qualified := false
	for _, s := range f.Sources {
		pf, err := p.file(s.File)
		if err != nil {
			return nil, err
		}
		if copyright == "" {
			copyright = copyrightOf(pf.ast)
		}
		for _, im := range pf.ast.Imports {
			ipath, _ := strconv.Unquote(im.Path.Value)
			name := path.Base(ipath)
			if im.Name != nil {
				name = im.Name.Name
			}
			imports[name] = ipath
		}
		chunks, err := extract(p, pf, s)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.File, err)
		}
		copied := map[string]bool{}
		for _, c := range chunks {
			for _, n := range declNames(c.decl) {
				copied[n] = true
			}
		}
		for i, c := range chunks {
			// Declarations next to each other in the source keep the
			// space between them; others are a blank line apart.
			gap := "\n\n"
			if i > 0 && chunks[i-1].index == c.index-1 {
				if g := pf.src[chunks[i-1].end:c.start]; len(bytes.TrimSpace(g)) == 0 {
					gap = string(g)
				}
			}
			if i == 0 && body.Len() == 0 {
				gap = ""
			}
			edits, q := renameEdits(p, pf, c, renames, qual, copied)
			qualified = qualified || q
			body.WriteString(gap)
			body.WriteString(applyEdits(pf.src, c.start, c.end, edits))
			orig.WriteString(gap)
			orig.Write(pf.src[c.start:c.end])
		}
	}
	if copyright == "" {
		return nil, fmt.Errorf("no copyright lines in %s", f.Sources[0].File)
	}
	if qualified {
		before, err := usedImports(orig.Bytes(), imports)
		if err != nil {
			return nil, err
		}
		if i := slices.IndexFunc(before, func(s importSpec) bool { return s.name == qual }); i >= 0 && before[i].path != p.path {
			ipath := before[i].path
			// The package's own name already names another import of
			// the sources (html/template's files import text/template
			// as template): qualifying would be ambiguous.
			return nil, fmt.Errorf("%s names both %s and %s", qual, ipath, p.path)
		}
		imports[qual] = p.path
	}
	used, err := usedImports(body.Bytes(), imports)
	if err != nil {
		return nil, err
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by %s from Go %s's %s; DO NOT EDIT.\n\n", Generator, strings.TrimPrefix(version, "go"), sourceList(f))
	b.WriteString(copyright)
	fmt.Fprintf(&b, "\npackage %s\n\n", pkgName)
	switch len(used) {
	case 0:
	case 1:
		fmt.Fprintf(&b, "import %s\n\n", used[0])
	default:
		b.WriteString("import (\n")
		for _, im := range used {
			fmt.Fprintf(&b, "\t%s\n", im)
		}
		b.WriteString(")\n\n")
	}
	b.Write(body.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the copy: %w", err)
	}
	return src, nil
}

// sourceList names the sources of f: html/template/transition.go,
// escape.go and error.go.
func sourceList(f File) string {
	var names []string
	for _, s := range f.Sources {
		if !slices.Contains(names, s.File) {
			names = append(names, s.File)
		}
	}
	names[0] = f.Pkg + "/" + names[0]
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// copyrightOf returns the Go Authors' copyright lines at the top of f,
// pointing at the licence file beside the copy.
func copyrightOf(f *ast.File) string {
	if len(f.Comments) == 0 || f.Comments[0].Pos() > f.Package {
		return ""
	}
	var b strings.Builder
	for _, c := range f.Comments[0].List {
		if c.Pos() > f.Package {
			break
		}
		b.WriteString(c.Text)
		b.WriteByte('\n')
	}
	text := b.String()
	if !strings.Contains(text, "Copyright") {
		return ""
	}
	return strings.Replace(text, "the LICENSE file.", "the "+LicenseFile+" file in this folder.", 1)
}

// chunk is one declaration taken, with the comments before it, as a
// range of the source.
type chunk struct {
	decl       ast.Decl
	index      int // among the file's declarations
	start, end int
}

// isDirective reports whether cg holds only directives, such as the
// //go:generate lines that run stringer: they are not copied.
func isDirective(cg *ast.CommentGroup) bool {
	for _, c := range cg.List {
		if !strings.HasPrefix(c.Text, "//go:") {
			return false
		}
	}
	return true
}

// extract returns the declarations s takes from f, in s's order.
func extract(p *pkgInfo, f *parsedFile, s Source) ([]chunk, error) {
	tf := p.fset.File(f.ast.Pos())
	off := func(pos token.Pos) int { return tf.Offset(pos) }

	// Each declaration starts after the end of the one before it, at the
	// first comment between the two, so that the headings of sections
	// come along with their first declaration.
	var all []chunk
	prevEnd := f.ast.Name.End()
	for _, d := range f.ast.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			prevEnd = d.End()
			continue
		}
		start := d.Pos()
		for _, cg := range f.ast.Comments {
			if cg.Pos() > prevEnd && cg.Pos() < start && !isDirective(cg) {
				start = cg.Pos()
				break
			}
		}
		all = append(all, chunk{decl: d, index: len(all), start: off(start), end: off(d.End())})
		prevEnd = d.End()
	}

	byName := map[string]int{}
	for i, c := range all {
		for _, n := range declNames(c.decl) {
			byName[n] = i
		}
	}
	if s.Decls == nil {
		var out []chunk
		for _, c := range all {
			omit := false
			for _, n := range declNames(c.decl) {
				omit = omit || slices.Contains(s.Omit, n)
			}
			if !omit {
				out = append(out, c)
			}
		}
		for _, n := range s.Omit {
			if _, ok := byName[n]; !ok {
				return nil, fmt.Errorf("no declaration of %s to omit", n)
			}
		}
		return out, nil
	}
	var out []chunk
	taken := map[int]bool{}
	for _, n := range s.Decls {
		i, ok := byName[n]
		if !ok {
			return nil, fmt.Errorf("no declaration of %s", n)
		}
		if !taken[i] {
			taken[i] = true
			out = append(out, all[i])
		}
	}
	slices.SortFunc(out, func(a, b chunk) int { return a.start - b.start })
	return out, nil
}

// renameEdits returns the edits that rename and qualify the identifiers
// of c, whose file declares the names in copied.
// It reports whether it qualified a name with the package's import.
func renameEdits(p *pkgInfo, f *parsedFile, c chunk, renames map[string]string, qual string, copied map[string]bool) (edits []edit, qualified bool) {
	tf := p.fset.File(f.ast.Pos())
	off := func(pos token.Pos) int { return tf.Offset(pos) }
	// skip holds the identifiers that are not references to package-level
	// names: selected fields and methods, field names and keys of struct
	// literals.
	skip := map[*ast.Ident]bool{}
	// pkgLevel reports whether id refers to a package-level name: one
	// declared at the top of its file, or one the parser did not resolve
	// (declared in another file of the package, or predeclared).
	pkgLevel := func(id *ast.Ident) bool {
		if id.Obj == nil {
			return true
		}
		return f.ast.Scope.Lookup(id.Name) == id.Obj
	}
	ast.Inspect(c.decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			skip[n.Sel] = true
		case *ast.Field:
			// Field and parameter names are not references; method
			// names of interfaces neither.
			for _, id := range n.Names {
				skip[id] = true
			}
		case *ast.FuncDecl:
			if n.Recv != nil {
				skip[n.Name] = true
			}
		case *ast.CompositeLit:
			if isStructLit(n) {
				for _, e := range n.Elts {
					if kv, ok := e.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							skip[id] = true
						}
					}
				}
			}
			if id, ok := n.Type.(*ast.Ident); ok && ast.IsExported(id.Name) && p.exported[id.Name] && !copied[id.Name] && pkgLevel(id) {
				if fields := p.structs[id.Name]; fields != nil && len(n.Elts) > 0 {
					if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed {
						for i, e := range n.Elts {
							if i < len(fields) {
								edits = append(edits, edit{off(e.Pos()), off(e.Pos()), fields[i] + ": "})
							}
						}
					}
				}
			}
		case *ast.Ident:
			if skip[n] || !pkgLevel(n) {
				return true
			}
			if to, ok := renames[n.Name]; ok {
				edits = append(edits, edit{off(n.Pos()), off(n.End()), to})
			} else if ast.IsExported(n.Name) && p.exported[n.Name] && !copied[n.Name] {
				edits = append(edits, edit{off(n.Pos()), off(n.End()), qual + "." + n.Name})
				qualified = true
			}
		}
		return true
	})
	// A doc comment names what it documents first.
	for _, name := range declNames(c.decl) {
		name = name[strings.LastIndex(name, ".")+1:]
		to, ok := renames[name]
		if !ok {
			continue
		}
		for _, doc := range docsOf(c.decl, name) {
			first := doc.List[0]
			if strings.HasPrefix(first.Text, "// "+name+" ") {
				at := off(first.Pos()) + len("// ")
				edits = append(edits, edit{at, at + len(name), to})
			}
		}
	}
	return edits, qualified
}

// docsOf returns the doc comments of decl that document name.
func docsOf(decl ast.Decl, name string) []*ast.CommentGroup {
	var docs []*ast.CommentGroup
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			docs = append(docs, d.Doc)
		}
	case *ast.GenDecl:
		if d.Doc != nil && !d.Lparen.IsValid() {
			docs = append(docs, d.Doc)
		}
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if s.Doc != nil && s.Name.Name == name {
					docs = append(docs, s.Doc)
				}
			case *ast.ValueSpec:
				if s.Doc != nil && len(s.Names) > 0 && s.Names[0].Name == name {
					docs = append(docs, s.Doc)
				}
			}
		}
	}
	return docs
}

// isStructLit reports whether the keys of lit may be field names: its
// type is named, or elided.
func isStructLit(lit *ast.CompositeLit) bool {
	switch lit.Type.(type) {
	case *ast.ArrayType, *ast.MapType:
		return false
	}
	return true
}

// applyEdits returns src[start:end] with edits made.
func applyEdits(src []byte, start, end int, edits []edit) string {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.off - b.off })
	var b strings.Builder
	at := start
	for _, e := range edits {
		if e.off < start || e.end > end {
			continue
		}
		b.Write(src[at:e.off])
		b.WriteString(e.text)
		at = e.end
	}
	b.Write(src[at:end])
	return b.String()
}

// importSpec is one import of a generated file.
type importSpec struct{ name, path string }

// String returns the import as a file declares it.
func (im importSpec) String() string {
	if path.Base(im.path) == im.name {
		return strconv.Quote(im.path)
	}
	return im.name + " " + strconv.Quote(im.path)
}

// usedImports returns, sorted by path, the imports of known that body
// refers to.
func usedImports(body []byte, known map[string]string) ([]importSpec, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", append([]byte("package p\n\n"), body...), 0)
	if err != nil {
		return nil, fmt.Errorf("parsing the copy: %w", err)
	}
	seen := map[string]bool{}
	var used []importSpec
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		// A name the copy does not declare, before a dot, is a package
		// (or a name of the compile package's own, which is no import).
		id, ok := sel.X.(*ast.Ident)
		if !ok || id.Obj != nil || seen[id.Name] {
			return true
		}
		seen[id.Name] = true
		if ipath, ok := known[id.Name]; ok {
			used = append(used, importSpec{id.Name, ipath})
		}
		return true
	})
	slices.SortFunc(used, func(a, b importSpec) int { return strings.Compare(a.path, b.path) })
	return used, nil
}
