// Package quotes finds direct quotations in a news text and attributes each
// to its speaker, or to no one when the text does not say who spoke.
package quotes

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/entities"
	"briefgen/internal/names"
)

// Quote is one direct quotation.
type Quote struct {
	Text       string // the quoted words, without the quotation marks
	Start, End int    // byte offsets of the quoted words in the text (of both parts, when joined)
	Speaker    int    // index into the entities passed to Find, or -1 when unknown
}

// MinWords is the fewest words a quotation has; shorter quoted phrases are
// scare quotes ("impatient", "360-degree").
const MinWords = 5

// Find returns the quotations of five words or more in text, in order.
//
// Quotation marks may be straight or curly, and mixed (“…" as pasted text
// often has); whether a mark opens or closes is read from the characters
// around it. In a headline-like line (short, with no sentence's final
// stop) single quotes are marks too: "Berg: ‘We will not give in’". A
// quotation left open at the end of a paragraph ends there; the next
// paragraph, if it opens with a mark, continues it as a quotation of its
// own. A quotation interrupted by its attribution ("A," he said, "B")
// gives one Quote per part, each with the same speaker, when both parts
// have five words; otherwise one Quote of both parts joined by a space,
// whose Start and End span the attribution too.
//
// The speaker is, in order of preference: the one named right after the
// quotation ('…," Berg said', '…," said Berg', '…," the Foreign Ministry
// said', 'as spokesperson Dorn put it'); the subject of a verb of saying,
// characterising or judging before it in the same sentence ('Berg said,
// "…"', 'X, noting that "…"', 'X accused the Treasury of "…"'), or a
// headline's label ('Berg: "…"'); for a pronoun, the subject of the
// nearest sentence before it that names a person; for a role ("the NATO
// chief said"), the person whose role matches; for a description ("the
// fund said"), the organisation named so; for an unattributed quotation,
// the speaker of one right before it, or the subject of a verb of saying
// in the sentence before. An indefinite subject ("one EU diplomat", "a
// senior official, who asked not to be named", "sources said") names no
// one, and neither does a name that only qualifies it ("Berg's aide",
// "a Treasury official"): the speaker is then -1, never a guess.
func Find(text string, ents []entities.Entity) []Quote {
	if len(text) == 0 {
		return nil
	}
	f := newFinder(text, ents)
	f.scan()
	f.sentences()
	f.join()
	var out []Quote
	for k := range f.qs {
		q := &f.qs[k]
		if !q.long {
			continue
		}
		q.speaker, q.attributed = f.attribute(k)
	}
	f.propagate()
	for _, q := range f.qs {
		if !q.long {
			continue
		}
		o := Quote{Text: normSpace(text[q.s:q.e]), Start: q.s, End: q.e, Speaker: q.speaker}
		if q.joined > 0 {
			n := &f.qs[q.joined]
			o.Text += " " + normSpace(text[n.s:n.e])
			o.End = n.e
		}
		out = append(out, o)
	}
	return out
}

type mention struct {
	s, e, ent int
	person    bool
}

type qspan struct {
	open, close int // the opening mark's offset; the closing mark's, or -1
	s, e        int // the quoted words
	line        int // index into finder.lines of the line it opens on
	endLine     int // and of the line it ends on
	words       int // how many words it has
	long        bool
	joined      int // the index of the part joined to this one, or 0
	speaker     int
	attributed  bool
}

type finder struct {
	text   string
	ents   []entities.Entity
	roles  []string // names.Fold of each entity's role, padded with spaces
	ms     []mention
	qs     []qspan
	lines  [][2]int // non-blank lines: start, end
	bounds []int    // sentence starts, ascending
	single bool     // some quotation is in single quotes
	// scratch holds the words after a quotation while they are read
	scratch []word
}

