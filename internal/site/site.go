// Package site turns loaded content into the model that pages are rendered
// from: every brief, actor, theme and timeline entry with its URL and its
// links to the others (who is named where, who said what, which passages
// carry a theme, which briefs report an event).
package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"sync"

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

	// The actors grouped by kind, each group by name, so that a page
	// listing them by kind does not test every actor's kind per group.
	People, Organisations, Countries, OtherActors []*Actor

	// Past and Ahead split the timeline at the newest brief's date: Past
	// holds the entries up to it, Ahead those after it. With no briefs,
	// every entry is in Past.
	Past, Ahead []*Entry

	keyActors []*Actor // the actors named in briefs, most named first

	Content *content.Content

	briefs  map[string]*Brief
	actors  map[string]*Actor
	themes  map[string]*Theme
	entries map[string]*Entry
	ofActor map[*content.Actor]*Actor // nil maps to nil
	ofTheme map[*content.Theme]*Theme
}

// Brief is a brief with its links resolved.
type Brief struct {
	*content.Brief
	// Copies of the content fields that templates read most. text/template
	// looks a field up by name on every use and finds one promoted from an
	// embedded struct only by a breadth-first search that allocates, but a
	// field of the struct itself at once; pages read these thousands of
	// times. New copies them; the rest stay promoted.
	Slug, Title, Summary, Outlet, Byline, Dateline, Published string
	Date                                                      content.Date

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
	// Copies of the content fields that templates read most (see
	// Brief).
	Slug, Name, Role, Lead string
	Kind                   content.Kind
	Stub                   bool

	Path   string
	Briefs []*Brief
	// Appearances are Briefs, each with the roles it gives the actor.
	Appearances []*Appearance
	Quotes      []*Quote
	Entries     []*Entry
	Related     []*Related // actors most often named with this one
	Themes      []*Theme   // themes of the briefs naming the actor

	// BriefsLabel and QuotesLabel count the briefs and quotes, as in
	// "1 brief" and "3 quotes", for the cards that list many actors.
	BriefsLabel, QuotesLabel string

	n    int     // the actor's place in the content's order, for counting by actor
	last summary // what the last model worked out for the actor, while it is used again
}

// summary is what summarize works out for an actor from its briefs.
type summary struct {
	briefs      []*Brief
	related     []*Related
	themes      []*Theme
	appearances []*Appearance
}

// Appearance is a brief naming an actor, with the roles it describes
// them by where these differ from the actor's own role.
type Appearance struct {
	Brief *Brief
	Roles []string
}

// Related is an actor named in the same briefs as another, with how often.
type Related struct {
	Actor *Actor
	Count int
}

// Theme is a theme with the briefs and passages that carry it.
type Theme struct {
	*content.Theme
	Slug, Name, Lead string // copies (see Brief)

	Path     string
	Briefs   []*Brief
	Passages []*Passage
	Entries  []*Entry

	n int // the theme's place in the content's order, for counting by theme
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
	// Copies of the content fields that templates read most (see
	// Brief).
	Slug, Title, Lead string
	Date              content.Date

	Path   string
	Briefs []*Brief
	Actors []*Actor
	Themes []*Theme
	// BriefsLabel counts the briefs reporting the entry, as in "2 briefs".
	BriefsLabel string
	// Prev and Next are the neighbouring timeline entries, nil at the ends.
	Prev, Next *Entry
}

// Day is the timeline entries that start on one date.
type Day struct {
	Date    content.Date
	ID      string // anchor on the timeline page, e.g. "d2025-05-15"
	Entries []*Entry
	// Ahead reports a date after the newest brief's; Now marks the first
	// such day, where the timeline page shows the newest brief's date.
	Ahead, Now bool
}

// relatedLimit caps the list of related actors on an actor page.
const relatedLimit = 8

// New builds the model of c. It never fails: content.Load has already
// checked every reference.
func New(c *content.Content) *Site {
	var k Cache
	return k.New(c)
}

// Cache keeps, from one build of a site's model to the next, what New
// computes from a single file: which paragraphs of a brief carry a theme's
// keywords, and the items themselves with the links a brief resolves. It is
// keyed by the content values, which a content.Loader keeps for files that
// did not change, so an edit costs little more than the edited files. A
// model from a Cache is valid until the Cache's next New, which reuses its
// items. The zero Cache is ready to use; it is not safe for concurrent use.
type Cache struct {
	passages map[passageKey][]int
	folded   map[string]string // names.Fold of the names sorted last time

	// The last model's actors, themes and briefs. While the actors and
	// themes are the same content values, their items are used again,
	// and so are the items of unchanged briefs with the links they
	// resolved; everything a brief, actor or theme gets from the others is
	// worked out anew.
	actors []*Actor
	themes []*Theme
	briefs map[*content.Brief]*Brief

	actorsByName []*Actor // the actors sorted by name
	themesByName []*Theme
}

