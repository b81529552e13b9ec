package build

import (
	"bytes"
	"cmp"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"

	"briefgen/internal/content"
	"briefgen/internal/site"
)

// feedLimit is the number of newest briefs in a feed.
const feedLimit = 20

// generated lists the files made without templates: feeds, sitemap, robots,
// search index and calendar. The sitemap lists the HTML pages *html, which
// need only be known by the time it is rendered.
func (g *graph) generated(html *[]*Page) []*Page {
	s := g.s
	var out []*Page
	add := func(kind, file string, deps []string, gen func(*renderer) ([]byte, error)) *Page {
		p := &Page{Kind: kind, URL: file, File: file, Deps: append(deps, keySite), generate: gen}
		out = append(out, p)
		return p
	}
	// A feed shows what its briefs' pages show.
	feed := func(file string, deps []string, briefs []*site.Brief, gen func(*renderer) ([]byte, error)) {
		p := add("feed", file, deps, gen)
		p.minified = true
		p.sums = make([]sum, len(briefs))
		for i, b := range briefs {
			p.sums[i] = g.briefs[b].page
		}
	}
	latest := s.Briefs[:min(feedLimit, len(s.Briefs))]
	feed("feed.xml", nil, latest, func(r *renderer) ([]byte, error) {
		return r.atom(s.Config.Title, "feed.xml", "", latest)
	})
	for _, a := range s.Actors {
		briefs := a.Briefs[:min(feedLimit, len(a.Briefs))]
		feed(a.Path+"feed.xml", []string{a.File}, briefs, func(r *renderer) ([]byte, error) {
			return r.atom(a.Name+" — "+s.Config.Title, a.Path+"feed.xml", a.Path, briefs)
		})
	}
	for _, t := range s.Themes {
		briefs := t.Briefs[:min(feedLimit, len(t.Briefs))]
		feed(t.Path+"feed.xml", []string{t.File}, briefs, func(r *renderer) ([]byte, error) {
			return r.atom(t.Name+" — "+s.Config.Title, t.Path+"feed.xml", t.Path, briefs)
		})
	}
	every := []string{anyBrief, anyActor, anyTheme, anyEntry}
	// The sitemap lists every page's URL and the briefs' dates, in the
	// order of the site's lists: briefs by date, the rest by name or date.
	add("sitemap", "sitemap.xml", []string{keyMembers, keyBriefDates, anyActor, anyTheme, anyEntry},
		func(r *renderer) ([]byte, error) { return r.sitemap(*html) })
	add("robots", "robots.txt", nil, func(r *renderer) ([]byte, error) {
		return []byte("User-agent: *\nAllow: /\nSitemap: " + r.abs("sitemap.xml") + "\n"), nil
	})
	add("index", "search.json", every, func(r *renderer) ([]byte, error) { return r.searchIndex() }).minified = true
	if g.relative {
		// Pages opened from file:// cannot fetch search.json; they load the
		// same index as a script.
		add("index", searchScript, every, func(r *renderer) ([]byte, error) {
			js, err := r.searchIndex()
			if err != nil {
				return nil, err
			}
			return slices.Concat([]byte("window.briefgenSearchIndex="), js, []byte(";\n")), nil
		})
	}
	add("calendar", "timeline.ics", []string{anyEntry}, func(r *renderer) ([]byte, error) { return r.calendar() })
	return out
}

// searchScript is the search index as a script, for sites built with
// relative URLs; the search page names it in data-index-script.
const searchScript = "search-index.js"

// feedTime is a date as an Atom timestamp; dates are days, published at noon UTC.
func feedTime(d content.Date) string {
	if d.IsZero() {
		return "1970-01-01T00:00:00Z"
	}
	return d.Start.Add(12 * time.Hour).Format(time.RFC3339)
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	Link      atomLink   `xml:"link"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Author    *atomName  `xml:"author,omitempty"`
	Summary   *atomText  `xml:"summary,omitempty"`
	Content   *atomText  `xml:"content,omitempty"`
	Category  []atomTerm `xml:"category"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomTerm struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Links    []atomLink  `xml:"link"`
	ID       string      `xml:"id"`
	Updated  string      `xml:"updated"`
	Author   atomName    `xml:"author"`
	Entries  []atomEntry `xml:"entry"`
}

