package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/frontmatter"
	"gopkg.in/yaml.v3"

	"github.com/blogen/blogen/internal/diag"
)

// document is a source file split into its front matter and its body.
type document struct {
	file      string         // path relative to the site root
	meta      map[string]any // front matter keys, lower-cased
	front     []byte         // the front matter block as written
	format    string         // "yaml", "toml", "json" or "" when there is none
	body      []byte         // the Markdown after the front matter
	bodyLine  int            // line of the file where the body starts
	bodyStart int            // byte offset of the body in the file
}

// formats lists the front matter formats in the order they are tried. The
// closing delimiters are matched by adrg/frontmatter.
var formats = []*frontmatter.Format{
	frontmatter.NewFormat("---", "---", yaml.Unmarshal),
	frontmatter.NewFormat("+++", "+++", toml.Unmarshal),
	{Start: "{", End: "}", Unmarshal: json.Unmarshal, UnmarshalDelims: true, RequiresNewLine: true},
}

// splitDocument reads the front matter of src. A file with no front matter
// has an empty meta map; a block that does not decode is an error at the
// line where the decoder stopped.
func splitDocument(file string, src []byte) (*document, error) {
	if !utf8Valid(src) {
		return nil, diag.Errorf(file, firstInvalidLine(src), "the file is not valid UTF-8; save it as UTF-8")
	}
	bom := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		src, bom = src[3:], 3
	}
	doc := &document{file: file, meta: map[string]any{}, body: src, bodyLine: 1, bodyStart: bom}
	format := detectFormat(src)
	if format == "" {
		return doc, misplacedFront(file, src)
	}
	doc.format = format
	if err := checkClosed(file, format, src); err != nil {
		return nil, err
	}
	if err := checkLimits(file, format, src); err != nil {
		return nil, err
	}
	var raw map[string]any
	body, err := parseFront(src, format, &raw)
	if err != nil {
		return nil, frontMatterError(file, format, src, err)
	}
	if format == "json" && len(body) == len(src) {
		return nil, diag.Errorf(file, 1, "the file starts with { but holds no JSON front matter; end the JSON object with a line } followed by a blank line")
	}
	doc.body = body
	doc.front = src[:len(src)-len(body)]
	if err := normalize(raw, doc.meta); err != nil {
		var dup *duplicateKey
		if errors.As(err, &dup) {
			return nil, duplicateError(doc, dup)
		}
		return nil, diag.Errorf(file, 1, "front matter: %v", err)
	}
	doc.bodyStart = bom + len(doc.front)
	doc.bodyLine = 1 + bytes.Count(doc.front, []byte("\n"))
	return doc, nil
}

// detectFormat tells the front matter format from the first line of src.
func detectFormat(src []byte) string {
	first, _, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimRight(first, " \t\r")
	switch {
	case bytes.Equal(first, []byte("---")):
		return "yaml"
	case bytes.Equal(first, []byte("+++")):
		return "toml"
	case bytes.HasPrefix(first, []byte("{")):
		return "json"
	}
	return ""
}

