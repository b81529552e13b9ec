// Package figures finds the key figures of a news text: percentages, shares
// of GDP, counts such as "22 of 32 members", and sums of money, each with
// what it measures.
//
// # What is a figure
//
//   - Percentages and points: "5%", "5 %", "3.5 percent", "2 per cent",
//     "0.5 percentage points", "50 basis points", "25bps", ranges "3-5%",
//     "3 to 5 percent", "2% to 4%", "between 36% and 38%" (but "from 4.2% to
//     3.1%" and "by 50 basis points to 4.75%" are two figures). A share of
//     output attached to it is part of the Text: "5% of GDP", "5% of their
//     gross domestic product", "2% of gross domestic product (GDP)".
//   - Money: a currency sign, code or lettered symbol before the number
//     ("$1.2 trillion", "€20bn", "£300m", "US$5m", "USD 5 million",
//     "zł1.1 billion", "KSh 1.2 trillion", "R5bn") or a currency word after
//     it ("20 billion euros", "5 million US dollars"), with a rate or unit
//     price after it ("62 billion shillings a year", "$80 a barrel"). Glued
//     scales ("20bn", "300m", "5k") count only with a currency.
//   - Exchange rates: "129.2 per dollar", "83.4 against the dollar", "151.3
//     to the dollar", "129.2 shillings per dollar".
//   - Counts: "22 of 32 members", "22 of NATO’s 32 members", "22 of the 32
//     member countries", "9 out of 10 voters", and a number with a counted
//     noun: "1,000 troops", "32 member countries", "300 seats", "1.5 million
//     people" (up to two modifiers before a plural head noun, an irregular
//     plural such as "people", or a unit such as "km", "tonnes", "MW"), and
//     a bare number whose noun the sentence has given: "188 of the 465
//     seats, short of the 233 needed for a majority".
//   - A leading qualifier is part of the Text: "about €4 billion", "more
//     than 90%", "at least 55%", "up to zł1.1 billion", "exceeding 20
//     billion euros" (but not the "up to" of "add up to 5%").
//   - Large numbers with a scale word and no noun: "3 million".
//   - Temperatures: "1.5C", "2°C", "1.5 degrees Celsius".
//   - Scores: "3-1" next to win, beat, victory, defeat, lead, draw...; vote
//     tallies: "voted 31 to 9", "a vote of 52 to 48".
//
// Number words count only with a scale ("three million people"), with
// "percent" ("five percent"), or in a count with "of" ("two of the three
// parties", "nine of 27 member states"): "the two figures" or "three"
// alone are not figures.
//
// Not figures: durations ("18-year stay", "30-day ceasefire", "three
// years", "90 minutes"), hyphenated compounds ("360-degree"), years ("in
// 2025", "the 2024 elections"; a plain four-digit number 1900–2100 is
// only a figure with a % or a currency), dates ("May 15", "15 May", "June
// 24-25", "14 to 16 May"), clock times, ordinals ("21st"), numbers inside
// names ("G7", "F-16", "COVID-19"), ratings ("0 / 5", "24/7") and bare
// numbers. Fractions ("two-thirds", "half") are not taken.
//
// Each occurrence is a figure of its own, also when the same figure is
// repeated in another sentence.
//
// # About
//
// About is a short phrase (at most 8 words) from the sentence saying what
// the figure measures, found by the first rule that gives one:
//
//  1. a count's noun, and for "N of M" counts the predicate after it: "22
//     of NATO’s 32 members currently meet the 2% goal" → "members currently
//     meet the 2% goal";
//  2. "of" + noun phrase after a percentage: "52% of the vote" → "vote";
//  3. a noun right after the figure that is not a generic head: "2% defense
//     target" → "defense target";
//  4. on/for/in/into/towards + noun phrase after it (past a "by 2032"):
//     "5% of GDP on defense" → "defense", "3.5% for direct military
//     expenditures" → "direct military expenditures", "€2bn in military
//     aid" → "military aid"; but not "in the ...", which is a setting
//     ("61.5 percent in the runoff");
//  5. a generic head noun after it: "a new 3.5% goal" → "goal";
//  6. the noun phrase before a linking word (to, of, at, by, reach,
//     exceeding, spending...), past auxiliaries and verbs of change:
//     "defense spending to 5% of GDP" → "defense spending", "The U.S., at
//     3.38%" → "U.S.", "pledges exceeding 20 billion euros" → "pledges",
//     "turnout fell to 61.5 percent" → "turnout";
//  7. the subject of the clause: "the two figures add up to 5%" → "two
//     figures".
//
// An exchange rate is about its currency ("shilling exchange rate"), a
// bare count about the noun of the count before it ("seats needed for a
// majority"), and a figure that converts the one before ("zł1.1 billion
// ($280 million)") or gives another value of it ("fell to 34.6% from 37%")
// about the same thing. Leading determiners are dropped.
package figures

