package figures

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/lexicon"
)

const (
	kWord = iota + 1
	kNum
	kPunct
)

// token is a word, a number ("1,000", "3.38") or one punctuation rune.
type token struct {
	s, e  int
	kind  uint8
	sp    bool // whitespace (or the start of the text) before
	upper bool
	comma bool // a number with thousands separators
	lex   uint32
	val   float64 // numbers and number words
	r     rune
}

// Lexicon flags.
const (
	fScale       uint32 = 1 << iota // million, billion, bn...; val = multiplier
	fScaleTight                     // m, k, b, bn, tn: a scale only when glued to the number
	fCurrency                       // euros, dollars...
	fCurCode                        // USD, EUR...
	fPercent                        // percent, pct
	fTimeUnit                       // years, days...: durations are not figures
	fUnit                           // km, tonnes, barrels, MW...
	fNumWord                        // two, three...; val
	fDet                            // the, their, its...
	fPrepAbout                      // on, for, in, into, towards: "5% on defense"
	fStop                           // function words that end a noun phrase
	fLink                           // words linking a measured thing to its figure: "spending to 5%"
	fQual                           // qualifiers before a figure: "at least", "an extra"
	fIrregPlural                    // people, children, aircraft...
	fLead                           // words dropped at the start of About
	fMonth                          // month names: "May 15" is a date, not a figure
	fOrd                            // st, nd, rd, th
	fGeneric                        // goal, target...: weak heads for About
	fScoreCtx                       // win, victory, beat...
	fVerb                           // common verbs that end a noun phrase
	fPhrasalUp                      // verbs of "add up to": there "up to" is no qualifier
	fQualEnd                        // last words of the qualifiers kept in a figure's Text
)

type lexEntry struct {
	flags uint32
	val   float64
}

// lex is the lexicon, built once.
var lex = lexicon.New(buildLexicon())

