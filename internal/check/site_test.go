package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// variant is one way the test site is built.
type variant struct {
	name     string
	baseURL  string // Options.BaseURL
	abs      string // the absolute URL of the site root, for feeds and sitemaps
	prefix   string // how pages start internal links; "" for relative links
	relative bool
}

var variants = []variant{
	{name: "root", baseURL: "https://example.org/", abs: "https://example.org/", prefix: "/"},
	{name: "subpath", baseURL: "https://example.org/briefing/", abs: "https://example.org/briefing/", prefix: "/briefing/"},
	{name: "relative", baseURL: "https://example.org/briefing/", abs: "https://example.org/briefing/", relative: true},
}

// testSite is a site's files, by path relative to its root.
type testSite struct {
	v     variant
	files map[string]string
}

// link is how the page file writes a link to the site path to.
func (s *testSite) link(from, to string) string {
	if !s.v.relative {
		return s.v.prefix + to
	}
	if l := strings.Repeat("../", strings.Count(from, "/")) + to; l != "" {
		return l
	}
	return "./"
}

// pretty is the site path at which file is served.
func pretty(file string) string {
	return strings.TrimSuffix(file, "index.html")
}

// insert puts snippet on a line of its own before the first "</main>" (or
// the given marker) of file, and returns its line number.
func (s *testSite) insert(t testing.TB, file, marker, snippet string) int {
	t.Helper()
	c, ok := s.files[file]
	i := strings.Index(c, marker)
	if !ok || i < 0 {
		t.Fatalf("%s: no %q to insert before", file, marker)
	}
	s.files[file] = c[:i] + snippet + "\n" + c[i:]
	return strings.Count(c[:i], "\n") + 1
}

// page wraps body in the layout every page of the test site shares.
func (s *testSite) page(file, title, body string) {
	l := func(to string) string { return s.link(file, to) }
	s.files[file] = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>` + title + ` &amp; <a href="not-a-link/">briefs</a></title>
<link rel="stylesheet" href="` + l("assets/site.css") + `?v=3">
<link rel="alternate" type="application/atom+xml" href="` + l("feed.xml") + `">
<link rel="icon" href="` + l("assets/icon.svg") + `">
<link rel="preconnect" href="https://fonts.example.net">
<meta property="og:url" content="` + s.v.abs + pretty(file) + `">
<meta property="og:image" content="` + s.v.abs + `assets/logo.png">
<meta name="description" content="not/a/link/">
<script src="` + l("assets/app.js") + `" defer></script>
<script>document.write('<a href="nowhere/">');</script>
</head>
<body>
<nav><a href="` + l("") + `">Home</a> <a href="` + l("briefs/") + `">Briefs</a> <a href="` + l("about/") + `">About</a></nav>
<main id="main">
` + body + `
</main>
<!-- <a href="commented/out/">old</a> -->
</body>
</html>
`
}

// goodSite builds a small site without problems that uses every kind of
// link the checker knows.
func goodSite(v variant) *testSite {
	s := &testSite{v: v, files: make(map[string]string)}
	l := func(from string) func(string) string {
		return func(to string) string { return s.link(from, to) }
	}
	h := l("index.html")
	s.page("index.html", "Home", `<p><a href="#main">Skip</a> <a href="#">Top</a> <a href="#top">Top</a></p>
<img src="`+h("assets/logo.png")+`" alt="Briefgen">
<img src="`+h("assets/photo-1x.jpg")+`" srcset="`+h("assets/photo-1x.jpg")+` 1x, `+h("assets/photo-2x.jpg")+` 2x" alt="">
<picture><source srcset="`+h("assets/photo-2x.jpg")+` 800w,`+h("assets/photo-1x.jpg")+` 400w" type="image/jpeg"><img src="`+h("assets/photo-1x.jpg")+`" alt></picture>
<ul>
<li><a href="`+h("briefs/first/")+`">First brief</a>
<li><a href="`+h("briefs/")+`?page=2&amp;sort=new">Older briefs</a>
<li><a href="`+h("tags/caf%C3%A9/")+`">Café</a>
<li><a href="`+h("files/annual%20report.pdf")+`">Annual report</a>
<li><a href="`+h("actors/ana")+`">Ana</a>
<li><a href="`+h("events.ics")+`">Calendar</a>
<li><a href="`+s.v.abs+`about/">About, absolute</a>
<li><a href="https://elsewhere.example/x/">Elsewhere</a> <a href="//cdn.example.net/lib.js">CDN</a>
<li><a href="mailto:desk@example.org">Mail</a> <a href="tel:+15551234">Phone</a> <a href="javascript:void(0)">JS</a>
<li><a href="">This page</a> <a href="?q=1">This page</a>
</ul>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">
<video src="`+h("assets/clip.mp4")+`" poster="`+h("assets/logo.png")+`"></video>
<svg class="icon" aria-hidden="true"><symbol id="icon-star"><path d="M0 0"/></symbol><use href="#icon-star"></use><use xlink:href="`+h("assets/icons.svg")+`#star"></use></svg>
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "WebSite", "url": "`+s.v.abs+`", "@id": "`+s.v.abs+`#site",
 "publisher": {"@id": "_:org", "sameAs": ["https://elsewhere.example/"]}}