import "strings"

// Figure is one figure.
type Figure struct {
	Text       string // as written, e.g. "5% of GDP"
	About      string // what it measures, a short phrase from the text
	Start, End int    // byte offsets in the text
}

// Figure kinds.
const (
	fkPct = iota + 1
	fkMoney
	fkCount
	fkOfCount
	fkMeasure
	fkLarge
	fkScore
	fkRate   // an exchange rate: "129.2 per dollar"
	fkElided // a count whose noun is left out: "the 233 needed for a majority"
)

// fig is one figure: tokens [a, b), its kind and, for counts, the counted
// noun at tokens [na, nb).
type fig struct {
	a, b   int
	kind   int
	na, nb int
	gdp    bool // the Text includes "of GDP"
}

// maxAboutWords bounds the length of Figure.About.
const maxAboutWords = 8

// Find returns the figures in text, in order.
func Find(text string) []Figure {
	d := newDoc(text)
	defer d.release()
	var out []Figure
	floor := 0
	for i := 0; i < len(d.t); {
		f, ok := d.figureAt(i)
		if !ok || f.a < floor || f.b <= i {
			i++
			continue
		}
		q := max(d.qualStart(f), floor)
		s, e := d.t[q].s, d.t[f.b-1].e
		var about string
		if n := len(out); n > 0 && (d.converted(f.a, out[n-1].End) || d.sameMeasure(floor, q)) {
			about = out[n-1].About // "zł1.1 billion ($280 million)", "fell to 34.6% from 37%"
		} else {
			about = d.about(f)
		}
		out = append(out, Figure{Text: text[s:e], Start: s, End: e, About: about})
		floor = f.b
		i = f.b
	}
	return out
}

// qualifiers before a figure that belong to its Text: "about €4 billion",
// "at least 55%", "up to zł1.1 billion". Each is the words before the
// number, last word first.
var qualifiers = [][]string{
	{"than", "more"}, {"than", "less"}, {"than", "fewer"}, {"least", "at"}, {"most", "at"},
	{"to", "up"}, {"as", "much", "as"}, {"as", "many", "as"}, {"as", "high", "as"},
	{"as", "low", "as"}, {"to", "close"}, {"of", "excess", "in"}, {"of", "upwards"},
	{"estimated", "an"}, {"over", "just"}, {"under", "just"}, {"over", "well"},
	{"about"}, {"around"}, {"nearly"}, {"almost"}, {"roughly"}, {"approximately"},
	{"over"}, {"under"}, {"exceeding"},
}

// qualStart returns the first token of a qualifier that ends right before
// figure f, or its number when there is none. "between" belongs to a range:
// "between 36% and 38%".
func (d *doc) qualStart(f fig) int {
	a := f.a
	if d.is(a-1, "between") {
		for k := a; k < f.b; k++ {
			if d.is(k, "and") {
				return a - 1
			}
		}
	}
	if !d.has(a-1, fQualEnd) {
		return a
	}
	for _, q := range qualifiers {
		k := a - 1
		for _, w := range q {
			if !d.is(k, w) || d.newline(k+1) {
				k = -2
				break
			}
			k--
		}
		if k > -2 && !(len(q) == 2 && q[1] == "up" && d.has(k, fPhrasalUp)) {
			return k + 1
		}
	}
	return a
}

// sameMeasure reports a figure at token a that gives another value of the
// figure that ended at token prev in the same clause: "cut by 50 basis
// points to 4.75%", "slowed to 3.1% in August from 4.2% in July".
func (d *doc) sameMeasure(prev, a int) bool {
	if prev <= 0 || a-prev > 4 || !d.isAny(a-1, "from", "to") {
		return false
	}
	for k := prev; k < a; k++ {
		if d.t[k].kind != kWord || d.breaks(k) {
			return false
		}
	}
	return true
}