func buildLexicon() map[string]lexEntry {
	m := make(map[string]lexEntry, 700)
	add := func(flags uint32, val float64, words ...string) {
		for _, w := range words {
			e := m[w]
			e.flags |= flags
			if val != 0 {
				e.val = val
			}
			m[w] = e
		}
	}
	add(fScale, 1e3, "thousand")
	add(fScale, 1e6, "million", "millions", "mn", "mln")
	add(fScale, 1e9, "billion", "billions", "bln", "bn")
	add(fScale, 1e12, "trillion", "trillions", "trn", "tn")
	add(fScale, 1e5, "lakh", "lakhs")
	add(fScale, 1e7, "crore", "crores")
	add(fScaleTight, 1e6, "m")
	add(fScaleTight, 1e3, "k")
	add(fScaleTight, 1e9, "b", "bn")
	add(fScaleTight, 1e12, "tn", "trn")
	add(fCurrency, 0, "euros", "euro", "dollars", "dollar", "pounds", "sterling", "yen",
		"yuan", "renminbi", "rubles", "roubles", "ruble", "rouble", "rupees", "rupee", "francs",
		"franc", "pesos", "peso", "lira", "liras", "hryvnias", "hryvnia", "hryvnia",
		"zlotys", "zloty", "krona", "kronor", "krone", "kroner", "rand", "reais", "real",
		"riyals", "riyal", "dirhams", "dirham", "shekels", "shekel", "won", "naira",
		"shillings", "shilling", "cedis", "cedi", "kwacha", "birr", "taka", "tenge", "manat", "bitcoin", "lei", "forint", "dinars", "dinar", "ringgit",
		"baht", "dong", "rupiah", "pence", "cents")
	add(fCurCode, 0, "usd", "eur", "gbp", "jpy", "chf", "cny", "rmb", "rub", "uah", "inr",
		"cad", "aud", "nzd", "sek", "nok", "dkk", "pln", "try", "brl", "zar", "krw", "sgd",
		"hkd", "mxn", "aed", "sar", "ils", "huf", "czk", "ngn", "kes", "egp", "rs")
	add(fPercent, 0, "percent", "pct", "percentage", "cent", "bps", "bp")
	add(fTimeUnit, 0, "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
		"week", "weeks", "month", "months", "year", "years", "decade", "decades", "century",
		"centuries", "weekend", "weekends", "night", "nights", "season", "seasons", "term",
		"terms", "quarter", "quarters", "fortnight", "millennium", "yr", "yrs", "hrs", "mins",
		"am", "pm", "gmt", "utc", "old")
	add(fUnit, 0, "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
		"metres", "meters", "metre", "meter", "feet", "foot", "inches", "cm", "mm",
		"tonnes", "tons", "tonne", "ton", "kg", "kilograms", "kilos", "grams", "pounds",
		"barrels", "bpd", "mw", "gw", "kw", "twh", "gwh", "mwh", "kwh", "megawatts",
		"gigawatts", "hectares", "acres", "litres", "liters", "gallons", "degrees", "sq",
		"square", "mph", "kph", "knots", "bcm", "mt", "gt", "ppm", "points", "point", "votes",
		"seats", "troops", "soldiers", "people", "mb", "gb", "tb")
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
		"seventeen", "eighteen", "nineteen", "twenty"} {
		add(fNumWord, float64(i+1), w)
	}
	for i, w := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(fNumWord, float64(30+10*i), w)
	}
	add(fNumWord, 100, "hundred")
	add(fNumWord, 12, "dozen")
	add(fDet, 0, "the", "a", "an", "their", "its", "his", "her", "our", "my", "your", "this",
		"that", "these", "those", "all", "each", "every", "some", "any")
	add(fPrepAbout, 0, "on", "for", "in", "into", "towards", "toward")
	add(fStop, 0, "the", "a", "an", "of", "to", "in", "on", "at", "for", "with", "and", "or",
		"but", "by", "from", "as", "that", "which", "who", "whom", "whose", "is", "are", "was",
		"were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
		"should", "shall", "may", "might", "must", "do", "does", "did", "than", "into",
		"about", "between", "during", "until", "since", "before", "after", "when", "where",
		"while", "so", "if", "also", "just", "even", "then", "there", "it", "not", "over",
		"up", "out", "yet", "both", "such", "per", "through", "within", "against", "among",
		"amid", "because", "though", "although", "whether", "he", "she", "they", "we", "i",
		"you", "this", "these", "those", "its", "their", "his", "her", "our", "plus", "only",
		"now", "currently", "still", "already", "nearly", "almost", "about", "around",
		"under", "above", "below", "towards", "toward", "including", "via", "without",
		"across", "like", "s", "least", "more", "less", "most", "further", "extra", "new",
		"say", "said", "says", "told", "according", "due", "despite", "beyond", "because")
	add(fLink, 0, "to", "of", "at", "by", "from", "reach", "reached", "reaches", "reaching",
		"hit", "hits", "hitting", "exceed", "exceeds", "exceeded", "exceeding", "topped",
		"tops", "totaled", "totalled", "totals", "totaling", "totalling", "worth", "was",
		"is", "are", "were", "be", "rose", "rises", "rise", "fell", "falls", "fall", "grew",
		"grow", "grows", "increase", "increased", "raise", "raised", "raising", "boost",
		"boosted", "boosting", "spend", "spends", "spent", "spending", "invest", "invests",
		"invested", "investing", "pledge", "pledged", "pledges", "pledging", "includes",
		"including", "cost", "costs", "valued", "stood", "stands", "amounted", "amounts",
		"jumped", "dropped", "declined", "climbed", "slipped", "surged", "plunged", "with",
		"than", "around", "about", "approximately", "roughly", "nearly", "almost", "over",
		"under", "above", "below", "target", "targets", "targeting", "aim", "aims", "aiming",
		"set", "sets", "cut", "cuts", "cutting", "lift", "lifted", "lifting", "won",
		"secured", "received", "receive", "got", "gained", "lost", "allocated", "allocate",
		"earmarked", "committed", "commit", "commits", "provide", "provided", "providing",
		"offer", "offered", "approved", "approve", "announced", "announce", "add", "added",
		"adds", "contribute", "contributed", "beyond", "past", "toward", "towards", "hitting",
		"surpass", "surpassed", "surpassing", "above", "below", "near", "nearing")
	add(fQual, 0, "at", "least", "more", "less", "than", "over", "about", "nearly", "almost",
		"around", "some", "up", "to", "just", "only", "an", "a", "extra", "further",
		"another", "additional", "new", "the", "current", "roughly", "approximately",
		"estimated", "under", "below", "above", "fewer", "mere", "whopping", "record",
		"full", "its", "their", "his", "her", "our", "all", "even", "still", "yet", "already",
		"unprecedented", "planned", "proposed", "of")
	add(fIrregPlural, 0, "people", "children", "men", "women", "police", "personnel", "staff",
		"aircraft", "sheep", "fish", "cattle", "livestock", "data", "media", "crew",
		"infantry", "artillery", "equipment", "ammunition", "population", "militia",
		"electorate", "public", "youth", "spacecraft", "offspring", "deer", "feet", "teeth",
		"mice", "geese", "police", "clergy", "faithful")
	add(fLead, 0, "and", "but", "or", "so", "while", "as", "then", "also", "whose", "which",
		"who", "that", "where", "when", "the", "a", "an", "even", "still", "meanwhile",
		"however", "instead", "though", "although", "because", "yet", "plus", "further",
		"moreover", "thus", "hence", "now", "again", "only", "just", "their", "its", "his",
		"her", "our", "this", "these", "those", "all", "some", "whether", "if")
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december", "jan", "feb", "mar",
		"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
	add(fMonth, 0, months...)
	add(fOrd, 0, "st", "nd", "rd", "th")
	add(fGeneric, 0, "goal", "target", "rise", "increase", "cut", "share", "stake", "level",
		"mark", "threshold", "baseline", "rate", "hike", "jump", "drop", "fall", "boost",
		"figure", "number", "benchmark", "ceiling", "floor", "cap", "limit", "minimum",
		"maximum", "total", "sum", "amount", "commitment", "pledge", "plan", "proposal")
	add(fScoreCtx, 0, "win", "wins", "won", "victory", "victories", "defeat", "defeated",
		"defeats", "beat", "beats", "beating", "lost", "loss", "losses", "lose", "draw",
		"drew", "lead", "led", "leads", "thrashing", "triumph", "score", "scoreline",
		"final", "edged", "routed", "rout", "clinched", "home", "away", "victorious")
	add(fVerb, 0, "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
		"would", "can", "could", "should", "may", "might", "must", "do", "does", "did",
		"said", "says", "say", "told", "argue", "argues", "argued", "remain", "remains",
		"remained", "seek", "seeks", "want", "wants", "wanted", "expect", "expects",
		"expected", "agree", "agreed", "agrees", "meet", "met", "reached", "pledged", "urged",
		"demanded", "include", "includes", "included", "showed", "made", "became", "become",
		"becomes", "represent", "represents", "accounted", "raised", "boosted", "got", "took",
		"gave", "rose", "fell", "grew", "won", "lost", "voted", "received", "receives",
		"add", "adds", "added", "aim", "aims", "aimed", "supports", "support", "supported",
		"hopes", "warned", "warns", "insisted", "insists", "noted", "notes", "stressed",
		"held", "stood", "stayed", "hovered", "kept", "came", "went", "slid", "sank", "shrank",
		"fallen", "risen", "grown", "sunk", "soared", "eased", "edged", "grow", "shrink")
	add(fPhrasalUp, 0, "add", "adds", "added", "adding", "sum", "sums", "summed", "live", "lives",
		"lived", "measure", "measures", "measured", "stack", "stacks", "stacked", "step", "steps",
		"stepped", "ramp", "ramps", "ramped", "scale", "scaled", "end", "ends", "ended", "come",
		"comes", "came", "go", "goes", "went", "move", "moved", "moves", "open", "opened", "opens")
	for _, q := range qualifiers {
		add(fQualEnd, 0, q[0])
	}
	return m
}

