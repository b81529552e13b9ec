package dates

import (
	"slices"
	"strings"
	"sync"
	"time"
)

// doc is one text being scanned.
type doc struct {
	text   string
	t      []token
	pub    time.Time // publication date at UTC midnight
	hasPub bool
	clause []int32 // clause id of each token
	cstart []int32 // first token of each clause
	sent   []int32 // sentence id of each clause
	floor  int     // tokens before this index belong to an earlier match
	words  []eword // scratch space of event
}

// docPool recycles docs with their token, clause and word buffers: the
// tokens of a 5 KB article take tens of kilobytes, which would otherwise
// be allocated and zeroed afresh on every call. A pooled doc is used by
// one call at a time, so Find stays safe for concurrent use.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// maxPooledTokens bounds the token buffer a doc keeps in the pool, so one
// huge text does not pin its buffers.
const maxPooledTokens = 1 << 15

// newDoc tokenizes and segments text, reusing a pooled doc's buffers; the
// caller hands it back with release.
func newDoc(text string, published time.Time) *doc {
	d := docPool.Get().(*doc)
	*d = doc{
		text:   text,
		t:      tokenizeInto(d.t[:0], text),
		clause: d.clause[:0],
		cstart: d.cstart[:0],
		sent:   d.sent[:0],
		words:  d.words[:0],
	}
	if !published.IsZero() {
		y, m, dd := published.Date()
		d.pub = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
		d.hasPub = true
	}
	d.segment()
	return d
}

// release returns d to the pool; d must not be used afterwards.
func (d *doc) release() {
	if cap(d.t) > maxPooledTokens {
		return
	}
	clear(d.words[:cap(d.words)]) // drop references into the text
	d.text = ""
	docPool.Put(d)
}

// abbreviations after which a period does not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "sgt": true, "jan": true, "feb": true,
	"mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true,
	"inc": true, "jr": true, "sr": true, "prof": true, "corp": true, "co": true,
	"ltd": true, "mt": true, "ft": true, "ave": true, "capt": true, "cmdr": true,
	"adm": true, "approx": true, "est": true, "fig": true, "e": true, "i": true,
}

// segment assigns every token a clause id; clauses are cut at sentence ends
// and at semicolons, colons, dashes, parentheses and bullets.
func (d *doc) segment() {
	n := len(d.t)
	d.clause = slices.Grow(d.clause[:0], n)[:n]
	d.cstart = append(d.cstart[:0], 0)
	d.sent = append(d.sent[:0], 0)
	cid, sid := int32(0), int32(0)
	for k := 0; k < n; k++ {
		if k > 0 {
			if d.sentenceBreak(k) {
				cid++
				sid++
				d.cstart = append(d.cstart, int32(k))
				d.sent = append(d.sent, sid)
			} else if d.clauseBreak(k) {
				cid++
				d.cstart = append(d.cstart, int32(k))
				d.sent = append(d.sent, sid)
			}
		}
		d.clause[k] = cid
	}
}