// converted reports a figure at a in brackets right after the figure that
// ended at byte end: a conversion into another currency, which measures the
// same thing.
func (d *doc) converted(a, end int) bool {
	return d.punct(a-1, '(', '[') && d.ok(a-1) && strings.TrimSpace(d.text[end:d.t[a-1].s]) == ""
}

// needsScale lists currency words that are also common words; they make a
// sum only after a scale word: "50 billion won".
var needsScale = map[string]bool{"won": true, "real": true, "rand": true, "dong": true, "lei": true}

// figureAt matches a figure whose number is token i.
func (d *doc) figureAt(i int) (fig, bool) {
	t := &d.t[i]
	wordNum := false
	switch {
	case t.kind == kNum:
	case t.kind == kWord && t.lex&fNumWord != 0:
		wordNum = true
		if d.tight(i) && d.dash(i-1) || d.tight(i+1) && d.dash(i+1) {
			return fig{}, false // "two-thirds", "forty-five"
		}
	default:
		return fig{}, false
	}
	if !wordNum && d.excluded(i) {
		return fig{}, false
	}
	a := i
	cur := false
	if d.currencySign(i - 1) {
		a, cur = i-1, true
		if d.tight(i-1) && d.word(i-2) && d.t[i-2].upper && d.t[i-2].e-d.t[i-2].s <= 3 {
			a = i - 2 // US$, A$, HK$
		}
	} else if d.has(i-1, fCurCode) && isCode(d.str(i-1)) || d.curPrefix(i-1) {
		a, cur = i-1, true
	}
	if wordNum && cur {
		return fig{}, false
	}
	j := i + 1
	scaled := false
	if d.has(j, fScale) && !(d.tight(j) && d.t[j].e-d.t[j].s <= 2 && !cur && !d.curAfter(j+1)) {
		j++
		scaled = true
	} else if d.tight(j) && d.has(j, fScaleTight) && (cur || d.curAfter(j+1)) {
		j++
		scaled = true
	}
	// ranges: "3-5%", "3 to 5 percent", "$5-10 billion"
	if !wordNum && (d.dash(j) && d.tight(j) && d.tight(j+1) || d.is(j, "to") || d.is(j, "and") && d.is(i-1, "between")) && d.num(j+1) {
		k := j + 2
		if d.has(k, fScale) || d.tight(k) && d.has(k, fScaleTight) && cur {
			k++
		}
		if sc := k > j+2; d.pctAt(k) > 0 || cur && sc {
			j = k
			scaled = scaled || sc
		}
	}
	if n := d.pctAt(j); n > 0 {
		b := d.pctRange(a, j+n)
		nb := d.gdpTail(b)
		return fig{a: a, b: nb, kind: fkPct, gdp: nb > b}, true
	}
	if cur {
		return fig{a: a, b: d.moneyTail(j), kind: fkMoney}, true
	}
	if n := d.curWordAt(j, scaled); n > 0 {
		return fig{a: a, b: d.moneyTail(j + n), kind: fkMoney}, true
	}
	if n := d.perCurrency(j); n > 0 && !wordNum && !scaled {
		return fig{a: a, b: j + n, kind: fkRate}, true
	}
	if wordNum && !scaled && !d.isAny(j, "of", "out") {
		return fig{}, false
	}
	// temperatures
	if !wordNum {
		if d.tight(j) && d.isAny(j, "C", "F") && d.t[j].upper && !(d.tight(j+1) && d.dash(j+1)) {
			return fig{a: a, b: j + 1, kind: fkMeasure}, true
		}
		if d.punct(j, '°') {
			b := j + 1
			if d.tight(b) && d.isAny(b, "C", "F") {
				b++
			}
			return fig{a: a, b: b, kind: fkMeasure}, true
		}
		if d.is(j, "degrees") && d.isAny(j+1, "Celsius", "Fahrenheit", "C", "F", "centigrade") {
			return fig{a: a, b: j + 2, kind: fkMeasure}, true
		}
	}
	// "30-day", "360-degree": compounds are adjectives or durations
	if d.dash(j) && d.tight(j) && d.tight(j+1) && d.word(j+1) {
		return fig{}, false
	}
	if d.has(j, fTimeUnit) {
		return fig{}, false
	}
	// scores: "3-1"
	if !wordNum && !scaled && d.dash(j) && d.tight(j) && d.num(j+1) && d.tight(j+1) &&
		small(t) && small(&d.t[j+1]) && d.scoreContext(a, j+2) {
		return fig{a: a, b: j + 2, kind: fkScore}, true
	}
	if !wordNum && !scaled && d.tally(a, j) {
		return fig{a: a, b: j + 2, kind: fkScore}, true
	}
	// counts: "22 of 32 members", "22 of NATO's 32 members", "9 out of 10"
	k := -1
	if d.is(j, "of") {
		k = j + 1
	} else if d.is(j, "out") && d.is(j+1, "of") {
		k = j + 2
	}
	if k > 0 {
		if d.has(k, fDet) {
			k++
		} else if d.word(k) && d.possessive(k+1) {
			k += 3
		}
		if (d.num(k) && !d.excluded(k) || d.has(k, fNumWord)) && !d.yearLike(k) {
			m := k + 1
			if d.has(m, fScale) {
				m++
			}
			na, nb := d.countNoun(m)
			b := m
			if nb > na {
				b = nb
			}
			return fig{a: a, b: b, kind: fkOfCount, na: na, nb: nb}, true
		}
	}
	if wordNum && !scaled {
		return fig{}, false
	}
	if !scaled && d.yearLike(i) {
		return fig{}, false
	}
	if na, nb := d.countNoun(j); nb > na && t.val > 0 {
		return fig{a: a, b: nb, kind: fkCount, na: na, nb: nb}, true
	}
	if scaled {
		return fig{a: a, b: j, kind: fkLarge}, true
	}
	if d.elided(j) && t.val > 0 && !d.tight(j) {
		return fig{a: a, b: j, kind: fkElided}, true
	}
	return fig{}, false
}