// lookup returns the lexicon entry of a word, case-insensitively.
func lookup(w string) lexEntry { return lex.Lookup(w) }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tokenizeInto splits s into tokens and appends them to toks, reusing its
// spare capacity. A number takes thousands separators ("1,000", only in
// groups of three) and one decimal part ("3.38").
func tokenizeInto(toks []token, s string) []token {
	toks = slices.Grow(toks, len(s)/5+4)
	sp := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v':
				sp = true
				i++
				continue
			case isDigit(c):
				j, comma := scanNumber(s, i)
				toks = append(toks, token{s: i, e: j, kind: kNum, sp: sp, comma: comma, val: numValue(s[i:j])})
				i = j
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
				j, e := lex.Word(s, i)
				toks = append(toks, token{s: i, e: j, kind: kWord, sp: sp, upper: c <= 'Z', lex: e.flags, val: e.val})
				i = j
			default:
				toks = append(toks, token{s: i, e: i + 1, kind: kPunct, sp: sp, r: rune(c)})
				i++
			}
			sp = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			sp = true
			i += size
			continue
		case lexicon.IsLetter(r):
			j := lexicon.ScanWord(s, i)
			toks = append(toks, wordToken(s, i, j, sp))
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, kind: kPunct, sp: sp, r: r})
			i += size
		}
		sp = false
	}
	return toks
}

