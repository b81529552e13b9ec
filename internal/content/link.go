package content

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"sync"

	"briefgen/internal/names"
)

// Digest returns the hex SHA-256 of data, used to tell whether a file changed.
func Digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// foldKeys memoizes foldKey: the same names are matched on every load.
var foldKeys sync.Map

// foldKey is the key names are matched under.
func foldKey(s string) string {
	if k, ok := foldKeys.Load(s); ok {
		return k.(string)
	}
	k := names.Loose(s)
	foldKeys.Store(s, k)
	return k
}

// index finds content by slug or by any of its names.
type index[T any] struct {
	bySlug map[string]T
	byName map[string][]T // folded name → every item with that name
	slugs  []string
	label  map[string]string // every name and slug, for suggestions
}

func newIndex[T any]() *index[T] {
	return &index[T]{bySlug: map[string]T{}, byName: map[string][]T{}, label: map[string]string{}}
}

func (ix *index[T]) add(slug string, item T, nameList ...string) {
	ix.bySlug[slug] = item
	ix.slugs = append(ix.slugs, slug)
	ix.label[slug] = slug
	seen := map[string]bool{}
	for _, n := range nameList {
		k := foldKey(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		ix.byName[k] = append(ix.byName[k], item)
		ix.label[n] = n
	}
}

// find returns the item a reference names and how many items it could name.
func (ix *index[T]) find(ref string) (T, int) {
	if it, ok := ix.bySlug[ref]; ok {
		return it, 1
	}
	var zero T
	if items := ix.byName[foldKey(ref)]; len(items) > 0 {
		if len(items) > 1 {
			return zero, len(items)
		}
		return items[0], 1
	}
	return zero, 0
}

// suggest names the nearest known references, for error messages.
func (ix *index[T]) suggest(ref string) string {
	labels := make([]string, 0, len(ix.label))
	for l := range ix.label {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	near := names.Closest(ref, labels, 3)
	if len(near) == 0 {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", quoteList(near))
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, " or ")
}

// link indexes c, checks every field and reference, and sorts c's lists.
func (l *Loader) link(c *Content) Errors {
	var errs Errors
	// The indexes are kept while no file but briefs changed (see Loader.gen).
	reindex := l.ixGen != l.gen+1
	if reindex {
		l.actors, l.themes, l.ixGen = newIndex[*Actor](), newIndex[*Theme](), l.gen+1
	}
	c.actors, c.themes = l.actors, l.themes
	c.entries, c.briefs = make(map[string]*Entry, len(c.Timeline)), make(map[string]*Brief, len(c.Briefs))
	for _, a := range c.Actors {
		if a.Name == "" {
			errs = append(errs, errorf(a.File, l.line(a.File, "name"), "name is empty: add 'name: …'"))
		}
		if !a.Kind.Valid() {
			errs = append(errs, errorf(a.File, l.line(a.File, "kind"), "kind %q: want person, organisation or country", a.Kind))
		}
		if reindex {
			c.actors.add(a.Slug, a, append([]string{a.Name}, a.Aliases...)...)
		}
	}
	for _, t := range c.Themes {
		if t.Name == "" {
			errs = append(errs, errorf(t.File, l.line(t.File, "name"), "name is empty: add 'name: …'"))
		}
		if reindex {
			c.themes.add(t.Slug, t, t.Name)
		}
	}
	for _, b := range c.Briefs {
		c.briefs[b.Slug] = b
	}
	for _, e := range c.Timeline {
		c.entries[e.Slug] = e
	}
	for _, b := range c.Briefs {
		errs = append(errs, l.checkOnce(&b.checked, func() Errors { return l.checkBrief(c, b) })...)
	}
	for _, e := range c.Timeline {
		errs = append(errs, l.checkOnce(&e.checked, func() Errors { return l.checkEntry(c, e) })...)
	}
	for _, p := range c.Pages {
		if strings.TrimSpace(p.Title) == "" {
			errs = append(errs, errorf(p.File, l.line(p.File, "title"), "title is empty: add 'title: …'"))
		}
		if reservedPages[p.Slug] {
			errs = append(errs, errorf(p.File, 1, "the page name %q is taken by a section of the site: rename the file", p.Slug))
		}
	}
	// Files are unique: the orders are total. The briefs come in the order
	// of the last load, which an edit seldom changes.
	byDate := func(a, b *Brief) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return cmp.Or(strings.Compare(a.Slug, b.Slug), strings.Compare(a.File, b.File))
	}
	if !slices.IsSortedFunc(c.Briefs, byDate) {
		slices.SortFunc(c.Briefs, byDate)
	}
	l.briefs = slices.Clone(c.Briefs)
	slices.SortFunc(c.Timeline, func(a, b *Entry) int {
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Slug, b.Slug), strings.Compare(a.File, b.File))
	})
	if !l.drafts {
		c.Briefs = slices.DeleteFunc(c.Briefs, func(b *Brief) bool {
			if b.Draft {
				delete(c.briefs, b.Slug)
			}
			return b.Draft
		})
		for _, e := range c.Timeline {
			e.Briefs = slices.DeleteFunc(slices.Clone(e.listed), func(r Ref) bool { return c.briefs[r.Value] == nil })
		}
	}
	return errs
}

