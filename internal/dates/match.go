package dates

import (
	"strconv"
	"strings"
	"time"
)

// match is one date expression: tokens [a, b) and its resolution.
type match struct {
	a, b int
	res  string
}

// matchAt tries to match a date expression whose head is token i. The
// match may start before i (modifiers and prepositions) but not before
// d.floor.
func (d *doc) matchAt(i int) (match, bool) {
	t := &d.t[i]
	switch t.kind {
	case kNum:
		if m, ok := d.numericDate(i); ok {
			return m, true
		}
		if m, ok := d.dayLed(i); ok {
			return m, true
		}
		if m, ok := d.relNum(i); ok {
			return m, true
		}
		return d.yearAt(i)
	case kWord:
		f := t.lex
		switch {
		case f&fWeekday != 0 && t.upper:
			return d.weekdayAt(i)
		case f&(fMonth|fMonAbbr) != 0 && t.upper:
			return d.monthLed(i)
		case f&fRelDay != 0:
			return d.relDay(i)
		case f&fNumWord != 0:
			return d.relNum(i)
		case f&fUnit != 0:
			return d.unitMod(i)
		}
	}
	return match{}, false
}

// ---- calendar helpers

func date(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }

func valid(y, m, dd int) bool {
	if m < 1 || m > 12 || dd < 1 || dd > 31 {
		return false
	}
	t := date(y, m, dd)
	return t.Day() == dd && int(t.Month()) == m
}

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func fmtRange(a, b time.Time) string {
	if a.Equal(b) {
		return fmtDay(a)
	}
	return fmtDay(a) + "/" + fmtDay(b)
}

func fmtMonth(y, m int) string {
	t := date(y, m, 1) // normalises m outside 1..12
	return t.Format("2006-01")
}