// atom renders an Atom feed of briefs, newest first, minified when the
// build minifies. Each entry is encoded once per version of what it shows
// and kept (see fragmentCache); the feed is its head, then the entries.
func (r *renderer) atom(title, self, page string, briefs []*site.Brief) ([]byte, error) {
	s := r.b.site
	f := atomFeed{Title: title, Subtitle: s.Config.Description, ID: r.abs(self), Updated: "1970-01-01T00:00:00Z",
		Author: atomName{Name: cmp.Or(s.Config.Author, s.Config.Title)},
		Links:  []atomLink{{Rel: "self", Type: "application/atom+xml", Href: r.abs(self)}, {Rel: "alternate", Type: "text/html", Href: r.abs(page)}}}
	entries := make([]string, len(briefs))
	size := 0
	for i, b := range briefs {
		if u := feedTime(b.Date); u > f.Updated {
			f.Updated = u
		}
		e, err := r.feedEntry(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", b.File, err)
		}
		r.b.minify.count(e.raw, len(e.data))
		entries[i] = e.data
		size += len(e.data) + 1
	}
	head, err := r.feedHead(f)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+size+len(feedTail)+1)
	out = append(out, head...)
	for _, e := range entries {
		if r.b.minify == nil {
			out = append(out, '\n')
		}
		out = append(out, e...)
	}
	if r.b.minify == nil {
		out = append(out, "\n"+feedTail+"\n"...)
	} else {
		out = append(out, feedTail...)
	}
	return out, nil
}

// feedTail closes a feed.
const feedTail = "</feed>"

// feedHead encodes a feed without entries and without its closing tag:
// the entries follow it. It is encoded as part of a whole feed and cut, so
// that it is exactly the start of that feed.
func (r *renderer) feedHead(f atomFeed) ([]byte, error) {
	whole, err := marshalXML(f)
	if err != nil {
		return nil, err
	}
	if whole, err = r.b.minify.bytes("feed.xml", whole); err != nil {
		return nil, err
	}
	head, ok := bytes.CutSuffix(bytes.TrimRight(whole, "\n"), []byte(feedTail))
	if !ok {
		return nil, fmt.Errorf("feed %s: encoded feed does not end in %s", f.ID, feedTail)
	}
	if r.b.minify == nil {
		head = bytes.TrimSuffix(head, []byte("\n"))
	}
	return head, nil
}

// feedEntry encodes a brief's feed entry as it appears inside a feed: with
// the indentation of its depth, or minified.
func (r *renderer) feedEntry(b *site.Brief) (fragment, error) {
	key := fragmentKey("feed-entry:"+b.Path, r.b.digests, keySite)
	key.add(r.b.graph.briefs[b].page)
	return r.b.fragments.get(fragmentID{kind: "feed", item: b.File}, key, func() ([]byte, int, error) {
		body, err := r.convert(b.Body, resolver{r: r, brief: b, abs: true})
		if err != nil {
			return nil, 0, err
		}
		e := atomEntry{Title: b.Title, Link: atomLink{Href: r.abs(b.Path)}, ID: r.abs(b.Path),
			Updated: feedTime(b.Date), Published: feedTime(b.Date), Summary: &atomText{Body: b.Summary},
			Content: &atomText{Type: "html", Body: string(body)}}
		if b.Byline != "" {
			e.Author = &atomName{Name: b.Byline}
		}
		for _, t := range b.Themes {
			e.Category = append(e.Category, atomTerm{Term: t.Slug, Label: t.Name})
		}
		var buf bytes.Buffer
		enc := xml.NewEncoder(&buf)
		if r.b.minify == nil {
			enc.Indent(" ", " ") // the entry's depth in the feed
		}
		if err := enc.EncodeElement(e, xml.StartElement{Name: xml.Name{Local: "entry"}}); err != nil {
			return nil, 0, err
		}
		data, err := r.b.minify.quiet("entry.xml", buf.Bytes())
		return data, buf.Len(), err
	})
}

func marshalXML(v any) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