func scanNumber(s string, i int) (int, bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	comma := false
	// thousands groups: ",ddd" not followed by a digit; only after 1-3 digits
	if j-i <= 3 {
		for j+4 <= len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) &&
			(j+4 == len(s) || !isDigit(s[j+4])) {
			j += 4
			comma = true
		}
	}
	// one decimal part
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		// not a dotted date or version: "15.05.2025", "1.2.3"
		if !(k+1 < len(s) && s[k] == '.' && isDigit(s[k+1])) {
			j = k
		}
	}
	return j, comma
}

func numValue(s string) float64 {
	v, frac, div := 0.0, false, 1.0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ',':
		case c == '.':
			frac = true
		case frac:
			div *= 10
			v += float64(c-'0') / div
		default:
			v = v*10 + float64(c-'0')
		}
	}
	return v
}

func wordToken(s string, i, j int, sp bool) token {
	upper := 'A' <= s[i] && s[i] <= 'Z'
	if s[i] >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(s[i:])
		upper = unicode.IsUpper(r)
	}
	e := lookup(s[i:j])
	return token{s: i, e: j, kind: kWord, sp: sp, upper: upper, lex: e.flags, val: e.val}
}

// doc is one text being scanned.
type doc struct {
	text string
	t    []token
}

// docPool recycles docs with their token buffers: the tokens of a 5 KB
// article take tens of kilobytes, which would otherwise be allocated and
// zeroed afresh on every call. A pooled doc is used by one call at a time,
// so Find stays safe for concurrent use.
var docPool = sync.Pool{New: func() any { return new(doc) }}

// maxPooledTokens bounds the token buffer a doc keeps in the pool, so one
// huge text does not pin it.
const maxPooledTokens = 1 << 15

// newDoc tokenizes text into a pooled doc; the caller hands it back with
// release.
func newDoc(text string) *doc {
	d := docPool.Get().(*doc)
	d.text, d.t = text, tokenizeInto(d.t[:0], text)
	return d
}

// release returns d to the pool; d must not be used afterwards.
func (d *doc) release() {
	if cap(d.t) > maxPooledTokens {
		return
	}
	d.text = ""
	docPool.Put(d)
}

func (d *doc) ok(i int) bool            { return i >= 0 && i < len(d.t) }
func (d *doc) word(i int) bool          { return d.ok(i) && d.t[i].kind == kWord }
func (d *doc) num(i int) bool           { return d.ok(i) && d.t[i].kind == kNum }
func (d *doc) has(i int, f uint32) bool { return d.word(i) && d.t[i].lex&f != 0 }
func (d *doc) str(i int) string         { return d.text[d.t[i].s:d.t[i].e] }
func (d *doc) tight(i int) bool         { return d.ok(i) && i > 0 && !d.t[i].sp }

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

func (d *doc) dash(i int) bool { return d.punct(i, '-', '–', '—', '‐', '‑') }

func (d *doc) apostrophe(i int) bool { return d.punct(i, '\'', '’') }

// possessive reports a tight "'s" at i.
func (d *doc) possessive(i int) bool {
	return d.apostrophe(i) && d.tight(i) && d.is(i+1, "s") && d.tight(i+1)
}

// currencySign reports a currency symbol at i.
func (d *doc) currencySign(i int) bool {
	return d.punct(i, '$', '€', '£', '¥', '₹', '₽', '₴', '₺', '₩', '₪', '₦', '¢', '฿', '₫', '₱', '₵', '₸', '₼', '₾')
}

// breaks reports whether token k ends a sentence or clause for About.
func (d *doc) breaks(k int) bool {
	if !d.ok(k) {
		return true
	}
	t := &d.t[k]
	if t.kind != kPunct {
		return false
	}
	switch t.r {
	case '.':
		// not in "U.S."
		return !(d.word(k-1) && d.tight(k) && len(d.str(k-1)) == 1 && d.word(k+1) && d.tight(k+1))
	case '!', '?', ';', ':', '—', '(', ')', '•', '|', '\\', '"', '“', '”', '[', ']':
		return true
	case '–', '-':
		return t.sp && d.ok(k+1) && d.t[k+1].sp
	}
	return false
}

// newline reports a line break before token k.
func (d *doc) newline(k int) bool {
	if k <= 0 || k >= len(d.t) {
		return true
	}
	return strings.IndexByte(d.text[d.t[k-1].e:d.t[k].s], '\n') >= 0
}
