package ssg

import (
	"bytes"
	"fmt"
	"time"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"
)

// maxFrontMatter caps the front matter an edit reads.
const maxFrontMatter = 1 << 20

// Field is a front matter key and the value an edit gives it.
type Field struct {
	Key   string
	Value any
}

// SplitFrontMatter returns the front matter of a content file, its format
// ("yaml" between --- lines, "toml" between +++ lines, "" for none) and
// the body after it.
func SplitFrontMatter(src []byte) (format string, fm, body []byte) {
	for _, d := range []struct{ fence, format string }{{"---", "yaml"}, {"+++", "toml"}} {
		first, rest, _ := bytes.Cut(src, []byte("\n"))
		if string(bytes.TrimRight(first, " \r")) != d.fence {
			continue
		}
		for off := 0; off <= len(rest); {
			line, _, _ := bytes.Cut(rest[off:], []byte("\n"))
			if string(bytes.TrimRight(line, " \r")) == d.fence {
				return d.format, rest[:off], afterLine(rest[off:])
			}
			next := bytes.IndexByte(rest[off:], '\n')
			if next < 0 {
				break
			}
			off += next + 1
		}
		return "", nil, src
	}
	return "", nil, src
}

// afterLine returns b after its first line.
func afterLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[i+1:]
	}
	return nil
}

// EditFrontMatter returns src with the fields set in its front matter,
// each replacing a key of that name or added at the end. YAML front
// matter keeps its order and comments; TOML front matter is written as
// YAML with its keys in their order. A file without front matter gets one.
func EditFrontMatter(src []byte, fields ...Field) ([]byte, error) {
	if len(fields) == 0 {
		return src, nil
	}
	format, fm, body := SplitFrontMatter(src)
	if len(fm) > maxFrontMatter {
		return nil, fmt.Errorf("front matter of %d bytes; the most an import edits is %d", len(fm), maxFrontMatter)
	}
	root, err := mappingOf(format, fm)
	if err != nil {
		return nil, err
	}
	for _, f := range fields {
		if err := setKey(root, f.Key, f.Value); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("writing front matter: %w", err)
	}
	buf.WriteString("---\n")
	buf.Write(body)
	return buf.Bytes(), nil
}

// mappingOf decodes front matter into a YAML mapping node.
func mappingOf(format string, fm []byte) (*yaml.Node, error) {
	switch format {
	case "yaml":
		var doc yaml.Node
		if err := yaml.Unmarshal(fm, &doc); err != nil {
			return nil, fmt.Errorf("front matter: %w", err)
		}
		if len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
			return doc.Content[0], nil
		}
		if len(doc.Content) == 0 {
			return &yaml.Node{Kind: yaml.MappingNode}, nil
		}
		return nil, fmt.Errorf("front matter is not a list of keys and values")
	case "toml":
		return tomlMapping(fm)
	}
	return &yaml.Node{Kind: yaml.MappingNode}, nil
}

// tomlMapping decodes TOML front matter into a YAML mapping in the order
// of its top-level keys.
func tomlMapping(fm []byte) (*yaml.Node, error) {
	var m map[string]any
	md, err := toml.Decode(string(fm), &m)
	if err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, k := range md.Keys() {
		if len(k) != 1 {
			continue
		}
		if err := setKey(root, k[0], plain(m[k[0]])); err != nil {
			return nil, err
		}
	}
	return root, nil
}

// plain turns TOML's local dates and times into values YAML writes as
// timestamps and text.
func plain(v any) any {
	switch v := v.(type) {
	case time.Time:
		if loc := v.Location().String(); loc == "datetime-local" || loc == "date-local" {
			return time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), v.Nanosecond(), time.UTC)
		}
		return v
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = plain(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = plain(e)
		}
		return out
	}
	return v
}

// setKey sets key in a mapping node, replacing its value or adding it.
func setKey(m *yaml.Node, key string, value any) error {
	var val yaml.Node
	if err := val.Encode(value); err != nil {
		return fmt.Errorf("front matter key %s: %w", key, err)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = &val
			return nil
		}
	}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, &val)
	return nil
}

// Lookup returns the value of a top-level front matter key, decoded, and
// whether the file sets it.
func Lookup(src []byte, key string) (any, bool) {
	format, fm, _ := SplitFrontMatter(src)
	if len(fm) > maxFrontMatter {
		return nil, false
	}
	root, err := mappingOf(format, fm)
	if err != nil {
		return nil, false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			var v any
			if root.Content[i+1].Decode(&v) != nil {
				return nil, false
			}
			return v, true
		}
	}
	return nil, false
}

// DecodeFrontMatter decodes TOML (+++) or YAML (---) front matter into v,
// a struct with toml and yaml tags. What it cannot read is left to the
// build to report.
func DecodeFrontMatter(data []byte, v any) {
	switch format, block, _ := SplitFrontMatter(data); format {
	case "toml":
		_, _ = toml.Decode(string(block), v)
	case "yaml":
		_ = yaml.Unmarshal(block, v)
	}
}