// sentenceBreak reports whether a sentence begins at token k.
func (d *doc) sentenceBreak(k int) bool {
	nl := 0
	if d.t[k].sp {
		for i := d.t[k-1].e; i < d.t[k].s && nl < 2; i++ {
			if d.text[i] == '\n' {
				nl++
			}
		}
	}
	if nl >= 2 {
		return true
	} else if nl == 1 {
		p := &d.t[k-1]
		// a hard-wrapped line: a lower-case word or comma continued in lower case
		cont := (p.kind == kWord && !p.upper || p.kind == kPunct && p.r == ',') &&
			d.t[k].kind == kWord && !d.t[k].upper
		return !cont
	}
	if !d.t[k].sp {
		return false
	}
	p := k - 1
	for p > 0 && d.t[p].kind == kPunct && isCloser(d.t[p].r) {
		p--
	}
	pt := &d.t[p]
	if pt.kind != kPunct || (pt.r != '.' && pt.r != '!' && pt.r != '?' && pt.r != '…') {
		return false
	}
	nt := &d.t[k]
	if nt.kind == kWord && !nt.upper {
		return false
	}
	if pt.r == '.' && p > 0 && d.t[p-1].kind == kWord && d.t[p-1].e == pt.s {
		w := d.text[d.t[p-1].s:d.t[p-1].e]
		if len(w) == 1 && d.t[p-1].upper || abbrevs[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

func isCloser(r rune) bool {
	return r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»'
}

// clauseBreak reports whether token k cuts a clause.
func (d *doc) clauseBreak(k int) bool {
	t := &d.t[k]
	if t.kind != kPunct {
		return false
	}
	switch t.r {
	case '(', '[':
		// a short aside such as "(GDP)" does not cut the clause
		for j := k + 1; j < len(d.t) && j <= k+6; j++ {
			if d.punct(j, ')', ']') {
				return false
			}
		}
		return true
	case ')', ']':
		for j := k - 1; j >= 0 && j >= k-6; j-- {
			if d.punct(j, '(', '[') {
				return false
			}
		}
		return true
	case ';', '—', '•', '|', '\\', '·', '▪', '●':
		return true
	case ':':
		// not inside "10:41"
		return !(k > 0 && k+1 < len(d.t) && d.t[k-1].kind == kNum && d.t[k+1].kind == kNum && !t.sp && !d.t[k+1].sp)
	case '–', '-', '―':
		// a spaced dash; not "24–25"
		return t.sp && k+1 < len(d.t) && d.t[k+1].sp
	}
	return false
}

// clauseRange returns the token range of the clause of token k.
func (d *doc) clauseRange(k int) (int, int) {
	c := d.clause[k]
	s := int(d.cstart[c])
	e := len(d.t)
	if int(c)+1 < len(d.cstart) {
		e = int(d.cstart[c+1])
	}
	return s, e
}

// sentenceRange returns the token range of the sentence of token k.
func (d *doc) sentenceRange(k int) (int, int) {
	c := d.clause[k]
	sid := d.sent[c]
	a, b := int(c), int(c)
	for a > 0 && d.sent[a-1] == sid {
		a--
	}
	for b+1 < len(d.sent) && d.sent[b+1] == sid {
		b++
	}
	s := int(d.cstart[a])
	e := len(d.t)
	if b+1 < len(d.cstart) {
		e = int(d.cstart[b+1])
	}
	return s, e
}

// Token helpers; all are safe for out-of-range indices.

func (d *doc) ok(i int) bool { return i >= 0 && i < len(d.t) }

func (d *doc) word(i int) bool { return d.ok(i) && d.t[i].kind == kWord }

func (d *doc) has(i int, f uint32) bool { return d.word(i) && d.t[i].lex&f != 0 }

func (d *doc) str(i int) string { return d.text[d.t[i].s:d.t[i].e] }

func (d *doc) is(i int, w string) bool {
	return d.word(i) && len(w) == d.t[i].e-d.t[i].s && strings.EqualFold(d.str(i), w)
}

func (d *doc) isAny(i int, ws ...string) bool {
	for _, w := range ws {
		if d.is(i, w) {
			return true
		}
	}
	return false
}

func (d *doc) punct(i int, rs ...rune) bool {
	if !d.ok(i) || d.t[i].kind != kPunct {
		return false
	}
	for _, r := range rs {
		if d.t[i].r == r {
			return true
		}
	}
	return false
}

// tight reports whether token i follows token i-1 with no space between.
func (d *doc) tight(i int) bool { return d.ok(i) && i > 0 && !d.t[i].sp }

func (d *doc) num(i int) bool { return d.ok(i) && d.t[i].kind == kNum }

// sameClause reports whether tokens i and j are in one clause.
func (d *doc) sameClause(i, j int) bool {
	return d.ok(i) && d.ok(j) && d.clause[i] == d.clause[j]
}

// dash reports whether token i is a hyphen or dash.
func (d *doc) dash(i int) bool { return d.punct(i, '-', '–', '—', '‐', '‑', '―') }

// apostrophe reports whether token i is an apostrophe.
func (d *doc) apostrophe(i int) bool { return d.punct(i, '\'', '’', '‘') }

// possessive reports whether tokens i, i+1 are a tight "'s" (or a tight
// apostrophe alone, as in "the Hague'").
func (d *doc) possessive(i int) bool {
	return d.apostrophe(i) && d.tight(i) && d.is(i+1, "s") && d.tight(i+1)
}

// day returns the value of a day-of-month number at i, or 0.
func (d *doc) day(i int) int {
	if !d.num(i) || int(d.t[i].nd) > 2 {
		return 0
	}
	v := int(d.t[i].val)
	if v < 1 || v > 31 {
		return 0
	}
	// not part of a longer number: "3.5", "1,000", "24/7", "10:41", "5%"
	if d.tight(i) && d.punct(i-1, '.', ',', ':', '/') && d.num(i-2) && d.tight(i-1) {
		return 0
	}
	if d.tight(i+1) && d.punct(i+1, '.', ',', ':', '/') && d.num(i+2) && d.tight(i+2) {
		return 0
	}
	if d.tight(i+1) && d.punct(i+1, '%') {
		return 0
	}
	return v
}

// ordinal returns the index after an optional tight ordinal suffix at i.
func (d *doc) ordinal(i int) int {
	if d.has(i, fOrd) && d.tight(i) {
		return i + 1
	}
	return i
}

// monthAt returns the month named at token i and the index after it; abbr
// months require a following day (checked by callers via needDay).
func (d *doc) monthAt(i int, lenient bool) (m int, next int, abbr bool) {
	if !d.word(i) || (!d.t[i].upper && !lenient) {
		return 0, i, false
	}
	t := &d.t[i]
	if t.lex&fMonth != 0 {
		return int(t.val), i + 1, false
	}
	if t.lex&fMonAbbr != 0 {
		n := i + 1
		if d.punct(n, '.') && d.tight(n) {
			n++
		}
		return int(t.val), n, true
	}
	return 0, i, false
}

// year4 returns the value of a four-digit year at i within [lo, hi], or 0.
func (d *doc) year4(i, lo, hi int) int {
	if !d.num(i) || int(d.t[i].nd) != 4 {
		return 0
	}
	v := int(d.t[i].val)
	if v < lo || v > hi {
		return 0
	}
	if d.tight(i+1) && (d.punct(i+1, '%') || d.num(i+1) || d.word(i+1) && !d.has(i+1, fOrd)) {
		return 0
	}
	if d.tight(i+1) && d.punct(i+1, '.', ',', ':') && d.num(i+2) && d.tight(i+2) {
		return 0
	}
	return v
}
