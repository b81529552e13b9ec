package check

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{"briefs/x/index.html", 12, "broken link /briefing/actors/nobody/"}, "briefs/x/index.html:12: broken link /briefing/actors/nobody/"},
		{Problem{"orphan/index.html", 0, "page is not reachable by links from the home page"}, "orphan/index.html: page is not reachable by links from the home page"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestResolve(t *testing.T) {
	files := []string{"index.html", "briefs/index.html", "briefs/x/index.html", "about.html", "a b/c.pdf", "tags/café/index.html", "assets/app.js"}
	tests := []struct {
		base   string // Options.BaseURL
		page   string // the file the link is in
		raw    string
		status status
		file   string
	}{
		{"https://example.org/briefing/", "briefs/x/index.html", "/briefing/briefs/", found, "briefs/index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "/briefing/briefs", found, "briefs/index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "/briefing", found, "index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "../../", found, "index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "../../about.html?x=1#y", found, "about.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "./", found, "briefs/x/index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "?page=2", found, "briefs/x/index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", "../../a%20b/c.pdf", found, "a b/c.pdf"},
		{"https://example.org/briefing/", "briefs/x/index.html", "../../tags/caf%C3%A9/", found, "tags/café/index.html"},
		{"https://example.org/briefing/", "briefs/x/index.html", " \n../../about.html\t", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "HTTPS://Example.ORG:443/briefing/about.html", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "http://example.org/briefing/about.html", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "//example.org/briefing/about.html", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "/briefing/a/../about.html", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "/briefing/nope/", missing, ""},
		{"https://example.org/briefing/", "index.html", "/briefing/about.html/", missing, ""},
		{"https://example.org/briefing/", "index.html", "/briefing/assets/", missing, ""},
		{"https://example.org/briefing/", "index.html", "/briefing/Briefs/", missing, ""},
		{"https://example.org/briefing/", "index.html", "/about.html", outside, ""},
		{"https://example.org/briefing/", "index.html", "../about.html", outside, ""},
		{"https://example.org/briefing/", "index.html", "https://example.org/about.html", external, ""},
		{"https://example.org/briefing/", "index.html", "https://example.org:8443/briefing/about.html", external, ""},
		{"https://example.org/briefing/", "index.html", "https://other.example/briefing/", external, ""},
		{"https://example.org/", "index.html", "../about.html", outside, ""},
		{"https://example.org/", "briefs/x/index.html", "../../../about.html", outside, ""},
		{"https://example.org/", "index.html", "https://example.org", found, "index.html"},
		{"", "index.html", "https://example.org/about.html", external, ""},
		{"", "briefs/index.html", "/about.html", found, "about.html"},
		{"/briefing/", "index.html", "/briefing/about.html", found, "about.html"},
		{"/briefing", "index.html", "/briefing/about.html", found, "about.html"},
		{"https://example.org/briefing/", "index.html", "mailto:a@example.org", skipped, ""},
		{"https://example.org/briefing/", "index.html", "TEL:123", skipped, ""},
		{"https://example.org/briefing/", "index.html", "javascript:void(0)", skipped, ""},
		{"https://example.org/briefing/", "index.html", "data:text/plain,hi", skipped, ""},
		{"https://example.org/briefing/", "index.html", "", skipped, ""},
		{"https://example.org/briefing/", "index.html", "%zz", invalid, ""},
		{"https://example.org/briefing/", "index.html", "http:about.html", invalid, ""},
	}
	for _, tt := range tests {
		s, err := newSite(Options{BaseURL: tt.base})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			s.files[f] = true
			for d := filepath.ToSlash(filepath.Dir(f)); d != "."; d = filepath.ToSlash(filepath.Dir(d)) {
				s.dirs[d] = true
			}
		}
		got := s.resolve(s.fileURL(tt.page), tt.raw)
		if got.status != tt.status || got.file != tt.file {
			t.Errorf("base %q, page %s: resolve(%q) = %v %q, want %v %q (%v)", tt.base, tt.page, tt.raw, got.status, got.file, tt.status, tt.file, got.err)
		}
	}
}