// reusable reports whether the items of the last model can serve c: it has
// the same actors and themes.
func (k *Cache) reusable(c *content.Content) bool {
	if len(k.actors) != len(c.Actors) || len(k.themes) != len(c.Themes) {
		return false
	}
	for i, a := range c.Actors {
		if k.actors[i].Actor != a {
			return false
		}
	}
	for i, t := range c.Themes {
		if k.themes[i].Theme != t {
			return false
		}
	}
	return true
}

// passageKey names the keyword matches of one brief for one set of
// keywords.
type passageKey struct {
	brief    *content.Brief
	keywords string // the folded keywords, each ended by a zero byte
}

// New is New(c), reusing what the previous call computed for the files
// that did not change.
func (k *Cache) New(c *content.Content) *Site {
	s := &Site{Config: c.Site, Content: c,
		briefs: make(map[string]*Brief, len(c.Briefs)), actors: make(map[string]*Actor, len(c.Actors)),
		themes: make(map[string]*Theme, len(c.Themes)), entries: make(map[string]*Entry, len(c.Timeline)),
		ofActor: make(map[*content.Actor]*Actor, len(c.Actors)), ofTheme: make(map[*content.Theme]*Theme, len(c.Themes))}
	reuse := k.reusable(c)
	for i, a := range c.Actors {
		var x *Actor
		if reuse {
			x = k.actors[i]
			*x = Actor{Actor: a, Slug: x.Slug, Name: x.Name, Role: x.Role, Lead: x.Lead, Kind: x.Kind, Stub: x.Stub, Path: x.Path, n: i,
				last: summary{x.Briefs, x.Related, x.Themes, x.Appearances}}
		} else {
			x = &Actor{Actor: a, Slug: a.Slug, Name: a.Name, Role: a.Role, Lead: a.Lead, Kind: a.Kind, Stub: a.Stub,
				Path: "actors/" + a.Slug + "/", n: i}
		}
		s.Actors = append(s.Actors, x)
		s.actors[a.Slug] = x
		s.ofActor[a] = x
	}
	for i, t := range c.Themes {
		var x *Theme
		if reuse {
			x = k.themes[i]
			*x = Theme{Theme: t, Slug: x.Slug, Name: x.Name, Lead: x.Lead, Path: x.Path, n: i}
		} else {
			x = &Theme{Theme: t, Slug: t.Slug, Name: t.Name, Lead: t.Lead, Path: "themes/" + t.Slug + "/", n: i}
		}
		s.Themes = append(s.Themes, x)
		s.themes[t.Slug] = x
		s.ofTheme[t] = x
	}
	k.actors, k.themes = slices.Clone(s.Actors), slices.Clone(s.Themes)
	for _, e := range c.Timeline {
		x := &Entry{Entry: e, Slug: e.Slug, Title: e.Title, Lead: e.Lead, Date: e.Date, Path: "timeline/" + e.Slug + "/"}
		s.Timeline = append(s.Timeline, x)
		s.entries[e.Slug] = x
	}
	briefs := make(map[*content.Brief]*Brief, len(c.Briefs))
	var fresh []*Brief // briefs whose links are to be resolved
	for _, b := range c.Briefs {
		x := k.briefs[b]
		if reuse && x != nil {
			x.Entries, x.Newer, x.Older = nil, nil, nil
		} else {
			x = &Brief{Brief: b, Slug: b.Slug, Title: b.Title, Summary: b.Summary, Outlet: b.Outlet, Byline: b.Byline,
				Dateline: b.Dateline, Published: b.Published, Date: b.Date, Path: "briefs/" + b.Slug + "/"}
			fresh = append(fresh, x)
		}
		s.Briefs = append(s.Briefs, x)
		s.briefs[b.Slug] = x
		briefs[b] = x
	}
	k.briefs = briefs
	for i, b := range s.Briefs {
		if i > 0 {
			b.Newer, s.Briefs[i-1].Older = s.Briefs[i-1], b
		}
	}
	s.linkBriefs(fresh)
	for i, e := range s.Timeline {
		s.linkEntry(e)
		if i > 0 {
			e.Prev, s.Timeline[i-1].Next = s.Timeline[i-1], e
		}
	}
	// Passages and the actors' summaries are independent, and each actor's
	// summary is its own: find the passages and summarize the two halves of
	// the actors at once.
	var wg sync.WaitGroup
	wg.Go(func() { k.passages = s.findPassages(k.passages) })
	half := len(s.Actors) / 2
	wg.Go(func() { summarize(s.Actors[:half], len(s.Actors), len(s.Themes)) })
	summarize(s.Actors[half:], len(s.Actors), len(s.Themes))
	for _, e := range s.Timeline {
		e.BriefsLabel = Plural(len(e.Briefs), "brief", "briefs")
	}
	wg.Wait()
	s.splitTimeline()
	if reuse {
		// The same actors and themes have the same order.
		copy(s.Actors, k.actorsByName)
		copy(s.Themes, k.themesByName)
	} else {
		folded := make(map[string]string, len(s.Actors)+len(s.Themes))
		fold := func(name string) string {
			f, ok := k.folded[name]
			if !ok {
				f = names.Fold(name)
			}
			folded[name] = f
			return f
		}
		sortByName(s.Actors, func(a *Actor) string { return fold(a.Name) })
		sortByName(s.Themes, func(t *Theme) string { return fold(t.Name) })
		k.folded = folded
		k.actorsByName, k.themesByName = slices.Clone(s.Actors), slices.Clone(s.Themes)
	}
	s.groupActors()
	s.keyActors = keyActors(s.Actors)
	return s
}

