package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/names"
)

// tok is one word of the text. A possessive "'s" is not part of the word:
// e is where the word ends, pe where it ends with its possessive.
type tok struct {
	s, e, pe int
	w        string // text[s:e]
	low      string // names.Fold(w): the key for word lists
	key      string // names.Loose(w): the key for names; computed on demand
	cls      uint32 // word-list classes of low
	seg      int    // segment: a line, or a part of one between "\" or bullets
	cap      bool   // starts with a capital (after a particle prefix such as "al-")
	upper    bool   // all letters capitals, two or more of them
	poss     bool   // followed by a possessive 's
	dotted   bool   // a dotted abbreviation such as U.S.
	initial  bool   // a single capital followed by a full stop (the W. of George W. Bush)
	alpha    bool   // letters, hyphens and apostrophes only
	shape    bool   // capitalised like a name: not "StoryUS", not "iPhone"
	sent     bool   // first word of a sentence
	joined   bool   // only blanks between the previous word and this one, same segment
	comma    bool   // the gap before this word is a comma (and blanks)
	headline bool   // in a segment written in title case without a full stop
	hyph     bool   // has a hyphen or apostrophe inside
	letter   bool   // starts with a letter
	// commonSeen caches builder.common: 0 not looked up, 1 no, 2 yes
	commonSeen uint8
	allCaps    bool // in a segment written all in capitals
	// the segment's words are [segFirst, segEnd)
	segFirst, segEnd int32
}

// word-list classes, as bits of tok.cls.
const (
	cStop uint32 = 1 << iota
	cTitle
	cHonor
	cMod
	cSay
	cCal
	cCommon
	cParticle
	cPlacePrep
	cPlaceNoun
	cOrgHead
	cLowerOrgHead
	cDemonym
	cOrgAcr
	cMediaAcr
	cNonOrgAcr
	cCountryWord // the word alone is a country or one of its variants
	cMinor       // a small function word that title case leaves in lower case
	cBrand       // an outlet, company, weapon or thing: never a person
	cPartyHead   // may end a body's name in lower case: "the Komeito party"
	cPolitical   // an adjective of a political current: "Liberal", "Green"
	cOrgNoun     // a noun describing a body: "bloc", "lender", "union"
	cMediaNoun   // a noun describing an outlet: "broadcaster"
	cActVerb     // a verb of a body's report: "showed", "projects"
	cReportNoun  // a report's noun between a body and its verb: "data"
	cFounding    // a verb of founding or leading: "founded", "runs"
	cSelfNamed   // a head that alone names one institution: "Treasury"
	cCompany     // ends a company's name: "Ratings", "Energy", "Holdings"
	cCompanyLead // begins a company's name: "Banco", "Grupo"
	cDescriptor  // describes the name after it: "Rival", "Veteran"
)

// lexEntry is what the word lists say of a folded word.
type lexEntry struct {
	low string // the folded word itself, shared so that folding does not allocate
	cls uint32
}

// lex maps a folded word to its classes.
var lex map[string]lexEntry

func addClass(list string, c uint32) {
	for _, w := range strings.Fields(list) {
		addWordClass(names.Fold(w), c)
	}
}

func addWordClass(key string, c uint32) {
	e := lex[key]
	e.low = key
	e.cls |= c
	lex[key] = e
}

func classOf(low string) uint32 { return lex[low].cls }

// lexSmall is lex without the entries that are only common words: the
// classes a lower-case word needs, in a table small enough to stay in cache.
var lexSmall map[string]lexEntry

// lexSmallCls is lexSmall's classes alone, the smallest table for the most
// frequent lookup: a plain lower-case word.
var lexSmallCls map[string]uint32

const minorList = `a an the of in on at to for and or but as by with from vs via is are be its into over after than up off out per nor so yet`

// sentence-final abbreviations that do not end a sentence.
var abbrevs = wordSet(`mr mrs ms dr gen sen rep gov lt col sgt capt maj adm prof st jr sr no vs fig dept corp inc ltd co mt ft messrs hon rev fr sec`)

func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [128]bool) {
	for c := 0; c < 128; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return
}()

func wordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := decode(s, i)
	return isWordRune(r)
}

func letterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := decode(s, i)
	return isLetter(r)
}

// singleLetters reports whether w is letters separated by full stops, each
// one letter long ("U", "U.S", "e.g").
func singleLetters(w string) bool {
	n := 0
	for i := 0; i < len(w); {
		r, sz := decode(w, i)
		if !isLetter(r) {
			return false
		}
		i += sz
		n++
		if i < len(w) {
			if w[i] != '.' {
				return false
			}
			i++
		}
	}
	return n > 0
}