func newFinder(text string, ents []entities.Entity) *finder {
	f := &finder{text: text, ents: ents, roles: make([]string, len(ents))}
	n := 0
	for _, e := range ents {
		n += len(e.Mentions)
	}
	f.ms = make([]mention, 0, n)
	nl := strings.Count(text, "\n") + 1
	f.lines = make([][2]int, 0, nl)
	f.bounds = make([]int, 0, nl+strings.Count(text, ". ")+8)
	f.qs = make([]qspan, 0, strings.Count(text, "\"")/2+strings.Count(text, "“")+4)
	for id, e := range ents {
		if e.Kind == "person" && e.Role != "" {
			f.roles[id] = " " + names.Fold(e.Role) + " "
		}
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
				continue
			}
			f.ms = append(f.ms, mention{s: m.Start, e: m.End, ent: id, person: e.Kind == "person"})
		}
	}
	slices.SortFunc(f.ms, func(a, b mention) int { return a.s - b.s })
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		end := len(text)
		if j >= 0 {
			end = i + j
		}
		if strings.TrimSpace(text[i:end]) != "" {
			f.lines = append(f.lines, [2]int{i, end})
		}
		i = end + 1
	}
	if entities.HardWrapped(text) {
		// a paragraph is a block of lines between blank lines
		var paras [][2]int
		for _, ln := range f.lines {
			if k := len(paras) - 1; k >= 0 && strings.Count(text[paras[k][1]:ln[0]], "\n") == 1 {
				paras[k][1] = ln[1]
				continue
			}
			paras = append(paras, ln)
		}
		f.lines = paras
	}
	return f
}

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isMark(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‟':
		return true
	}
	return false
}

// flanks reads a quotation mark from its neighbours: a mark with a space or
// an opening bracket before it and a word after it opens; a mark with a word
// before it and a space or punctuation after it closes.
func (f *finder) flanks(i, n int) (left, right bool) {
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(f.text[:i])
	}
	if i+n < len(f.text) {
		next, _ = decode(f.text, i+n)
	}
	prevOpen := unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/\u00a0", prev) || isMark(prev)
	nextSpace := unicode.IsSpace(next)
	nextPunct := strings.ContainsRune(".,;:!?)]}—–-…", next)
	left = !nextSpace && prevOpen
	right = !unicode.IsSpace(prev) && (nextSpace || nextPunct || isMark(next))
	return
}

func (f *finder) lineOf(pos int) int {
	k := sort.Search(len(f.lines), func(k int) bool { return f.lines[k][1] >= pos })
	if k == len(f.lines) {
		k--
	}
	return k
}

// softWrap reports whether line li continues in the next line as the same
// paragraph: hard-wrapped text, where a line ends without a sentence's
// final punctuation and the next line follows directly.
func (f *finder) softWrap(li int) bool {
	if li+1 >= len(f.lines) {
		return false
	}
	ln, next := f.lines[li], f.lines[li+1]
	if strings.TrimSpace(f.text[ln[1]:next[0]]) != "" || strings.Count(f.text[ln[1]:next[0]], "\n") != 1 {
		return false // a blank line between
	}
	end := strings.TrimRight(f.text[ln[0]:ln[1]], " \t\r")
	r, _ := utf8.DecodeLastRuneInString(end)
	if strings.ContainsRune(".!?:;\"”’)]…", r) {
		return false
	}
	first := strings.TrimLeft(f.text[next[0]:next[1]], " \t")
	r, _ = utf8.DecodeRuneInString(first)
	return !isMark(r) && !unicode.IsUpper(r)
}

// scan finds every quoted span, of any length. In a headline-like line
// single quotes are quotation marks too ("Berg: ‘We will not give in’"), as
// headlines and live-blog entry headings print them; elsewhere they are
// apostrophes or quotes within quotes and are not read.
func (f *finder) scan() {
	open, openLine, openSingle := -1, 0, false
	cur := newMarkCursor(f.text)
	for li, ln := range f.lines {
		single := f.headlineLike(li)
		for i := cur.at(ln[0], single); i < ln[1]; i = cur.at(i, single) {
			r, n := decode(f.text, i)
			isSingle := single && isSingleMark(r)
			if !isMark(r) && !isSingle || open >= 0 && isSingle != openSingle {
				i += n // not a mark, or one of the other kind inside a quotation
				continue
			}
			opener, closer := f.direction(r, i, n, open >= 0)
			switch {
			case open < 0 && opener:
				open, openLine, openSingle = i, li, isSingle
				f.single = f.single || isSingle
			case open >= 0 && closer:
				f.add(open, i, i+n, openLine, li)
				open = -1
			}
			i += n
		}
		if open >= 0 && openSingle {
			open = -1 // an unclosed single quote is an apostrophe ("‘90s")
		}
		if open >= 0 && !f.softWrap(li) {
			// open to the end of the paragraph
			f.add(open, -1, ln[1], openLine, li)
			open = -1
		}
	}
}

