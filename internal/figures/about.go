package figures

import "strings"

// about returns what figure f measures.
func (d *doc) about(f fig) string {
	switch f.kind {
	case fkRate:
		return d.rateAbout(f.a)
	case fkElided:
		return d.elidedAbout(f.a, f.b)
	}
	if (f.kind == fkCount || f.kind == fkOfCount) && f.nb > f.na {
		if f.kind == fkOfCount {
			return d.join(d.wordsAfter(f.na, maxAboutWords, true))
		}
		return d.join(d.wordsAfter(f.na, f.nb-f.na, false))
	}
	if f.kind == fkPct && !f.gdp && d.is(f.b, "of") {
		if s := d.join(d.npAfter(f.b+1, maxAboutWords)); s != "" {
			return s
		}
	}
	b := f.b
	comp := ""
	if d.word(b) && d.t[b].lex&(fStop|fVerb|fDet|fQual|fPrepAbout|fTimeUnit) == 0 && !d.tight(b) &&
		!(d.isAny(b, "next", "last", "this") && d.has(b+1, fTimeUnit)) {
		comp = d.join(d.npAfter(b, 3))
	}
	if comp != "" && !generic(comp) {
		return comp
	}
	// past "by 2032", "in 2025": "3.5% of GDP on their defense budgets"
	k := b
	for n := 0; n < 2 && d.isAny(k, "by", "in", "until", "from", "since", "before", "this", "next", "last") &&
		(d.num(k+1) || d.isAny(k+1, "year", "years", "month", "week")); n++ {
		k += 2
	}
	// "in the runoff" is a setting, "in military aid" a measure
	if d.has(k, fPrepAbout) && (d.word(k+1) && !d.t[k+1].upper || d.has(k+1, fDet)) &&
		!(d.is(k, "in") && d.isAny(k+1, "the", "this", "that")) {
		if s := d.join(d.npAfter(k+1, maxAboutWords)); s != "" {
			return s
		}
	}
	if comp != "" {
		return comp
	}
	if s := d.linkedBefore(f.a); s != "" {
		return s
	}
	return d.subject(f.a, f.b)
}

func generic(s string) bool {
	w := s
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		if strings.Count(s, " ") > 0 {
			return false // "defense target" is specific enough
		}
		w = s[i+1:]
	}
	return lookup(w).flags&fGeneric != 0
}

// chunkEnd returns the end of the run of tightly joined words and numbers
// that starts at k: "defense-related", "Ukraine’s", "U.S.".
func (d *doc) chunkEnd(k int) int {
	e := k + 1
	for d.tight(e) && d.tight(e+1) && d.punct(e, '-', '‐', '’', '\'', '.', '&', '/') && (d.word(e+1) || d.num(e+1)) {
		e += 2
	}
	if d.punct(e, '.') && d.tight(e) && d.word(e-1) && len(d.str(e-1)) == 1 && d.t[e-1].upper && e-1 > k {
		e++ // "U.S."
	}
	return e
}

// chunkStart returns the start of the run of tightly joined words that ends
// at token k.
func (d *doc) chunkStart(k int) int {
	s := k
	if d.punct(s, '.') && d.tight(s) && d.word(s-1) && len(d.str(s-1)) == 1 {
		s--
	}
	for s-2 >= 0 && d.tight(s) && d.tight(s-1) && d.punct(s-1, '-', '‐', '’', '\'', '.', '&', '/') && (d.word(s-2) || d.num(s-2)) {
		s -= 2
	}
	return s
}

type span struct{ s, e int }

func (d *doc) join(ws []span) string {
	if len(ws) == 0 {
		return ""
	}
	var sb strings.Builder
	for i, w := range ws {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(d.text[d.t[w.s].s:d.t[w.e-1].e])
	}
	return sb.String()
}

// chunkLex returns the lexicon flags of a chunk made of one word.
func (d *doc) chunkLex(w span) uint32 {
	if w.e == w.s+1 && d.word(w.s) {
		return d.t[w.s].lex
	}
	return 0
}