// segBreak reports whether r ends a segment: a line break, a backslash or
// vertical bar used as a separator, or a bullet.
func segBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\\', '|', '•', '·', '▪', '◦', '■', '●', '\u2028', '\u2029':
		return true
	}
	return false
}

func sentEnd(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

func openQuote(r rune) bool { return r == '"' || r == '“' || r == '‘' || r == '«' || r == '„' }

// tokenize splits text into words with their flags.
func tokenize(text string) []tok { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to toks, which must be empty.
func tokenizeInto(toks []tok, text string) []tok {
	if cap(toks) == 0 {
		toks = make([]tok, 0, len(text)/6+1)
	}
	seg := 0
	i := 0
	gapStart := 0
	wrapped := HardWrapped(text)
	for i < len(text) {
		n := 1
		if c := text[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				i++
				continue
			}
		} else {
			var r rune
			r, n = decode(text, i)
			if !isWordRune(r) || unicode.Is(unicode.Mn, r) {
				i += n
				continue
			}
		}
		start := i
		j := i + n
		poss, dotted := false, false
		pe := -1
	scan:
		for j < len(text) {
			if c := text[j]; c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			r2, n2 := decode(text, j)
			switch {
			case isWordRune(r2):
				j += n2
			case r2 == '-' || r2 == '‐' || r2 == '‑':
				if !wordAt(text, j+n2) {
					break scan
				}
				j += n2
			case r2 == '\'' || r2 == '’':
				if !letterAt(text, j+n2) {
					break scan
				}
				if c := text[j+n2]; (c == 's' || c == 'S') && !wordAt(text, j+n2+1) {
					poss, pe = true, j+n2+1
					break scan
				}
				j += n2
			case r2 == '.':
				w := text[start:j]
				if singleLetters(w) {
					if letterAt(text, j+1) {
						_, n3 := decode(text, j+1)
						if j+1+n3 < len(text) && text[j+1+n3] == '.' {
							j++
							dotted = true
							continue
						}
					}
					if strings.IndexByte(w, '.') >= 0 {
						j++ // the closing stop of U.S.
						dotted = true
						continue
					}
				}
				if isDigit(text[j-1]) && j+1 < len(text) && isDigit(text[j+1]) {
					j++
					continue
				}
				break scan
			case r2 == ',':
				if isDigit(text[j-1]) && j+3 < len(text) && isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) {
					j++
					continue
				}
				break scan
			default:
				break scan
			}
		}
		if pe < 0 {
			pe = j
		}
		toks = append(toks, tok{s: start, e: j, pe: pe, w: text[start:j], poss: poss, dotted: dotted})
		t := &toks[len(toks)-1]
		// the gap before this word
		gap := text[gapStart:start]
		blank, comma, newSeg, end, colon, quote := true, false, false, false, false, false
		for _, g := range gap {
			switch {
			case g == ' ' || g == '\t' || g == '\u00a0':
			case g == '\n' && wrapped && strings.Count(gap, "\n") == 1 && !strings.ContainsAny(gap, "\\|•·▪◦■●"):
				// a hard-wrapped line goes on in the next
			case segBreak(g):
				newSeg, blank = true, false
			case sentEnd(g):
				end, blank = true, false
			case g == ':' || g == ';':
				colon, blank = true, false
			case g == ',':
				comma, blank = true, false
			case openQuote(g) || g == '”':
				quote, blank = true, false
			default:
				blank = false
			}
		}
		if newSeg && len(toks) > 1 {
			seg++
		}
		t.seg = seg
		if len(toks) > 1 && !newSeg {
			t.joined = blank
			t.comma = comma && strings.Trim(gap, " \t,\u00a0") == ""
		}
		first := len(toks) == 1 || newSeg
		if !first && end {
			p := &toks[len(toks)-2]
			stopAbbrev := strings.TrimSpace(gap) == "." && (abbrevs[p.low] || p.cls&cHonor != 0 || p.initial)
			first = !stopAbbrev
		}
		if !first && colon {
			first = true
		}
		fillWord(t, text)
		if !first && quote && t.cap {
			first = true
		}
		t.sent = first
		i = pe
		gapStart = pe
	}
	markHeadlines(text, toks)
	return toks
}