// pctRange extends a percentage that ends at b over the other end of a
// range: "between 36% and 38%", "a target range of 2% to 4%". After "from"
// the second number is a change ("from 4.2% to 3.1%"), not a range.
func (d *doc) pctRange(a, b int) int {
	between := d.is(a-1, "between")
	// "by 50 basis points to 4.75%", "rose 2% to 5%": a change and a level
	spread := d.isAny(a-2, "range", "ranges", "ranging", "ranged", "vary", "varies", "varying")
	to := d.is(b, "to") && (!d.isAny(a-1, "from", "by") || spread) && !d.has(a-1, fVerb)
	if !(to || d.is(b, "and") && between) {
		return b
	}
	k := b + 1
	if !d.num(k) || d.excluded(k) || d.t[k].val <= d.t[a].val && d.num(a) {
		return b
	}
	if n := d.pctAt(k + 1); n > 0 && d.str(k+1) == d.str(b-1) {
		return k + 1 + n
	}
	return b
}

// tally reports a vote count "N to M" at the number a with "to" at j:
// "councillors voted 31 to 9", "a vote of 52 to 48".
func (d *doc) tally(a, j int) bool {
	if !d.is(j, "to") || !d.num(j+1) || !small(&d.t[a]) || !small(&d.t[j+1]) || d.excluded(j+1) {
		return false
	}
	return d.isAny(a-1, "voted", "votes", "vote") || d.is(a-1, "of") && d.isAny(a-2, "vote", "margin", "tally")
}

// moneyTail extends a sum of money that ends at j over a rate ("62 billion
// shillings a year", "€4 billion per annum") and an exchange rate ("129.2
// shillings per dollar").
func (d *doc) moneyTail(j int) int {
	if n := d.perCurrency(j); n > 0 {
		return j + n
	}
	if d.isAny(j, "a", "per", "each", "every") && d.isAny(j+1, "year", "month", "week", "day", "annum", "quarter") &&
		!d.isAny(j+2, "earlier", "later", "ago", "before", "after", "on") {
		return j + 2 // not "$1.07 a week earlier"
	}
	// a price: "$8,950 a tonne", "$80 per barrel"
	if d.isAny(j, "a", "an", "per") && d.isAny(j+1, "tonne", "ton", "barrel", "litre", "liter", "gallon",
		"kilo", "kilogram", "kg", "ounce", "share", "head", "person", "unit", "bushel", "kilowatt-hour", "kwh",
		"megawatt-hour", "mwh", "hour", "night", "dose") {
		return j + 2
	}
	if d.isAny(j, "annually", "yearly", "monthly") {
		return j + 1
	}
	return j
}

