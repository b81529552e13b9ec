// Package content is briefgen's content model: the site configuration,
// briefs, actors, themes and timeline entries under a site's content/
// folder, how they are read from markdown files with YAML front matter, and
// the checks that every reference between them resolves.
package content

import (
	"fmt"

	"briefgen/internal/markdown"

	"go.yaml.in/yaml/v3"
)

// Site is content/site.yaml.
type Site struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	BaseURL     string `yaml:"baseURL"`
	Language    string `yaml:"language"`
	Summary     string `yaml:"summary"`
	// Author names who publishes the briefing, for feeds and metadata.
	Author string `yaml:"author"`
}

// Kind is the kind of an actor.
type Kind string

// The kinds of actor.
const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	Country      Kind = "country"
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool { return k == Person || k == Organisation || k == Country }

// Ref is a reference to another piece of content, by slug or by one of its
// names, with the file line it was written on so errors can point at it.
type Ref struct {
	Value string
	Line  int
}

// UnmarshalYAML records the value and its line.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: want a name or slug, not a %s", n.Line, nodeKind(n))
	}
	r.Value, r.Line = n.Value, n.Line
	return nil
}

// MarshalYAML writes the value alone.
func (r Ref) MarshalYAML() (any, error) { return r.Value, nil }

// Brief is one article's brief: content/briefs/<slug>.md.
type Brief struct {
	File string `yaml:"-"` // path relative to the site folder, slash-separated
	Slug string `yaml:"-"` // from the file name

	Title     string         `yaml:"title"`
	Source    string         `yaml:"source,omitempty"` // the raw article, relative to content/
	Outlet    string         `yaml:"outlet,omitempty"`
	Byline    string         `yaml:"byline,omitempty"`
	Dateline  string         `yaml:"dateline,omitempty"`
	Published string         `yaml:"published,omitempty"`
	Summary   string         `yaml:"summary,omitempty"`
	Draft     bool           `yaml:"draft,omitempty"`
	Actors    []ActorMention `yaml:"actors,omitempty"`
	Themes    []Ref          `yaml:"themes,omitempty"`
	Quotes    []Quote        `yaml:"quotes,omitempty"`
	Figures   []Figure       `yaml:"figures,omitempty"`
	Dates     []DateRef      `yaml:"dates,omitempty"`
	QA        []QA           `yaml:"qa,omitempty"`
	Captions  []string       `yaml:"captions,omitempty"`

	Body        string                `yaml:"-"` // markdown, with [[…]] annotations
	BodyLine    int                   `yaml:"-"` // file line of the body's first line
	Paragraphs  []markdown.Paragraph  `yaml:"-"` // the body's paragraphs, with their anchors
	Annotations []markdown.Annotation `yaml:"-"` // the body's [[…]] annotations
	Folded      []string              `yaml:"-"` // names.Keyword of each paragraph, for theme keyword matching

	Date Date `yaml:"-"` // Published, parsed

	mentions map[string]string // folded surface form → actor reference

	// What Actors, Themes and the Quotes' speakers name, as the last check
	// of the brief found them (see Resolved).
	actors   []*Actor
	themes   []*Theme
	speakers []*Actor
	checked  checked
}

// Resolved returns what b's actors, themes and quote speakers name, in the
// order of b.Actors, b.Themes and b.Quotes; a quote without a speaker has
// nil. It is valid for the Content that b was loaded in, where every
// reference resolves.
func (b *Brief) Resolved() (actors []*Actor, themes []*Theme, speakers []*Actor) {
	return b.actors, b.themes, b.speakers
}

// ActorMention is an actor named in a brief.
type ActorMention struct {
	Actor    Ref      `yaml:"actor"`
	Role     string   `yaml:"role,omitempty"`     // as the brief describes them
	Mentions []string `yaml:"mentions,omitempty"` // surface forms in the text
}

// Quote is a direct quotation; an empty Speaker means the speaker is unknown.
type Quote struct {
	Speaker Ref    `yaml:"speaker,omitempty"`
	Text    string `yaml:"text"`
}

// Figure is a number the brief reports, with what it measures.
type Figure struct {
	Text  string `yaml:"text"`
	About string `yaml:"about,omitempty"`
}

// DateRef is a date expression in a brief, resolved to a calendar date.
type DateRef struct {
	Text     string `yaml:"text"`
	Resolved string `yaml:"resolved,omitempty"`
	Event    string `yaml:"event,omitempty"`
	Line     int    `yaml:"-"`

	Date Date `yaml:"-"` // Resolved, parsed
}

// QA is one question and its answer from a brief's Q&A section.
type QA struct {
	Question string `yaml:"question"`
	Answer   string `yaml:"answer"`
}

// Actor is a person, organisation or country: content/actors/<slug>.md.
type Actor struct {
	File string `yaml:"-"`
	Slug string `yaml:"-"`

	Name    string   `yaml:"name"`
	Kind    Kind     `yaml:"kind"`
	Role    string   `yaml:"role,omitempty"`
	Aliases []string `yaml:"aliases,omitempty"`
	// Stub marks an actor that ingest created and no editor has reviewed.
	Stub bool `yaml:"stub,omitempty"`

	Body     string `yaml:"-"`
	BodyLine int    `yaml:"-"`
	Lead     string `yaml:"-"` // the body's first paragraph as plain text
}

// Theme is a subject the story returns to: content/themes/<slug>.md.
type Theme struct {
	File string `yaml:"-"`
	Slug string `yaml:"-"`

	Name     string   `yaml:"name"`
	Keywords []string `yaml:"keywords"`

	Body     string `yaml:"-"`
	BodyLine int    `yaml:"-"`
	Lead     string `yaml:"-"` // the body's first paragraph as plain text
}

// Entry is a timeline entry: content/timeline/<slug>.md.
type Entry struct {
	File string `yaml:"-"`
	Slug string `yaml:"-"`

	Title  string `yaml:"title"`
	When   string `yaml:"date"` // a day, month, year or day range
	Actors []Ref  `yaml:"actors,omitempty"`
	Themes []Ref  `yaml:"themes,omitempty"`
	Briefs []Ref  `yaml:"briefs,omitempty"`

	Body     string `yaml:"-"`
	BodyLine int    `yaml:"-"`
	Lead     string `yaml:"-"` // the body's first paragraph as plain text

	Date     Date `yaml:"-"` // When, parsed
	DateLine int  `yaml:"-"`

	listed  []Ref // Briefs as the file lists them; Briefs leaves out drafts when they are not built
	checked checked
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "mapping"
	case yaml.SequenceNode:
		return "list"
	}
	return "value"
}

// Page is a standalone page such as "About this briefing":
// content/pages/<slug>.md, published at /<slug>/.
type Page struct {
	File string `yaml:"-"`
	Slug string `yaml:"-"`

	Title       string `yaml:"title"`
	Description string `yaml:"description,omitempty"`

	Body     string `yaml:"-"`
	BodyLine int    `yaml:"-"`
}