</script>`)

	b := l("briefs/index.html")
	s.page("briefs/index.html", "Briefs", `<ul>
<li><a href="`+b("briefs/first/")+`">First</a>
<li><a href="`+b("briefs/second/")+`#summary">Second, summary</a>
</ul>`)

	f := l("briefs/first/index.html")
	s.page("briefs/first/index.html", "First", `<p><a name="legacy"></a>By <a href="`+f("actors/ana/")+`#bio">Ana</a>.
<a href="#legacy">Old anchor</a> <a href="`+f("briefs/second/index.html")+`#summary">Second</a>
<a
  class="tag"
  href="`+f("tags/caf%C3%A9/")+`">Café</a></p>
<img src="`+f("assets/photo-1x.jpg")+`" alt="" width="10">`)

	s.page("briefs/second/index.html", "Second", `<h2 id="summary">Summary</h2>
<p><a href="`+l("briefs/second/index.html")("briefs/first/")+`#main">First</a></p>`)
	s.page("actors/ana/index.html", "Ana", `<h2 id="bio">Bio</h2><p><a href="`+l("actors/ana/index.html")("briefs")+`">Briefs</a></p>`)
	s.page("about/index.html", "About", `<p>About us. <a href="`+l("about/index.html")("old-briefs/")+`">Old</a></p>`)
	s.page("tags/café/index.html", "Café", `<p>Tagged café.</p>`)
	s.page("404.html", "Not found", `<p>Nothing here.</p>`)
	s.files["old-briefs/index.html"] = `<!DOCTYPE html><meta http-equiv="refresh" content="0; url='` + l("old-briefs/index.html")("briefs/") + `'"><title>Moved</title>`
	s.files["drafts/index.html"] = `<!DOCTYPE html><meta name="robots" content="noindex, nofollow"><title>Draft</title>`
	for _, a := range []string{"assets/site.css", "assets/app.js", "assets/logo.png", "assets/photo-1x.jpg", "assets/photo-2x.jpg", "assets/clip.mp4", "files/annual report.pdf"} {
		s.files[a] = "x"
	}
	s.files["assets/icon.svg"] = `<svg xmlns="http://www.w3.org/2000/svg"><circle r="1"/></svg>`
	s.files["assets/icons.svg"] = `<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg"><symbol id="star"><path d="M0 0"/></symbol></svg>`

	var locs strings.Builder
	for _, p := range []string{"", "briefs/", "briefs/first/", "briefs/second/", "actors/ana/", "about/", "tags/caf%C3%A9/"} {
		locs.WriteString("  <url><loc>" + s.v.abs + p + "</loc></url>\n")
	}
	s.files["sitemap.xml"] = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