// summarize sets what the actors' pages and cards show about them
// besides their own fields: related actors, themes and counts. The site
// has nActors actors and nThemes themes. An actor named by the same briefs
// as in the last model, which are then unchanged, keeps what that model
// worked out.
func summarize(actors []*Actor, nActors, nThemes int) {
	byActor, byTheme := make([]int, nActors), make([]int, nThemes)
	for _, a := range actors {
		if l := a.last; l.briefs != nil && slices.Equal(a.Briefs, l.briefs) {
			a.Related, a.Themes, a.Appearances = l.related, l.themes, l.appearances
		} else {
			a.Related = related(a, byActor)
			a.Themes = actorThemes(a, byTheme)
			a.Appearances = appearances(a)
		}
		a.last = summary{}
		a.BriefsLabel = Plural(len(a.Briefs), "brief", "briefs")
		a.QuotesLabel = Plural(len(a.Quotes), "quote", "quotes")
	}
}

// appearances lists the briefs naming a, each with the roles it gives a
// other than a's own.
func appearances(a *Actor) []*Appearance {
	out := make([]*Appearance, len(a.Briefs))
	for i, b := range a.Briefs {
		x := &Appearance{Brief: b}
		for _, r := range b.Actors {
			if r.Actor == a && r.Role != "" && r.Role != a.Role {
				x.Roles = append(x.Roles, r.Role)
			}
		}
		out[i] = x
	}
	return out
}

// Plural returns n with the noun for its number: "1 brief", "2 briefs".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// groupActors lists the actors, already sorted by name, by kind.
func (s *Site) groupActors() {
	for _, a := range s.Actors {
		switch a.Kind {
		case content.Person:
			s.People = append(s.People, a)
		case content.Organisation:
			s.Organisations = append(s.Organisations, a)
		case content.Country:
			s.Countries = append(s.Countries, a)
		default:
			s.OtherActors = append(s.OtherActors, a)
		}
	}
}

// splitTimeline groups the timeline by date and splits it at the newest
// brief's date, which pages show as "now": entries and days after it are
// ahead.
func (s *Site) splitTimeline() {
	s.Days = days(s.Timeline)
	cut := len(s.Timeline)
	if len(s.Briefs) > 0 {
		latest := s.Briefs[0].Date
		if i := slices.IndexFunc(s.Timeline, func(e *Entry) bool { return e.Date.Compare(latest) > 0 }); i >= 0 {
			cut = i
		}
		now := false
		for _, d := range s.Days {
			d.Ahead = d.Date.Compare(latest) > 0
			d.Now = d.Ahead && !now
			now = now || d.Ahead
		}
	}
	s.Past, s.Ahead = s.Timeline[:cut:cut], s.Timeline[cut:]
}

// sortByName sorts xs by their keys, their folded names, keeping the order
// of equal keys; each key is asked for once.
func sortByName[T any](xs []T, key func(T) string) {
	type keyed struct {
		key string
		x   T
	}
	ks := make([]keyed, len(xs))
	for i, x := range xs {
		ks[i] = keyed{key(x), x}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
	for i, kx := range ks {
		xs[i] = kx.x
	}
}

// linkBriefs resolves the actors, themes and quote speakers of the fresh
// briefs, those of the others being as the last model resolved them, and
// lists every brief with them. Resolving only reads the content, so it is
// done on two goroutines; the lists are then made in brief order.
func (s *Site) linkBriefs(fresh []*Brief) {
	half := len(fresh) / 2
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, b := range fresh[:half] {
			s.resolveBrief(b)
		}
	})
	for _, b := range fresh[half:] {
		s.resolveBrief(b)
	}
	wg.Wait()
	for _, b := range s.Briefs {
		for _, r := range b.Actors {
			r.Actor.Briefs = append(r.Actor.Briefs, b)
		}
		for _, t := range b.Themes {
			t.Briefs = append(t.Briefs, b)
		}
		for _, q := range b.Quotes {
			if q.Speaker != nil {
				q.Speaker.Quotes = append(q.Speaker.Quotes, q)
			}
		}
	}
}

