package entities

import (
	"strings"
	"unicode/utf8"

	"briefgen/internal/names"
)

// Organisations without a file or a list entry, found by the structure
// around their name: a lower-case party head ("the Komeito party"), a
// describing noun before ("the bloc Mercosur") or a definition after
// ("Mercosur is a customs union"), a name that keeps its 's as the subject
// of a clause ("Moody's, which cut…"), an employer after a role ("head of
// rates at Santander"), a short form of a body already named ("the
// Commission"). Once found, a name is a mention wherever else it is written.

// foundOrg is the written form of an organisation found by its context, so
// that its other occurrences can be matched.
type foundOrg struct {
	keys  []string // tok.low of each word
	poss  bool     // the name ends with its 's: "Moody's"
	short bool     // a short form ("Fitch" of Fitch Ratings): written alone only
	id    int
}

// addShortForm lets w, the first word of a company's two-word name
// ("Fitch" of Fitch Ratings) or the first part of a hyphenated one
// ("Sibanye" of Sibanye-Stillwater), stand alone for body id. A common
// word, a country or a demonym is no short form ("Nordic" of Nordic
// Logistics).
func (b *builder) addShortForm(id int, w string) {
	low, cls := lookupWord(w)
	if utf8.RuneCountInString(low) < 3 || cls&(cStop|cTitle|cMod|cCountryWord|cDemonym|cCal|cCompany) != 0 || lex[low].cls&cCommon != 0 {
		return
	}
	b.found = append(b.found, foundOrg{keys: []string{low}, short: true, id: id})
}

// hyphenHead returns the first part of the hyphenated word k when every
// part is capitalised ("Sibanye" of "Sibanye-Stillwater"), or "".
func (b *builder) hyphenHead(k int) string {
	t := &b.t[k]
	if !t.hyph || !t.cap || !partsCapitalised(t.w) {
		return ""
	}
	p := b.parts(k)
	if len(p) < 2 {
		return ""
	}
	return b.text[p[0][0]:p[0][1]]
}

// partyOrg finds a body named by capitalised words before the lower-case
// head h: "the Liberal Democratic party" is the Liberal Democratic Party,
// "the Komeito party" is Komeito (a proper name needs no head). A defined
// acronym may follow: "(LDP)".
func (b *builder) partyOrg(h int) {
	a := h
	for a > 0 && h-a < 4 {
		k := a - 1
		p := &b.t[k]
		if !b.t[a].joined || p.poss || b.claim[k] != clFree || !p.cap || !p.alpha || p.cls&(cStop|cCal|cTitle|cHonor) != 0 {
			break
		}
		a = k
	}
	if a == h {
		return
	}
	political := true
	for k := a; k < h; k++ {
		political = political && b.t[k].cls&cPolitical != 0
	}
	if c := b.t[h-1].cls; c&cDemonym != 0 && c&cPolitical == 0 {
		return // an adjective of place: "a European party", "the South American bloc"
	}
	single := h-a == 1
	if single && b.t[a].sent && b.common(a) && !political {
		return // "Ruling party leaders…"
	}
	z := h + 1
	name := normSpace(b.text[b.t[a].s:b.t[h].s]) + titleCase(b.t[h].w)
	if single && !political && !b.common(a) && b.t[a].cls&cDemonym == 0 {
		z, name = a+1, b.t[a].w
	}
	id := b.orgEntity(name, a, z)
	b.mention(id, a, z)
	if z == a+1 {
		b.found = append(b.found, foundOrg{keys: []string{b.t[a].low}, id: id})
	}
	b.definedAcronym(id, h+1)
}

// definedAcronym records the acronym in brackets at word z as a mention of
// body id ("The North Atlantic Treaty Organisation (NATO)") and returns the
// word after it.
func (b *builder) definedAcronym(id, z int) int {
	if z >= len(b.t) || !b.t[z].upper || b.claim[z] != clFree || z == 0 {
		return z
	}
	gap := b.text[b.t[z-1].pe:b.t[z].s]
	if strings.TrimSpace(gap) != "(" || b.t[z].pe >= len(b.text) || b.text[b.t[z].pe] != ')' {
		return z
	}
	b.byKey["o:"+b.t[z].low] = id
	b.mention(id, z, z+1)
	return z + 1
}

// orgStart reports whether word i may begin the name of a body found by
// its context.
func (b *builder) orgStart(i int) bool {
	t := &b.t[i]
	if b.claim[i] != clFree || t.headline || !(t.shape || t.upper && !t.dotted && !t.allCaps) {
		return false
	}
	return t.cls&(cStop|cCal|cTitle|cHonor|cDemonym|cNonOrgAcr|cCountryWord|cBrand) == 0 || t.upper && t.cls&cMediaAcr != 0
}

