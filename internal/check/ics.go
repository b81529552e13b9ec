package check

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// maxICSLine is the longest line RFC 5545 allows, in octets, before CRLF.
const maxICSLine = 75

// parseICS checks an iCalendar file against RFC 5545's framing: CRLF line
// endings, lines of at most 75 octets folded with a leading space or tab
// and not inside a UTF-8 character, "NAME:value" content lines, and BEGIN
// and END in matching pairs. It records the value of every URL property.
func parseICS(d *doc, data []byte) {
	type open struct {
		name string
		line int
	}
	var (
		stack            []open
		logical          []byte // the unfolded content line being read
		start            int    // the line it starts on
		lfLines, firstLF int    // lines not ending in CRLF, and the first of them
		seenContent      bool
	)
	flush := func() {
		if logical == nil {
			return
		}
		name, value, ok := contentLine(logical)
		logical = nil
		if !ok {
			d.problem(start, "malformed content line (want NAME:value; is a fold missing its leading space?)")
			return
		}
		if !seenContent && !(name == "BEGIN" && strings.EqualFold(value, "VCALENDAR")) {
			d.problem(start, "calendar does not start with BEGIN:VCALENDAR")
		}
		seenContent = true
		switch name {
		case "BEGIN":
			stack = append(stack, open{strings.ToUpper(value), start})
		case "END":
			i := len(stack) - 1
			for i >= 0 && stack[i].name != strings.ToUpper(value) {
				i--
			}
			if i < 0 {
				d.problem(start, "END:%s without BEGIN:%s", value, value)
				break
			}
			for _, o := range stack[i+1:] { // closed by an outer END
				d.problem(o.line, "BEGIN:%s without END:%s", o.name, o.name)
			}
			stack = stack[:i]
		case "URL":
			d.refs = append(d.refs, ref{raw: value, line: start})
		}
	}
	n := 0
	for rest := data; len(rest) > 0; {
		n++
		var line []byte
		eol := false
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest, eol = rest[:i], rest[i+1:], true
		} else {
			line, rest = rest, nil
		}
		line, cr := bytes.CutSuffix(line, []byte("\r"))
		if !cr || !eol {
			if lfLines == 0 {
				firstLF = n
			}
			lfLines++
		}
		if len(line) > maxICSLine {
			d.problem(n, "line is %d octets long, more than %d", len(line), maxICSLine)
		}
		switch {
		case len(line) == 0:
			flush()
			d.problem(n, "empty line")
		case line[0] == ' ' || line[0] == '\t':
			if logical == nil {
				d.problem(n, "folded line continues nothing")
				continue
			}
			if len(line) > 1 && !utf8.RuneStart(line[1]) {
				d.problem(n, "fold splits a UTF-8 character")
			}
			logical = append(logical, line[1:]...)
		default:
			flush()
			logical, start = append([]byte{}, line...), n
		}
	}
	flush()
	for _, o := range stack {
		d.problem(o.line, "BEGIN:%s without END:%s", o.name, o.name)
	}
	if lfLines > 0 {
		d.problem(firstLF, "line does not end with CRLF (%d such lines)", lfLines)
	}
	if !seenContent {
		d.problem(1, "calendar is empty")
	}
}

// contentLine splits an unfolded content line, "NAME;PARAM=x:value", into
// its upper-cased name and its value; a colon inside a quoted parameter
// value does not end the parameters.
func contentLine(b []byte) (name, value string, ok bool) {
	i := 0
	for i < len(b) && (b[i] == '-' || '0' <= b[i] && b[i] <= '9' || 'a' <= b[i]|0x20 && b[i]|0x20 <= 'z') {
		i++
	}
	if i == 0 || i == len(b) || b[i] != ':' && b[i] != ';' {
		return "", "", false
	}
	name = strings.ToUpper(string(b[:i]))
	for quoted := false; i < len(b); i++ {
		switch {
		case b[i] == '"':
			quoted = !quoted
		case b[i] == ':' && !quoted:
			return name, string(b[i+1:]), true
		}
	}
	return "", "", false
}