// resolveBrief sets b's actors, themes and quotes from its front matter.
func (s *Site) resolveBrief(b *Brief) {
	actors, themes, speakers := b.Brief.Resolved()
	b.Actors = make([]*Role, len(actors))
	for i, m := range b.Brief.Actors {
		a := s.ofActor[actors[i]]
		b.Actors[i] = &Role{Actor: a, Role: cmp.Or(m.Role, a.Role), Mentions: m.Mentions}
	}
	b.Themes = make([]*Theme, len(themes))
	for i, t := range themes {
		b.Themes[i] = s.ofTheme[t]
	}
	b.Quotes = make([]*Quote, len(speakers))
	for i, q := range b.Brief.Quotes {
		b.Quotes[i] = &Quote{Text: q.Text, Brief: b, Speaker: s.ofActor[speakers[i]]}
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
// which one of its keywords occurs. Matches are looked up in, and returned
// as, a map from brief and keywords to paragraph indexes, so that only
// briefs or themes that changed since the map was made are searched.
func (s *Site) findPassages(prev map[passageKey][]int) map[passageKey][]int {
	next := make(map[passageKey][]int, len(prev))
	for _, t := range s.Themes {
		keys := foldAll(t.Keywords)
		if len(keys) == 0 {
			continue
		}
		joined := strings.Join(keys, "\x00") + "\x00"
		for _, b := range t.Briefs {
			pk := passageKey{b.Brief, joined}
			found, ok := next[pk]
			if !ok {
				if found, ok = prev[pk]; !ok {
					found = matchingParagraphs(b.Folded, keys)
				}
				next[pk] = found
			}
			for _, i := range found {
				p := b.Paragraphs[i]
				t.Passages = append(t.Passages, &Passage{Brief: b, ID: p.ID, Text: p.Text})
			}
		}
	}
	return next
}

// matchingParagraphs returns the indexes of the folded paragraphs in which
// one of keys occurs.
func matchingParagraphs(folded, keys []string) []int {
	var out []int
	for i, text := range folded {
		if containsAny(text, keys) {
			out = append(out, i)
		}
	}
	return out
}

func foldAll(keywords []string) []string {
	var out []string
	for _, k := range keywords {
		if f := names.Keyword(k); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// containsAny reports whether one of keys occurs in text as whole words.
func containsAny(text string, keys []string) bool {
	for _, k := range keys {
		if names.FindKeyword(text, k) >= 0 {
			return true
		}
	}
	return false
}

// related counts the actors named in the same briefs as a, in counts, a
// zeroed slice with a place per actor, which it leaves zeroed.
func related(a *Actor, counts []int) []*Related {
	var named []*Actor
	for _, b := range a.Briefs {
		for _, r := range b.Actors {
			if x := r.Actor; x != a {
				if counts[x.n] == 0 {
					named = append(named, x)
				}
				counts[x.n]++
			}
		}
	}
	out := make([]*Related, len(named))
	for i, x := range named {
		out[i] = &Related{Actor: x, Count: counts[x.n]}
		counts[x.n] = 0
	}
	slices.SortFunc(out, func(x, y *Related) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), strings.Compare(x.Actor.Slug, y.Actor.Slug))
	})
	if len(out) > relatedLimit {
		out = out[:relatedLimit]
	}
	return out
}

// actorThemes lists the themes of the briefs naming a, most frequent
// first, counting in counts as related does.
func actorThemes(a *Actor, counts []int) []*Theme {
	var out []*Theme
	for _, b := range a.Briefs {
		for _, t := range b.Themes {
			if counts[t.n] == 0 {
				out = append(out, t)
			}
			counts[t.n]++
		}
	}
	slices.SortFunc(out, func(x, y *Theme) int {
		return cmp.Or(cmp.Compare(counts[y.n], counts[x.n]), strings.Compare(x.Slug, y.Slug))
	})
	for _, t := range out {
		counts[t.n] = 0
	}
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
	k := min(max(n, 0), len(s.keyActors))
	return s.keyActors[:k:k]
}

// keyActors lists the actors named in briefs, the most named first and
// otherwise in the order of actors.
func keyActors(actors []*Actor) []*Actor {
	out := slices.DeleteFunc(slices.Clone(actors), func(a *Actor) bool { return len(a.Briefs) == 0 })
	slices.SortStableFunc(out, func(x, y *Actor) int { return cmp.Compare(len(y.Briefs), len(x.Briefs)) })
	return out
}
