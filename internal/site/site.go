// Package site turns loaded content into the model that pages are rendered
// from: every brief, actor, theme and timeline entry with its URL and its
// links to the others (who is named where, who said what, which passages
// carry a theme, which briefs report an event).
package site

import (
	"cmp"
	"slices"
	"strings"

	"briefgen/internal/content"
	"briefgen/internal/names"
)

// Site is the whole cross-linked model.
type Site struct {
	Config   content.Site
	Briefs   []*Brief // newest first
	Actors   []*Actor // by name
	Themes   []*Theme // by name
	Timeline []*Entry // chronological
	Days     []*Day   // the timeline grouped by date

	Content *content.Content

	briefs  map[string]*Brief
	actors  map[string]*Actor
	themes  map[string]*Theme
	entries map[string]*Entry
}

// Brief is a brief with its links resolved.
type Brief struct {
	*content.Brief
	Path    string // URL path from the site root, e.g. "briefs/x/"
	Actors  []*Role
	Themes  []*Theme
	Quotes  []*Quote
	Entries []*Entry
	// Newer and Older are the neighbouring briefs by date, nil at the ends.
	Newer, Older *Brief
}

// Role is an actor as one brief names them.
type Role struct {
	Actor    *Actor
	Role     string // as the brief gives it, else the actor's own role
	Mentions []string
}

// Quote is a quotation with its speaker, if known, and where it was reported.
type Quote struct {
	Speaker *Actor // nil when unknown
	Text    string
	Brief   *Brief
}

// Actor is an actor with every brief, quote and event they appear in.
type Actor struct {
	*content.Actor
	Path    string
	Briefs  []*Brief
	Quotes  []*Quote
	Entries []*Entry
	Related []*Related // actors most often named with this one
	Themes  []*Theme   // themes of the briefs naming the actor
}

// Related is an actor named in the same briefs as another, with how often.
type Related struct {
	Actor *Actor
	Count int
}

// Theme is a theme with the briefs and passages that carry it.
type Theme struct {
	*content.Theme
	Path     string
	Briefs   []*Brief
	Passages []*Passage
	Entries  []*Entry
}

// Passage is a paragraph of a brief in which a theme's keywords occur.
type Passage struct {
	Brief *Brief
	ID    string // the paragraph's anchor in the brief page
	Text  string
}

// Entry is a timeline entry with its briefs, actors and themes.
type Entry struct {
	*content.Entry
	Path   string
	Briefs []*Brief
	Actors []*Actor
	Themes []*Theme
	// Prev and Next are the neighbouring timeline entries, nil at the ends.
	Prev, Next *Entry
}

// Day is the timeline entries that start on one date.
type Day struct {
	Date    content.Date
	ID      string // anchor on the timeline page, e.g. "d2025-05-15"
	Entries []*Entry
}

// relatedLimit caps the list of related actors on an actor page.
const relatedLimit = 8

// New builds the model of c. It never fails: content.Load has already
// checked every reference.
func New(c *content.Content) *Site {
	s := &Site{Config: c.Site, Content: c,
		briefs: map[string]*Brief{}, actors: map[string]*Actor{}, themes: map[string]*Theme{}, entries: map[string]*Entry{}}
	for _, a := range c.Actors {
		x := &Actor{Actor: a, Path: "actors/" + a.Slug + "/"}
		s.Actors = append(s.Actors, x)
		s.actors[a.Slug] = x
	}
	for _, t := range c.Themes {
		x := &Theme{Theme: t, Path: "themes/" + t.Slug + "/"}
		s.Themes = append(s.Themes, x)
		s.themes[t.Slug] = x
	}
	for _, e := range c.Timeline {
		x := &Entry{Entry: e, Path: "timeline/" + e.Slug + "/"}
		s.Timeline = append(s.Timeline, x)
		s.entries[e.Slug] = x
	}
	for _, b := range c.Briefs {
		x := &Brief{Brief: b, Path: "briefs/" + b.Slug + "/"}
		s.Briefs = append(s.Briefs, x)
		s.briefs[b.Slug] = x
	}
	for i, b := range s.Briefs {
		s.linkBrief(b)
		if i > 0 {
			b.Newer, s.Briefs[i-1].Older = s.Briefs[i-1], b
		}
	}
	for i, e := range s.Timeline {
		s.linkEntry(e)
		if i > 0 {
			e.Prev, s.Timeline[i-1].Next = s.Timeline[i-1], e
		}
	}
	s.findPassages()
	for _, a := range s.Actors {
		a.Related = related(a)
		a.Themes = actorThemes(a)
	}
	s.Days = days(s.Timeline)
	byName := func(x, y string) int { return cmp.Compare(names.Fold(x), names.Fold(y)) }
	slices.SortStableFunc(s.Actors, func(x, y *Actor) int { return byName(x.Name, y.Name) })
	slices.SortStableFunc(s.Themes, func(x, y *Theme) int { return byName(x.Name, y.Name) })
	return s
}

func (s *Site) linkBrief(b *Brief) {
	c := s.Content
	for _, m := range b.Brief.Actors {
		a := s.actors[c.Actor(m.Actor.Value).Slug]
		role := cmp.Or(m.Role, a.Role)
		b.Actors = append(b.Actors, &Role{Actor: a, Role: role, Mentions: m.Mentions})
		a.Briefs = append(a.Briefs, b)
	}
	for _, r := range b.Brief.Themes {
		t := s.themes[c.Theme(r.Value).Slug]
		b.Themes = append(b.Themes, t)
		t.Briefs = append(t.Briefs, b)
	}
	for _, q := range b.Brief.Quotes {
		x := &Quote{Text: q.Text, Brief: b}
		if q.Speaker.Value != "" {
			x.Speaker = s.actors[c.MentionedActor(b.Brief, q.Speaker.Value).Slug]
			x.Speaker.Quotes = append(x.Speaker.Quotes, x)
		}
		b.Quotes = append(b.Quotes, x)
	}
}