// orgRun returns the end of the capitalised run of at most four words that
// starts at word i; a possessive ends it.
func (b *builder) orgRun(i int) int {
	j := i + 1
	for j < len(b.t) && j-i < 4 && (b.t[j].joined || b.ampGap(j)) && !b.t[j-1].poss && b.orgStart(j) {
		j++
	}
	return j
}

// ampGap reports whether an ampersand alone joins word j to the one before,
// as in company names: "S&P", "Johnson & Johnson".
func (b *builder) ampGap(j int) bool {
	return j > 0 && b.t[j].seg == b.t[j-1].seg && strings.TrimSpace(b.text[b.t[j-1].pe:b.t[j].s]) == "&"
}

// hasAmp reports whether an ampersand joins two words of [i, j).
func (b *builder) hasAmp(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if b.ampGap(k) {
			return true
		}
	}
	return false
}

// discoverOrgs finds the bodies named by the structure around them, then
// their other mentions.
func (b *builder) discoverOrgs() {
	b.spreadFound() // the bodies named by pattern, and their short forms, come first
	for _, i32 := range b.idx {
		i := int(i32)
		if !b.orgStart(i) || i > 0 && b.t[i].joined && b.t[i-1].cap && b.claim[i-1] == clFree && !b.t[i-1].poss {
			continue // not the first word of a capitalised run
		}
		j := b.orgRun(i)
		if j-i >= 2 && b.leadDescriptor(i) {
			i++ // "Rival Impala Platinum said…"
		}
		possName := b.t[j-1].poss && j-i <= 2 && b.possIsName(j-1)
		if !possName && !b.hasAmp(i, j) && !b.describedBefore(i, j) && !b.employerAt(i) && !b.definedAfter(j) && !b.companyCue(i, j) {
			continue
		}
		if b.t[j-1].poss && !possName && j-i == 1 && b.common(i) {
			continue
		}
		b.addFound(i, j, possName)
	}
	b.spreadFound()
}

// addFound makes words [i, j) a body, with its 's when possName.
func (b *builder) addFound(i, j int, possName bool) {
	end := b.t[j-1].e
	if possName {
		end = b.t[j-1].pe
	}
	name := normSpace(b.text[b.t[i].s:end])
	id := b.orgEntity(name, i, j)
	b.orgMention(id, i, j, possName)
	f := foundOrg{keys: make([]string, 0, j-i), poss: possName, id: id}
	for k := i; k < j; k++ {
		f.keys = append(f.keys, b.t[k].low)
	}
	b.found = append(b.found, f)
	if j-i == 1 {
		if w := b.hyphenHead(i); w != "" {
			b.addShortForm(id, w)
		}
	}
}

// orgMention records words [i, j) as a mention of body id, with the last
// word's 's when the name keeps it.
func (b *builder) orgMention(id, i, j int, possName bool) {
	b.mention(id, i, j)
	if possName {
		b.spans[len(b.spans)-1].e = b.t[j-1].pe
	}
}

// possIsName reports whether the 's of word k belongs to the name, as in
// "Moody's, which cut…" or "Moody's said": nothing owned follows it.
func (b *builder) possIsName(k int) bool {
	if k+1 >= len(b.t) {
		return false
	}
	n := &b.t[k+1]
	if n.comma {
		return !n.cap && (n.low == "which" || n.low == "the" || n.low == "a" || n.low == "an")
	}
	return n.joined && !n.cap && (n.cls&(cSay|cActVerb) != 0)
}

// describedBefore reports whether a noun describing a body stands right
// before the run [i, j): "the bloc Mercosur", "the farmers' union FNSEA".
// An outlet so described must act: "the broadcaster NHK projects".
func (b *builder) describedBefore(i, j int) bool {
	if i == 0 || !b.t[i].joined {
		return false
	}
	p := &b.t[i-1]
	if p.cap && !p.sent || p.poss || p.cls&cOrgNoun == 0 || b.claim[i-1] != clFree {
		return false // a sentence may open with the noun: "Lender Nedbank said"
	}
	if j < len(b.t) && b.t[j].joined && b.t[j].cls&cFounding != 0 {
		return false // "the company Musk founded"
	}
	if p.cls&cMediaNoun != 0 || b.t[i].cls&cMediaAcr != 0 {
		return b.actsAfter(j)
	}
	return j-i > 1 || !b.common(i) || b.t[i].upper
}