// HardWrapped reports whether text is hard-wrapped: most of its lines are
// of a typical wrapping width and run on into the next line, so that a
// single line break is a space and paragraphs are separated by blank lines.
func HardWrapped(text string) bool {
	lines, wrapped := 0, 0
	prevLen := -1
	for len(text) > 0 {
		k := strings.IndexByte(text, '\n')
		line := text
		if k >= 0 {
			line, text = text[:k], text[k+1:]
		} else {
			text = ""
		}
		n := len(strings.TrimSpace(line)) // bytes: close enough to a width
		if n > 0 {
			lines++
			if prevLen >= 40 && prevLen <= 110 {
				wrapped++
			}
		}
		prevLen = n
	}
	return lines >= 4 && wrapped*2 >= lines
}

// fillWord sets the word's keys, classes and shape.
func fillWord(t *tok, text string) {
	w := t.w
	letters, uppers, breaks := 0, 0, 0
	t.alpha = true
	firstUpper := false
	ascii, plain := true, true // plain: lower-case ASCII letters, digits, - and '
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= 'A' && c <= 'Z':
			if i == 0 {
				firstUpper = true
			}
			uppers++
			letters++
			plain = false
		case c == '-' || c == '\'':
			breaks++
		case c >= '0' && c <= '9':
			t.alpha = false
		case c >= utf8.RuneSelf:
			ascii, plain = false, false
		default:
			t.alpha = false
			plain = false
		}
		if !ascii {
			break
		}
	}
	if plain {
		t.low, t.cls = w, lexSmallCls[w] // a lower-case word is never tested for being common
	} else {
		t.low, t.cls = lookupWord(w)
	}
	if !ascii {
		letters, uppers, breaks, firstUpper, t.alpha = 0, 0, 0, false, true
	}
	for i, r := range w {
		if ascii {
			break
		}
		switch {
		case unicode.IsUpper(r):
			if i == 0 {
				firstUpper = true
			}
			uppers++
			letters++
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’' || r == '‐' || r == '‑':
			breaks++
		case unicode.Is(unicode.Mn, r):
		case r == '.':
			t.alpha = false
		default:
			t.alpha = false
		}
	}
	t.cap = firstUpper
	t.hyph = breaks > 0
	t.letter = letters > 0 && !isDigit(w[0])
	if !firstUpper && t.alpha && breaks > 0 {
		// a particle prefix: al-Assad, el-Sisi, bin-Salman
		if k := strings.IndexAny(w, "-'’"); k > 0 && k <= 4 && classOf(strings.ToLower(w[:k]))&cParticle != 0 {
			_, sep := utf8.DecodeRuneInString(w[k:])
			if r, _ := utf8.DecodeRuneInString(w[k+sep:]); unicode.IsUpper(r) {
				t.cap = true
			}
		}
	}
	t.upper = letters >= 2 && uppers == letters
	t.shape = t.cap && t.alpha && !t.upper && uppers <= 2+breaks && (breaks == 0 || partsCapitalised(w))
	if letters == 1 && uppers == 1 && len(w) == 1 && t.e < len(text) && text[t.e] == '.' {
		t.initial = true
	}
	if t.dotted && letters >= 2 {
		t.upper = uppers == letters
		// dotted initials of a name: "J.D. Vance"
		if t.upper && letters <= 3 && t.cls&(cCountryWord|cOrgAcr|cNonOrgAcr) == 0 {
			t.initial, t.shape = true, true
		}
	}
}

// partsCapitalised reports whether every part of a hyphenated word after
// the first starts with a capital ("Jean-Yves", "al-Assad", not
// "Europe-wide").
func partsCapitalised(w string) bool {
	for k := 0; k < len(w); {
		r, n := decode(w, k)
		k += n
		if r == '-' || r == '‐' || r == '‑' {
			if k >= len(w) {
				return false
			}
			if r2, _ := decode(w, k); !unicode.IsUpper(r2) {
				return false
			}
		}
	}
	return true
}

// foldWord is names.Fold, computed without the Unicode machinery (and
// without allocating for plain lower-case words) when w is ASCII apart from
// typographic apostrophes.
func foldWord(w string) string {
	low, _ := lookupWord(w)
	return low
}

