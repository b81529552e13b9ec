package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// bodyField names the body among the fields a merge reports.
const bodyField = "body"

// parsedBrief is a brief file split into its top-level front-matter fields,
// in order, and its body.
type parsedBrief struct {
	keys   []string
	values map[string]*yaml.Node
	body   string
}

// splitBrief parses a brief file.
func splitBrief(data []byte) (*parsedBrief, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, errors.New("no front matter")
	}
	rest := data[4:]
	var yml, body []byte
	found := false
	for off := 0; off <= len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		end := len(rest)
		if nl >= 0 {
			end = off + nl
		}
		if string(bytes.TrimRight(rest[off:end], " \t")) == "---" {
			yml, found = rest[:off], true
			if end < len(rest) {
				body = rest[end+1:]
			}
			break
		}
		if nl < 0 {
			break
		}
		off = end + 1
	}
	if !found {
		return nil, errors.New("front matter is not closed")
	}
	p := &parsedBrief{values: map[string]*yaml.Node{}, body: string(body)}
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	if len(doc.Content) == 0 {
		return p, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, errors.New("front matter is not a mapping")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i].Value
		if _, dup := p.values[k]; !dup {
			p.keys = append(p.keys, k)
		}
		p.values[k] = m.Content[i+1]
	}
	return p, nil
}

// canonical returns a field's value in a form that ignores quoting and
// layout, so that only real changes count as edits; "" for an absent field.
func canonical(n *yaml.Node) string {
	if n == nil {
		return ""
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return "!" + n.Value
	}
	out, err := yaml.Marshal(v)
	if err != nil {
		return "!" + n.Value
	}
	return "=" + string(out)
}

// merge3 merges field by field: where the editor's brief (mine) differs
// from the last generated one (base) the editor's value is kept, otherwise
// the newly generated value (gen) is taken. It returns the merged file and
// the fields kept.
func merge3(base, mine, gen []byte) ([]byte, []string, error) {
	pb, err := splitBrief(base)
	if err != nil {
		return nil, nil, fmt.Errorf("ingest's last version: %w", err)
	}
	pm, err := splitBrief(mine)
	if err != nil {
		return nil, nil, fmt.Errorf("your version: %w", err)
	}
	pg, err := splitBrief(gen)
	if err != nil {
		return nil, nil, fmt.Errorf("new version: %w", err)
	}
	var kept []string
	out := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v *yaml.Node) {
		out.Content = append(out.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}, v)
	}
	edited := func(k string) bool { return canonical(pm.values[k]) != canonical(pb.values[k]) }
	for _, k := range pg.keys {
		if edited(k) {
			kept = append(kept, k)
			if v := pm.values[k]; v != nil {
				add(k, v)
			}
			continue
		}
		add(k, pg.values[k])
	}
	for _, k := range pm.keys {
		if _, inGen := pg.values[k]; !inGen && edited(k) {
			kept = append(kept, k)
			add(k, pm.values[k])
		}
	}
	body := pg.body
	if strings.TrimRight(pm.body, " \t\n") != strings.TrimRight(pb.body, " \t\n") {
		kept = append(kept, bodyField)
		body = pm.body
	}
	if len(kept) == 0 {
		return gen, nil, nil
	}
	merged, err := document(out, body)
	if err != nil {
		return nil, nil, err
	}
	return merged, kept, nil
}