// employerAt reports whether the run at word i follows "at" at the end of
// a role: "head of Asia rates strategy at Santander", "an economist at
// Capital Economics".
func (b *builder) employerAt(i int) bool {
	if i < 2 || !b.t[i].joined || b.t[i-1].low != "at" || b.t[i-1].cap {
		return false
	}
	for k := i - 2; k >= 0 && k >= i-8; k-- {
		if b.t[k].cls&cTitle != 0 && b.claim[k] < 0 && b.claim[k] != clPerson {
			return true
		}
		if !b.t[k+1].joined {
			break
		}
	}
	return false
}

// definedAfter reports whether a definition by a describing noun follows
// the name that ends before word j: "Mercosur is a customs union of…",
// "Santander, the Spanish lender,". A title among the words makes it a
// person's description instead ("Smith, a party official").
func (b *builder) definedAfter(j int) bool {
	if j >= len(b.t) || b.t[j-1].poss {
		return false
	}
	k := j
	switch t := &b.t[k]; {
	case t.comma:
	case t.joined && !t.cap && (t.low == "is" || t.low == "was" || t.low == "remains"):
		k++
		if k >= len(b.t) || !b.t[k].joined {
			return false
		}
	default:
		return false
	}
	if a := &b.t[k]; a.cap || a.low != "a" && a.low != "an" && a.low != "the" {
		return false
	}
	for m := k + 1; m < len(b.t) && m-k <= 4; m++ {
		t := &b.t[m]
		acronymTitle := b.t[j-1].upper && t.cls&cTitle != 0 && !t.poss
		if !t.joined || t.cls&cTitle != 0 && !acronymTitle || b.claim[m] >= 0 && b.ents[b.claim[m]].kind == "person" {
			return false
		}
		if (t.cls&cOrgNoun != 0 || acronymTitle) && !t.cap && !t.poss {
			return b.descriptionEnds(m + 1)
		}
		if t.cls&cStop != 0 && !t.cap {
			return false
		}
	}
	return false
}

// companyCue reports whether the run [i, j) is written as a company's:
// "shares in X", "X shares fell", or the subject of a report whose
// pronoun is "it" ("X said on Thursday it would cut…").
func (b *builder) companyCue(i, j int) bool {
	if i >= 2 && b.t[i].joined && b.t[i-1].low == "in" && (b.t[i-2].low == "shares" || b.t[i-2].low == "stake") {
		return true
	}
	if j < len(b.t) && b.t[j].joined && (b.t[j].low == "shares" || b.t[j].low == "stock") && j+1 < len(b.t) && b.t[j+1].joined && !b.t[j+1].cap && b.t[j+1].cls&cMinor == 0 {
		return true
	}
	if !b.sayAfter(j) || b.pluralVerbAfter(j) {
		return false
	}
	if _, titled := b.roleBefore(i); titled {
		return false
	}
	k := j
	for k < len(b.t) && k-j < 3 && b.t[k].cls&cSay == 0 {
		k++
	}
	for m := k + 1; m+1 < len(b.t) && m-k <= 5; m++ {
		t := &b.t[m]
		if t.sent || t.cap && t.cls&cCal == 0 || t.low == "he" || t.low == "she" || t.low == "they" {
			return false
		}
		if t.low == "it" {
			n := &b.t[m+1]
			switch n.low {
			case "would", "will", "had", "has", "could", "plans", "planned", "expects", "expected", "intends", "aims", "wants":
				return m+2 < len(b.t) && b.t[m+2].low != "be"
			case "was", "is":
				return m+2 < len(b.t) && strings.HasSuffix(b.t[m+2].low, "ing") && b.t[m+2].low != "being"
			}
			return false
		}
	}
	return false
}

// descriptionEnds reports whether the describing noun's phrase ends before
// word m: punctuation, or a word that starts a complement ("of", "which").
func (b *builder) descriptionEnds(m int) bool {
	if m >= len(b.t) || !b.t[m].joined {
		return true
	}
	switch b.t[m].low {
	case "of", "that", "which", "whose", "in", "with", "based", "from", "for", "and", "owned", "run", "led":
		return true
	}
	return false
}

// actsAfter reports whether a body written before word j acts: a verb of
// saying or of report, perhaps after a report's noun ("LSEG data showed").
func (b *builder) actsAfter(j int) bool {
	if b.sayAfter(j) || b.actVerbAt(j) {
		return true
	}
	return j < len(b.t) && b.t[j].joined && !b.t[j].cap && b.t[j].cls&cReportNoun != 0 &&
		(b.sayAfter(j+1) || b.actVerbAt(j+1))
}

