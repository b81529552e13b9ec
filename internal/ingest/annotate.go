package ingest

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/entities"
	"briefgen/internal/names"
)

// span is one actor mention in the plain text.
type span struct {
	start, end int
	surface    string
}

// markdown renders the blocks as markdown, wrapping every actor mention in
// [[…]]. Mention offsets index d.plain, which is the blocks' text laid out
// in the same order, so each block annotates the mentions inside it.
func (d *doc) markdown(ents []entities.Entity) string {
	var spans []span
	for _, e := range ents {
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.Start < m.End && m.End <= len(d.plain) && d.plain[m.Start:m.End] == m.Surface {
				spans = append(spans, span{m.Start, m.End, m.Surface})
			}
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end)) })

	var b strings.Builder
	b.Grow(len(d.plain) + len(d.plain)/8)
	si, num := 0, 0
	for i, bl := range d.blocks {
		if i > 0 {
			if bl.kind == d.blocks[i-1].kind && (bl.kind == bBullet || bl.kind == bNumbered) {
				b.WriteByte('\n')
			} else {
				b.WriteString("\n\n")
			}
		}
		switch bl.kind {
		case bHeading:
			b.WriteString("## ")
		case bQuestion:
			b.WriteString("### ")
		case bBullet:
			b.WriteString("- ")
		case bNumbered:
			if i == 0 || d.blocks[i-1].kind != bNumbered {
				num = 0
			}
			num++
			b.WriteString(strconv.Itoa(num) + ". ")
		}
		start, end := d.starts[i], d.starts[i]+len(bl.text)
		pos := start
		for ; si < len(spans) && spans[si].start < end; si++ {
			sp := spans[si]
			if sp.start < pos || sp.end > end || !annotatable(d.plain, sp) {
				continue
			}
			escape(&b, d.plain[pos:sp.start], pos == start, true, false)
			b.WriteString("[[")
			b.WriteString(sp.surface)
			b.WriteString("]]")
			pos = sp.end
		}
		escape(&b, d.plain[pos:end], pos == start, false, bl.kind == bHeading || bl.kind == bQuestion)
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	return b.String()
}

// annotatable reports whether a mention can be wrapped in [[…]]: it is
// whole words and its text cannot break the annotation syntax.
func annotatable(text string, sp span) bool {
	s := sp.surface
	if strings.ContainsAny(s, "[]|\n") || strings.TrimSpace(s) != s || strings.HasPrefix(s, "\\") || strings.HasSuffix(s, "\\") {
		return false
	}
	if k, _, ok := strings.Cut(s, ":"); ok {
		switch strings.TrimSpace(k) {
		case "actor", "theme", "timeline", "brief":
			return false
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:sp.start]); sp.start > 0 && wordRune(r) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[sp.end:]); sp.end < len(text) && wordRune(r) {
		return false
	}
	return true
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// escape writes s with the characters markdown would read as markup
// escaped, so that it renders as written. lineStart says s begins a line;
// beforeMention says an annotation follows s directly; heading says s ends
// a heading, where a final "#" would be taken for a closing sequence.
func escape(b *strings.Builder, s string, lineStart, beforeMention, heading bool) {
	if lineStart {
		s = escapeLineStart(b, s)
	}
	run := 0 // start of the bytes not yet written
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !markupByte[c] {
			continue
		}
		b.WriteString(s[run:i])
		run = i + 1
		switch c {
		case '\\', '*', '[', ']', '`', '~':
			b.WriteByte('\\')
		case '_':
			if i == 0 || i == len(s)-1 || !wordByte(s[i-1]) || !wordByte(s[i+1]) {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(s) && (isLetterByte(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) {
				b.WriteByte('\\')
			}
		case '&':
			if entityRef(s[i+1:]) {
				b.WriteByte('\\')
			}
		case '#':
			if i == len(s)-1 && heading {
				b.WriteByte('\\')
			}
		case '!':
			if i == len(s)-1 && beforeMention {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	b.WriteString(s[run:])
}

// markupByte marks the bytes escape may have to escape.
var markupByte = func() (t [256]bool) {
	for _, c := range []byte("\\*[]`~_<&#!") {
		t[c] = true
	}
	return t
}()

// escapeLineStart escapes what would start a heading, quote, list or
// thematic break at the beginning of a line, and returns the rest of s.
func escapeLineStart(b *strings.Builder, s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '=':
		b.WriteByte('\\')
		b.WriteByte(s[0])
		return s[1:]
	case '-', '+':
		if len(s) == 1 || s[1] == ' ' || s[1] == s[0] {
			b.WriteByte('\\')
			b.WriteByte(s[0])
			return s[1:]
		}
	}
	i := 0
	for i < len(s) && i < 9 && isDigit(s[i]) {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') && (i+1 == len(s) || s[i+1] == ' ') {
		b.WriteString(s[:i])
		b.WriteByte('\\')
		return s[i:]
	}
	return s
}

// entityRef reports whether s starts like the rest of an HTML entity
// ("amp;", "#39;").
func entityRef(s string) bool {
	for i := 0; i < len(s) && i < 32; i++ {
		c := s[i]
		if c == ';' {
			return i > 0
		}
		if !isLetterByte(c) && !isDigit(c) && !(i == 0 && c == '#') {
			return false
		}
	}
	return false
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func wordByte(c byte) bool { return isLetterByte(c) || isDigit(c) || c >= 0x80 }

// themesOf returns the themes one of whose keywords occurs in text as
// whole folded words, in order of first occurrence.
func themesOf(text string, themes []Theme) []ThemeRef {
	if len(themes) == 0 {
		return []ThemeRef{}
	}
	folded := names.Keyword(text)
	type hit struct {
		at int
		t  Theme
	}
	var hits []hit
	for _, t := range themes {
		at := -1
		for _, k := range t.Keywords {
			if i := names.FindKeyword(folded, names.Keyword(k)); i >= 0 && (at < 0 || i < at) {
				at = i
			}
		}
		if at >= 0 {
			hits = append(hits, hit{at, t})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(a.at, b.at) })
	out := make([]ThemeRef, 0, len(hits))
	for _, h := range hits {
		out = append(out, ThemeRef{Name: h.t.Name, Slug: or(h.t.Slug, names.Slug(h.t.Name))})
	}
	return out
}
