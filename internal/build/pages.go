package build

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"briefgen/internal/content"
	"briefgen/internal/markdown"
	"briefgen/internal/site"
)

// perPage is the number of briefs on one page of the brief list.
const perPage = 20

// Dependency keys: a content file's path ("content/briefs/x.md"), the
// wildcards "brief:*", "actor:*", "theme:*", "entry:*" and "page:*" for
// "any of these files", "site" (site.yaml and build options), and keys
// derived from the whole site for pages that show only a summary of it. A
// key without a sum, such as a count, stands for itself.
const (
	keySite       = "site"
	keyMembers    = "members"     // which briefs, actors, themes, entries and pages the site has
	keyPageTitles = "page-titles" // the standalone pages' slugs and titles, in every page's navigation
	keyLatest     = "latest"      // the newest brief's slug and date
	keyBriefDates = "brief-dates" // every brief's slug and date
	anyBrief      = "brief:*"
	anyActor      = "actor:*"
	anyTheme      = "theme:*"
	anyEntry      = "entry:*"
	anyPage       = "page:*"
	prefixTmpl    = "tmpl:"
	prefixAssets  = "asset:*"
)

// pages lists every page of s, with what each depends on: the HTML pages,
// then the generated files. The two halves of the HTML pages and the
// generated files are listed at once, on three goroutines.
func (g *graph) pages() (html, generated []*Page) {
	var briefs, rest []*Page
	var wg sync.WaitGroup
	wg.Go(func() { briefs = g.briefPages() })
	wg.Go(func() { generated = g.generated(&html) })
	rest = g.otherPages()
	wg.Wait()
	html = append(briefs, rest...)
	for _, p := range html {
		p.view.Site, p.view.Page = g.s, p
	}
	return html, generated
}

// addPage appends p to out, completing what every HTML page has.
func addPage(out *[]*Page, p *Page) *Page {
	if p.File == "" {
		p.File = p.URL + "index.html"
	}
	p.Deps = append(p.Deps, keySite)
	if p.view == nil {
		p.view = &View{}
	}
	*out = append(*out, p)
	return p
}

// briefPages lists the home page, the brief lists and the brief pages.
func (g *graph) briefPages() []*Page {
	s := g.s
	out := make([]*Page, 0, len(s.Briefs)+len(s.Briefs)/perPage+2)
	add := func(p *Page) *Page { return addPage(&out, p) }
	add(&Page{Kind: "home", URL: "", Template: "home.html", Title: s.Config.Title, Description: s.Config.Description,
		Deps: []string{anyBrief, anyActor, anyTheme, anyEntry}})

	total := max(1, (len(s.Briefs)+perPage-1)/perPage)
	every := "Every brief of " + s.Config.Title + ", newest first."
	urls := make([]string, total)
	for i := range urls {
		urls[i] = listURL(i + 1)
	}
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*perPage, min(n*perPage, len(s.Briefs))
		p := add(&Page{Kind: "briefs", URL: urls[n-1], Template: "briefs.html", Title: "Briefs",
			Description: every})
		p.view = &View{Briefs: s.Briefs[lo:hi], Pager: pager(n, urls)}
		for _, b := range p.view.Briefs {
			p.sums = append(p.sums, g.briefs[b].card)
		}
		p.Deps = append(p.Deps, "briefs:"+strconv.Itoa(len(s.Briefs)))
	}
	for i, b := range s.Briefs {
		p := add(&Page{Kind: "brief", URL: b.Path, Template: "brief.html", Title: b.Title, Description: b.Summary,
			Deps: make([]string, 0, 3), sums: []sum{g.briefs[b].page}}) // neighbours and keySite
		p.view = &View{Brief: b}
		if i > 0 {
			p.Deps = append(p.Deps, s.Briefs[i-1].File)
		}
		if i+1 < len(s.Briefs) {
			p.Deps = append(p.Deps, s.Briefs[i+1].File)
		}
	}
	return out
}