// lookupWord returns names.Fold(w) and its classes.
func lookupWord(w string) (string, uint32) {
	var buf [64]byte
	if len(w) > len(buf) {
		low := names.Fold(w)
		return low, classOf(low)
	}
	n, changed, space := 0, false, false
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
			changed = true
		case c < 0x80:
			space, changed = true, true
			continue
		default:
			r, size := utf8.DecodeRuneInString(w[i:])
			f, ok := runeFold[r]
			if !ok || n+len(f)+1 > len(buf) {
				low := names.Fold(w)
				return low, classOf(low)
			}
			if space && n > 0 {
				buf[n] = ' '
				n++
			}
			space = false
			n += copy(buf[n:], f)
			i += size - 1
			changed = true
			continue
		}
		if space && n > 0 {
			buf[n] = ' '
			n++
		}
		space = false
		buf[n] = c
		n++
	}
	if !changed {
		// a lower-case word is never tested for being common
		return w, lexSmallCls[w]
	}
	if e, ok := lexSmall[string(buf[:n])]; ok {
		return e.low, e.cls
	}
	// a word that is only common, or no listed word: whether it is common
	// is looked up when it matters (builder.common)
	return string(buf[:n]), 0
}

// slugOf is names.Slug(s), without the Unicode normalisation machinery
// when every letter of s is in runeFold.
func slugOf(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return names.Slug(s)
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, byte(r))
			continue
		}
		f, ok := runeFold[r]
		if !ok {
			return names.Slug(s)
		}
		b = append(b, f...)
	}
	return names.Slug(string(b))
}

// nameKey is the key of a word of a name: names.Loose, with the endings
// that English transliterations of Slavic names spell several ways made
// one ("Zelenskiy", "Zelenskyy" and "Zelensky"; "Sergei" and "Sergey").
func nameKey(w string) string { return translit(names.Loose(w)) }

// translit makes one the variant endings of a loose key (see nameKey).
func translit(k string) string {
	if len(k) < 4 {
		return k
	}
	switch k[len(k)-2:] {
	case "iy", "yi", "ii":
		return k[:len(k)-2] + "y"
	case "ei":
		return k[:len(k)-1] + "y"
	}
	return k
}

// looseWord is names.Loose(w) given low = names.Fold(w).
func looseWord(w, low string) string {
	for i := 0; i < len(low); i++ {
		if low[i] >= 0x80 {
			return names.Loose(w)
		}
	}
	double := false
	for i := 1; i < len(low); i++ {
		if low[i] == low[i-1] && low[i] >= 'a' && low[i] <= 'z' {
			double = true
			break
		}
	}
	if !double {
		return low
	}
	b := make([]byte, 0, len(low))
	var prev byte
	for i := 0; i < len(low); i++ {
		c := low[i]
		if c == prev && c >= 'a' && c <= 'z' {
			continue
		}
		b = append(b, c)
		prev = c
	}
	return string(b)
}

// runeFold maps the letters of the Latin alphabets (and typographic
// apostrophes and hyphens) to what names.Fold makes of them, so that
// "Łódź" folds without the Unicode normalisation machinery. It is built
// from names.Fold itself, so the two agree.
var runeFold = func() map[rune]string {
	m := map[rune]string{}
	add := func(r rune) {
		f := names.Fold(string(r))
		if f == "" {
			return
		}
		for i := 0; i < len(f); i++ {
			if c := f[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c == '-') {
				return
			}
		}
		m[r] = f
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		add(r)
	}
	for _, r := range "‐‑’ʼ" {
		add(r)
	}
	return m
}()

// markHeadlines flags the words of segments written like headlines: two or
// more words, nearly all content words capitalised, and no sentence
// punctuation at the end.
func markHeadlines(text string, toks []tok) {
	for a := 0; a < len(toks); {
		b := a
		for b < len(toks) && toks[b].seg == toks[a].seg {
			b++
		}
		words, caps, upper := 0, 0, 0
		for k := a; k < b; k++ {
			t := &toks[k]
			t.segFirst, t.segEnd = int32(a), int32(b)
			if t.upper || !t.letter {
				upper++
			}
			if !t.letter {
				continue
			}
			if t.cls&cMinor != 0 && !t.cap {
				continue
			}
			words++
			if t.cap || t.upper {
				caps++
			}
		}
		// what follows the segment's last word, up to the segment's end
		last := toks[b-1]
		endAt := len(text)
		if b < len(toks) {
			endAt = toks[b].s
		}
		k := last.pe
		for k < endAt {
			r, n := decode(text, k)
			if segBreak(r) {
				break
			}
			k += n
		}
		tail := strings.TrimSpace(text[last.pe:k])
		lastRune, _ := utf8.DecodeLastRuneInString(tail)
		final := tail != "" && strings.ContainsRune(".!?:\"”;…", lastRune)
		head := words >= 2 && caps*4 >= words*3 && !final
		allCaps := b-a >= 2 && upper == b-a
		for k := a; k < b; k++ {
			toks[k].headline = head
			toks[k].allCaps = allCaps
		}
		a = b
	}
}