// perCurrency returns the tokens of "per dollar", "to the euro" or
// "against the dollar" at j: the number before is an exchange rate.
func (d *doc) perCurrency(j int) int {
	k := j
	switch {
	case d.is(k, "per") || d.is(k, "a") && d.word(k+1) && !d.t[k+1].upper:
		k++
	case d.isAny(k, "to", "against") && d.is(k+1, "the"):
		k += 2
	default:
		return 0
	}
	if d.isAny(k, "US", "U.S.") {
		k++
	}
	if d.isAny(k, "dollar", "euro", "pound", "yen", "yuan", "franc", "rupee", "ruble", "rouble") ||
		d.has(k, fCurCode) && isCode(d.str(k)) && d.str(k) != "Rs" {
		return k + 1 - j
	}
	return 0
}

// elided reports a participle at j that makes the bare number before it a
// count whose noun the sentence has already given: "188 of the 465 seats,
// short of the 233 needed for a majority".
func (d *doc) elided(j int) bool {
	return d.isAny(j, "needed", "required", "necessary") && d.isAny(j+1, "for", "to")
}

// curPrefixes are currency symbols written with letters, before the
// number: "zł1.1 billion", "KSh 1.2 trillion", "Sh62 billion", "Rp5
// trillion". The value says whether the symbol needs a scale word after the
// number, because alone it is also a letter or a word ("R5bn" but "R2").
var curPrefixes = map[string]bool{
	"zł": false, "KSh": false, "Ksh": false, "Kshs": false, "Sh": true, "Shs": true,
	"Rp": false, "RM": true, "Tk": true, "R": true, "Kč": false, "kr": false, "TSh": false,
	"USh": false,
}

// curPrefix reports a currency symbol made of letters at i, before the
// number at i+1.
func (d *doc) curPrefix(i int) bool {
	if !d.word(i) || !d.num(i+1) {
		return false
	}
	scale, ok := curPrefixes[d.str(i)]
	if !ok {
		return false
	}
	if d.tight(i+1) && d.word(i-1) && d.tight(i) {
		return false // part of a longer word
	}
	if !scale {
		return true
	}
	j := i + 2
	return d.has(j, fScale) || d.tight(j) && d.has(j, fScaleTight)
}

