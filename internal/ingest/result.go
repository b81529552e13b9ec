// Package ingest turns one raw news article — text copied from a web page,
// with its menus, share buttons, rating widgets, repeated headlines and photo
// captions — into a structured brief: title, outlet, byline, dateline and
// publication date, the actors, quotes, dates and figures it contains, the
// site's themes it touches, and a clean markdown body in which every actor
// mention is annotated. Write then saves the brief under a site's
// content/briefs/ folder without ever losing an editor's changes.
//
// The cleaning rules are general (they describe kinds of web-page debris,
// not particular outlets), so that articles from any source come out clean.
package ingest

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"time"

	"briefgen/internal/dates"
	"briefgen/internal/entities"
	"briefgen/internal/figures"
	"briefgen/internal/names"
	"briefgen/internal/quotes"
)

// Theme is one of the site's themes, as ingest needs it: a brief is tagged
// with the theme when one of its keywords occurs in the text.
type Theme struct {
	Slug, Name string
	Keywords   []string
}

// Options is what Extract knows besides the article itself.
type Options struct {
	Known  []entities.Known // the site's actor files
	Themes []Theme          // the site's themes
	// Published overrides every other source of the publication date; when
	// zero it comes from a date line in the text, else from the sidecar
	// file, else from a date the text safely implies, else it is unknown.
	Published time.Time
}

// Result is one article, extracted. Its JSON form is what "briefgen ingest
// --json" prints: unknown values are null and lists are never null.
type Result struct {
	Source    string     `json:"source"`
	Slug      string     `json:"slug"`
	Title     string     `json:"title"` // "" when the text has no headline
	Outlet    *string    `json:"outlet"`
	Published *string    `json:"published"` // YYYY-MM-DD
	Byline    *string    `json:"byline"`
	Dateline  *string    `json:"dateline"`
	Actors    []Actor    `json:"actors"`
	Themes    []ThemeRef `json:"themes"`
	Quotes    []Quote    `json:"quotes"`
	Dates     []Date     `json:"dates"`
	Figures   []Figure   `json:"figures"`
	QA        []QA       `json:"qa"`

	Summary  string   `json:"-"` // the standfirst or lead, for the brief's summary
	Body     string   `json:"-"` // clean markdown with [[…]] annotations
	Captions []string `json:"-"` // photo captions, kept out of the body
	Report   Report   `json:"-"` // what the editor should check
}

// Actor is an actor the article names.
type Actor struct {
	Name     string   `json:"name"`
	Slug     string   `json:"slug"`
	Kind     string   `json:"kind"`
	Role     *string  `json:"role"`
	Mentions []string `json:"mentions"` // exact surface forms, unique, in order
	// Known says the site already has a file for the actor; otherwise Write
	// creates a stub.
	Known bool `json:"-"`
}

// ThemeRef is a site theme the article touches.
type ThemeRef struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// Quote is a direct quotation; Speaker is the speaker's name, nil when the
// text does not say who spoke.
type Quote struct {
	Speaker *string `json:"speaker"`
	Text    string  `json:"text"`
	// SpeakerSlug is the speaker's actor slug, for the brief's front matter.
	SpeakerSlug string `json:"-"`
}

// Date is a date expression, resolved when possible.
type Date struct {
	Text     string  `json:"text"`
	Resolved *string `json:"resolved"`
	Event    *string `json:"event"`
}

// Figure is a key figure and what it measures.
type Figure struct {
	Text  string  `json:"text"`
	About *string `json:"about"`
}

// QA is one question and answer of an FAQ or explainer.
type QA struct {
	Question string `json:"question" yaml:"question"`
	Answer   string `json:"answer" yaml:"answer"`
}

// Report is what ingest did that an editor should know about: the noise it
// removed and what it could not resolve.
type Report struct {
	Removed []string // noise lines removed from the text, in order
	Notes   []string // things to check: unknown speakers, unresolved dates, stubs, guesses
}

// Lines returns the report as a few lines for the terminal.
func (r Report) Lines() []string {
	var out []string
	if n := len(r.Removed); n > 0 {
		shown := make([]string, 0, 3)
		for _, l := range r.Removed[:min(n, 3)] {
			shown = append(shown, fmt.Sprintf("%q", clip(l, 40)))
		}
		more := ""
		if n > 3 {
			more = fmt.Sprintf(", … (%d more)", n-3)
		}
		out = append(out, fmt.Sprintf("removed %d noise line%s: %s%s", n, plural(n), strings.Join(shown, ", "), more))
	}
	for _, n := range r.Notes {
		out = append(out, "check: "+n)
	}
	return out
}

// Extract turns one raw article into a Result. source is the path as given
// (e.g. "content/sources/x.txt"); the slug is the file's base name without
// extension. A sidecar "<base>.yaml" beside source, when it exists, supplies
// the publication date when the text has none, and overrides outlet,
// byline, dateline and title.
func Extract(source string, raw []byte, opts Options) (*Result, error) {
	side, err := readSidecar(source)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", source, err)
	}
	base := path.Base(filepath.ToSlash(source))
	slug := strings.TrimSuffix(base, path.Ext(base))
	if slug == "" {
		slug = "untitled"
	}
	d := parse(raw)
	r := &Result{Source: source, Slug: slug, Captions: d.captions}
	r.Report.Removed = d.removed
	r.Report.Notes = append(r.Report.Notes, d.notes...)

	r.Title = d.title
	if r.Title == "" && (side == nil || side.Title == "") {
		r.Report.Notes = append(r.Report.Notes, "no headline found: the title is unknown (set title in the sidecar, or in the brief)")
	}
	r.Outlet, r.Byline, r.Dateline = ptr(d.outlet), ptr(d.byline), ptr(d.dateline)
	if side != nil {
		r.Title = or(side.Title, r.Title)
		r.Outlet = orPtr(side.Outlet, r.Outlet)
		r.Byline = orPtr(side.Byline, r.Byline)
		r.Dateline = orPtr(side.Dateline, r.Dateline)
	}
	pub := resolvePublished(d, side, opts, r)
	r.Summary = d.summary

	ents := entities.Find(d.plain, opts.Known)
	r.Actors = actorsOf(ents)
	r.Quotes = quotesOf(quotes.Find(d.plain, ents), ents, &r.Report)
	r.Dates = datesOf(dates.Find(d.plain, pub), &r.Report)
	r.Figures = figuresOf(figures.Find(d.plain))
	r.Themes = themesOf(d.plain, opts.Themes)
	r.QA = d.qa
	if r.QA == nil {
		r.QA = []QA{}
	}
	if r.Captions == nil {
		r.Captions = []string{}
	}
	r.Body = d.markdown(ents)
	return r, nil
}