// sitemap lists every HTML page but the 404 page.
func (r *renderer) sitemap(html []*Page) ([]byte, error) {
	u := urlset{}
	for _, p := range html {
		if p.Kind == "404" {
			continue
		}
		su := sitemapURL{Loc: r.abs(p.URL)}
		if p.Kind == "brief" && !p.view.Brief.Date.IsZero() {
			su.LastMod = p.view.Brief.Date.String()
		}
		u.URLs = append(u.URLs, su)
	}
	return marshalXML(u)
}

// searchDoc is one entry of search.json.
type searchDoc struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
	Text  string `json:"text"`
	Date  string `json:"date,omitempty"`
}

// searchIndex writes the index the search page loads. URLs are links from
// the index itself (the site root), so they work under any base URL and
// from file://; search.js resolves them against the index's URL. Each
// entry is cached, minified when the build minifies, under the sum of what
// it shows, so that an edit costs one entry and the copying of the rest.
func (r *renderer) searchIndex() ([]byte, error) {
	s := r.b.site
	from := r.page
	r.page = &Page{URL: ""}
	defer func() { r.page = from }()
	type item struct {
		file string
		doc  func() searchDoc
	}
	items := make([]item, 0, len(s.Briefs)+len(s.Actors)+len(s.Themes)+len(s.Timeline))
	for _, b := range s.Briefs {
		items = append(items, item{b.File, func() searchDoc {
			text := []string{b.Summary}
			for _, p := range b.Paragraphs {
				text = append(text, p.Text)
			}
			return searchDoc{Kind: "brief", Title: b.Title, URL: r.link(b.Path), Text: strings.Join(text, " "), Date: b.Date.Human()}
		}})
	}
	for _, a := range s.Actors {
		items = append(items, item{a.File, func() searchDoc {
			return searchDoc{Kind: "actor", Title: a.Name, URL: r.link(a.Path),
				Text: strings.Join(append([]string{a.Role, a.Lead}, a.Aliases...), " ")}
		}})
	}
	for _, t := range s.Themes {
		items = append(items, item{t.File, func() searchDoc {
			return searchDoc{Kind: "theme", Title: t.Name, URL: r.link(t.Path), Text: strings.Join(append([]string{t.Lead}, t.Keywords...), " ")}
		}})
	}
	for _, e := range s.Timeline {
		items = append(items, item{e.File, func() searchDoc {
			return searchDoc{Kind: "timeline", Title: e.Title, URL: r.link(e.Path), Text: e.Lead, Date: e.Date.Human()}
		}})
	}
	// An entry shows its own file and the site settings.
	salt := sumOfStrings("search-doc")
	salt.add(r.b.digests[keySite])
	files, keys := make([]string, len(items)), make([]sum, len(items))
	for i, it := range items {
		files[i], keys[i] = it.file, r.b.digests[it.file]
		keys[i].add(salt)
	}
	docs, err := r.b.fragments.getAll("search", files, keys, func(i int) ([]byte, int, error) {
		js, err := json.Marshal(items[i].doc())
		if err != nil {
			return nil, 0, err
		}
		data, err := r.b.minify.quiet("doc.json", js)
		return data, len(js), err
	})
	if err != nil {
		return nil, err
	}
	size := 2
	for _, d := range docs {
		size += len(d.data) + 1
		r.b.minify.count(d.raw, len(d.data))
	}
	out := make([]byte, 0, size)
	out = append(out, '[')
	for i, d := range docs {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, d.data...)
	}
	return append(out, ']'), nil
}