` + locs.String() + `</urlset>
`
	s.files["feed.xml"] = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Briefs &amp; more</title>
  <link href="` + s.v.abs + `feed.xml" rel="self"/>
  <link href="` + s.v.abs + `"/>
  <id>` + s.v.abs + `</id>
  <updated>2024-01-01T00:00:00Z</updated>
  <entry>
    <title>First</title>
    <link href="` + s.v.abs + `briefs/first/"/>
    <id>tag:example.org,2024:first</id>
    <content type="html">&lt;a href="nowhere/"&gt;not checked&lt;/a&gt;</content>
  </entry>
</feed>
`
	s.files["search.json"] = `[
  {"title": "First", "url": "` + l("search.json")("briefs/first/") + `", "tags": ["a", "b"]},
  {"title": "Second", "url": "` + l("search.json")("briefs/second/") + `?q=x", "links": {"href": ["` + l("search.json")("about/") + `"]}},
  {"title": "Ana", "url": "` + s.v.abs + `actors/ana/", "n": 1.5, "ok": true, "none": null}
]
`
	s.files["events.ics"] = strings.ReplaceAll(`BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//briefgen//EN
BEGIN:VEVENT
UID:first@example.org
SUMMARY:A rather long summary line that needs folding because it is longer
  than seventy-five octets
DESCRIPTION;LANGUAGE="en:GB":Colon in a quoted parameter
URL;VALUE=URI:`+s.v.abs+`briefs/first/
END:VEVENT
END:VCALENDAR
`, "\n", "\r\n")
	return s
}

// write puts the site in a new folder and returns the folder.
func (s *testSite) write(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range s.files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func (s *testSite) check(t testing.TB, opts Options) []Problem {
	t.Helper()
	if opts.BaseURL == "" {
		opts.BaseURL = s.v.baseURL
	}
	problems, err := Dir(s.write(t), opts)
	if err != nil {
		t.Fatalf("Dir: %v", err)
	}
	return problems
}

func TestGoodSite(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			for _, p := range goodSite(v).check(t, Options{}) {
				t.Errorf("unexpected problem: %s", p)
			}
		})
	}
}

// TestGoodSiteIsChecked guards TestGoodSite against passing vacuously: the
// good site, checked with a base URL it was not built for, must fail.
func TestGoodSiteIsChecked(t *testing.T) {
	s := goodSite(variants[1])
	got := s.check(t, Options{BaseURL: "https://example.org/elsewhere/"})
	if len(got) < 10 {
		t.Fatalf("got %d problems, want many: %v", len(got), got)
	}
}

