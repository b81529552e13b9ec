package build

import (
	"html/template"

	"briefgen/internal/site"
)

// Page is one output file: an HTML page rendered from a template, or a
// generated file (feed, sitemap, search index, calendar).
type Page struct {
	Kind        string // home, brief, briefs, actor, actors, theme, themes, timeline, entry, about, search, 404, or a generated kind
	URL         string // URL path from the site root: "" for home, "briefs/x/", "feed.xml"
	File        string // output path: "briefs/x/index.html"
	Template    string // page template, for HTML pages
	Title       string
	Description string
	Body        template.HTML // for standalone pages: the rendered markdown

	markdown string // the source of Body

	// Deps are the keys of what the page shows (see pages.go), and sums
	// the sums of groups of keys it shows, worked out once for all pages
	// showing them; a page is rendered again only when one of them changes.
	Deps []string
	sums []sum

	generate func(*renderer) ([]byte, error) // for generated files
	minified bool                            // generate minifies its output itself, piece by piece
	view     *View
}

// View is the data a page template receives.
type View struct {
	Site  *site.Site
	Page  *Page
	Brief *site.Brief
	Actor *site.Actor
	Theme *site.Theme
	Entry *site.Entry
	// Briefs and Pager are set on paginated lists.
	Briefs []*site.Brief
	Pager  *Pager
	// Dev is true when the page is rendered for briefgen serve.
	Dev bool
}

// Pager links the pages of a paginated list.
type Pager struct {
	Number, Total int
	Prev, Next    string // URL paths, "" at the ends
	Pages         []PagerLink
}

// PagerLink is one numbered link of a pager.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}