func TestBaseTag(t *testing.T) {
	s := &testSite{files: map[string]string{
		"index.html":           `<base href="/docs/"><a href="page/">Page</a> <a href="missing/">Missing</a>`,
		"docs/page/index.html": `<p>Page</p>`,
	}}
	root := s.write(t)
	got, err := Dir(root, Options{BaseURL: "https://example.org/"})
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{{"index.html", 1, "broken link missing/"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestMissingHome(t *testing.T) {
	s := &testSite{files: map[string]string{"about/index.html": `<p>About</p>`}}
	got, err := Dir(s.write(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Problem{{"index.html", 0, "home page is missing"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDirErrors(t *testing.T) {
	root := t.TempDir()
	if _, err := Dir(filepath.Join(root, "nope"), Options{}); err == nil {
		t.Error("Dir of a missing folder: no error")
	}
	file := filepath.Join(root, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Dir(file, Options{}); err == nil {
		t.Error("Dir of a file: no error")
	}
	if _, err := Dir(root, Options{BaseURL: "https://exa mple.org/%zz"}); err == nil {
		t.Error("invalid BaseURL: no error")
	}
	if _, err := Dir(root, Options{AllowUnreachable: []string{"["}}); err == nil {
		t.Error("invalid pattern: no error")
	}
	if os.Geteuid() != 0 { // root reads anything
		if err := os.WriteFile(filepath.Join(root, "index.html"), nil, 0o000); err != nil {
			t.Fatal(err)
		}
		if _, err := Dir(root, Options{}); err == nil {
			t.Error("unreadable file: no error")
		}
	}
}

func TestDeterministic(t *testing.T) {
	s := goodSite(variants[0])
	for i := range 20 {
		s.page("orphan"+string(rune('a'+i))+"/index.html", "Orphan", `<a href="#x">x</a><img src="y.png">`)
	}
	root := s.write(t)
	first, err := Dir(root, Options{BaseURL: s.v.baseURL})
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != 80 { // per orphan: broken anchor, broken link, missing alt, unreachable
		t.Fatalf("got %d problems, want 80", len(first))
	}
	for range 5 {
		again, err := Dir(root, Options{BaseURL: s.v.baseURL})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(first, again) {
			t.Fatal("two runs disagree")
		}
	}
	if !slices.IsSortedFunc(first, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), strings.Compare(a.Message, b.Message))
	}) {
		t.Error("problems not sorted")
	}
}

func TestSrcset(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a.jpg", []string{"a.jpg"}},
		{"a.jpg 1x, b.jpg 2x", []string{"a.jpg", "b.jpg"}},
		{" a.jpg 400w,b.jpg 800w ,\n c.jpg 1200w", []string{"a.jpg", "b.jpg", "c.jpg"}},
		{"a.jpg,b.jpg", []string{"a.jpg,b.jpg"}},
		{"a.jpg, b.jpg", []string{"a.jpg", "b.jpg"}},
		{"x.jpg (a, b) 1x, y.jpg", []string{"x.jpg", "y.jpg"}},
		{"data:image/png;base64,AAAA 1x", []string{"data:image/png;base64,AAAA"}},
		{"", nil},
		{" , ,", nil},
	}
	for _, tt := range tests {
		if got := srcset(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("srcset(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRefreshURL(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"0; url=../new/", "../new/"},
		{"0;URL='../new/'", "../new/"},
		{`5, url="x.html"`, "x.html"},
		{"0; ../new/", "../new/"},
		{"30", ""},
		{"0; url='", ""},
	}
	for _, tt := range tests {
		if got, _ := refreshURL(tt.in); got != tt.want {
			t.Errorf("refreshURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// parsed runs the parser for name's kind on content.
func parsed(name, content string) *doc {
	d := &doc{file: name, kind: kindOf(name)}
	switch d.kind {
	case kindHTML, kindSVG:
		parseHTML(d, []byte(content))
	case kindXML:
		parseXML(d, []byte(content))
	case kindJSON:
		parseJSON(d, []byte(content))
	case kindICS:
		parseICS(d, []byte(content))
	}
	return d
}

func TestICS(t *testing.T) {
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	tests := []struct {
		name, in string
		want     []string // "line: message"
		refs     []string
	}{
		{"good", crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nURL:https://e\n xample.org/x/\nEND:VEVENT\nEND:VCALENDAR\n"), nil, []string{"https://example.org/x/"}},
		{"LF endings", "BEGIN:VCALENDAR\r\nVERSION:2.0\nEND:VCALENDAR\n", []string{"2: line does not end with CRLF (2 such lines)"}, nil},
		{"no final newline", "BEGIN:VCALENDAR\r\nEND:VCALENDAR", []string{"2: line does not end with CRLF (1 such lines)"}, nil},
		{"fold without space", crlf("BEGIN:VCALENDAR\nSUMMARY:long\ncontinued here\nEND:VCALENDAR\n"), []string{"3: malformed content line (want NAME:value; is a fold missing its leading space?)"}, nil},
		{"fold inside UTF-8", "BEGIN:VCALENDAR\r\nSUMMARY:caf\xc3\r\n \xa9\r\nEND:VCALENDAR\r\n", []string{"3: fold splits a UTF-8 character"}, nil},
		{"fold at start", crlf(" x\nBEGIN:VCALENDAR\nEND:VCALENDAR\n"), []string{"1: folded line continues nothing"}, nil},
		{"empty line", crlf("BEGIN:VCALENDAR\n\nEND:VCALENDAR\n"), []string{"2: empty line"}, nil},
		{"long line", crlf("BEGIN:VCALENDAR\nX:" + strings.Repeat("é", 37) + "\nEND:VCALENDAR\n"), []string{"2: line is 76 octets long, more than 75"}, nil},
		{"END without BEGIN", crlf("BEGIN:VCALENDAR\nEND:VEVENT\nEND:VCALENDAR\n"), []string{"2: END:VEVENT without BEGIN:VEVENT"}, nil},
		{"unclosed inner", crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n"), []string{"2: BEGIN:VEVENT without END:VEVENT"}, nil},
		{"unclosed", crlf("BEGIN:VCALENDAR\nBEGIN:VEVENT\n"), []string{"1: BEGIN:VCALENDAR without END:VCALENDAR", "2: BEGIN:VEVENT without END:VEVENT"}, nil},
		{"not a calendar", crlf("BEGIN:VCARD\nEND:VCARD\n"), []string{"1: calendar does not start with BEGIN:VCALENDAR"}, nil},
		{"empty", "", []string{"1: calendar is empty"}, nil},
		{"case and params", crlf("begin:vcalendar\nurl;value=uri;x=\"a:b\":https://example.org/y/\nend:VCALENDAR\n"), nil, []string{"https://example.org/y/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("cal.ics", tt.in)
			var got, refs []string
			for _, p := range d.problems {
				got = append(got, strings.TrimPrefix(p.String(), "cal.ics:"))
			}
			for _, r := range d.refs {
				refs = append(refs, r.raw)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("refs %q, want %q", refs, tt.refs)
			}
		})
	}
}

func TestXML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		refs     []string
	}{
		{"empty", "", []string{"1: malformed XML: no root element"}, nil},
		{"two roots", "<a/>\n<b/>", []string{"2: malformed XML: second root element <b>"}, nil},
		{"unclosed", "<feed>\n<entry>\n", []string{"3: malformed XML: XML syntax error on line 3: unexpected EOF"}, nil},
		{"HTML entity", "<feed>\n<title>&nbsp;</title></feed>", []string{"2: malformed XML: XML syntax error on line 2: invalid character entity &nbsp;"}, nil},
		{"sitemap index", "<sitemapindex><sitemap><loc> /s1.xml </loc></sitemap></sitemapindex>", nil, []string{"/s1.xml"}},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:uuid:1</id><icon>/i.png</icon><entry><id>https://e.org/a/</id><link rel="alternate" href="/a/"/></entry></feed>`, nil, []string{"/i.png", "https://e.org/a/", "/a/"}},
		{"rss", `<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><atom:link href="/feed.xml" rel="self"/><link>/</link><item><link>/a/</link><guid isPermaLink="false">/a/</guid><guid>https://e.org/b/</guid><enclosure url="/a.mp3"/></item></channel></rss>`, nil, []string{"/feed.xml", "/", "/a/", "https://e.org/b/", "/a.mp3"}},
		{"other XML", `<browserconfig><msapplication><tile><square70x70logo src="/nope.png"/></tile></msapplication></browserconfig>`, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("f.xml", tt.in)
			var got, refs []string
			for _, p := range d.problems {
				got = append(got, strings.TrimPrefix(p.String(), "f.xml:"))
			}
			for _, r := range d.refs {
				refs = append(refs, r.raw)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("refs %q, want %q", refs, tt.refs)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		refs     []string
	}{
		{"keys anywhere", `{"url": "/a/", "x": {"href": ["/b/", {"url": "/c/", "n": 1}], "@id": "/d/#x"}, "name": "/e/", "list": [["/f/"]], "URL": "/g/"}`, nil, []string{"/a/", "/b/", "/c/", "/d/#x"}},
		{"key names are not values", `{"url": {"title": "url", "href": "/a/"}, "a": "url"}`, nil, []string{"/a/"}},
		{"blank node", `{"@id": "_:b0"}`, nil, nil},
		{"empty", "", []string{"1: malformed JSON: unexpected end of JSON input"}, nil},
		{"trailing data", "{}\n{}", []string{"2: malformed JSON: invalid character '{' after top-level value"}, nil},
		{"bad on line 3", "[\n1,\n2,,\n3]", []string{"3: malformed JSON: invalid character ',' looking for beginning of value"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("f.json", tt.in)
			var got, refs []string
			for _, p := range d.problems {
				got = append(got, strings.TrimPrefix(p.String(), "f.json:"))
			}
			for _, r := range d.refs {
				refs = append(refs, r.raw)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("refs %q, want %q", refs, tt.refs)
			}
		})
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		refs     []string // "line raw"
		anchors  []string
	}{
		{"entities and quotes", `<a href="a?x=1&amp;y=2">x</a><a href='b&#47;'>y</a><a href=c/>z</a><A HREF="d">`, nil, []string{"1 a?x=1&y=2", "1 b/", "1 c/", "1 d"}, nil},
		{"raw text is not markup", "<script>\n'<a href=\"x\">'</script><style>a{}</style><textarea><a href=y></textarea><title><img></title>", nil, nil, nil},
		{"comments", "<!-- <a href=x> <img> -->", nil, nil, nil},
		{"ids and names", `<p id="a"></p><a name="b"></a><div name="c"></div><p id=""></p><p id="a"></p>`, []string{`1: duplicate id "a" (first at line 1)`}, nil, []string{"a", "b"}},
		{"nested SVG", "<svg id=s><a href=\"/x\"><svg id=\"t\"><image href='/i.png'/></svg></a>\n<use xlink:href=\"#s\"/></svg><p id=after>", nil, []string{"1 /x", "1 /i.png", "2 #s"}, []string{"s", "t", "after"}},
		{"MathML", `<math id="m"><mi href="/m">x</mi></math>`, nil, []string{"1 /m"}, []string{"m"}},
		{"unterminated SVG quote", `<svg><text>"</text></svg><a href="/after">`, nil, []string{"1 /after"}, nil},
		{"img alt forms", "<img alt><img alt=''><img src=x>\n<img\nsrc=y>", []string{"1: img without alt attribute", "2: img without alt attribute"}, []string{"1 x", "3 y"}, nil},
		{"meta", `<meta property="og:image" content="/a.png"><meta name="og:url" content="/b/"><meta name="twitter:card" content="/c"><meta http-equiv="refresh" content="0;url=/d/">`, nil, []string{"1 /a.png", "1 /b/", "1 /d/"}, nil},
		{"unclosed tag at EOF", `<a href="/x"`, nil, []string{"1 /x"}, nil},
		{"NUL in SVG", "<a href=/x>\n<svg>\x00</svg><a href=/y>", []string{"2: cannot parse HTML beyond this point: unexpected NULL character"}, []string{"1 /x"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parsed("p.html", tt.in)
			var got, refs, anchors []string
			for _, p := range d.problems {
				got = append(got, strings.TrimPrefix(p.String(), "p.html:"))
			}
			for _, r := range d.refs {
				refs = append(refs, strconv.Itoa(r.line)+" "+r.raw)
			}
			for a := range d.anchors {
				anchors = append(anchors, a)
			}
			slices.Sort(anchors)
			wantAnchors := slices.Sorted(slices.Values(tt.anchors))
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
			if !slices.Equal(refs, tt.refs) {
				t.Errorf("refs %q, want %q", refs, tt.refs)
			}
			if tt.anchors != nil && !slices.Equal(anchors, wantAnchors) {
				t.Errorf("anchors %q, want %q", anchors, wantAnchors)
			}
		})
	}
}
