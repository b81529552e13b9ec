package build

import (
	"strconv"
	"sync"

	"briefgen/internal/content"
	"briefgen/internal/markdown"
	"briefgen/internal/site"
)

// perPage is the number of briefs on one page of the brief list.
const perPage = 20

// Dependency keys: "site" (site.yaml and build options), "brief:<slug>",
// "actor:<slug>", "theme:<slug>", "entry:<slug>", "page:<slug>", and the
// wildcards "brief:*", "actor:*", "theme:*", "entry:*" for "any of these,
// and which exist".
const (
	keySite      = "site"
	keyMembers   = "members" // which briefs, actors, themes, entries and pages exist
	anyBrief     = "brief:*"
	anyActor     = "actor:*"
	anyTheme     = "theme:*"
	anyEntry     = "entry:*"
	prefixBrief  = "brief:"
	prefixActor  = "actor:"
	prefixTheme  = "theme:"
	prefixEntry  = "entry:"
	prefixPage   = "page:"
	prefixTmpl   = "tmpl:"
	prefixAssets = "asset:*"
)

// pages lists every page of s, with what each depends on.
func (g *graph) pages() []*Page {
	s, has := g.s, g.has
	var out []*Page
	add := func(p *Page) *Page {
		if p.File == "" {
			p.File = p.URL + "index.html"
		}
		p.Deps = append(p.Deps, keySite)
		if p.view == nil && p.generate == nil {
			p.view = &View{}
		}
		out = append(out, p)
		return p
	}
	add(&Page{Kind: "home", URL: "", Template: "home.html", Title: s.Config.Title, Description: s.Config.Description,
		Deps: []string{anyBrief, anyActor, anyTheme, anyEntry}})

	total := max(1, (len(s.Briefs)+perPage-1)/perPage)
	for n := 1; n <= total; n++ {
		lo, hi := (n-1)*perPage, min(n*perPage, len(s.Briefs))
		p := add(&Page{Kind: "briefs", URL: listURL(n), Template: "briefs.html", Title: "Briefs",
			Description: "Every brief of " + s.Config.Title + ", newest first."})
		p.view = &View{Briefs: s.Briefs[lo:hi], Pager: pager(n, total)}
		for _, b := range p.view.Briefs {
			p.Deps = append(p.Deps, cardDeps(b)...)
		}
		p.Deps = append(p.Deps, "briefs:"+strconv.Itoa(len(s.Briefs)))
	}
	for i, b := range s.Briefs {
		p := add(&Page{Kind: "brief", URL: b.Path, Template: "brief.html", Title: b.Title, Description: b.Summary,
			Deps: g.briefDeps(b)})
		p.view = &View{Brief: b}
		if i > 0 {
			p.Deps = append(p.Deps, prefixBrief+s.Briefs[i-1].Slug)
		}
		if i+1 < len(s.Briefs) {
			p.Deps = append(p.Deps, prefixBrief+s.Briefs[i+1].Slug)
		}
	}
	add(&Page{Kind: "actors", URL: "actors/", Template: "actors.html", Title: "Actors",
		Description: "The people, organisations and countries in " + s.Config.Title + ".", Deps: []string{anyActor, anyBrief}})
	for _, a := range s.Actors {
		p := add(&Page{Kind: "actor", URL: a.Path, Template: "actor.html", Title: a.Name, Description: actorDescription(a),
			Deps: actorDeps(a)})
		p.view = &View{Actor: a}
	}
	add(&Page{Kind: "themes", URL: "themes/", Template: "themes.html", Title: "Themes",
		Description: "The themes of " + s.Config.Title + ".", Deps: []string{anyTheme, anyBrief, anyEntry}})
	for _, t := range s.Themes {
		p := add(&Page{Kind: "theme", URL: t.Path, Template: "theme.html", Title: t.Name, Description: t.Lead,
			Deps: []string{prefixTheme + t.Slug}})
		for _, b := range t.Briefs {
			p.Deps = append(p.Deps, cardDeps(b)...)
		}
		for _, e := range t.Entries {
			p.Deps = append(p.Deps, prefixEntry+e.Slug)
		}
		p.view = &View{Theme: t}
	}
	add(&Page{Kind: "timeline", URL: "timeline/", Template: "timeline.html", Title: "Timeline",
		Description: "What happened when in " + s.Config.Title + ".", Deps: []string{anyEntry, anyActor, anyBrief}})
	for i, e := range s.Timeline {
		p := add(&Page{Kind: "entry", URL: e.Path, Template: "entry.html", Title: e.Title, Description: e.Lead,
			Deps: entryDeps(e)})
		if i > 0 {
			p.Deps = append(p.Deps, prefixEntry+s.Timeline[i-1].Slug)
		}
		if i+1 < len(s.Timeline) {
			p.Deps = append(p.Deps, prefixEntry+s.Timeline[i+1].Slug)
		}
		p.view = &View{Entry: e}
	}
	for _, pg := range s.Content.Pages {
		tmpl := pg.Slug + ".html"
		if !has(tmpl) {
			tmpl = "page.html"
		}
		add(&Page{Kind: "page", URL: pg.Slug + "/", Template: tmpl, Title: pg.Title, Description: pg.Description,
			Deps: []string{prefixPage + pg.Slug, anyActor, anyTheme, anyEntry, anyBrief}, markdown: pg.Body})
	}
	add(&Page{Kind: "search", URL: "search/", Template: "search.html", Title: "Search",
		Description: "Search the briefs, actors, themes and timeline of " + s.Config.Title + "."})
	add(&Page{Kind: "404", URL: "404.html", File: "404.html", Template: "404.html", Title: "Page not found"})
	for _, p := range out {
		if p.view != nil {
			p.view.Site, p.view.Page = s, p
		}
	}
	return out
}

