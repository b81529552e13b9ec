package check

import (
	"html"
	"io"
	"net/url"
	"strings"

	"github.com/tdewolff/parse/v2"
	lex "github.com/tdewolff/parse/v2/html"
)

// maxForeignDepth bounds how deeply nested <svg> and <math> islands are
// looked into, so that hostile input cannot make the work quadratic.
const maxForeignDepth = 16

// ogURLs are the Open Graph properties whose content is a URL to check.
var ogURLs = map[string]bool{"og:url": true, "og:image": true, "og:image:url": true, "og:image:secure_url": true}

// attr is one attribute of a start tag, with its value unquoted and
// unescaped, and the offset of the value in the file.
type attr struct {
	key, val string
	off      int
}

// element is a start tag and its attributes.
type element struct {
	name  string
	off   int
	attrs []attr
}

// get returns the value of the attribute key, if the element has it.
func (e *element) get(key string) (string, bool) {
	for _, a := range e.attrs {
		if a.key == key {
			return a.val, true
		}
	}
	return "", false
}

// htmlScanner collects what an HTML (or SVG) document holds.
type htmlScanner struct {
	d      *doc
	lines  lineIndex
	idLine map[string]int // id -> line of its first use
	base   *url.URL       // <base href>, relative to the page; nil if none
	ldJSON bool           // the next text is a JSON-LD script
}

// parseHTML records the anchors, URLs and local problems of an HTML or SVG
// document. It uses a lexer, not a tree builder: every check here concerns
// one tag at a time, and the lexer gives exact offsets for line numbers.
func parseHTML(d *doc, data []byte) {
	p := &htmlScanner{d: d, lines: newLineIndex(data), idLine: make(map[string]int)}
	d.anchors = make(map[string]bool)
	p.lex(data, 0, 0)
}

// lex scans data, which starts at offset base in the file.
func (p *htmlScanner) lex(data []byte, base, depth int) {
	in := parse.NewInputBytes(data)
	defer in.Restore()
	l := lex.NewLexer(in)
	var el element
	open := false
	for {
		tt, tok := l.Next()
		end := base + in.Offset()
		if tt == lex.AttributeToken && open {
			val := l.AttrVal()
			el.attrs = append(el.attrs, attr{key: string(l.AttrKey()), val: attrValue(val), off: end - len(val)})
			continue
		}
		if open {
			p.element(&el)
			open = false
		}
		switch tt {
		case lex.ErrorToken:
			if err := l.Err(); err != io.EOF {
				msg := err.Error()
				if pe, ok := err.(*parse.Error); ok {
					msg = pe.Message // without its multi-line context
				}
				p.d.problem(p.lines.line(end), "cannot parse HTML beyond this point: %s", msg)
			}
			return
		case lex.StartTagToken:
			el = element{name: string(l.Text()), off: end - len(tok)}
			open = true
		case lex.SVGToken, lex.MathToken:
			p.foreign(tok, end-len(tok), depth)
		case lex.TextToken:
			if p.ldJSON {
				scanJSON(p.d, tok, end-len(tok), p.lines, "JSON-LD")
			}
		}
		if tt != lex.StartTagCloseToken && tt != lex.StartTagVoidToken {
			p.ldJSON = false
		}
	}
}

// foreign scans an <svg> or <math> island, which the lexer returns whole,
// with tok starting at offset off: renaming its root tag ("<svg" becomes
// "<xvg") makes the lexer take it apart like ordinary markup.
func (p *htmlScanner) foreign(tok []byte, off, depth int) {
	if depth >= maxForeignDepth || len(tok) < 2 {
		return
	}
	buf := make([]byte, len(tok), len(tok)+1)
	copy(buf, tok)
	buf[1] = 'x'
	p.lex(buf, off, depth+1)
}

