package dates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxEventWords bounds the length of Expr.Event.
const maxEventWords = 12

// eword is one word of an event phrase.
type eword struct {
	s     string
	upper bool
	lex   uint32
}

// event returns a short phrase saying what the expression at tokens [a, b)
// dates: the comma-delimited part of its clause, without the expression,
// with titles before names dropped, trimmed to maxEventWords words.
func (d *doc) event(a, b int) string {
	cs, _ := d.clauseRange(a)
	_, ce := d.clauseRange(b - 1)
	s, e := d.segmentAround(a, b, cs, ce)
	// a part with too few words, or only names ("in Kyiv, Ukraine,
	// Tuesday"), is joined to its neighbour: the next one when it opens
	// the clause ("On Sunday, Rubio spoke"), else the one before ("The
	// final, held on 18 December, drew")
	for n := 0; n < 4 && !d.enough(s, e, a, b); n++ {
		if e < ce && s == cs {
			e = d.segEnd(e+1, ce, a, b)
		} else if s > cs {
			s = d.segStart(s-2, cs, a, b)
		} else {
			break
		}
	}
	var ranges [2][2]int
	nr := 0
	// a part that starts with a verb borrows a short subject from the
	// start of the clause: "Rubio, traveling with ..., is scheduled to ..."
	if s > cs {
		if f := d.firstWord(s, e, a, b); f >= 0 && !d.t[f].upper && d.t[f].lex&fLead == 0 && !isPronoun(d.str(f)) {
			fe := d.segEnd(cs, ce, -1, -1)
			if fe < s && d.content(cs, fe, -1, -1) <= 5 && !d.hasCue(cs, fe) {
				if g := d.firstWord(cs, fe, -1, -1); g >= 0 && (d.t[g].upper && d.t[g].lex&fLead == 0 || d.t[g].lex&fDet != 0) {
					ranges[nr] = [2]int{cs, fe}
					nr++
				}
			}
		}
	}
	// a long part is cut at conjunctions and relative words to the piece
	// that holds the expression
	if d.content(s, e, a, b) > maxEventWords {
		s, e = d.piece(s, e, a, b)
	}
	ranges[nr] = [2]int{s, e}
	nr++
	words := d.words[:0]
	defer func() { d.words = words[:0] }()
	for _, r := range ranges[:nr] {
		words = d.appendChunks(words, r[0], r[1], a, b)
	}
	words = compressTitles(words)
	words = trim(words)
	if len(words) == 0 {
		ss, se := d.sentenceRange(a)
		words = trim(compressTitles(d.appendChunks(words[:0], ss, se, a, b)))
	}
	if len(words) == 0 {
		return ""
	}
	var sb strings.Builder
	n := len(words) - 1
	for _, w := range words {
		n += len(w.s)
	}
	sb.Grow(n)
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(w.s)
	}
	return sb.String()
}

// hasCue reports a tense cue in [s, e): such a part is a clause of its own,
// not a subject.
func (d *doc) hasCue(s, e int) bool {
	for k := s; k < e; k++ {
		if d.word(k) && d.cue(k) != tenseNone {
			return true
		}
	}
	return false
}

// enough reports whether [s, e) has two content words besides the
// expression, one of them in lower case (a verb or a common noun).
func (d *doc) enough(s, e, a, b int) bool {
	n, lower := 0, false
	for k := s; k < e; k++ {
		if d.t[k].kind != kPunct && !d.skipped(k, a, b) && d.t[k].lex&fStop == 0 {
			n++
			if d.t[k].kind == kWord && !d.t[k].upper {
				lower = true
			}
		}
	}
	return n >= 2 && lower
}

// piece returns the part of [s, e) between the conjunctions or relative
// words around the expression at [a, b), if it has four words or more.
func (d *doc) piece(s, e, a, b int) (int, int) {
	isCut := func(k int) bool {
		if !d.word(k) || d.t[k].upper || k >= a && k < b {
			return false
		}
		switch strings.ToLower(d.str(k)) {
		case "whether", "that", "which", "who", "because", "while", "although", "though",
			"but", "if", "whereas", "unless", "so":
			return true
		case "and":
			return (d.word(k-1) && !d.t[k-1].upper || d.num(k-1)) && d.word(k+1) && !d.t[k+1].upper
		}
		return false
	}
	ps := a
	for ps > s && !isCut(ps-1) {
		ps--
	}
	pe := b
	for pe < e && !isCut(pe) {
		pe++
	}
	if ps > s && !d.enough(ps, pe, a, b) || d.content(ps, pe, a, b) < 4 {
		return s, e
	}
	return ps, pe
}

func isPronoun(w string) bool {
	switch strings.ToLower(w) {
	case "he", "she", "they", "it", "we", "i", "you", "there", "this", "these", "those":
		return true
	}
	return false
}

// cut reports whether token k is a comma that separates parts of a clause.
func (d *doc) cut(k, a, b int) bool {
	if k >= a && k < b || !d.punct(k, ',') {
		return false
	}
	return !(d.num(k-1) && d.num(k+1) && d.tight(k) && d.tight(k+1))
}

func (d *doc) segmentAround(a, b, cs, ce int) (int, int) {
	s := a
	for s > cs && !d.cut(s-1, a, b) {
		s--
	}
	return s, d.segEnd(b, ce, a, b)
}