// checked remembers what the check of a brief's or timeline entry's
// references found.
type checked struct {
	at   uint64 // Loader.gen+1 when errs were found; 0 before
	errs Errors
}

// checkOnce returns what check finds wrong with the references of a brief
// or timeline entry, remembered in ck for as long as neither the file nor
// anything its references could name changes.
func (l *Loader) checkOnce(ck *checked, check func() Errors) Errors {
	if ck.at != l.gen+1 {
		ck.errs, ck.at = check(), l.gen+1
	}
	return ck.errs
}

func (l *Loader) checkBrief(c *Content, b *Brief) Errors {
	var errs Errors
	if strings.TrimSpace(b.Title) == "" {
		errs = append(errs, errorf(b.File, l.line(b.File, "title"), "title is empty: add 'title: …'"))
	}
	b.Date = Date{}
	if b.Published != "" {
		d, err := ParseDate(b.Published)
		if err != nil {
			errs = append(errs, errorf(b.File, l.line(b.File, "published"), "published: %v", err))
		}
		b.Date = d
	}
	b.actors, b.themes, b.speakers = make([]*Actor, len(b.Actors)), make([]*Theme, len(b.Themes)), make([]*Actor, len(b.Quotes))
	for i, m := range b.Actors {
		errs = append(errs, refError(b.File, "actor", m.Actor, c.actors)...)
		b.actors[i] = c.Actor(m.Actor.Value)
	}
	for i, t := range b.Themes {
		errs = append(errs, refError(b.File, "theme", t, c.themes)...)
		b.themes[i] = c.Theme(t.Value)
	}
	for i, q := range b.Quotes {
		if q.Speaker.Value != "" {
			errs = append(errs, refError(b.File, "speaker", q.Speaker, c.actors)...)
			b.speakers[i] = c.MentionedActor(b, q.Speaker.Value)
		}
	}
	for i := range b.Dates {
		d := &b.Dates[i]
		d.Date = Date{}
		if d.Resolved == "" {
			continue
		}
		pd, err := ParseDate(d.Resolved)
		if err != nil {
			errs = append(errs, errorf(b.File, l.line(b.File, "dates"), "dates[%d] (%q): %v", i, d.Text, err))
		}
		d.Date = pd
	}
	for _, a := range l.files[b.File].anns {
		line := b.BodyLine + a.Line - 1
		switch a.Kind {
		case "actor":
			if c.MentionedActor(b, a.Target) == nil {
				errs = append(errs, refError(b.File, "actor", Ref{a.Target, line}, c.actors)...)
			}
		case "theme":
			errs = append(errs, refError(b.File, "theme", Ref{a.Target, line}, c.themes)...)
		case "timeline":
			if c.entries[a.Target] == nil {
				errs = append(errs, errorf(b.File, line, "unknown timeline entry %q: use the file name of an entry in %s, without .md", a.Target, TimelineDir))
			}
		case "brief":
			if c.briefs[a.Target] == nil {
				errs = append(errs, errorf(b.File, line, "unknown brief %q: use the file name of a brief in %s, without .md", a.Target, BriefsDir))
			}
		}
	}
	return errs
}

func (l *Loader) checkEntry(c *Content, e *Entry) Errors {
	var errs Errors
	if strings.TrimSpace(e.Title) == "" {
		errs = append(errs, errorf(e.File, l.line(e.File, "title"), "title is empty: add 'title: …'"))
	}
	d, err := ParseDate(e.When)
	if err != nil {
		errs = append(errs, errorf(e.File, l.line(e.File, "date"), "date: %v", err))
	}
	e.Date = d
	for _, a := range e.Actors {
		errs = append(errs, refError(e.File, "actor", a, c.actors)...)
	}
	for _, t := range e.Themes {
		errs = append(errs, refError(e.File, "theme", t, c.themes)...)
	}
	for _, r := range e.listed {
		if c.briefs[r.Value] == nil {
			errs = append(errs, errorf(e.File, r.Line, "unknown brief %q: use the file name of a brief in %s, without .md", r.Value, BriefsDir))
		}
	}
	return errs
}

// reservedPages are the URL paths of the site's own sections.
var reservedPages = map[string]bool{"briefs": true, "actors": true, "themes": true, "timeline": true, "search": true, "assets": true, "404": true}

// refError checks that r names exactly one item of ix.
func refError[T any](file, what string, r Ref, ix *index[T]) Errors {
	_, n := ix.find(r.Value)
	switch {
	case n == 1:
		return nil
	case n > 1:
		return Errors{errorf(file, r.Line, "%s %q is ambiguous: it is a name of %d items; use a slug", what, r.Value, n)}
	}
	dir := ActorsDir
	if what == "theme" {
		dir = ThemesDir
	}
	return Errors{errorf(file, r.Line, "unknown %s %q%s: fix the name, or add it to %s", what, r.Value, ix.suggest(r.Value), dir)}
}