// direction reads whether the mark r at i (n bytes) opens or closes a
// quotation, given whether one is open. Curly double marks lean to their
// shape; straight and single marks must be flanked clearly, and a straight
// double mark flanked both ways (or neither) toggles.
func (f *finder) direction(r rune, i, n int, isOpen bool) (opener, closer bool) {
	left, right := f.flanks(i, n)
	switch r {
	case '“', '„', '«', '‟':
		return left || !right, right && !left
	case '”', '»':
		return left && !right, right || !left
	case '"':
		if left == right {
			return !isOpen, isOpen
		}
	}
	return left && !right, right && !left
}

// leadBytes are the bytes a quotation mark can start with: '"' and the
// lead bytes of the curly and angle marks; the last, the apostrophe, is a
// mark only in headline-like lines.
var leadBytes = [...]byte{'"', 0xE2, 0xC2, '\''}

// markCursor finds the next byte of a text that can start a quotation
// mark with one vectorised strings.IndexByte per lead byte and occurrence,
// rather than a test of every byte. Positions are asked in increasing
// order.
type markCursor struct {
	text string
	// next holds, for each lead byte, its first index at or after the
	// last position asked (len(text) when there is none), or -1 before
	// the first.
	next [len(leadBytes)]int
}

func newMarkCursor(text string) markCursor {
	c := markCursor{text: text}
	for k := range c.next {
		c.next[k] = -1
	}
	return c
}

// at returns the first index from i on of a lead byte, the apostrophe
// only when single, or len(text) when there is none.
func (c *markCursor) at(i int, single bool) int {
	n := len(leadBytes)
	if !single {
		n--
	}
	best := len(c.text)
	for k := 0; k < n; k++ {
		if c.next[k] < i {
			c.next[k] = len(c.text)
			if j := strings.IndexByte(c.text[i:], leadBytes[k]); j >= 0 {
				c.next[k] = i + j
			}
		}
		best = min(best, c.next[k])
	}
	return best
}

func isSingleMark(r rune) bool { return r == '‘' || r == '’' || r == '\'' }

// headlineLike reports whether line li reads as a headline or an entry
// heading rather than a sentence: a short line that does not end with a
// sentence's final punctuation.
func (f *finder) headlineLike(li int) bool {
	ln := f.lines[li]
	line := strings.TrimRight(f.text[ln[0]:ln[1]], " \t\r")
	for line != "" {
		r, n := utf8.DecodeLastRuneInString(line)
		if !isSingleMark(r) && !isMark(r) {
			break
		}
		line = line[:len(line)-n]
	}
	r, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(".!?…:;,", r) || strings.IndexByte(line, '\'') < 0 && !strings.Contains(line, "‘") {
		return false
	}
	return countWords(line) <= maxHeadlineWords
}

// maxHeadlineWords is the longest a headline-like line may be.
const maxHeadlineWords = 25