// segEnd returns the end of the comma segment that contains token k.
func (d *doc) segEnd(k, ce, a, b int) int {
	for k < ce && !d.cut(k, a, b) {
		k++
	}
	return k
}

// segStart returns the start of the comma segment that contains token k.
func (d *doc) segStart(k, cs, a, b int) int {
	if k < cs {
		return cs
	}
	for k > cs && !d.cut(k-1, a, b) {
		k--
	}
	return k
}

// skipped reports whether token k is left out of an event: the expression
// [a, b), a preposition right before it, a possessive right after it.
func (d *doc) skipped(k, a, b int) bool {
	if k >= a && k < b {
		return true
	}
	if a >= 0 && k == a-1 && d.isAny(k, "on", "in", "at", "from", "during", "by", "since",
		"until", "till", "before", "after", "through", "between", "within", "over", "for") {
		// unless it governs a noun the date qualifies: "before
		// Thursday's sessions"
		return !d.possessive(b)
	}
	if b >= 0 && (k == b || k == b+1) && d.possessive(b) {
		return true
	}
	return false
}

// content counts the words and numbers of [s, e) that an event would keep.
func (d *doc) content(s, e, a, b int) int {
	n := 0
	for k := s; k < e; k++ {
		if d.t[k].kind != kPunct && !d.skipped(k, a, b) {
			n++
		}
	}
	return n
}

func (d *doc) firstWord(s, e, a, b int) int {
	for k := s; k < e; k++ {
		if d.skipped(k, a, b) {
			continue
		}
		if d.t[k].kind == kWord {
			return k
		}
		if d.t[k].kind == kNum {
			return -1
		}
	}
	return -1
}

// appendChunks appends the words of tokens [s, e): runs of tokens with no
// space between them, stripped of outer punctuation.
func (d *doc) appendChunks(words []eword, s, e, a, b int) []eword {
	for k := s; k < e; {
		if d.skipped(k, a, b) {
			k++
			continue
		}
		j := k + 1
		for j < e && !d.t[j].sp && !d.skipped(j, a, b) {
			j++
		}
		w := trimPunct(d.text[d.t[k].s:d.t[j-1].e])
		k = j
		if w == "" || w == "s" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		words = append(words, eword{s: w, upper: unicode.IsUpper(r), lex: lookup(w).flags})
	}
	return words
}

// trimPunct strips punctuation from both ends of w, keeping a trailing "%"
// and a leading currency sign.
func trimPunct(w string) string {
	for w != "" {
		r, size := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) {
			break
		}
		w = w[size:]
	}
	for w != "" {
		r, size := utf8.DecodeLastRuneInString(w)
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%' {
			break
		}
		if r == '.' && strings.Count(w, ".") > 1 && !strings.HasSuffix(w, "..") {
			break // "U.S."
		}
		w = w[:len(w)-size]
	}
	return w
}

// compressTitles replaces "Turkish Foreign Minister Hakan Fidan" by "Hakan
// Fidan", and by "Fidan" at the start of the phrase, where it is the
// subject.
func compressTitles(ws []eword) []eword {
	out := ws[:0] // written in place: never ahead of what is read
	for i := 0; i < len(ws); {
		if !ws[i].upper {
			out = append(out, ws[i])
			i++
			continue
		}
		// a run of capitalised words, with "of" between them
		j := i + 1
		for j < len(ws) && (ws[j].upper || ws[j].s == "of" && j+1 < len(ws) && ws[j+1].upper) {
			j++
		}
		run := ws[i:j]
		h := -1
		for k, w := range run {
			if w.lex&fTitle != 0 {
				h = k
				break
			}
		}
		if h >= 0 {
			n := h + 1
			for n < len(run) && run[n].lex&(fTitle|fTitleMod) != 0 {
				n++
			}
			if n < len(run) {
				name := run[n:]
				if len(out) == 0 && len(name) > 1 {
					name = name[len(name)-1:]
				}
				out = append(out, name...)
				i = j
				continue
			}
		}
		out = append(out, run...)
		i = j
	}
	return out
}

// trim drops leading connectives, caps the length and drops trailing
// function words.
func trim(ws []eword) []eword {
	for len(ws) > 0 && ws[0].lex&fLead != 0 {
		ws = ws[1:]
	}
	// drop trailing prepositional phrases, then cut
	for len(ws) > maxEventWords {
		k := len(ws) - 1
		for k >= 5 && !dropPrep(ws[k], false) {
			k--
		}
		if k < 5 {
			k = len(ws) - 1
			for k >= 5 && !dropPrep(ws[k], true) {
				k--
			}
		}
		if k < 5 {
			ws = ws[:maxEventWords]
			break
		}
		ws = ws[:k]
	}
	for len(ws) > 0 && ws[len(ws)-1].lex&fStop != 0 {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// dropPrep reports a word that starts a phrase which may be dropped from the
// end of an event.
func dropPrep(w eword, conj bool) bool {
	if w.upper {
		return false
	}
	switch w.s {
	case "in", "on", "at", "with", "between", "from", "for", "about", "by", "during", "into",
		"over", "through", "within", "against", "among", "amid", "after", "before",
		"including", "like":
		return true
	case "and", "or", "but", "as", "while", "when", "where", "which", "who", "that":
		return conj
	}
	return false
}