func fmtYear(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func (d *doc) pubYMD() (int, int, int) {
	y, m, dd := d.pub.Date()
	return y, int(m), dd
}

// ---- tense

const (
	tenseNone = iota
	tenseFuture
	tensePast
	tenseWeak // a present-tense verb that often announces a schedule
)

// tense guesses the tense of the clause around tokens [a, b): the nearest
// tense cue wins, looking back up to 15 words and ahead up to 8.
func (d *doc) tense(a, b int) int {
	cs, _ := d.clauseRange(a)
	_, ce := d.clauseRange(b - 1)
	backD, backT, weak := 0, tenseNone, false
	w := 0
	for k := a - 1; k >= cs && w < 15; k-- {
		if !d.word(k) {
			continue
		}
		w++
		switch c := d.cue(k); c {
		case tenseNone:
		case tenseWeak:
			weak = true
		default:
			backD, backT = w, c
		}
		if backT != tenseNone {
			break
		}
	}
	// ahead, a comma ends the clause unless the expression opens it ("On
	// Sunday, Rubio spoke"); a reporting verb there ("..., officials
	// said") counts as farther away
	before := 0
	for k := a - 1; k >= cs && before < 2; k-- {
		if d.word(k) && !d.has(k, fPrep|fBound) {
			before++
		}
	}
	opens := before == 0
	fwdD, fwdT := 0, tenseNone
	w = 0
	for k := b; k < ce && w < 8; k++ {
		if !d.word(k) {
			if !opens && d.punct(k, ',') {
				break
			}
			continue
		}
		// "crashed on Wednesday and will decide": a second predicate
		if backT != tenseNone && d.isAny(k, "and", "but") {
			break
		}
		w++
		switch c := d.cue(k); c {
		case tenseNone:
		case tenseWeak:
			weak = true
		default:
			fwdD, fwdT = w, c
			if d.isAny(k, "said", "says", "told", "added", "according") {
				fwdD += 3
			}
		}
		if fwdT != tenseNone {
			break
		}
	}
	switch {
	case backT != tenseNone && (fwdT == tenseNone || backD <= fwdD):
		return backT
	case fwdT != tenseNone:
		return fwdT
	case weak:
		return tenseFuture
	}
	return tenseNone
}

// cue returns the tense that word k announces, if any.
func (d *doc) cue(k int) int {
	t := &d.t[k]
	f := t.lex
	if f&(fMonth|fWeekday) != 0 && t.upper {
		return tenseNone
	}
	w := d.str(k)
	lw := strings.ToLower(w)
	switch lw {
	case "to":
		if d.has(k+1, fToVerb) && !d.t[k+1].upper && d.sameClause(k, k+1) {
			return tenseFuture
		}
		return tenseNone
	case "is", "are", "am":
		if d.is(k+1, "to") {
			return tenseFuture
		}
		if d.word(k + 1) {
			nw := d.str(k + 1)
			if len(nw) > 4 && strings.HasSuffix(nw, "ing") && !d.t[k+1].upper {
				return tenseFuture
			}
		}
		return tenseNone
	case "set", "going":
		if d.isAny(k+1, "to", "for") {
			return tenseFuture
		}
		return tenseNone
	case "due":
		if d.isAny(k+1, "to", "on", "in", "for", "at") {
			return tenseFuture
		}
		return tenseNone
	case "aim", "hope", "plan", "schedule":
		if d.has(k-1, fDet) {
			return tenseNone
		}
		return tenseFuture
	case "last":
		// "last week" looks back; "to last until" is a verb
		if d.has(k+1, fUnit|fWeekday|fMonth) {
			return tensePast
		}
		return tenseNone
	case "effective", "starting", "beginning":
		// "effective Thursday", "starting Monday"
		if d.has(k+1, fWeekday|fMonth|fRelDay) || d.num(k+1) || d.isAny(k+1, "next", "this", "from", "on") {
			return tenseFuture
		}
		return tenseNone
	case "next", "coming", "later", "earlier":
		// a modifier of another time word ("last week") tells nothing
		// about this clause when it is part of a date of its own
		if lw == "next" || lw == "coming" || lw == "later" {
			return tenseFuture
		}
		return tensePast
	}
	if f&fFuture != 0 {
		return tenseFuture
	}
	beBefore := d.isAny(k-1, "is", "are", "am", "be", "being")
	if f&fPast != 0 {
		if beBefore && lw != "was" && lw != "were" {
			return tenseNone
		}
		return tensePast
	}
	if f&fWeakFut != 0 {
		return tenseWeak
	}
	if len(w) >= 5 && !t.upper && strings.HasSuffix(lw, "ed") && f&fNotPast == 0 {
		if beBefore || d.has(k-1, fDet) || d.dash(k-1) && d.tight(k) {
			return tenseNone
		}
		return tensePast
	}
	return tenseNone
}

// ---- resolution

// yearless picks the year of a month-day with no year: the publication
// year, unless the date then contradicts the tense by more than 45 days, or
// (with no tense) lies more than 240 days away.
func (d *doc) yearless(m, dd, tense int) (int, bool) {
	if !d.hasPub {
		return 0, false
	}
	y, _, _ := d.pubYMD()
	if !valid(y, m, dd) && !(m == 2 && dd == 29) {
		return 0, false
	}
	diff := int(date(y, m, dd).Sub(d.pub).Hours() / 24)
	switch tense {
	case tensePast:
		if diff > 45 {
			y--
		}
	case tenseFuture:
		if diff < -45 {
			y++
		}
	default:
		if diff > 240 {
			y--
		} else if diff < -240 {
			y++
		}
	}
	if !valid(y, m, dd) {
		return 0, false
	}
	return y, true
}

// monthOnly picks the year of a bare month.
func (d *doc) monthOnly(m int, mod string, tense int) string {
	if !d.hasPub {
		return ""
	}
	y, pm, _ := d.pubYMD()
	switch mod {
	case "this":
	case "next", "coming":
		if m <= pm {
			y++
		}
	case "last", "past":
		if m >= pm {
			y--
		}
	default:
		diff := m - pm
		switch tense {
		case tenseFuture:
			if diff < 0 {
				y++
			}
		case tensePast:
			if diff >= 2 {
				y--
			}
		default:
			if diff <= -8 {
				y++
			} else if diff >= 8 {
				y--
			}
		}
	}
	return fmtMonth(y, m)
}

// weekday resolves a weekday wd (Sunday = 0) with modifier mod.
func (d *doc) weekday(wd int, mod string, tense int) string {
	if !d.hasPub {
		return ""
	}
	pw := int(d.pub.Weekday())
	back := (pw - wd + 7) % 7
	fwd := (wd - pw + 7) % 7
	var off int
	switch mod {
	case "last", "past":
		if back == 0 {
			back = 7
		}
		off = -back
	case "next", "coming":
		if fwd == 0 {
			fwd = 7
		}
		off = fwd
	case "this":
		switch {
		case fwd == 0:
		case tense == tensePast:
			off = -back
		default:
			off = fwd
		}
	default:
		switch {
		case back == 0:
		case tense == tenseFuture:
			off = fwd
		default:
			off = -back
		}
	}
	return fmtDay(d.pub.AddDate(0, 0, off))
}

// shift resolves "n units from publication" at the precision of the unit.
func (d *doc) shift(n, unit int) string {
	if !d.hasPub {
		return ""
	}
	y, m, _ := d.pubYMD()
	switch unit {
	case uDay:
		return fmtDay(d.pub.AddDate(0, 0, n))
	case uWeek:
		return fmtDay(d.pub.AddDate(0, 0, 7*n))
	case uMonth:
		return fmtMonth(y, m+n)
	case uYear:
		return fmtYear(y + n)
	case uDecade:
		return fmtYear(y + 10*n)
	}
	return ""
}

// ---- matchers

// prefix extends a match start a backwards over a modifier (this, next,
// last, past, coming; "this past"), a part (early, mid, late; "mid-") and a
// bounding preposition (by, since, until...). It returns the new start and
// the modifier.
func (d *doc) prefix(a int, mods, parts, bound bool) (int, string) {
	start, mod := a, ""
	k := a - 1
	if parts {
		if d.dash(k) && d.tight(k) && d.tight(a) && d.is(k-1, "mid") {
			start, k = k-1, k-2
		} else if d.isAny(k, "early", "mid", "late", "mid-") {
			start, k = k, k-1
		}
	}
	if mods && d.isAny(k, "this", "next", "last", "past", "coming") {
		mod = strings.ToLower(d.str(k))
		start, k = k, k-1
		if (mod == "past" || mod == "coming") && d.is(k, "this") {
			start, k = k, k-1
		}
		if mod == "past" && d.is(k, "the") {
			// "the past June" is odd; keep "past" as "last"
			mod = "last"
		}
		if parts && start == k+1 && d.isAny(k, "early", "late") {
			start, k = k, k-1
		}
	}
	if bound && d.has(k, fBound) && !d.is(k, "within") {
		start = k
	}
	for start < a && (start < d.floor || !d.sameClause(start, a)) {
		start++
	}
	return start, mod
}

// rangeSep returns the index after a range separator at j: a dash, "to",
// "through", "until", or "and" after "between".
func (d *doc) rangeSep(j int, between bool) (int, bool) {
	if d.dash(j) || d.punct(j, '/') && d.tight(j) && d.tight(j+1) {
		return j + 1, true
	}
	if d.has(j, fRangeSep) {
		if d.is(j, "and") && !between {
			return j, false
		}
		return j + 1, true
	}
	return j, false
}

// optYear reads an optional ", YYYY" at j.
func (d *doc) optYear(j int) (int, int) {
	k := j
	if d.punct(k, ',') {
		k++
	}
	if y := d.year4(k, 1000, 2999); y > 0 {
		return y, k + 1
	}
	if k != j {
		return 0, j
	}
	// "May 15th of 2025"? rare; "of" is taken by monthYear
	return 0, j
}

// md is a parsed month-day form.
type md struct {
	m1, d1, m2, d2, y int
	between           bool
	end               int // token after the form
}

// resolveMD turns a month-day form into Resolved, using the tense when the
// year is missing.
func (d *doc) resolveMD(f md, a, b int) string {
	m2 := f.m2
	if m2 == 0 {
		m2 = f.m1
	}
	var y1, y2 int
	if f.y > 0 {
		y1, y2 = f.y, f.y
		if f.d2 > 0 && m2 < f.m1 {
			y1--
		}
	} else {
		y, ok := d.yearless(f.m1, f.d1, d.tense(a, b))
		if !ok {
			return ""
		}
		y1, y2 = y, y
		if f.d2 > 0 && m2 < f.m1 {
			y2++
		}
	}
	if !valid(y1, f.m1, f.d1) {
		return ""
	}
	start := date(y1, f.m1, f.d1)
	if f.d2 == 0 {
		return fmtDay(start)
	}
	if !valid(y2, m2, f.d2) {
		return fmtDay(start)
	}
	end := date(y2, m2, f.d2)
	if end.Before(start) {
		return fmtDay(start)
	}
	return fmtRange(start, end)
}

// monthDay parses "May 15", "May 15, 2025", "June 24-25", "May 30 – June 2",
// "Sept. 3rd" at month token i. lenient accepts lower-case month names.
func (d *doc) monthDay(i int, lenient bool) (md, bool) {
	m1, j, _ := d.monthAt(i, lenient)
	if m1 == 0 {
		return md{}, false
	}
	d1 := d.day(j)
	if d1 == 0 || d.tight(j) && d.word(j-1) {
		return md{}, false
	}
	f := md{m1: m1, d1: d1, between: d.is(i-1, "between")}
	j = d.ordinal(j + 1)
	if k, ok := d.rangeSep(j, f.between); ok {
		if m, n, _ := d.monthAt(k, lenient); m > 0 {
			if dd := d.day(n); dd > 0 {
				f.m2, f.d2, j = m, dd, d.ordinal(n+1)
			}
		} else if dd := d.day(k); dd > 0 && int(d.t[k].val) > d1 {
			f.d2, j = dd, d.ordinal(k+1)
		}
	}
	f.y, f.end = d.optYear(j)
	return f, true
}

// dayMonth parses "15 May", "15th of May 2025", "14 to 16 May", "14-16 May",
// "30 May – 2 June" at day token i.
func (d *doc) dayMonth(i int, lenient bool) (md, bool) {
	d1 := d.day(i)
	if d1 == 0 {
		return md{}, false
	}
	f := md{d1: d1, between: d.is(i-1, "between")}
	j := d.ordinal(i + 1)
	if k, ok := d.rangeSep(j, f.between); ok {
		if dd := d.day(k); dd > 0 && int(d.t[k].val) > d1 {
			k2 := d.ordinal(k + 1)
			if d.is(k2, "of") {
				k2++
			}
			if m, n, _ := d.monthAt(k2, lenient); m > 0 {
				f.d2, f.m1, j = dd, m, n
			}
		}
	}
	if f.m1 == 0 {
		if d.is(j, "of") {
			j++
		} else if lenient && (d.dash(j) || d.punct(j, '/', '.')) && d.tight(j) && d.tight(j+1) {
			j++ // "15-May-2025"
		}
		m, n, _ := d.monthAt(j, lenient)
		if m == 0 {
			return md{}, false
		}
		f.m1, j = m, n
		// "30 May to 2 June"
		if k, ok := d.rangeSep(j, f.between); ok {
			if dd := d.day(k); dd > 0 {
				k2 := d.ordinal(k + 1)
				if d.is(k2, "of") {
					k2++
				}
				if m2, n2, _ := d.monthAt(k2, lenient); m2 > 0 {
					f.d2, f.m2, j = dd, m2, n2
				}
			}
		}
	}
	if lenient && (d.dash(j) || d.punct(j, '/', '.')) && d.tight(j) && d.tight(j+1) {
		if y := d.year4(j+1, 1000, 2999); y > 0 {
			f.y, f.end = y, j+2
			return f, true
		}
	}
	f.y, f.end = d.optYear(j)
	return f, true
}

// numericDate matches "2025-05-15", "2025/05/15", "15.05.2025", "05/15/2025".
func (d *doc) numericDate(i int) (match, bool) {
	y, m, dd, end, ok := d.numeric(i)
	if !ok {
		return match{}, false
	}
	return match{a: i, b: end, res: fmtDay(date(y, m, dd))}, true
}

func (d *doc) numeric(i int) (y, m, dd, end int, ok bool) {
	if !d.num(i) || i+4 >= len(d.t) {
		return
	}
	sep := d.t[i+1]
	if sep.kind != kPunct || (sep.r != '-' && sep.r != '/' && sep.r != '.') {
		return
	}
	for k := i + 1; k <= i+4; k++ {
		if !d.tight(k) {
			return
		}
	}
	if !d.punct(i+3, sep.r) || !d.num(i+2) || !d.num(i+4) {
		return
	}
	if d.tight(i) && (d.num(i-1) || d.punct(i-1, '.', '/', '-', ',', ':') && d.num(i-2)) {
		return
	}
	if d.tight(i+5) && d.punct(i+5, '.', '/', '-') && d.num(i+6) && d.tight(i+6) {
		return
	}
	a, b, c := d.t[i], d.t[i+2], d.t[i+4]
	switch {
	case int(a.nd) == 4 && int(b.nd) <= 2 && int(c.nd) <= 2:
		y, m, dd = int(a.val), int(b.val), int(c.val)
	case int(a.nd) <= 2 && int(b.nd) <= 2 && int(c.nd) == 4:
		y, m, dd = int(c.val), int(b.val), int(a.val)
		if sep.r == '/' && int(a.val) <= 12 {
			m, dd = int(a.val), int(b.val) // US order unless impossible
			if !valid(y, m, dd) {
				m, dd = int(b.val), int(a.val)
			}
		}
	default:
		return
	}
	if y < 1000 || y > 2999 || !valid(y, m, dd) {
		return
	}
	return y, m, dd, i + 5, true
}

func (d *doc) dayLed(i int) (match, bool) {
	f, ok := d.dayMonth(i, false)
	if !ok {
		return match{}, false
	}
	a := i
	if f.between && i-1 >= d.floor {
		a = i - 1
	} else {
		a, _ = d.prefix(i, false, false, true)
		if d.is(a, "between") {
			a = i
		}
	}
	return match{a: a, b: f.end, res: d.resolveMD(f, a, f.end)}, true
}

func (d *doc) monthLed(i int) (match, bool) {
	if f, ok := d.monthDay(i, false); ok {
		a := i
		if f.between && i-1 >= d.floor {
			a = i - 1
		} else {
			a, _ = d.prefix(i, false, false, true)
		}
		return match{a: a, b: f.end, res: d.resolveMD(f, a, f.end)}, true
	}
	m, j, abbr := d.monthAt(i, false)
	if abbr {
		return match{}, false
	}
	// "May 2025", "June of 2024"
	k := j
	if d.is(k, "of") {
		k++
	}
	if y := d.year4(k, 1000, 2999); y > 0 {
		a, _ := d.prefix(i, false, true, true)
		return match{a: a, b: k + 1, res: fmtMonth(y, m)}, true
	}
	if !d.bareMonthOK(i, m) {
		return match{}, false
	}
	a, mod := d.prefix(i, true, true, true)
	res := d.monthOnly(m, mod, d.tense(a, j))
	return match{a: a, b: j, res: res}, true
}

// bareMonthOK decides whether a month name standing alone is a date.
func (d *doc) bareMonthOK(i, m int) bool {
	p, n := i-1, i+1
	ctx := false
	if d.has(p, fMonthCtx) && d.sameClause(p, i) {
		ctx = true
		if d.isAny(p, "and", "or", "to") && !(d.has(p-1, fMonth) && d.t[p-1].upper) {
			ctx = false
		}
	}
	if d.dash(p) && d.tight(i) && d.is(p-1, "mid") {
		ctx = true
	}
	if d.has(n, fEventNoun) || d.possessive(n) {
		ctx = true
	}
	if ctx {
		return true
	}
	if m == 5 || m == 3 || m == 4 || m == 8 || m == 6 {
		// May, March, April, August, June are also words or names
		return false
	}
	// not part of a name: "January Jones"
	return !(d.word(n) && d.t[n].upper && !d.tight(n)) && !(d.word(p) && d.t[p].upper && d.sameClause(p, i) && !d.has(p, fMonthCtx))
}

func (d *doc) weekdayAt(i int) (match, bool) {
	if d.isAny(i-1, "black", "good", "bloody", "super", "holy", "ash", "palm", "easter",
		"cyber", "giving", "maundy", "shrove", "fat") && d.t[i-1].upper {
		return match{}, false
	}
	wd := int(d.t[i].val)
	// "Tuesday, May 13, 2025", "Tuesday 13 May"
	k := i + 1
	if d.punct(k, ',') {
		k++
	}
	if f, ok := d.monthDay(k, false); ok && f.d2 == 0 {
		a, _ := d.prefix(i, false, false, true)
		return match{a: a, b: f.end, res: d.resolveMD(f, a, f.end)}, true
	}
	if f, ok := d.dayMonth(k, false); ok && f.d2 == 0 {
		a, _ := d.prefix(i, false, false, true)
		return match{a: a, b: f.end, res: d.resolveMD(f, a, f.end)}, true
	}
	poss := d.possessive(i + 1)
	a, mod := d.prefix(i, true, false, !poss)
	b := i + 1 + d.dayPart(i+1)
	var res string
	if d.hasPub {
		tense := d.tense(a, b)
		if mod == "" && !poss && d.is(i-1, "for") {
			tense = tenseFuture // "called a protest for Saturday"
		}
		res = d.weekday(wd, mod, tense)
	}
	return match{a: a, b: b, res: res}, true
}

func (d *doc) relDay(i int) (match, bool) {
	t := &d.t[i]
	if t.upper && d.word(i-1) && d.t[i-1].upper && d.sameClause(i-1, i) {
		return match{}, false // "USA Today"
	}
	if d.nowadays(i) {
		return match{}, false
	}
	res := ""
	if d.hasPub {
		res = fmtDay(d.pub.AddDate(0, 0, int(t.val)))
	}
	return match{a: i, b: i + 1 + d.dayPart(i+1), res: res}, true
}

// nowadays reports a "today" at i that means "at the present time", not
// the publication day: "the Europe of today", "even today", "defense today
// also includes ...", "young people today face": a subject, then "today",
// then a present-tense verb that is not a schedule ("meets today" and
// "today meets" are the day).
func (d *doc) nowadays(i int) bool {
	if !d.is(i, "today") {
		return false
	}
	if d.isAny(i-1, "of", "than", "even", "still") && d.sameClause(i-1, i) {
		return true
	}
	if !d.word(i-1) || !d.sameClause(i-1, i) || d.has(i-1, fPrep|fBound|fFuture|fPast|fWeakFut) {
		return false
	}
	k := i + 1
	for d.isAny(k, "also", "still", "even", "only", "already", "increasingly", "largely", "mostly", "often", "rarely") {
		k++
	}
	return d.sameClause(i, k) && d.presentVerb(k)
}

// presentVerb reports a present-tense verb at k that states a fact rather
// than a schedule: "is", "has", "includes", "face"; not "is meeting", "is
// expected", "meets", "says".
func (d *doc) presentVerb(k int) bool {
	if !d.word(k) || d.t[k].upper || d.has(k, fWeakFut|fFuture|fPast) {
		return false
	}
	switch w := strings.ToLower(d.str(k)); w {
	case "is", "are", "has", "have":
		n := k + 1
		if d.is(n, "to") {
			return false // "is to meet"
		}
		if !d.word(n) {
			return w == "is" || w == "are"
		}
		nw := strings.ToLower(d.str(n))
		return !strings.HasSuffix(nw, "ing") && !strings.HasSuffix(nw, "ed") && d.t[n].lex&fFuture == 0
	case "face", "need", "live", "include", "remain", "mean", "rely", "depend", "seem",
		"look", "want", "own", "know", "believe", "struggle", "use", "work", "pay", "spend":
		return true
	default:
		return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
	}
}

// dayPart returns 1 for a part of the day at i: "Tuesday night".
func (d *doc) dayPart(i int) int {
	if d.isAny(i, "morning", "afternoon", "evening", "night") && d.sameClause(i-1, i) {
		return 1
	}
	return 0
}

// unitMod matches "this week", "last year", "earlier this month", "the
// weekend", "this past weekend".
func (d *doc) unitMod(i int) (match, bool) {
	u := int(d.t[i].val)
	w := strings.ToLower(d.str(i))
	p := i - 1
	switch {
	case w == "weekend":
		a, mod := i, ""
		if d.isAny(p, "this", "last", "next", "past", "coming") {
			a, mod = d.prefix(i, true, false, false)
		} else if !(d.is(p, "the") || d.possessive(p-1) && d.isAny(p-2, "last", "this", "next")) {
			return match{}, false
		}
		if d.is(p, "past") && d.is(p-1, "the") {
			mod = "last"
		}
		if a < d.floor {
			a = i
		}
		tense := d.tense(a, i+1)
		if mod == "" && d.is(p, "the") && d.is(p-1, "for") {
			tense = tenseFuture // "forecast more rain for the weekend"
		}
		return match{a: a, b: i + 1, res: d.weekend(mod, tense)}, true
	case w == "week" || w == "month" || w == "year":
	case w == "morning" || w == "afternoon" || w == "evening" || w == "night":
		if d.is(p, "this") && w != "night" || d.is(p, "last") && w == "night" {
			if p < d.floor {
				return match{}, false
			}
			res := ""
			if d.hasPub {
				off := 0
				if w == "night" {
					off = -1
				}
				res = fmtDay(d.pub.AddDate(0, 0, off))
			}
			return match{a: p, b: i + 1, res: res}, true
		}
		return match{}, false
	default:
		return match{}, false
	}
	if !d.isAny(p, "this", "next", "last", "past") || p < d.floor {
		return match{}, false
	}
	mod := strings.ToLower(d.str(p))
	a := p
	if mod == "past" {
		if !d.is(p-1, "this") {
			return match{}, false // "the past year" is a span
		}
		mod, a = "last", p-1
	} else if (mod == "last" || mod == "next") && d.isAny(p-1, "the", "a", "its", "their", "his", "her", "our") {
		return match{}, false // "the last year", "the next week"
	}
	if mod == "this" && d.isAny(a-1, "earlier", "later") && a-1 >= d.floor {
		mod = strings.ToLower(d.str(a - 1))
		a--
	} else if d.isAny(a-1, "early", "late") && a-1 >= d.floor {
		a--
	}
	return match{a: a, b: i + 1, res: d.calUnit(u, mod)}, true
}

// calUnit resolves "this/next/last/earlier/later" + week, month or year.
func (d *doc) calUnit(u int, mod string) string {
	if !d.hasPub {
		return ""
	}
	y, m, _ := d.pubYMD()
	n := 0
	switch mod {
	case "next":
		n = 1
	case "last":
		n = -1
	}
	switch u {
	case uYear:
		return fmtYear(y + n)
	case uMonth:
		return fmtMonth(y, m+n)
	case uWeek:
		pw := int(d.pub.Weekday())
		mon := d.pub.AddDate(0, 0, -((pw+6)%7)+7*n)
		sun := mon.AddDate(0, 0, 6)
		switch mod {
		case "earlier":
			if d.pub.Equal(mon) {
				return fmtDay(mon)
			}
			return fmtRange(mon, d.pub.AddDate(0, 0, -1))
		case "later":
			if d.pub.Equal(sun) {
				return fmtDay(sun)
			}
			return fmtRange(d.pub.AddDate(0, 0, 1), sun)
		}
		return fmtRange(mon, sun)
	}
	return ""
}

// weekend resolves "the weekend" (the last one, or the coming one when the
// clause is in the future), "this weekend", "last weekend", "next weekend".
func (d *doc) weekend(mod string, tense int) string {
	if !d.hasPub {
		return ""
	}
	pw := int(d.pub.Weekday())
	inWeekend := pw == 6 || pw == 0
	prevSat := d.pub.AddDate(0, 0, -((pw + 1) % 7)) // latest Saturday on or before pub
	nextSat := d.pub.AddDate(0, 0, (6-pw+7)%7)      // first Saturday on or after pub
	if pw == 0 {
		nextSat = prevSat
	}
	var sat time.Time
	switch mod {
	case "last", "past":
		sat = prevSat
		if inWeekend {
			sat = prevSat.AddDate(0, 0, -7)
		}
	case "next":
		sat = nextSat
		if inWeekend {
			sat = nextSat.AddDate(0, 0, 7)
		}
	case "this", "coming":
		sat = nextSat
		if tense == tensePast && !inWeekend {
			sat = prevSat
		}
	default:
		sat = prevSat
		if tense == tenseFuture && !inWeekend {
			sat = nextSat
		}
	}
	return fmtRange(sat, sat.AddDate(0, 0, 1))
}

// relNum matches "three years ago", "a week ago" and, in a future clause,
// "in three years" ("the plant will close in three years"). Spans are not
// dates: "for three years", "within two years", "over the next seven
// years", "within three years to five years", "in two or three years", "in
// more than three years", and "in three years" looking back ("the first
// talks in three years", "prices have not risen in two years").
func (d *doc) relNum(i int) (match, bool) {
	n, ok := d.count(i)
	if !ok {
		return match{}, false
	}
	j := i + 1
	if !d.has(j, fUnit) || d.tight(j) {
		return match{}, false
	}
	u := int(d.t[j].val)
	if u < uDay || u > uDecade {
		return match{}, false
	}
	k := j + 1
	isA := d.isAny(i, "a", "an")
	if d.is(k, "ago") {
		if n > 1 && isA {
			return match{}, false
		}
		return match{a: i, b: k + 1, res: d.shift(-n, u)}, true
	}
	if isA {
		return match{}, false
	}
	a := i - 1
	if !d.is(a, "in") || a < d.floor || !d.sameClause(a, i) || !d.pointAhead(a, k) {
		return match{}, false
	}
	return match{a: a, b: j + 1, res: d.shift(n, u)}, true
}

// count returns the number of a relative expression at token i: a digit
// run ("3 years") or a number word ("three years", "a week").
func (d *doc) count(i int) (int, bool) {
	t := &d.t[i]
	switch t.kind {
	case kNum:
		if int(t.nd) > 3 || int(t.val) < 1 || d.tight(i) && !d.punct(i-1, '(', '"', '“') && i > 0 {
			return 0, false
		}
	case kWord:
		if t.upper && !d.isAny(i, "a", "an", "one", "two", "three", "four", "five", "six", "seven",
			"eight", "nine", "ten") {
			return 0, false
		}
	}
	return int(t.val), true
}

// pointAhead reports whether "in N units" at [a, k) names a point ahead of
// publication rather than a span: the clause is in the future, the number
// is not one of several ("in two or three years") and no superlative looks
// back over the span ("the first talks in three years").
func (d *doc) pointAhead(a, k int) bool {
	if d.isAny(k, "to", "or", "and") || d.dash(k) {
		if d.num(k+1) || d.has(k+1, fNumWord) {
			return false
		}
	}
	if d.is(k, "of") || d.superBefore(a) {
		return false
	}
	return d.tense(a, k) == tenseFuture
}

// superBefore reports a superlative or "first" earlier in the sentence.
func (d *doc) superBefore(a int) bool {
	s, _ := d.sentenceRange(a)
	w := 0
	for k := a - 1; k >= s && w < 14; k-- {
		if !d.word(k) {
			continue
		}
		w++
		if d.has(k, fSuper) {
			return true
		}
	}
	return false
}

// yearAt matches a bare year with its preposition: "by 2032", "in 2023",
// "since 2014", "2029", "the 2032 target".
func (d *doc) yearAt(i int) (match, bool) {
	p := i - 1
	ctx := d.has(p, fPrep|fBound|fDet) || d.isAny(p, "early", "mid", "late", "year", "fiscal") || d.dash(p) && d.is(p-1, "mid")
	lo, hi := 1900, 2100
	if ctx {
		lo, hi = 1000, 2199
	}
	y := d.year4(i, lo, hi)
	if y == 0 {
		return match{}, false
	}
	if d.tight(i) && (d.word(p) || d.num(p) || d.punct(p, ',', '.', '#', '/', ':', '$', '€', '£', '¥', '+') && !(d.punct(p, '/') && d.num(p-1) && int(d.t[p-1].nd) == 4)) {
		return match{}, false
	}
	if d.punct(p, '$', '€', '£', '¥') {
		return match{}, false
	}
	if d.isAny(p, "some", "nearly", "almost", "roughly", "approximately", "than", "least",
		"estimated", "additional", "extra", "another", "usd", "eur", "gbp", "us", "number", "no") {
		return match{}, false
	}
	n := i + 1
	if d.has(n, fTimeZone) && !d.tight(n) {
		return match{}, false
	}
	if d.has(n, fQtyNoun) && !d.has(p, fDet) {
		return match{}, false
	}
	if d.word(n) && !d.t[n].upper && !d.has(p, fPrep|fBound|fDet) {
		w := d.str(n)
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && d.t[n].lex&fEventNoun == 0 {
			return match{}, false // "2000 protesters"
		}
	}
	a, _ := d.prefix(i, false, true, true)
	return match{a: a, b: i + 1, res: fmtYear(y)}, true
}