// add records the quotation opened at open and closed by the mark at
// close (or running to end when close is -1).
func (f *finder) add(open, close, end, line, endLine int) {
	_, n := decode(f.text, open)
	s, e := open+n, end
	if close >= 0 {
		e = close
	}
	for s < e {
		r, n := decode(f.text, s)
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(f.text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	if e > s && f.text[e-1] == ',' {
		e--
	}
	words := countWords(f.text[s:e])
	f.qs = append(f.qs, qspan{open: open, close: close, s: s, e: e, line: line, endLine: endLine, words: words, long: words >= MinWords, speaker: -1})
}

// maxInterruption is the most words an attribution interrupting a
// quotation has ('"A," the minister told reporters on Monday, "B."').
const maxInterruption = 12

// join makes one quotation of an interrupted one whose parts are not both
// long enough to stand alone: '"Nobody gave us a chance," she said, "and
// look at us."' is one quotation of its two parts, joined by a space.
func (f *finder) join() {
	for k := 0; k+1 < len(f.qs); k++ {
		a, b := &f.qs[k], &f.qs[k+1]
		if a.long && b.long || a.words+b.words < MinWords || !f.interrupted(a, b) {
			continue
		}
		a.long, a.joined = true, k+1
		b.long = false
		k++
	}
}

// interrupted reports whether b continues the quotation a after a short
// attribution in the same paragraph: a ends with a comma, and the words
// between the parts hold a verb of saying.
func (f *finder) interrupted(a, b *qspan) bool {
	if a.close < 0 || a.endLine != b.line {
		return false
	}
	_, n := decode(f.text, a.close)
	after := a.close + n
	if f.text[a.e] != ',' && (after >= len(f.text) || f.text[after] != ',') {
		return false
	}
	ws := f.wordsN(f.scratch[:0], after, b.open, maxInterruption+1)
	f.scratch = ws[:0]
	if len(ws) == 0 || len(ws) > maxInterruption {
		return false
	}
	for _, w := range ws {
		if f.sayVerb(w) {
			return true
		}
	}
	return false
}

// inQuote returns the index of the quotation whose marks enclose pos, or -1.
func (f *finder) inQuote(pos int) int {
	k := sort.Search(len(f.qs), func(k int) bool { return f.qs[k].open > pos })
	if k == 0 {
		return -1
	}
	q := &f.qs[k-1]
	end := q.close
	if end < 0 {
		end = q.e
	}
	if pos > q.open && pos <= end {
		return k - 1
	}
	return -1
}

var abbrevs = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "maj": true, "adm": true,
	"prof": true, "st": true, "jr": true, "sr": true, "no": true, "vs": true, "corp": true, "inc": true,
	"ltd": true, "co": true, "messrs": true, "hon": true, "rev": true}

// maxAbbrevLen is the length of the longest word in abbrevs.
const maxAbbrevLen = 6

// sentences finds where sentences start: after a full stop, question or
// exclamation mark outside quotation marks (or a quotation ending with
// one), before a capital; and at every line.
func (f *finder) sentences() {
	t := f.text
	for _, ln := range f.lines {
		f.bounds = append(f.bounds, ln[0])
		for i := ln[0]; i < ln[1]; i++ {
			k := strings.IndexAny(t[i:ln[1]], ".!?")
			if k < 0 {
				break
			}
			i += k
			c := t[i]
			if q := f.inQuote(i); q >= 0 {
				// only a quotation that ends with the stop ends a sentence
				if f.qs[q].close < 0 || i+1 != f.qs[q].close && strings.TrimSpace(t[i+1:f.qs[q].close]) != "" {
					continue
				}
			}
			if c == '.' && abbrevBefore(t, i) {
				continue
			}
			j := i + 1
			for j < ln[1] {
				r, n := decode(t, j)
				if r == '.' || r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»' {
					j += n
					continue
				}
				break
			}
			if j >= ln[1] || t[j] != ' ' {
				continue
			}
			for j < ln[1] && t[j] == ' ' {
				j++
			}
			if j >= ln[1] {
				continue
			}
			r, _ := decode(t, j)
			if unicode.IsUpper(r) || unicode.IsDigit(r) || isMark(r) {
				f.bounds = append(f.bounds, j)
			}
		}
	}
	sort.Ints(f.bounds)
}

// abbrevBefore reports whether the full stop at i ends an abbreviation
// ("Mr.", "U.S.", an initial) rather than a sentence.
func abbrevBefore(t string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	w := t[j:i]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") { // U.S.
		return true
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return isAbbrev(w)
}

// isAbbrev reports whether w is in abbrevs, ignoring ASCII case, without
// building a lower-case copy.
func isAbbrev(w string) bool {
	var buf [maxAbbrevLen]byte
	if len(w) > len(buf) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return abbrevs[string(buf[:len(w)])]
}

// sentence returns the bounds of the sentence holding pos.
func (f *finder) sentence(pos int) (int, int) {
	k := sort.Search(len(f.bounds), func(k int) bool { return f.bounds[k] > pos })
	start := 0
	if k > 0 {
		start = f.bounds[k-1]
	}
	end := len(f.text)
	if k < len(f.bounds) {
		end = f.bounds[k]
	}
	if l := f.lineOf(pos); l >= 0 && f.lines[l][1] < end && f.lines[l][0] <= pos {
		end = f.lines[l][1]
	}
	return start, end
}

// --- words of a stretch of text ---

type word struct {
	s, e int
	low  string
	cap  bool
}