func isCode(w string) bool {
	if w == "Rs" {
		return true
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func small(t *token) bool { return t.val < 200 && !t.comma && t.val == float64(int(t.val)) }

// excluded reports a number that is part of a name, a date, a time, an
// ordinal or a rating.
func (d *doc) excluded(i int) bool {
	t := &d.t[i]
	if d.tight(i) && d.word(i-1) && !d.curPrefix(i-1) {
		return true // G7, A320
	}
	if d.tight(i) && d.dash(i-1) && d.tight(i-1) && d.word(i-2) && !d.has(i-2, fNumWord) {
		return true // COVID-19, F-16
	}
	if d.tight(i) && d.punct(i-1, '#', ':', '/', '.', '№') {
		return true
	}
	if d.tight(i+1) && d.punct(i+1, ':', '/') && d.num(i+2) {
		return true // 10:41, 24/7
	}
	if d.punct(i+1, '/') && d.num(i+2) || d.punct(i-1, '/') && d.num(i-2) {
		return true // 0 / 5
	}
	if d.tight(i+1) && d.has(i+1, fOrd) {
		return true // 21st
	}
	day := !t.comma && t.val >= 1 && t.val <= 31 && t.val == float64(int(t.val)) && t.e-t.s <= 2
	if day {
		if d.month(i-1) || d.month(i+1) || d.has(i+1, fOrd) && d.month(i+2) {
			return true // May 15, 15 May
		}
		if d.is(i+1, "of") && d.month(i+2) {
			return true
		}
		// "June 24-25", "14 to 16 May", "between 14 and 16 May"
		if (d.dash(i-1) || d.isAny(i-1, "to", "and")) && d.num(i-2) && d.month(i-3) {
			return true
		}
		if (d.dash(i+1) || d.isAny(i+1, "to", "and")) && d.num(i+2) && d.month(i+3) {
			return true
		}
	}
	return false
}

func (d *doc) month(i int) bool {
	return d.has(i, fMonth) && d.t[i].upper && !d.is(i, "may") || d.is(i, "May") && (d.num(i-1) || d.num(i+1))
}

// yearLike reports a plain four-digit number 1900-2100 that is not
// clearly a quantity.
func (d *doc) yearLike(i int) bool {
	t := &d.t[i]
	return d.num(i) && !t.comma && t.e-t.s == 4 && t.val >= 1900 && t.val <= 2100
}

// pctAt returns the number of tokens of a percent marker at j, or 0.
func (d *doc) pctAt(j int) int {
	switch {
	case d.punct(j, '%', '％'):
		return 1
	case d.is(j, "percentage") && d.isAny(j+1, "point", "points"):
		return 2
	case d.isAny(j, "percent", "pct"):
		return 1
	case d.is(j, "per") && d.is(j+1, "cent"):
		return 2
	case d.is(j, "basis") && d.isAny(j+1, "point", "points"):
		return 2
	case d.isAny(j, "bps", "bp") && !d.t[j].upper:
		return 1
	}
	return 0
}

// gdpTail extends a percentage over "of GDP", "of their gross domestic
// product", "of national income", "(GDP)".
func (d *doc) gdpTail(b int) int {
	if !d.is(b, "of") {
		return b
	}
	k := b + 1
	if d.has(k, fDet) {
		k++
	} else if d.word(k) && d.possessive(k+1) {
		k += 3
	}
	e := 0
	switch {
	case d.isAny(k, "GDP", "GNP", "GNI"):
		e = k + 1
	case d.is(k, "gross") && d.isAny(k+1, "domestic", "national") && d.is(k+2, "product"):
		e = k + 3
	case d.isAny(k, "national", "economic") && d.isAny(k+1, "income", "output"):
		e = k + 2
	case d.is(k, "economic") && d.is(k+1, "output"):
		e = k + 2
	}
	if e == 0 {
		return b
	}
	if d.punct(e, '(') && d.isAny(e+1, "GDP", "GNP", "GNI") && d.punct(e+2, ')') {
		e += 3
	}
	return e
}

// curWordAt returns the tokens of a currency word or code at j: "euros",
// "US dollars", "USD".
func (d *doc) curWordAt(j int, scaled bool) int {
	if d.has(j, fCurrency) {
		w := strings.ToLower(d.str(j))
		if needsScale[w] && !scaled {
			return 0
		}
		if d.t[j].upper && w != "euros" && w != "dollars" && !scaled {
			return 0 // "3 Pounds Lane"
		}
		return 1
	}
	if d.isAny(j, "US", "U.S.", "Canadian", "Australian", "Hong", "Singapore", "New") {
		for n := 1; n <= 2; n++ {
			if d.has(j+n, fCurrency) {
				return n + 1
			}
		}
	}
	if d.is(j, "U") && d.punct(j+1, '.') && d.is(j+2, "S") && d.punct(j+3, '.') && d.isAny(j+4, "dollars", "dollar") {
		return 5
	}
	if d.has(j, fCurCode) && isCode(d.str(j)) && d.str(j) != "Rs" {
		return 1
	}
	return 0
}

// curAfter reports a currency word or code at j.
func (d *doc) curAfter(j int) bool { return d.curWordAt(j, true) > 0 }

// countNoun returns the counted noun phrase at j: up to two modifiers and a
// plural head ("member countries", "additional troops", "MPs"), an
// irregular plural ("people") or a unit ("km").
func (d *doc) countNoun(j int) (int, int) {
	k := j
	for n := 0; n < 3; n++ {
		if !d.word(k) || d.newline(k) {
			return j, j
		}
		e := k + 1
		// "far-right lawmakers": a tight hyphen joins words
		for d.dash(e) && d.tight(e) && d.word(e+1) && d.tight(e+1) {
			e += 2
		}
		w := d.str(e - 1)
		lx := d.t[e-1].lex
		if lx&(fTimeUnit) != 0 || d.t[k].lex&(fStop|fVerb|fDet) != 0 && e == k+1 || lx&fMonth != 0 && d.t[e-1].upper {
			return j, j
		}
		if lx&(fUnit|fIrregPlural) != 0 || plural(w) {
			return j, e
		}
		if d.t[k].kind != kWord || d.possessive(e) {
			return j, j
		}
		k = e
	}
	return j, j
}

func plural(w string) bool {
	n := len(w)
	if n < 3 || w[n-1] != 's' {
		return false
	}
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"),
		strings.HasSuffix(w, "'s"):
		return false
	}
	return true
}

// scoreContext reports a word about a game result near tokens [a, b).
func (d *doc) scoreContext(a, b int) bool {
	for k := a - 3; k < b+3; k++ {
		if k >= a && k < b {
			continue
		}
		if d.has(k, fScoreCtx) {
			return true
		}
	}
	return false
}
