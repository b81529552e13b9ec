// Package gold is the hand-labelled gold set for ingest and the scorer that
// measures ingest.Extract against it.
//
// Each article in testdata/ is a pair: <name>.txt, the raw article as copied
// from a web page, and <name>.json, its label in the schema that
// "briefgen ingest --json" prints, plus one extra key, "noise": the lines (or
// fragments) of web-page debris that must not survive into the clean body.
// An optional <name>.yaml sidecar gives the publication date when the text
// does not; ingest reads it itself. testdata/CONVENTIONS.md says how the
// labels were made.
package gold

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefgen/internal/ingest"
)

// DefaultDir is the gold set's folder relative to the repository root, for
// "briefgen ingest --score" without an argument.
const DefaultDir = "internal/ingest/gold/testdata"

// Label is one article's hand label: the JSON of "briefgen ingest --json"
// plus Noise. Unknown values are nil.
type Label struct {
	Source    string   `json:"source"`
	Slug      string   `json:"slug"`
	Title     *string  `json:"title"`
	Outlet    *string  `json:"outlet"`
	Published *string  `json:"published"`
	Byline    *string  `json:"byline"`
	Dateline  *string  `json:"dateline"`
	Actors    []Actor  `json:"actors"`
	Themes    []Theme  `json:"themes"`
	Quotes    []Quote  `json:"quotes"`
	Dates     []Date   `json:"dates"`
	Figures   []Figure `json:"figures"`
	QA        []QA     `json:"qa"`
	// Noise lists text that must not be left in the body (gold files only).
	Noise []string `json:"noise,omitempty"`
}

// Actor is a person, organisation or country the article names.
type Actor struct {
	Name     string   `json:"name"`
	Slug     string   `json:"slug"`
	Kind     string   `json:"kind"` // person | organisation | country
	Role     *string  `json:"role"`
	Mentions []string `json:"mentions"`
}

// Theme is a site theme the article touches (labelled, not scored).
type Theme struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// Quote is a direct quotation; Speaker is nil when the text does not say.
type Quote struct {
	Speaker *string `json:"speaker"`
	Text    string  `json:"text"`
}

// Date, Figure and QA are those of ingest's JSON: labels share its schema.
type (
	Date   = ingest.Date
	Figure = ingest.Figure
	QA     = ingest.QA
)

// Case is one gold article.
type Case struct {
	Name string // the file's base name without extension (the slug)
	Path string // dir/<name>.txt, the path given to the extractor
	Raw  []byte // the raw article
	Gold Label
}

// Load reads every <name>.txt in dir with its <name>.json label, sorted by
// name. A text without a label, a label without a text, or a label with a
// key outside the schema is an error.
func Load(dir string) ([]Case, error) {
	texts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	labels, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if len(texts) == 0 {
		return nil, fmt.Errorf("gold: no articles (*.txt) in %s", dir)
	}
	sort.Strings(texts)
	have := map[string]bool{}
	var cases []Case
	for _, t := range texts {
		name := strings.TrimSuffix(filepath.Base(t), ".txt")
		have[name] = true
		raw, err := os.ReadFile(t)
		if err != nil {
			return nil, err
		}
		lj := filepath.Join(dir, name+".json")
		data, err := os.ReadFile(lj)
		if err != nil {
			return nil, fmt.Errorf("gold: %s has no label: %w", t, err)
		}
		var l Label
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&l); err != nil {
			return nil, fmt.Errorf("gold: %s: %w", lj, err)
		}
		if l.Slug != name {
			return nil, fmt.Errorf("gold: %s: slug %q, want %q", lj, l.Slug, name)
		}
		cases = append(cases, Case{Name: name, Path: t, Raw: raw, Gold: l})
	}
	for _, l := range labels {
		if name := strings.TrimSuffix(filepath.Base(l), ".json"); !have[name] {
			return nil, fmt.Errorf("gold: label %s has no article %s.txt", l, name)
		}
	}
	return cases, nil
}