// words splits text[s:e] into words, skipping the insides of quotations.
func (f *finder) words(s, e int) []word { return f.wordsN(nil, s, e, -1) }

// wordsN is words appending to out, stopping after limit words when limit
// >= 0.
func (f *finder) wordsN(out []word, s, e, limit int) []word {
	if out == nil {
		c := (e-s)/5 + 1
		if limit >= 0 {
			c = min(c, limit)
		}
		out = make([]word, 0, min(max(c, 0), 32))
	}
	t := f.text
	for i := s; i < e; {
		if c := t[i]; c < utf8.RuneSelf && c != '"' && !alnum[c] && (c != '\'' || !f.single) {
			i++ // ASCII space or punctuation
			continue
		}
		r, n := decode(t, i)
		if isMark(r) || f.single && isSingleMark(r) {
			if q := f.inQuote(i + n); q >= 0 && f.qs[q].open == i {
				end := f.qs[q].close
				if end < 0 {
					end = f.qs[q].e
				}
				if end < i+n {
					end = i + n
				}
				i = end + 1
				continue
			}
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i + n
		for j < e {
			if c := t[j]; c < utf8.RuneSelf && alnum[c] {
				j++
				continue
			}
			r2, n2 := decode(t, j)
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2) {
				j += n2
				continue
			}
			if (r2 == '-' || r2 == '.' || r2 == '\'' || r2 == '’') && j+n2 < e {
				if r3, _ := decode(t, j+n2); unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		w := t[i:j]
		low := w
		if len(w) <= 14 && hasUpper(w) {
			low = strings.ToLower(w) // long words are never looked up
		}
		out = append(out, word{s: i, e: j, low: low, cap: unicode.IsUpper(r)})
		if len(out) == limit {
			break
		}
		i = j
	}
	return out
}

// alnum marks the ASCII letters and digits.
var alnum = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// mentionsIn returns the mentions inside [s, e) that are not quoted.
func (f *finder) mentionsIn(s, e int) []mention {
	k := sort.Search(len(f.ms), func(k int) bool { return f.ms[k].s >= s })
	var out []mention
	for ; k < len(f.ms) && f.ms[k].s < e; k++ {
		if f.ms[k].e <= e && f.inQuote(f.ms[k].s) < 0 {
			out = append(out, f.ms[k])
		}
	}
	return out
}

// normSpace joins the words of s with single ASCII spaces, as
// strings.Fields splits them; s itself is returned, without a copy, when
// it holds no white space but single ASCII spaces.
func normSpace(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		if !spaceLead[c] {
			continue
		}
		switch {
		case c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' || c == 0xC2 && i+1 < len(s) && (s[i+1] == 0xA0 || s[i+1] == 0x85),
			c == 0xE2 && i+2 < len(s) && (s[i+1] == 0x80 && (s[i+2] <= 0x8A || s[i+2] == 0xA8 || s[i+2] == 0xA9 || s[i+2] == 0xAF) || s[i+1] == 0x81 && s[i+2] == 0x9F),
			c == 0xE3 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x80, c == 0xE1 && i+2 < len(s) && s[i+1] == 0x9A && s[i+2] == 0x80:
			clean = false // a line break, tab, no-break or other Unicode space
		case c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			clean = false
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// spaceLead marks the bytes a run of white space that normSpace rewrites
// can start with: ASCII white space and the lead bytes of the Unicode
// spaces.
var spaceLead = func() (t [256]bool) {
	for _, c := range []byte(" \t\n\v\f\r\xC2\xE1\xE2\xE3") {
		t[c] = true
	}
	return
}()

// countWords counts the blank-separated words of s that hold a letter or
// a digit. ASCII bytes are read without decoding, in the same pass as the
// other runes.
func countWords(s string) int {
	n, in, word := 0, false, false
	for i := 0; i < len(s); {
		var space, letter bool
		if c := s[i]; c < utf8.RuneSelf {
			space, letter = c == ' ' || c >= '\t' && c <= '\r', alnum[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space, letter = unicode.IsSpace(r), unicode.IsLetter(r) || unicode.IsDigit(r)
			i += size
		}
		if space {
			if in && word {
				n++
			}
			in, word = false, false
			continue
		}
		in, word = true, word || letter
	}
	if in && word {
		n++
	}
	return n
}
