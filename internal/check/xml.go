package check

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"strings"
)

// parseXML checks that an XML file parses, and records the URLs of sitemaps
// (every <loc>) and feeds (Atom <link href>, <id>, <icon> and <logo>; RSS
// <link>, <guid> and <enclosure url>). Relative URLs are taken relative to
// the file; xml:base is not supported.
func parseXML(d *doc, data []byte) {
	lines := newLineIndex(data)
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		root    string
		depth   int
		capture string // the element whose text is a URL, if any
		capLine int
		capOnly bool // the text counts only as an absolute http(s) URL
		text    strings.Builder
	)
	addRef := func(raw string, line int, absOnly bool) {
		raw = strings.TrimSpace(raw)
		if absOnly && !isHTTP(raw) {
			return
		}
		d.refs = append(d.refs, ref{raw: raw, line: line, onSite: root == "urlset" || root == "sitemapindex"})
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			d.problem(line, "malformed XML: %v", err)
			return
		}
		line, _ := dec.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				if root != "" {
					d.problem(line, "malformed XML: second root element <%s>", t.Name.Local)
					return
				}
				root = t.Name.Local
			}
			depth++
			name := t.Name.Local
			switch root {
			case "urlset", "sitemapindex":
				if name == "loc" {
					capture, capLine, capOnly = name, line, false
				}
			case "feed", "rss":
				href, hasHref := xmlAttr(t, "href")
				switch {
				case name == "link" && hasHref:
					addRef(href, line, false)
				case name == "enclosure":
					if u, ok := xmlAttr(t, "url"); ok {
						addRef(u, line, false)
					}
				case root == "feed" && (name == "id" || name == "icon" || name == "logo"):
					capture, capLine, capOnly = name, line, name == "id"
				case root == "rss" && name == "link":
					capture, capLine, capOnly = name, line, false
				case root == "rss" && name == "guid":
					if p, _ := xmlAttr(t, "isPermaLink"); p != "false" {
						capture, capLine, capOnly = name, line, true
					}
				}
			}
			if capture == name {
				text.Reset()
			}
		case xml.CharData:
			if capture != "" {
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			if capture == t.Name.Local {
				addRef(text.String(), capLine, capOnly)
				capture = ""
			}
		}
	}
	if root == "" {
		d.problem(max(len(lines), 1), "malformed XML: no root element")
	}
}

// xmlAttr returns the value of the attribute named local, in any namespace.
func xmlAttr(t xml.StartElement, local string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// isHTTP reports whether s is an absolute http or https URL; identifiers
// such as Atom ids are links only then ("tag:" and "urn:" ids are not).
func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (strings.EqualFold(u.Scheme, "http") || strings.EqualFold(u.Scheme, "https"))
}
