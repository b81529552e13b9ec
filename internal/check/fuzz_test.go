package check

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// checkBytes runs every parser on data and resolves what they found against
// a small site, as Dir would; it must not panic, whatever data holds.
func checkBytes(t testing.TB, data []byte) {
	s, err := newSite(Options{BaseURL: "https://example.org/briefing/"})
	if err != nil {
		t.Fatal(err)
	}
	s.files["index.html"], s.files["a/index.html"], s.files["x.svg"] = true, true, true
	s.dirs["a"] = true
	links := make(map[string][]string)
	var docs []*doc
	for _, name := range []string{"index.html", "x.svg", "a/f.xml", "f.json", "f.ics"} {
		d := parsed(name, string(data))
		if d.anchors != nil {
			s.anchors[d.file] = d.anchors
		}
		for _, p := range d.problems {
			if p.Line < 1 || p.Message == "" {
				t.Fatalf("%s: bad problem %+v", name, p)
			}
		}
		docs = append(docs, d)
	}
	for _, d := range docs {
		s.checkRefs(d, links)
	}
	s.checkReachable(docs, links)
}

// seeds are inputs near the edges of what the parsers handle.
var seeds = []string{
	"",
	"<",
	"<a href",
	"<a href=",
	`<a href="`,
	"<svg",
	"<svg><svg><svg>",
	"<svg>\x00</svg>",
	"<math><svg id=a></math>",
	`<script type="application/ld+json">{"url": "../../../x"`,
	`<base href="http://[::1">`,
	`<base href="//other.example/"><a href="x">`,
	`<a href="#%zz"><p id="%zz">`,
	`<img srcset=",,, ,(,">`,
	`<meta http-equiv=refresh content="0;url='">`,
	"<?xml version='1.0' encoding='latin1'?><feed/>",
	"<urlset><loc>%%</loc></urlset>",
	"<rss><link>http://example.org:bad/</link></rss>",
	`{"url": ["a", {"href": [[["b"]]]}], "@id": 1}`,
	strings.Repeat("[", 20000),
	"BEGIN:VCALENDAR\r\n \xff\r\nURL:\r\nEND:X\r\n",
	"URL;X=\"a:b:https://example.org/briefing/a/\n",
}

func FuzzParsers(f *testing.F) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkBytes(t, data)
	})
}

// TestGarbage feeds the parsers random mixtures of markup fragments, since
// plain `go test` runs the fuzz target on its seeds only.
func TestGarbage(t *testing.T) {
	parts := []string{
		"<", ">", "/", "=", "\"", "'", " ", "\n", "\r\n", "\x00", "\xff", "é", "&amp;", "&", "#", "%", "%zz", "?", ":",
		"<a", "<img", "<svg", "</svg>", "<math", "<script", "</script>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE",
		"href", "src", "srcset", "id", "name", "alt", "content", "property", "og:url", "http-equiv", "refresh", "<base",
		"http://", "https://example.org/briefing/", "//", "../", "./", "mailto:", "a/", "x.svg",
		"{", "}", "[", "]", ",", "\"url\"", "\"@id\"", "null", "1e999",
		"<feed>", "</feed>", "<urlset>", "<loc>", "</loc>", "<link", "<id>", "</id>", "<?xml", "?>",
		"BEGIN:", "END:", "VCALENDAR", "URL:", ";X=\"", "\r\n ", strings.Repeat("x", 80),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		var b strings.Builder
		for range rng.IntN(60) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		data := b.String()
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("panic on %q: %v", data, r)
				}
			}()
			checkBytes(t, []byte(data))
		})
	}
	// And one whole site of garbage, through Dir.
	s := &testSite{files: map[string]string{}}
	for i := range 50 {
		var b strings.Builder
		for range rng.IntN(200) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		for _, ext := range []string{".html", ".xml", ".json", ".ics", ".svg"} {
			s.files[fmt.Sprintf("d%d/f%s", i%7, ext)] = b.String()
		}
	}
	if _, err := Dir(s.write(t), Options{BaseURL: "https://example.org/"}); err != nil {
		t.Fatal(err)
	}
}