// otherPages lists the pages of actors, themes, the timeline and the
// standalone pages, and the search and 404 pages.
func (g *graph) otherPages() []*Page {
	s, has := g.s, g.has
	out := make([]*Page, 0, len(s.Actors)+len(s.Themes)+len(s.Timeline)+len(s.Content.Pages)+5)
	add := func(p *Page) *Page { return addPage(&out, p) }
	add(&Page{Kind: "actors", URL: "actors/", Template: "actors.html", Title: "Actors",
		Description: "The people, organisations and countries in " + s.Config.Title + ".", Deps: []string{anyActor, anyBrief}})
	for _, a := range s.Actors {
		k, ok := g.memo.prevActors[a]
		if !ok || !slices.Equal(k.briefs, a.Briefs) {
			k = actorKeys{a.Briefs, slices.Clip(actorDeps(a))}
		}
		g.memo.nextActors[a] = k
		p := add(&Page{Kind: "actor", URL: a.Path, Template: "actor.html", Title: a.Name, Description: actorDescription(a),
			Deps: k.deps})
		p.view = &View{Actor: a}
	}
	add(&Page{Kind: "themes", URL: "themes/", Template: "themes.html", Title: "Themes",
		Description: "The themes of " + s.Config.Title + ".", Deps: []string{anyTheme, anyBrief, anyEntry}})
	for _, t := range s.Themes {
		p := add(&Page{Kind: "theme", URL: t.Path, Template: "theme.html", Title: t.Name, Description: t.Lead,
			Deps: []string{t.File}})
		for _, b := range t.Briefs {
			p.sums = append(p.sums, g.briefs[b].card)
		}
		for _, e := range t.Entries {
			p.Deps = append(p.Deps, e.File)
		}
		p.view = &View{Theme: t}
	}
	// The timeline shows the entries, their actors, how many briefs report
	// each (which the membership key covers) and the newest brief's date.
	add(&Page{Kind: "timeline", URL: "timeline/", Template: "timeline.html", Title: "Timeline",
		Description: "What happened when in " + s.Config.Title + ".", Deps: []string{anyEntry, anyActor, keyLatest}})
	for i, e := range s.Timeline {
		p := add(&Page{Kind: "entry", URL: e.Path, Template: "entry.html", Title: e.Title, Description: e.Lead,
			Deps: entryDeps(e)})
		for _, b := range e.Briefs {
			p.sums = append(p.sums, g.briefs[b].card)
		}
		if i > 0 {
			p.Deps = append(p.Deps, s.Timeline[i-1].File)
		}
		if i+1 < len(s.Timeline) {
			p.Deps = append(p.Deps, s.Timeline[i+1].File)
		}
		p.view = &View{Entry: e}
	}
	for _, pg := range s.Content.Pages {
		tmpl := pg.Slug + ".html"
		if !has(tmpl) {
			tmpl = "page.html"
		}
		add(&Page{Kind: "page", URL: pg.Slug + "/", Template: tmpl, Title: pg.Title, Description: pg.Description,
			Deps: []string{pg.File, anyActor, anyTheme, anyEntry, anyBrief}, markdown: pg.Body})
	}
	add(&Page{Kind: "search", URL: "search/", Template: "search.html", Title: "Search",
		Description: "Search the briefs, actors, themes and timeline of " + s.Config.Title + "."})
	add(&Page{Kind: "404", URL: "404.html", File: "404.html", Template: "404.html", Title: "Page not found"})
	return out
}

func listURL(n int) string {
	if n == 1 {
		return "briefs/"
	}
	return "briefs/page/" + strconv.Itoa(n) + "/"
}

// pager links page n of the list whose pages have the URLs urls.
func pager(n int, urls []string) *Pager {
	total := len(urls)
	p := &Pager{Number: n, Total: total, Pages: make([]PagerLink, total)}
	if n > 1 {
		p.Prev = urls[n-2]
	}
	if n < total {
		p.Next = urls[n]
	}
	for i, u := range urls {
		p.Pages[i] = PagerLink{Number: i + 1, URL: u, Current: i+1 == n}
	}
	return p
}

// graph lists the pages of one site model and what each depends on.
type graph struct {
	s   *site.Site
	has func(template string) bool // whether a page template exists
	// relative: the site is built for file://, which needs a script index
	relative bool
	briefs   map[*site.Brief]*briefKeys
	memo     *depMemo
}

// briefKeys is what a brief's page, feed entries and cards depend on: the
// keys, and the sums of what the page and a card show. Pages listing many
// briefs add the sums, rather than every brief's keys.
type briefKeys struct {
	deps       []string // shared: append to a copy
	page, card sum
	// linksBriefs says that deps name other briefs, whose files can change
	// while the world stays the same (see depMemo).
	linksBriefs bool
}

// depMemo keeps each brief's keys, and each actor page's dependencies, from
// one build to the next. A brief's keys follow from the brief's own file and
// from which actors, themes, entries and briefs there are, what they are
// called and what their files hold, which world sums up: while it stays the
// same, a brief whose file did not change has the same dependencies and
// sums, but for a page naming other briefs.
type depMemo struct {
	world      sum
	prev, next map[*content.Brief]*briefKeys
	// An actor's dependencies follow from the world and its briefs.
	prevActors, nextActors map[*site.Actor]actorKeys
}

// actorKeys are an actor page's dependencies and the briefs they follow
// from.
type actorKeys struct {
	briefs []*site.Brief
	deps   []string // shared, and clipped so that appending copies it
}

// start readies the memo for a build of a site whose world is world.
func (m *depMemo) start(world sum) {
	if world != m.world || m.next == nil {
		m.world, m.next, m.nextActors = world, map[*content.Brief]*briefKeys{}, map[*site.Actor]actorKeys{}
	}
	m.prev, m.next = m.next, make(map[*content.Brief]*briefKeys, len(m.next))
	m.prevActors, m.nextActors = m.nextActors, make(map[*site.Actor]actorKeys, len(m.nextActors))
}