func listURL(n int) string {
	if n == 1 {
		return "briefs/"
	}
	return "briefs/page/" + strconv.Itoa(n) + "/"
}

func pager(n, total int) *Pager {
	p := &Pager{Number: n, Total: total}
	if n > 1 {
		p.Prev = listURL(n - 1)
	}
	if n < total {
		p.Next = listURL(n + 1)
	}
	for i := 1; i <= total; i++ {
		p.Pages = append(p.Pages, PagerLink{Number: i, URL: listURL(i), Current: i == n})
	}
	return p
}

// graph lists the pages of one site model and what each depends on.
type graph struct {
	s      *site.Site
	has    func(template string) bool // whether a page template exists
	memo   sync.Mutex
	briefs map[*site.Brief][]string // briefDeps, made once per brief
}

func newGraph(s *site.Site, has func(string) bool) *graph {
	return &graph{s: s, has: has, briefs: map[*site.Brief][]string{}}
}

// briefDeps is what a brief's page and its feed entries show.
func (g *graph) briefDeps(b *site.Brief) []string {
	g.memo.Lock()
	defer g.memo.Unlock()
	if deps, ok := g.briefs[b]; ok {
		return deps
	}
	deps := briefDeps(g.s, b)
	g.briefs[b] = deps
	return deps
}

func briefDeps(s *site.Site, b *site.Brief) []string {
	deps := []string{prefixBrief + b.Slug}
	for _, r := range b.Actors {
		deps = append(deps, prefixActor+r.Actor.Slug)
	}
	for _, q := range b.Quotes {
		if q.Speaker != nil {
			deps = append(deps, prefixActor+q.Speaker.Slug)
		}
	}
	for _, t := range b.Themes {
		deps = append(deps, prefixTheme+t.Slug)
	}
	for _, e := range b.Entries {
		deps = append(deps, prefixEntry+e.Slug)
	}
	return append(deps, annotationDeps(s, b, b.Annotations)...)
}

// annotationDeps names what the [[…]] annotations of a body link to.
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
			deps = append(deps, prefixActor+x.Slug)
		case "theme":
			deps = append(deps, prefixTheme+s.Content.Theme(a.Target).Slug)
		case "timeline":
			deps = append(deps, prefixEntry+a.Target)
		case "brief":
			deps = append(deps, prefixBrief+a.Target)
		}
	}
	return deps
}

// cardDeps is what a brief shows where it is listed: its own fields and the
// names of its themes.
func cardDeps(b *site.Brief) []string {
	deps := []string{prefixBrief + b.Slug}
	for _, t := range b.Themes {
		deps = append(deps, prefixTheme+t.Slug)
	}
	return deps
}

func actorDeps(a *site.Actor) []string {
	deps := []string{prefixActor + a.Slug}
	for _, b := range a.Briefs {
		deps = append(deps, prefixBrief+b.Slug)
	}
	for _, q := range a.Quotes {
		deps = append(deps, prefixBrief+q.Brief.Slug)
	}
	for _, e := range a.Entries {
		deps = append(deps, prefixEntry+e.Slug)
	}
	for _, r := range a.Related {
		deps = append(deps, prefixActor+r.Actor.Slug)
	}
	for _, t := range a.Themes {
		deps = append(deps, prefixTheme+t.Slug)
	}
	return deps
}

func entryDeps(e *site.Entry) []string {
	deps := []string{prefixEntry + e.Slug}
	for _, b := range e.Briefs {
		deps = append(deps, cardDeps(b)...)
	}
	for _, a := range e.Actors {
		deps = append(deps, prefixActor+a.Slug)
	}
	for _, t := range e.Themes {
		deps = append(deps, prefixTheme+t.Slug)
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