// calendar writes the timeline's dated events as iCalendar (RFC 5545).
func (r *renderer) calendar() ([]byte, error) {
	s := r.b.site
	var b strings.Builder
	line := func(s string) { b.WriteString(foldICS(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//briefgen//" + icsText(s.Config.Title) + "//EN")
	line("CALSCALE:GREGORIAN")
	line("X-WR-CALNAME:" + icsText(s.Config.Title))
	host := r.b.base.Host
	if host == "" {
		host = "briefgen.invalid"
	}
	for _, e := range s.Timeline {
		if e.Date.Precision != content.Day {
			continue
		}
		line("BEGIN:VEVENT")
		line("UID:" + e.Slug + "@" + host)
		line("DTSTAMP:" + e.Date.Start.Format("20060102") + "T000000Z")
		line("DTSTART;VALUE=DATE:" + e.Date.Start.Format("20060102"))
		line("DTEND;VALUE=DATE:" + e.Date.End.AddDate(0, 0, 1).Format("20060102"))
		line("SUMMARY:" + icsText(e.Title))
		if e.Lead != "" {
			line("DESCRIPTION:" + icsText(e.Lead))
		}
		line("URL:" + r.abs(e.Path))
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String()), nil
}

// icsText escapes an iCalendar TEXT value.
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// foldICS ends a content line with CRLF, folding it at 75 octets without
// splitting a UTF-8 sequence.
func foldICS(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		w := len(string(r))
		if n+w > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += w
	}
	b.WriteString("\r\n")
	return b.String()
}

// jsonLD describes the page for search engines: NewsArticle for briefs (and
// FAQPage where a brief has Q&A), Person or Organization for actors, Event
// for timeline entries, WebSite elsewhere.
func (r *renderer) jsonLD(v *View) (template.HTML, error) {
	s := v.Site
	var docs []any
	switch {
	case v.Brief != nil:
		b := v.Brief
		art := map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "headline": b.Title,
			"url": r.abs(b.Path), "@id": r.abs(b.Path), "description": b.Summary}
		if !b.Date.IsZero() {
			art["datePublished"] = b.Date.String()
		}
		if b.Byline != "" {
			art["author"] = map[string]any{"@type": "Person", "name": b.Byline}
		}
		if b.Outlet != "" {
			art["publisher"] = map[string]any{"@type": "Organization", "name": b.Outlet}
		}
		var about []any
		for _, role := range b.Actors {
			about = append(about, map[string]any{"@type": schemaType(role.Actor.Kind), "name": role.Actor.Name, "url": r.abs(role.Actor.Path)})
		}
		if len(about) > 0 {
			art["about"] = about
		}
		docs = append(docs, art)
		if len(b.QA) > 0 {
			var qs []any
			for _, qa := range b.QA {
				qs = append(qs, map[string]any{"@type": "Question", "name": qa.Question,
					"acceptedAnswer": map[string]any{"@type": "Answer", "text": qa.Answer}})
			}
			docs = append(docs, map[string]any{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": qs})
		}
	case v.Actor != nil:
		a := v.Actor
		d := map[string]any{"@context": "https://schema.org", "@type": schemaType(a.Kind), "name": a.Name, "url": r.abs(a.Path)}
		if a.Role != "" && a.Kind == content.Person {
			d["jobTitle"] = a.Role
		}
		if a.Lead != "" {
			d["description"] = a.Lead
		}
		if len(a.Aliases) > 0 {
			d["alternateName"] = a.Aliases
		}
		docs = append(docs, d)
	case v.Entry != nil:
		e := v.Entry
		d := map[string]any{"@context": "https://schema.org", "@type": "Event", "name": e.Title, "url": r.abs(e.Path),
			"startDate": e.Date.Start.Format("2006-01-02"), "endDate": e.Date.End.Format("2006-01-02"),
			"eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode"}
		if e.Lead != "" {
			d["description"] = e.Lead
		}
		var who []any
		for _, a := range e.Actors {
			who = append(who, map[string]any{"@type": schemaType(a.Kind), "name": a.Name, "url": r.abs(a.Path)})
		}
		if len(who) > 0 {
			d["performer"] = who
		}
		docs = append(docs, d)
	default:
		docs = append(docs, map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": s.Config.Title,
			"url": r.abs(""), "description": s.Config.Description})
	}
	var buf bytes.Buffer
	for _, d := range docs {
		js, err := json.Marshal(d)
		if err != nil {
			return "", err
		}
		buf.WriteString(`<script type="application/ld+json">`)
		buf.Write(js) // json.Marshal escapes <, > and &, so the script cannot be closed early
		buf.WriteString("</script>\n")
	}
	return template.HTML(buf.String()), nil
}

func schemaType(k content.Kind) string {
	switch k {
	case content.Person:
		return "Person"
	case content.Country:
		return "Country"
	}
	return "Organization"
}