// world sums up what a brief's dependencies can depend on besides its own
// file and other briefs' (see depMemo).
func world(dig map[string]sum) sum {
	var w sum
	for _, k := range [...]string{anyActor, anyTheme, anyEntry, keyMembers} {
		w.add(sumOfStrings(k))
		w.add(dig[k])
	}
	return w
}

// newGraph readies the listing of the pages of s, whose keys have the sums
// dig, working out each brief's keys and sums first: from memo where the
// brief did not change, the rest on two goroutines when there are many.
func newGraph(s *site.Site, has func(string) bool, memo *depMemo, dig map[string]sum, relative bool) *graph {
	g := &graph{s: s, has: has, relative: relative, briefs: make(map[*site.Brief]*briefKeys, len(s.Briefs)), memo: memo}
	var todo []int // briefs whose sums are to be worked out
	for i, b := range s.Briefs {
		k, ok := memo.prev[b.Brief]
		if !ok {
			k = &briefKeys{}
			k.deps, k.linksBriefs = briefDeps(s, b)
			k.deps = slices.Clip(k.deps)
		}
		if !ok || k.linksBriefs {
			todo = append(todo, i)
		}
		memo.next[b.Brief] = k
		g.briefs[b] = k
	}
	sums := func(todo []int) {
		var buf []byte
		for _, i := range todo {
			b := s.Briefs[i]
			k := g.briefs[b]
			buf = appendDeps(buf[:0], dig, k.deps)
			k.page = sumOf(buf)
			buf = appendKey(buf[:0], dig, b.File)
			for _, t := range b.Themes {
				buf = appendKey(buf, dig, t.File)
			}
			k.card = sumOf(buf)
		}
	}
	if len(todo) < 64 {
		sums(todo)
		return g
	}
	half := len(todo) / 2
	var wg sync.WaitGroup
	wg.Go(func() { sums(todo[:half]) })
	sums(todo[half:])
	wg.Wait()
	return g
}

// briefDeps is what a brief's page and its feed entries show, and whether
// that includes other briefs.
func briefDeps(s *site.Site, b *site.Brief) ([]string, bool) {
	deps := []string{b.File}
	for _, r := range b.Actors {
		deps = append(deps, r.Actor.File)
	}
	for _, q := range b.Quotes {
		if q.Speaker != nil {
			deps = append(deps, q.Speaker.File)
		}
	}
	for _, t := range b.Themes {
		deps = append(deps, t.File)
	}
	for _, e := range b.Entries {
		deps = append(deps, e.File)
	}
	links := annotationDeps(s, b, b.Annotations)
	return append(deps, links...), slices.ContainsFunc(links, func(f string) bool { return strings.HasPrefix(f, content.BriefsDir+"/") })
}

// annotationDeps names the files of what the [[…]] annotations of a body
// link to.
func annotationDeps(s *site.Site, b *site.Brief, anns []markdown.Annotation) []string {
	var deps []string
	for _, a := range anns {
		if _, ok := s.Resolve(b, a.Kind, a.Target); !ok {
			continue
		}
		switch a.Kind {
		case "actor":
			var x *content.Actor
			if b != nil {
				x = s.Content.MentionedActor(b.Brief, a.Target)
			} else {
				x = s.Content.Actor(a.Target)
			}
			deps = append(deps, x.File)
		case "theme":
			deps = append(deps, s.Content.Theme(a.Target).File)
		case "timeline":
			deps = append(deps, s.Entry(a.Target).File)
		case "brief":
			deps = append(deps, s.Brief(a.Target).File)
		}
	}
	return deps
}

func actorDeps(a *site.Actor) []string {
	deps := make([]string, 0, 1+len(a.Briefs)+len(a.Quotes)+len(a.Entries)+len(a.Related)+len(a.Themes))
	deps = append(deps, a.File)
	for _, b := range a.Briefs {
		deps = append(deps, b.File)
	}
	for _, q := range a.Quotes {
		deps = append(deps, q.Brief.File)
	}
	for _, e := range a.Entries {
		deps = append(deps, e.File)
	}
	for _, r := range a.Related {
		deps = append(deps, r.Actor.File)
	}
	for _, t := range a.Themes {
		deps = append(deps, t.File)
	}
	return deps
}

// entryDeps is what an entry's page shows besides its briefs' cards.
func entryDeps(e *site.Entry) []string {
	deps := []string{e.File}
	for _, a := range e.Actors {
		deps = append(deps, a.File)
	}
	for _, t := range e.Themes {
		deps = append(deps, t.File)
	}
	return deps
}

func actorDescription(a *site.Actor) string {
	if d := a.Lead; d != "" {
		return d
	}
	if a.Role != "" {
		return a.Name + ", " + a.Role + "."
	}
	return a.Name + "."
}