func (s *Site) linkEntry(e *Entry) {
	c := s.Content
	for _, r := range e.Entry.Briefs {
		b := s.briefs[r.Value]
		e.Briefs = append(e.Briefs, b)
		b.Entries = append(b.Entries, e)
	}
	for _, r := range e.Entry.Actors {
		a := s.actors[c.Actor(r.Value).Slug]
		e.Actors = append(e.Actors, a)
		a.Entries = append(a.Entries, e)
	}
	for _, r := range e.Entry.Themes {
		t := s.themes[c.Theme(r.Value).Slug]
		e.Themes = append(e.Themes, t)
		t.Entries = append(t.Entries, e)
	}
}

// findPassages records, for each theme, the paragraphs of its briefs in
// which one of its keywords occurs.
func (s *Site) findPassages() {
	for _, t := range s.Themes {
		keys := foldAll(t.Keywords)
		if len(keys) == 0 {
			continue
		}
		for _, b := range t.Briefs {
			for i, p := range b.Paragraphs {
				if containsAny(b.Folded[i], keys) {
					t.Passages = append(t.Passages, &Passage{Brief: b, ID: p.ID, Text: p.Text})
				}
			}
		}
	}
}

func foldAll(keywords []string) []string {
	var out []string
	for _, k := range keywords {
		if f := names.Fold(k); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// containsAny reports whether one of keys occurs in text as whole words.
func containsAny(text string, keys []string) bool {
	for _, k := range keys {
		for off := 0; ; {
			i := strings.Index(text[off:], k)
			if i < 0 {
				break
			}
			i += off
			end := i + len(k)
			if (i == 0 || !isWordByte(text[i-1])) && (end == len(text) || !isWordByte(text[end])) {
				return true
			}
			off = i + 1
		}
	}
	return false
}

// isWordByte reports whether b is part of a word in folded text, where
// non-ASCII letters are rare and count as word bytes.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b >= 0x80
}

// related counts the actors named in the same briefs as a.
func related(a *Actor) []*Related {
	counts := map[*Actor]int{}
	for _, b := range a.Briefs {
		for _, r := range b.Actors {
			if r.Actor != a {
				counts[r.Actor]++
			}
		}
	}
	out := make([]*Related, 0, len(counts))
	for x, n := range counts {
		out = append(out, &Related{Actor: x, Count: n})
	}
	slices.SortFunc(out, func(x, y *Related) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Actor.Slug, y.Actor.Slug))
	})
	if len(out) > relatedLimit {
		out = out[:relatedLimit]
	}
	return out
}

// actorThemes lists the themes of the briefs naming a, most frequent first.
func actorThemes(a *Actor) []*Theme {
	counts := map[*Theme]int{}
	for _, b := range a.Briefs {
		for _, t := range b.Themes {
			counts[t]++
		}
	}
	out := make([]*Theme, 0, len(counts))
	for t := range counts {
		out = append(out, t)
	}
	slices.SortFunc(out, func(x, y *Theme) int {
		return cmp.Or(cmp.Compare(counts[y], counts[x]), strings.Compare(x.Slug, y.Slug))
	})
	return out
}

func days(entries []*Entry) []*Day {
	var out []*Day
	for _, e := range entries {
		if n := len(out); n > 0 && out[n-1].Date.Compare(e.Date) == 0 {
			out[n-1].Entries = append(out[n-1].Entries, e)
			continue
		}
		out = append(out, &Day{Date: e.Date, ID: "d" + e.Date.String(), Entries: []*Entry{e}})
	}
	return out
}

// Brief returns the brief with the given slug, or nil.
func (s *Site) Brief(slug string) *Brief { return s.briefs[slug] }

// Actor returns the actor with the given slug, or nil.
func (s *Site) Actor(slug string) *Actor { return s.actors[slug] }

// Theme returns the theme with the given slug, or nil.
func (s *Site) Theme(slug string) *Theme { return s.themes[slug] }

// Entry returns the timeline entry with the given slug, or nil.
func (s *Site) Entry(slug string) *Entry { return s.entries[slug] }

// Resolve returns the URL path of the page an annotation in brief b (nil
// outside briefs) points at.
func (s *Site) Resolve(b *Brief, kind, target string) (string, bool) {
	c := s.Content
	switch kind {
	case "actor":
		var a *content.Actor
		if b != nil {
			a = c.MentionedActor(b.Brief, target)
		} else {
			a = c.Actor(target)
		}
		if a != nil {
			return s.actors[a.Slug].Path, true
		}
	case "theme":
		if t := c.Theme(target); t != nil {
			return s.themes[t.Slug].Path, true
		}
	case "timeline":
		if e := s.entries[target]; e != nil {
			return e.Path, true
		}
	case "brief":
		if x := s.briefs[target]; x != nil {
			return x.Path, true
		}
	}
	return "", false
}

// KeyActors returns the actors named in the most briefs, at most n.
func (s *Site) KeyActors(n int) []*Actor {
	out := slices.Clone(s.Actors)
	slices.SortStableFunc(out, func(x, y *Actor) int { return cmp.Compare(len(y.Briefs), len(x.Briefs)) })
	out = slices.DeleteFunc(out, func(a *Actor) bool { return len(a.Briefs) == 0 })
	return out[:min(n, len(out))]
}