// npAfter returns the noun phrase that starts at k: leading determiners
// and qualifiers are skipped; it ends at punctuation, a function word, a
// verb or a number, and may hold "of" and "like" between words.
func (d *doc) npAfter(k, max int) []span {
	var ws []span
	for len(ws) < max && d.ok(k) {
		if d.t[k].kind != kWord && !(d.t[k].kind == kNum && len(ws) > 0 && d.pctAt(k+1) > 0) {
			break
		}
		if d.newline(k) && len(ws) > 0 {
			break
		}
		e := d.chunkEnd(k)
		if d.t[k].kind == kNum {
			e = k + 1 + d.pctAt(k+1) // "the 2% goal"
		}
		w := span{k, e}
		lx := d.chunkLex(w)
		if len(ws) == 0 && lx&(fDet|fQual) != 0 && lx&fLink == 0 {
			k = e
			continue
		}
		if len(ws) == 0 && d.isAny(k, "new", "extra", "current") {
			k = e
			continue
		}
		if d.isAny(k, "of", "like") && len(ws) > 0 && d.word(e) && !d.t[e].upper && d.t[e].lex&(fStop|fVerb) == 0 {
			ws = append(ws, w)
			k = e
			continue
		}
		if lx&fStop != 0 || (lx&fVerb != 0 || lx&fTimeUnit != 0 || pastForm(d.str(k))) && len(ws) > 0 {
			break
		}
		ws = append(ws, w)
		k = e
	}
	for len(ws) > 0 && d.isAny(ws[len(ws)-1].s, "of", "like") {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// wordsAfter returns up to max words from k to the end of the clause
// (predicate), or exactly the noun when pred is false.
func (d *doc) wordsAfter(k, max int, pred bool) []span {
	var ws []span
	for len(ws) < max && d.ok(k) {
		if d.breaks(k) || d.punct(k, ',') || d.newline(k) && len(ws) > 0 {
			break
		}
		if d.t[k].kind == kPunct {
			k++
			continue
		}
		e := d.chunkEnd(k)
		if d.t[k].kind == kNum && d.pctAt(k+1) > 0 {
			e = k + 1 + d.pctAt(k+1)
		}
		ws = append(ws, span{k, e})
		k = e
		if !pred && len(ws) == max {
			break
		}
	}
	for len(ws) > 1 && d.chunkLex(ws[len(ws)-1])&fStop != 0 {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// npBefore returns the noun phrase that ends at token k.
func (d *doc) npBefore(k int) []span {
	var ws []span
	for len(ws) < 4 && k >= 0 {
		if d.t[k].kind == kPunct && !(d.punct(k, '.') && d.word(k-1) && len(d.str(k-1)) == 1) {
			break
		}
		if d.t[k].kind == kNum || d.newline(k+1) && len(ws) > 0 {
			break
		}
		s := d.chunkStart(k)
		w := span{s, k + 1}
		lx := d.chunkLex(w)
		noun := len(ws) == 0 && isNounIng(d.str(s))
		if lx&(fStop|fVerb|fDet|fQual|fPercent|fScale|fCurrency|fUnit) != 0 && !noun {
			break
		}
		if pastForm(d.str(s)) && len(ws) > 0 {
			break // "reported revenue"
		}
		if lx&fLink != 0 && !noun && !(len(ws) > 0 && isNounIng(d.str(s))) {
			break
		}
		ws = append(ws, w)
		k = s - 1
	}
	for i, j := 0, len(ws)-1; i < j; i, j = i+1, j-1 {
		ws[i], ws[j] = ws[j], ws[i]
	}
	return ws
}

// pastForm reports a lower-case word in -ed: a verb after a noun.
func pastForm(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ed") && w[0] >= 'a' && w[0] <= 'z' && w != "need" && w != "speed"
}

func isNounIng(w string) bool {
	switch strings.ToLower(w) {
	case "spending", "funding", "financing", "borrowing", "housing", "training", "lending",
		"trading", "shipping", "rating", "polling", "pledges", "target", "cost", "costs":
		return true
	}
	return false
}

// linkedBefore returns the noun phrase before a linking word before the
// figure at a: "defense spending to 5%", "The U.S., at 3.38%".
func (d *doc) linkedBefore(a int) string {
	k := a - 1
loop:
	for n := 0; n < 4; n++ {
		switch {
		case d.is(k, "least") && d.is(k-1, "at"):
			k -= 2
		case d.is(k, "than") && d.isAny(k-1, "more", "less", "fewer"):
			k -= 2
		case d.is(k, "to") && d.is(k-1, "up"):
			k -= 2
		case d.has(k, fQual) && !d.has(k, fLink):
			k--
		default:
			break loop
		}
	}
	if !d.has(k, fLink) {
		return ""
	}
	k--
	if d.punct(k, ',') {
		k--
	}
	// "his country should reach 2.5%", "Spain is not spending 2%",
	// "turnout fell to 61.5 percent"
	for n := 0; n < 3 && (d.isAny(k, "should", "would", "will", "could", "must", "can", "may",
		"might", "to", "is", "are", "was", "were", "has", "have", "had", "not", "also", "even",
		"still", "already", "only", "now", "currently", "be", "sharply", "slightly") ||
		d.word(k) && !d.t[k].upper && (d.has(k, fVerb|fLink) || pastForm(d.str(k))) && !isNounIng(d.str(k))); n++ {
		k--
	}
	if k < 0 {
		return ""
	}
	// "the levy, which adds 8 shillings": the antecedent; "copper, which
	// makes up half of exports, has fallen to": the subject before the aside
	if d.isAny(k, "which", "that", "who") && d.punct(k-1, ',') {
		k -= 2
	} else if d.punct(k, ',') {
		for w := k - 1; w > 0 && w > k-16 && !d.breaks(w); w-- {
			if d.isAny(w, "which", "who") && d.punct(w-1, ',') {
				k = w - 2
				break
			}
		}
	}
	return d.join(d.npBefore(k))
}

// subject returns the first noun phrase of the clause of the figure at
// [a, b), or failing that the first one after the figure.
func (d *doc) subject(a, b int) string {
	s := a
	for s > 0 && !d.breaks(s-1) && !d.newline(s) {
		s--
	}
	for d.ok(s) && s < a && (d.t[s].kind == kPunct || d.has(s, fLead|fDet|fQual)) {
		s++
	}
	if s < a {
		ws := d.npAfter(s, 5)
		for len(ws) > 0 && ws[len(ws)-1].e > a {
			ws = ws[:len(ws)-1]
		}
		if len(ws) > 0 {
			return d.join(ws)
		}
	}
	// the first content words after the figure
	for k := b; d.ok(k) && !d.breaks(k); k++ {
		if d.word(k) && d.t[k].lex&(fStop|fVerb|fDet|fQual) == 0 {
			if ws := d.npAfter(k, 5); len(ws) > 0 {
				return d.join(ws)
			}
		}
	}
	return ""
}

// sentenceStart returns the first token of the sentence of token a.
func (d *doc) sentenceStart(a int) int {
	s := a
	for s > 0 && !d.breaks(s-1) && !d.newline(s) {
		s--
	}
	return s
}

// rateAbout names an exchange rate by the currency the sentence is about:
// "The shilling was little changed at 129.2 per dollar" → "shilling
// exchange rate".
func (d *doc) rateAbout(a int) string {
	for k := d.sentenceStart(a); k < a; k++ {
		if d.has(k, fCurrency) && !d.t[k].upper {
			return d.str(k) + " exchange rate"
		}
	}
	return "exchange rate"
}

// elidedAbout joins the counted noun of an earlier count in the sentence to
// the words after an elided count: "188 of the 465 seats, short of the 233
// needed for a majority" → "seats needed for a majority".
func (d *doc) elidedAbout(a, b int) string {
	rest := d.join(d.wordsAfter(b, maxAboutWords-1, true))
	for k := a - 1; k >= d.sentenceStart(a); k-- {
		if !d.num(k) {
			continue
		}
		if na, nb := d.countNoun(k + 1); nb > na {
			return d.str(nb-1) + " " + rest
		}
	}
	return rest
}