func TestPlanted(t *testing.T) {
	const home = "index.html"
	const first = "briefs/first/index.html"
	tests := []struct {
		name  string
		only  string // variant name, if the case applies to one only
		opts  Options
		plant func(t *testing.T, s *testSite) []Problem
	}{{
		name: "broken link",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(first, "actors/nobody/")
			n := s.insert(t, first, "</main>", `<a href="`+href+`">Nobody</a>`)
			return []Problem{{first, n, "broken link " + href}}
		},
	}, {
		name: "broken link to a file",
		plant: func(t *testing.T, s *testSite) []Problem {
			src := s.link(home, "assets/missing.png")
			n := s.insert(t, home, "</main>", `<img src="`+src+`" alt="Missing">`)
			return []Problem{{home, n, "broken link " + src}}
		},
	}, {
		name: "folder without index",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(home, "assets/")
			n := s.insert(t, home, "</main>", `<a href="`+href+`">Assets</a>`)
			return []Problem{{home, n, "broken link " + href}}
		},
	}, {
		name: "broken same-page anchor",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, first, "</main>", `<a href="#nowhere">Nowhere</a>`)
			return []Problem{{first, n, "broken anchor #nowhere"}}
		},
	}, {
		name: "broken cross-page anchor",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(first, "briefs/second/") + "#conclusion"
			n := s.insert(t, first, "</main>", `<a href="`+href+`">Conclusion</a>`)
			return []Problem{{first, n, "broken anchor " + href}}
		},
	}, {
		name: "broken anchor in an SVG sprite",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(home, "assets/icons.svg") + "#moon"
			n := s.insert(t, home, "</main>", `<svg><use href="`+href+`"/></svg>`)
			return []Problem{{home, n, "broken anchor " + href}}
		},
	}, {
		name: "duplicate id",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, first, "</main>", `<p id="main">Again</p>`)
			return []Problem{{first, n, fmt.Sprintf("duplicate id %q (first at line %d)", "main", lineOf(t, s.files[first], `id="main"`))}}
		},
	}, {
		name: "duplicate id inside inline SVG",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, home, "</main>", `<svg><symbol id="icon-star"></symbol></svg>`)
			return []Problem{{home, n, fmt.Sprintf("duplicate id %q (first at line %d)", "icon-star", lineOf(t, s.files[home], `id="icon-star"`))}}
		},
	}, {
		name: "img without alt",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, first, "</main>", `<p>A picture: <img src="`+s.link(first, "assets/logo.png")+`"></p>`)
			return []Problem{{first, n, "img without alt attribute"}}
		},
	}, {
		name: "unreachable page",
		plant: func(t *testing.T, s *testSite) []Problem {
			s.page("orphan/index.html", "Orphan", `<p>No one links here.</p>`)
			// A page linked only from the orphan, the sitemap and the feed is unreachable too.
			s.page("orphan/child/index.html", "Child", `<p>Nor here.</p>`)
			s.insert(t, "orphan/index.html", "</main>", `<a href="`+s.link("orphan/index.html", "orphan/child/")+`">Child</a>`)
			s.insert(t, "sitemap.xml", "</urlset>", `<url><loc>`+s.v.abs+`orphan/child/</loc></url>`)
			s.insert(t, "feed.xml", "</feed>", `<entry><link href="`+s.v.abs+`orphan/child/"/></entry>`)
			return []Problem{
				{"orphan/child/index.html", 0, "page is not reachable by links from the home page"},
				{"orphan/index.html", 0, "page is not reachable by links from the home page"},
			}
		},
	}, {
		name: "unreachable page allowed",
		opts: Options{AllowUnreachable: []string{"google*.html", "legacy/*/index.html"}},
		plant: func(t *testing.T, s *testSite) []Problem {
			s.files["google1234.html"] = "google-site-verification: google1234.html"
			s.page("legacy/a/index.html", "Legacy", "")
			s.page("en/404.html", "Not found", "")
			return nil
		},
	}, {
		name: "broken sitemap loc",
		plant: func(t *testing.T, s *testSite) []Problem {
			loc := s.v.abs + "briefs/third/"
			n := s.insert(t, "sitemap.xml", "</urlset>", `  <url><loc>`+loc+`</loc></url>`)
			return []Problem{{"sitemap.xml", n, "broken link " + loc}}
		},
	}, {
		name: "sitemap loc on another site",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, "sitemap.xml", "</urlset>", "  <url>\n<loc>https://elsewhere.example/</loc></url>")
			return []Problem{{"sitemap.xml", n + 1, "URL https://elsewhere.example/ is not on the site https://example.org" + basePathOf(s) + ""}}
		},
	}, {
		name: "malformed feed",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, "feed.xml", "</feed>", `<entry><title>Unclosed</entry>`)
			return []Problem{{"feed.xml", n, "malformed XML: XML syntax error on line " + strconv.Itoa(n) + ": element <title> closed by </entry>"}}
		},
	}, {
		name: "broken feed link and id",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, "feed.xml", "</feed>", `<entry><link href="`+s.v.abs+`briefs/gone/"/>`+"\n"+`<id>`+s.v.abs+`briefs/also-gone/</id></entry>`)
			return []Problem{
				{"feed.xml", n, "broken link " + s.v.abs + "briefs/gone/"},
				{"feed.xml", n + 1, "broken link " + s.v.abs + "briefs/also-gone/"},
			}
		},
	}, {
		name: "broken url in search index",
		plant: func(t *testing.T, s *testSite) []Problem {
			u := s.link("search.json", "briefs/gone/")
			n := s.insert(t, "search.json", "]", `  ,{"title": "Gone", "meta": {"url": "`+u+`"}}`)
			return []Problem{{"search.json", n, "broken link " + u}}
		},
	}, {
		name: "JSON that does not parse",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, "search.json", "]", `  ,{"title": "Trailing comma",}`)
			return []Problem{{"search.json", n, "malformed JSON: invalid character '}' looking for beginning of object key string"}}
		},
	}, {
		name: "JSON-LD that does not parse",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, home, "</main>", "<script type=\"application/ld+json\">\n{\"url\": \"x\"\n\"name\": \"y\"}</script>")
			return []Problem{{home, n + 2, "malformed JSON-LD: invalid character '\"' after object key:value pair"}}
		},
	}, {
		name: "broken JSON-LD url",
		plant: func(t *testing.T, s *testSite) []Problem {
			u := s.v.abs + "actors/nobody/"
			n := s.insert(t, home, "</main>", "<script type=\"application/ld+json\">\n{\"author\": {\"url\": \""+u+"\"}}</script>")
			return []Problem{{home, n + 1, "broken link " + u}}
		},
	}, {
		name: "external links ignored",
		plant: func(t *testing.T, s *testSite) []Problem {
			s.insert(t, first, "</main>", `<a href="https://elsewhere.example/nowhere/#x">a</a> <a href="HTTP://ELSEWHERE.EXAMPLE/">b</a>
<a href="//cdn.example.net/nowhere.js">c</a> <a href="mailto:nobody@example.org?subject=x">d</a> <a href="tel:123">e</a>
<a href="javascript:alert('#x')">f</a> <img src="data:image/png;base64,AAAA" alt=""> <a href="ftp://example.org/x">g</a>
<a href="https://example.org:8443/briefing/nowhere/">other port</a> <meta property="og:image" content="https://cdn.example.net/nowhere.png">`)
			return nil
		},
	}, {
		name: "query strings ignored",
		plant: func(t *testing.T, s *testSite) []Problem {
			ok := s.link(first, "about/") + "?utm_source=x&amp;y=1#main"
			bad := s.link(first, "nowhere/") + "?x=1"
			n := s.insert(t, first, "</main>", `<a href="`+ok+`">ok</a> <link rel="stylesheet" href="`+s.link(first, "assets/site.css")+`?v=123"> <a href="`+bad+`">bad</a>`)
			return []Problem{{first, n, "broken link " + bad}}
		},
	}, {
		name: "percent-encoded paths",
		plant: func(t *testing.T, s *testSite) []Problem {
			ok := s.link(first, "tags/café/")
			bad := s.link(first, "tags/caf%C3%A8/")
			n := s.insert(t, first, "</main>", `<a href="`+ok+`">raw</a> <a href="`+s.link(first, "files/annual report.pdf")+`">space</a> <a href="`+bad+`">bad</a>`)
			return []Problem{{first, n, "broken link " + bad}}
		},
	}, {
		name: "invalid percent-encoding",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(first, "tags/%zz/")
			n := s.insert(t, first, "</main>", `<a href="`+href+`">bad</a>`)
			return []Problem{{first, n, `invalid URL ` + href + `: invalid URL escape "%zz"`}}
		},
	}, {
		name: "broken srcset candidate and poster",
		plant: func(t *testing.T, s *testSite) []Problem {
			good, bad := s.link(home, "assets/photo-1x.jpg"), s.link(home, "assets/photo-3x.jpg")
			n := s.insert(t, home, "</main>", `<img alt="x" src="`+good+`" srcset="`+good+` 1x,`+bad+` 3x">`+"\n"+`<video poster="`+bad+`"></video>`)
			return []Problem{{home, n, "broken link " + bad}, {home, n + 1, "broken link " + bad}}
		},
	}, {
		name: "broken og:image and refresh",
		plant: func(t *testing.T, s *testSite) []Problem {
			img := s.v.abs + "assets/card.png"
			n := s.insert(t, first, "</head>", `<meta property="og:image" content="`+img+`">`)
			to := s.link("old/index.html", "nowhere/")
			s.files["old/index.html"] = `<meta http-equiv="Refresh" content="0;URL=` + to + `">`
			return []Problem{{first, n, "broken link " + img}, {"old/index.html", 1, "broken link " + to}}
		},
	}, {
		name: "broken link in the calendar",
		plant: func(t *testing.T, s *testSite) []Problem {
			u := s.v.abs + "briefs/gone/"
			n := s.insert(t, "events.ics", "END:VEVENT", "URL:"+u[:len(u)/2]+"\r\n "+u[len(u)/2:]+"\r")
			return []Problem{{"events.ics", n, "broken link " + u}}
		},
	}, {
		name: "malformed calendar",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, "events.ics", "END:VEVENT", "BEGIN:VALARM\r\nDESCRIPTION:"+strings.Repeat("x", 70)+"\r")
			return []Problem{
				{"events.ics", n, "BEGIN:VALARM without END:VALARM"},
				{"events.ics", n + 1, "line is 82 octets long, more than 75"},
			}
		},
	}, {
		name: "root-relative link outside the base path",
		only: "subpath",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, first, "</main>", `<a href="/actors/ana/">Ana</a> <a href="https://example.org/other-app/">Other app</a>`)
			return []Problem{{first, n, "link /actors/ana/ points outside the site (base path /briefing/)"}}
		},
	}, {
		name: "relative link climbing out of the site",
		only: "relative",
		plant: func(t *testing.T, s *testSite) []Problem {
			n := s.insert(t, first, "</main>", `<a href="../../../actors/ana/">Ana</a>`)
			return []Problem{{first, n, "link ../../../actors/ana/ points outside the site (base path /briefing/)"}}
		},
	}, {
		name: "attribute on a later line of its tag",
		plant: func(t *testing.T, s *testSite) []Problem {
			href := s.link(first, "nowhere/")
			n := s.insert(t, first, "</main>", "<a\n  class=\"x\"\n  href=\n\""+href+"\">x</a>")
			return []Problem{{first, n + 3, "broken link " + href}}
		},
	}, {
		name: "minified page",
		plant: func(t *testing.T, s *testSite) []Problem {
			c := strings.ReplaceAll(s.files[first], "\n", "")
			s.files[first] = strings.Replace(c, "</main>", `<a href="#gone">x</a><img src="`+s.link(first, "assets/logo.png")+`"></main>`, 1)
			return []Problem{{first, 1, "broken anchor #gone"}, {first, 1, "img without alt attribute"}}
		},
	}}
	for _, tt := range tests {
		for _, v := range variants {
			if tt.only != "" && tt.only != v.name {
				continue
			}
			t.Run(tt.name+"/"+v.name, func(t *testing.T) {
				s := goodSite(v)
				want := tt.plant(t, s)
				got := s.check(t, tt.opts)
				if !slices.Equal(got, want) {
					t.Errorf("got problems:\n%s\nwant:\n%s", lines(got), lines(want))
				}
			})
		}
	}
}

func basePathOf(s *testSite) string {
	return strings.TrimPrefix(s.v.abs, "https://example.org")
}

// lineOf is the line of the first marker in content.
func lineOf(t testing.TB, content, marker string) int {
	t.Helper()
	i := strings.Index(content, marker)
	if i < 0 {
		t.Fatalf("no %q in content", marker)
	}
	return strings.Count(content[:i], "\n") + 1
}

func lines(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\t" + p.String() + "\n")
	}
	return b.String()
}