func (b *builder) actVerbAt(j int) bool {
	return j < len(b.t) && b.t[j].joined && !b.t[j].cap && b.t[j].cls&cActVerb != 0
}

// spreadFound records every other free occurrence of the bodies found by
// context: "partner Komeito" after "the Komeito party".
func (b *builder) spreadFound() {
	if len(b.found) == 0 {
		return
	}
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if b.claim[i] != clFree || !(t.cap || t.upper) {
			continue
		}
		for _, f := range b.found {
			if n := len(f.keys); b.foundAt(f, i) {
				b.orgMention(f.id, i, i+n, f.poss)
				break
			}
		}
	}
}

// foundAt reports whether the free words at i spell f.
func (b *builder) foundAt(f foundOrg, i int) bool {
	n := len(f.keys)
	if i+n > len(b.t) {
		return false
	}
	for k := 0; k < n; k++ {
		t := &b.t[i+k]
		if t.low != f.keys[k] || b.claim[i+k] != clFree || !(t.cap || t.upper) || k > 0 && (!t.joined || b.t[i+k-1].poss) {
			return false
		}
	}
	if n == 1 && b.inLongerName(i) {
		return false // "Harrison Ford" is no mention of Ford, nor "Anna Halden" of Halden Energy
	}
	return b.t[i+n-1].poss == f.poss || !f.poss
}

// inLongerName reports whether the one word at i has a capitalised word
// joined before or after it.
func (b *builder) inLongerName(i int) bool {
	if i > 0 && b.t[i].joined && !b.t[i-1].poss && (b.t[i-1].cap || b.t[i-1].upper) && !b.leadDescriptor(i-1) {
		return true
	}
	return i+1 < len(b.t) && b.t[i+1].joined && !b.t[i].poss && (b.t[i+1].cap || b.t[i+1].upper)
}

// foundPart returns the body found by context whose one-word name is w (a
// part of a compound: "EU-Mercosur"), or -1.
func (b *builder) foundPart(w string) int {
	low := names.Fold(w)
	for _, f := range b.found {
		if len(f.keys) == 1 && !f.poss && f.keys[0] == low {
			return f.id
		}
	}
	return -1
}

// matchShortForms finds the short capitalised forms of bodies already
// named: "the Commission" for the European Commission, "Treasury" for the
// National Treasury; the nearest body before with that head word, else the
// nearest after. A head that names one institution alone ("the Treasury",
// "the Senate") is that body when no fuller name is written.
func (b *builder) matchShortForms() {
	for _, h32 := range b.idx {
		h := int(h32)
		t := &b.t[h]
		if b.claim[h] != clFree || !t.cap || t.upper || t.headline || t.cls&cOrgHead == 0 {
			continue
		}
		afterThe := h > 0 && t.joined && b.t[h-1].low == "the"
		if t.sent && !afterThe || h > 0 && t.joined && b.t[h-1].cap && !afterThe && !b.t[h-1].poss {
			continue // a sentence's first word, or part of a longer name
		}
		if h+1 < len(b.t) && b.t[h+1].joined && !t.poss && (b.t[h+1].cap || b.t[h+1].upper || b.t[h+1].low == "of") {
			continue
		}
		id := b.bodyWithHead(t.low, t.s)
		if id < 0 && t.cls&cSelfNamed != 0 {
			w := t.w
			id = b.entity("o:"+t.low, func() *ent { return &ent{name: w, kind: "organisation"} })
		}
		if id >= 0 {
			b.mention(id, h, h+1)
		}
	}
}

// bodyWithHead returns the organisation with head word head in its name
// mentioned nearest before byte pos, else nearest after, or -1.
func (b *builder) bodyWithHead(head string, pos int) int {
	before, after := -1, -1
	bPos, aPos := -1, int(^uint(0)>>1)
	for _, sp := range b.spans {
		e := b.ents[sp.ent]
		if e.kind != "organisation" || sp.tok < 0 || !hasWord(e.name, head) {
			continue
		}
		switch {
		case sp.s < pos && sp.s > bPos:
			before, bPos = sp.ent, sp.s
		case sp.s > pos && sp.s < aPos:
			after, aPos = sp.ent, sp.s
		}
	}
	if before >= 0 {
		return before
	}
	return after
}

// hasWord reports whether name has the word w (folded) in it.
func hasWord(name, w string) bool {
	for _, f := range strings.Fields(name) {
		if foldWord(f) == w {
			return true
		}
	}
	return false
}