// frontKey matches a line that sets a YAML or TOML key, "title: A" or
// "title = 'A'".
var frontKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*\s*(:\s|:$|=)`)

// misplacedFront reports front matter that a file has but not on line
// 1, where it is looked for: after blank lines, or without its opening
// --- line. Without this the file reads as one with no front matter at
// all, and the message would be that it has no title.
func misplacedFront(file string, src []byte) error {
	lines := bytes.SplitN(src, []byte("\n"), 60)
	first := 0
	for first < len(lines) && len(bytes.TrimSpace(lines[first])) == 0 {
		first++
	}
	if first == len(lines) {
		return nil
	}
	line := string(bytes.TrimRight(lines[first], " \t\r"))
	if first > 0 && (line == "---" || line == "+++") && first+1 < len(lines) && frontKey.Match(lines[first+1]) {
		return diag.Errorf(file, first+1, "the front matter starts on line %d; remove the blank lines before it, as it must start on line 1", first+1)
	}
	if first == 0 && frontKey.Match(lines[0]) {
		for _, l := range lines[1:] {
			if d := string(bytes.TrimRight(l, " \t\r")); d == "---" || d == "+++" {
				return diag.Errorf(file, 1, "the front matter has no opening %s line; add a line %s before line 1", d, d)
			}
		}
	}
	return nil
}

// checkClosed reports a YAML or TOML front matter block with no closing
// delimiter, which would otherwise swallow the whole post.
func checkClosed(file, format string, src []byte) error {
	delim := delimiters[format]
	if delim == "" {
		return nil
	}
	_, rest, _ := bytes.Cut(src, []byte("\n"))
	for len(rest) > 0 {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == delim {
			return nil
		}
	}
	return diag.Errorf(file, 1, "the front matter block is not closed; end it with a line %s", delim)
}

// delimiters are the lines that open and close YAML and TOML front matter.
var delimiters = map[string]string{"yaml": "---", "toml": "+++"}

// parseFront decodes the front matter of src into v and returns the body.
// A YAML or TOML block goes straight to its decoder, bounded as
// adrg/frontmatter bounds it (by frontEnd): frontmatter.Parse would copy
// it line by line through a reader of its own, for each of the thousands
// of posts and comments of a large site. JSON, whose end only its decoder
// knows, goes through frontmatter.Parse.
func parseFront(src []byte, format string, v any) ([]byte, error) {
	decode := blockDecoders[format]
	if end := frontEnd(src, delimiters[format]); end > 0 && decode != nil {
		open := bytes.IndexByte(src, '\n') + 1
		closing := bytes.LastIndexByte(src[:end-1], '\n') + 1
		if err := decode(src[open:closing], v); err != nil {
			return nil, err
		}
		return src[end:], nil
	}
	return frontmatter.Parse(bytes.NewReader(src), v, formats...)
}

// blockDecoders are the decoders of the formats with a closing delimiter.
var blockDecoders = map[string]frontmatter.UnmarshalFunc{"yaml": decodeYAML, "toml": formats[1].Unmarshal}

// decodeYAML decodes a YAML front matter block: by decodePlainYAML when
// it is in the plain shape, else (and to report any error) by
// yaml.Unmarshal.
func decodeYAML(src []byte, v any) error {
	if ok, err := decodePlainYAML(src, v); ok && err == nil {
		return nil
	}
	return yaml.Unmarshal(src, v)
}

// frontEnd returns the offset just past the line closing the front matter
// that opens src, or 0 if src does not open with the delimiter or does
// not close it.
func frontEnd(src []byte, delim string) int {
	i := bytes.IndexByte(src, '\n')
	if delim == "" || i < 0 || string(bytes.TrimSpace(src[:i])) != delim {
		return 0
	}
	for i < len(src) {
		start := i + 1
		next := bytes.IndexByte(src[start:], '\n')
		end := len(src)
		if next >= 0 {
			end = start + next + 1
		}
		if string(bytes.TrimSpace(src[start:end])) == delim {
			return end
		}
		if next < 0 {
			return 0
		}
		i = end - 1
	}
	return 0
}

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// frontMatterError turns a decoder error into file:line: message, with the
// line counted from the top of the file.
func frontMatterError(file, format string, src []byte, err error) error {
	line, msg := 1, err.Error()
	var terr toml.ParseError
	var jerr *json.SyntaxError
	switch {
	case errors.As(err, &terr):
		line, msg = 1+terr.Position.Line, terr.Message
	case errors.As(err, &jerr):
		line = diag.LineOf(src, int(jerr.Offset))
	case format == "yaml":
		line, msg = yamlError(err)
	}
	return diag.Errorf(file, line, "malformed %s front matter: %s", strings.ToUpper(format), msg)
}

// yamlParserProblems are the problems yaml.v3's parser, rather than its
// scanner, reports. It counts their lines from 0, those of the scanner
// and of the decoder from 1.
var yamlParserProblems = []string{
	"did not find expected <stream-start>", "did not find expected <document start>",
	"did not find expected node content", "did not find expected key", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", "found duplicate %YAML directive",
	"found duplicate %TAG directive", "found incompatible YAML document", "found undefined tag handle",
}

// yamlError returns the line of the file at which a yaml.v3 error of a
// front matter block is, and its message, with the lines it names counted
// from the top of the file too: the block starts on line 2.
func yamlError(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var terr *yaml.TypeError
	if errors.As(err, &terr) && len(terr.Errors) > 0 {
		msg = terr.Errors[0]
	}
	line, from := 0, 1
	if m := yamlLineRE.FindStringSubmatchIndex(msg); m != nil && m[0] == 0 {
		line, _ = strconv.Atoi(msg[m[2]:m[3]])
		msg = strings.TrimPrefix(msg[m[1]:], ": ")
	}
	if slices.Contains(yamlParserProblems, msg) {
		line, from = line+1, 0
	}
	msg = yamlLineRE.ReplaceAllStringFunc(msg, func(s string) string {
		n, _ := strconv.Atoi(strings.TrimPrefix(s, "line "))
		return "line " + strconv.Itoa(n+1)
	})
	if line == 0 && from == 1 {
		return 1, msg
	}
	return 1 + line, msg
}

// normalize copies a decoded front matter map into out with lower-cased keys
// and YAML's map[any]any values turned into map[string]any. Two keys that
// differ only in case are a *duplicateKey error: which one won would
// change from build to build.
func normalize(in map[string]any, out map[string]any) error {
	spelled := make(map[string]string, len(in))
	for k, v := range in {
		if err := normalizeEntry(k, v, out, spelled); err != nil {
			return err
		}
	}
	return nil
}

// normalizeEntry adds the key k and its value to out; spelled maps the
// keys of out to their spelling in the file.
func normalizeEntry(k string, v any, out map[string]any, spelled map[string]string) error {
	lower := strings.ToLower(k)
	if first, ok := spelled[lower]; ok {
		return &duplicateKey{first, k}
	}
	nv, err := normalizeValue(v)
	if err != nil {
		var dup *duplicateKey
		if errors.As(err, &dup) {
			return err
		}
		return fmt.Errorf("%s: %w", k, err)
	}
	spelled[lower], out[lower] = k, nv
	return nil
}

// duplicateKey is two keys of one table that differ only in case.
type duplicateKey struct{ a, b string }

func (e *duplicateKey) Error() string {
	return fmt.Sprintf("the keys %s and %s differ only in case, and keys are read without regard to case; keep one of them", e.a, e.b)
}

// duplicateError reports a duplicate key at the lines of its two
// spellings, the later one first.
func duplicateError(d *document, dup *duplicateKey) error {
	la, ca := d.spellingLine(dup.a)
	lb, cb := d.spellingLine(dup.b)
	a, b := dup.a, dup.b
	if la > lb || la == lb && ca > cb {
		a, b, la, lb = b, a, lb, la
	}
	return diag.Errorf(d.file, lb, "the key %s repeats %s of line %d: keys are read without regard to case; keep one of them", b, a, la)
}

// spellingLine returns the line and column (from 1 and 0) of the file at
// which the front matter sets a key spelled exactly so, at the start of a
// line or in a flow table; or line 1.
func (d *document) spellingLine(key string) (int, int) {
	for i, line := range bytes.Split(d.front, []byte("\n")) {
		for at := 0; ; {
			j := bytes.Index(line[at:], []byte(key))
			if j < 0 {
				break
			}
			start, end := at+j, at+j+len(key)
			if (start == 0 || strings.IndexByte(" \t{,\"'", line[start-1]) >= 0) &&
				end < len(line) && strings.IndexByte(":= \"'\t", line[end]) >= 0 {
				return i + 1, start
			}
			at = end
		}
	}
	return 1, 0
}

func normalizeValue(v any) (any, error) {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		spelled := make(map[string]string, len(v))
		for k, val := range v {
			if err := normalizeEntry(fmt.Sprint(k), val, m, spelled); err != nil {
				return nil, err
			}
		}
		return m, nil
	case map[string]any:
		m := make(map[string]any, len(v))
		if err := normalize(v, m); err != nil {
			return nil, err
		}
		return m, nil
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			nv, err := normalizeValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = nv
		}
		return out, nil
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			nv, err := normalizeValue(e)
			if err != nil {
				return nil, err
			}
			out[i] = nv
		}
		return out, nil
	}
	return v, nil
}

// keyLine returns the line of the file on which the first of keys that is
// there is set in the front matter, or the first line when it cannot be
// told.
func (d *document) keyLine(keys ...string) int {
	lines := bytes.Split(d.front, []byte("\n"))
	for _, key := range keys {
		for i, line := range lines {
			t := bytes.TrimLeft(line, " \t")
			t = bytes.TrimPrefix(t, []byte(`"`))
			if len(t) > len(key) && strings.EqualFold(string(t[:len(key)]), key) {
				switch t[len(key)] {
				case ':', ' ', '=', '"', '\t':
					return i + 1
				}
			}
		}
	}
	return 1
}

func utf8Valid(b []byte) bool { return bytesValidUTF8(b) }
