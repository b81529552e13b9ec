package server

import (
	_ "embed"
	"html"
	"strings"
)

// reloadJS is the live-reload client, served at scriptPath.
//
//go:embed reload.js
var reloadJS string

// Inline styles of the error overlay; reload.js builds the same overlay
// for errors that arrive over the event stream with the same values (tested).
const (
	overlayStyle = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
		"padding:2rem;background:rgba(24,24,27,.94);color:#fafafa;text-align:left;" +
		"font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace"
	messageStyle = "margin:1em 0 0;white-space:pre-wrap;font:inherit;color:#fca5a5"
)

// snippet is the markup injected into HTML pages served from st: the error
// overlay while a build error is active, and the live-reload script tagged
// with this server's id and st's build, so the script can tell whether the
// page is already stale when it connects.
func (s *Server) snippet(st *state) string {
	var b strings.Builder
	if st.err != nil {
		b.WriteString(overlay(*st.err))
	}
	b.WriteString(`<script src="` + scriptPath + `" data-server="` + html.EscapeString(s.id) +
		`" data-build="` + st.build() + `"></script>`)
	return b.String()
}

// overlay is the server-side error overlay markup, with every part escaped.
func overlay(e BuildError) string {
	var b strings.Builder
	b.WriteString(`<div id="briefgen-error" role="alert" style="` + overlayStyle + `">`)
	b.WriteString(`<strong>Build failed</strong>`)
	if loc := e.location(); loc != "" {
		b.WriteString(`<div>` + html.EscapeString(loc) + `</div>`)
	}
	b.WriteString(`<pre style="` + messageStyle + `">` + html.EscapeString(e.Message) + `</pre></div>`)
	return b.String()
}

// inject inserts snippet before the last </body> of page (matched without
// regard to case), or appends it when there is none. page is not modified.
func inject(page []byte, snippet string) []byte {
	i := lastIndexFold(page, "</body")
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

// lastIndexFold is the index of the last occurrence of the lower-case
// ASCII string sub in s, ignoring ASCII case; -1 if there is none. Unlike
// lowercasing the whole page first, it keeps byte offsets intact.
func lastIndexFold(s []byte, sub string) int {
	for i := len(s) - len(sub); i >= 0; i-- {
		if equalFoldASCII(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// equalFoldASCII reports whether b equals the lower-case ASCII string lower,
// ignoring ASCII case.
func equalFoldASCII(b []byte, lower string) bool {
	for i := range len(lower) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