// resolvePublished settles the publication date, records it in r and
// returns it as a time (zero when unknown).
func resolvePublished(d *doc, side *sidecar, opts Options, r *Result) time.Time {
	set := func(t time.Time) time.Time {
		s := t.Format(time.DateOnly)
		r.Published = &s
		return t
	}
	if !opts.Published.IsZero() {
		return set(opts.Published)
	}
	var sideDate time.Time
	if side != nil && side.Published != "" {
		t, err := time.Parse(time.DateOnly, side.Published)
		if err != nil {
			r.Report.Notes = append(r.Report.Notes, fmt.Sprintf("sidecar published %q is not YYYY-MM-DD: ignored", side.Published))
		}
		sideDate = t
	}
	if !d.published.IsZero() {
		if !sideDate.IsZero() && !sideDate.Equal(d.published) {
			r.Report.Notes = append(r.Report.Notes, fmt.Sprintf("the text says published %s but the sidecar says %s: using the text", d.published.Format(time.DateOnly), sideDate.Format(time.DateOnly)))
		}
		return set(d.published)
	}
	if !sideDate.IsZero() {
		return set(sideDate)
	}
	if t, why := inferPublished(d); !t.IsZero() {
		r.Report.Notes = append(r.Report.Notes, fmt.Sprintf("publication date %s inferred: %s; check it, or set it in the sidecar or with --published", t.Format(time.DateOnly), why))
		return set(t)
	}
	hint := ""
	if d.wireDate != "" {
		hint = fmt.Sprintf("; the dateline says %q but gives no year", d.wireDate)
	}
	r.Report.Notes = append(r.Report.Notes, "publication date unknown: relative dates are left unresolved (set published in the sidecar or use --published)"+hint)
	return time.Time{}
}

// actorsOf maps entities to Result actors.
func actorsOf(ents []entities.Entity) []Actor {
	out := make([]Actor, 0, len(ents))
	for _, e := range ents {
		a := Actor{Name: e.Name, Slug: actorSlug(e), Kind: e.Kind, Role: ptr(e.Role), Mentions: []string{}, Known: e.Known}
		seen := map[string]bool{}
		for _, m := range e.Mentions {
			if m.Surface != "" && !seen[m.Surface] {
				seen[m.Surface] = true
				a.Mentions = append(a.Mentions, m.Surface)
			}
		}
		out = append(out, a)
	}
	return out
}

// actorSlug is the slug of an entity's actor file: the known actor's, or a
// clean slug for a new one.
func actorSlug(e entities.Entity) string {
	if e.Known && e.Slug != "" || isSlug(e.Slug) {
		return e.Slug
	}
	return names.Slug(or(e.Slug, e.Name))
}

// isSlug reports whether s is already a clean slug: lower-case ASCII
// letters and digits in words joined by single hyphens.
func isSlug(s string) bool {
	if s == "" || len(s) > 80 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// quotesOf maps quotations, naming each speaker.
func quotesOf(qs []quotes.Quote, ents []entities.Entity, rep *Report) []Quote {
	out := make([]Quote, 0, len(qs))
	for _, q := range qs {
		o := Quote{Text: q.Text}
		if q.Speaker >= 0 && q.Speaker < len(ents) {
			e := ents[q.Speaker]
			o.Speaker, o.SpeakerSlug = &e.Name, actorSlug(e)
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("quote with unknown speaker: %q", clip(q.Text, 60)))
		}
		out = append(out, o)
	}
	return out
}

// datesOf maps date expressions.
func datesOf(xs []dates.Expr, rep *Report) []Date {
	out := make([]Date, 0, len(xs))
	for _, x := range xs {
		if x.Resolved == "" {
			rep.Notes = append(rep.Notes, fmt.Sprintf("date not resolved: %q", x.Text))
		}
		out = append(out, Date{Text: x.Text, Resolved: ptr(x.Resolved), Event: ptr(x.Event)})
	}
	return out
}

// figuresOf maps figures.
func figuresOf(fs []figures.Figure) []Figure {
	out := make([]Figure, 0, len(fs))
	for _, f := range fs {
		out = append(out, Figure{Text: f.Text, About: ptr(f.About)})
	}
	return out
}

// ptr returns &s, or nil for "".
func ptr(s string) *string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	return &s
}

// or returns a unless it is empty, else b.
func or(a, b string) string {
	if strings.TrimSpace(a) != "" {
		return strings.TrimSpace(a)
	}
	return b
}

// orPtr returns &a unless a is empty, else b.
func orPtr(a string, b *string) *string {
	if p := ptr(a); p != nil {
		return p
	}
	return b
}

// clip shortens s to about n runes for messages.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