// element checks one start tag and records its anchors and URLs.
func (p *htmlScanner) element(el *element) {
	for _, a := range el.attrs {
		switch a.key {
		case "id":
			p.id(a)
		case "href", "src", "poster", "xlink:href":
			if el.name != "base" { // <base href> sets how links resolve, it is no link
				p.ref(a.val, a.off)
			}
		case "srcset", "imagesrcset":
			for _, u := range srcset(a.val) {
				p.ref(u, a.off)
			}
		}
	}
	switch el.name {
	case "a":
		if name, ok := el.get("name"); ok && name != "" {
			p.d.anchors[name] = true
		}
	case "img":
		if _, ok := el.get("alt"); !ok {
			p.d.problem(p.lines.line(el.off), "img without alt attribute")
		}
	case "base":
		if href, ok := el.get("href"); ok && p.base == nil {
			if u, err := url.Parse(trimURL(href)); err == nil {
				p.base = u
			}
		}
	case "meta":
		p.meta(el)
	case "script":
		typ, _ := el.get("type")
		p.ldJSON = strings.EqualFold(strings.TrimSpace(typ), "application/ld+json")
	}
}

// meta checks the URLs of Open Graph tags and refresh redirects, and notes
// pages that need no incoming link: redirect stubs and noindex pages.
func (p *htmlScanner) meta(el *element) {
	var content attr
	found := false
	for _, a := range el.attrs {
		if a.key == "content" {
			content, found = a, true
		}
	}
	if !found {
		return
	}
	prop, ok := el.get("property")
	if !ok {
		prop, _ = el.get("name")
	}
	prop = strings.ToLower(strings.TrimSpace(prop))
	equiv, _ := el.get("http-equiv")
	switch {
	case ogURLs[prop]:
		p.ref(content.val, content.off)
	case prop == "robots":
		c := strings.ToLower(content.val)
		if strings.Contains(c, "noindex") || strings.Contains(c, "none") {
			p.d.orphan = true
		}
	case strings.EqualFold(strings.TrimSpace(equiv), "refresh"):
		p.d.orphan = true
		if u, ok := refreshURL(content.val); ok {
			p.ref(u, content.off)
		}
	}
}

// id records an id, reporting it if the page already has it.
func (p *htmlScanner) id(a attr) {
	if a.val == "" {
		return
	}
	line := p.lines.line(a.off)
	if first, dup := p.idLine[a.val]; dup {
		p.d.problem(line, "duplicate id %q (first at line %d)", a.val, first)
		return
	}
	p.idLine[a.val] = line
	p.d.anchors[a.val] = true
}

// ref records a URL found at offset off.
func (p *htmlScanner) ref(raw string, off int) {
	if p.d.kind != kindHTML {
		return
	}
	p.d.refs = append(p.d.refs, ref{raw: raw, line: p.lines.line(off), base: p.base, htmlAttr: true})
}

// attrValue unquotes and unescapes a raw attribute value.
func attrValue(raw []byte) string {
	if len(raw) > 0 && (raw[0] == '"' || raw[0] == '\'') {
		q := raw[0]
		raw = raw[1:]
		if len(raw) > 0 && raw[len(raw)-1] == q {
			raw = raw[:len(raw)-1]
		}
	}
	return html.UnescapeString(string(raw))
}

// srcset returns the URLs of the image candidates in a srcset attribute,
// following the HTML parsing rules: a URL runs to the next space, and its
// descriptors to the next comma outside parentheses.
func srcset(s string) []string {
	var urls []string
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	for i := 0; i < len(s); {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			i++
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		u := s[start:i]
		if strings.HasSuffix(u, ",") {
			u = strings.TrimRight(u, ",")
		} else {
			for depth := 0; i < len(s) && (s[i] != ',' || depth > 0); i++ {
				switch s[i] {
				case '(':
					depth++
				case ')':
					depth = max(depth-1, 0)
				}
			}
		}
		if u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}

// refreshURL extracts the URL from the content of a refresh <meta>, such as
// "0; url=../new/".
func refreshURL(content string) (string, bool) {
	i := strings.IndexAny(content, ";,")
	if i < 0 {
		return "", false
	}
	s := strings.TrimSpace(content[i+1:])
	if len(s) >= 3 && strings.EqualFold(s[:3], "url") {
		if rest := strings.TrimSpace(s[3:]); strings.HasPrefix(rest, "=") {
			s = strings.TrimSpace(rest[1:])
		}
	}
	if len(s) > 0 && (s[0] == '"' || s[0] == '\'') {
		if j := strings.IndexByte(s[1:], s[0]); j >= 0 {
			s = s[1 : j+1]
		} else {
			s = s[1:]
		}
	}
	return s, s != ""
}
