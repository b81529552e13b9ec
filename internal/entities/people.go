package entities

import (
	"slices"
	"sort"
	"strings"
)

// words that may stand between a name and its verb of saying ("Berg also
// said", "Smith has said").
var sayAdverbs = wordSet(`also later then previously earlier again further recently separately
repeatedly publicly privately reportedly once has had have will would could may might quickly
flatly still already subsequently initially firmly bluntly`)

// verbs that, written before a name, make it the speaker ("…," said Berg).
// "told" and "asked" are left out: the name after them is the listener, and
// is often a news outlet.
var sayBeforeVerbs = wordSet(`said says added adds noted notes wrote writes explained insisted
stressed warned argued replied continued declared recalled`)

var articles = wordSet(`the a an this that these those its their his her our`)

// sayAfter reports whether a verb of saying begins at word j.
func (b *builder) sayAfter(j int) bool {
	for step := 0; step < 3 && j < len(b.t); step++ {
		t := &b.t[j]
		if !t.joined || t.cap {
			return false
		}
		if t.cls&cSay != 0 {
			return true
		}
		if !sayAdverbs[t.low] {
			return false
		}
		j++
	}
	return false
}

// afterOrgNoun reports whether the name at words [i, j) follows a noun
// describing a body ("the broadcaster X"), and is not a founder or leader
// of it ("the company Musk founded").
func (b *builder) afterOrgNoun(i, j int) bool {
	if i == 0 || !b.t[i].joined {
		return false
	}
	p := &b.t[i-1]
	if p.cap && !p.sent || p.poss || p.cls&cOrgNoun == 0 {
		return false
	}
	return j >= len(b.t) || !b.t[j].joined || b.t[j].cls&cFounding == 0
}

// pluralVerbAfter reports whether the verb after a name that ends before
// word j is a plural form ("Supporters say", "Critics have warned"), which
// no one person's name takes.
func (b *builder) pluralVerbAfter(j int) bool {
	for step := 0; step < 3 && j < len(b.t); step++ {
		t := &b.t[j]
		if !t.joined || t.cap {
			return false
		}
		switch t.low {
		case "have", "are", "were", "do":
			return true
		case "has", "had", "will", "would", "could", "may", "might":
			return false
		}
		if t.cls&cSay != 0 {
			return !strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ed") && !irregularPast[t.low]
		}
		if !sayAdverbs[t.low] {
			return false
		}
		j++
	}
	return false
}

// irregularPast are the verbs of saying in the past tense that do not end
// in -ed.
var irregularPast = wordSet(`said told wrote spoke`)

// namedAside reports whether the one name at words [i, j) stands between
// commas before a verb of saying: "A retired teacher who gave only her
// first name, Yumiko, said…".
func (b *builder) namedAside(i, j int) bool {
	if !b.t[i].comma || j >= len(b.t) || !b.t[j].comma {
		return false
	}
	t := &b.t[j]
	return !t.cap && t.cls&cSay != 0 && t.seg == b.t[i].seg
}

// describedAside reports whether a short description between commas and a
// verb of saying follow the name at words [i, j): "Javier, a student,
// said…", "Carmen, 64, a pensioner, said".
func (b *builder) describedAside(j int) bool {
	if j >= len(b.t) || !b.t[j].comma {
		return false
	}
	for k := j + 1; k < len(b.t) && k-j <= 7; k++ {
		t := &b.t[k]
		if t.sent || t.cap && t.cls&cDemonym == 0 {
			return false
		}
		if t.comma {
			return k-j >= 2 && !t.cap && t.cls&cSay != 0 && (b.t[j].low == "a" || b.t[j].low == "an" || isDigit(b.t[j].w[0]))
		}
		if !t.joined {
			return false
		}
	}
	return false
}

// sayBefore reports whether word i follows a verb of saying ("said Berg"),
// and is not the name of a body before a role ("said Mossad chief …").
func (b *builder) sayBefore(i int) bool {
	if i+1 < len(b.t) && b.t[i+1].joined && !b.t[i+1].cap && b.t[i+1].cls&cTitle != 0 {
		return false
	}
	return i > 0 && b.t[i].joined && !b.t[i-1].cap && sayBeforeVerbs[b.t[i-1].low]
}

func (b *builder) articleBefore(i int) bool {
	return i > 0 && b.t[i].joined && !b.t[i-1].cap && articles[b.t[i-1].low]
}

// spanStartAt returns the first word of the mention that claims word k.
func (b *builder) spanStartAt(k int) int {
	c := b.claim[k]
	for k > 0 && b.claim[k-1] == c && b.t[k].joined && !b.t[k-1].poss {
		k--
	}
	return k
}

func (b *builder) kindAt(k int) string {
	if c := b.claim[k]; c >= 0 {
		return b.ents[c].kind
	}
	return ""
}

func (b *builder) isNationality(k int) bool {
	if k < 0 || k >= len(b.t) {
		return false
	}
	return b.claim[k] == clDem || b.t[k].cls&cDemonym != 0 && b.t[k].cap || b.kindAt(k) == "country"
}

// roleBefore returns the role phrase written right before the name that
// starts at word i ("U.S. Secretary of State", "NATO chief", "Kenya's
// Foreign Minister"), and whether a title or honorific stands there.
func (b *builder) roleBefore(i int) (string, bool) {
	if i <= 0 || i >= len(b.t) {
		return "", false
	}
	if !b.t[i].joined {
		p := &b.t[i-1]
		if p.cls&cHonor != 0 && !p.poss && strings.TrimSpace(b.text[p.pe:b.t[i].s]) == "." {
			return "", true // "Mr. Smith"
		}
		return "", false
	}
	if p := &b.t[i-1]; p.cls&cHonor != 0 && p.cls&cTitle == 0 && !p.poss {
		// "Prime Minister Sir John Major": the role is before the honorific
		if r, _ := b.roleBefore(i - 1); r != "" {
			return r, true
		}
		return "", true
	}
	return b.rolePhrase(i)
}

// roleAside returns the role set before the name at words [i, j) by a
// comma, the name closed by another: "Canada's prime minister, Mark
// Carney, has vowed…", "The US commerce secretary, Howard Lutnick, said"
// (no leading article). A plural title is no one person's role ("The
// ministers, Ana and Rui, …").
func (b *builder) roleAside(i, j int) string {
	if i <= 0 || i >= len(b.t) || !b.t[i].comma || j >= len(b.t) || !b.t[j].comma || b.t[j-1].poss {
		return ""
	}
	if b.t[i].seg != b.t[i-1].seg || b.t[i-1].poss {
		return ""
	}
	r, _ := b.rolePhrase(i)
	if h := b.t[i-1].low; r == "" || b.t[i-1].cls&cTitle == 0 || strings.HasSuffix(h, "s") && !strings.HasSuffix(h, "ss") {
		return ""
	}
	return r
}

// rolePhrase returns the role phrase that ends at word i-1, and whether
// it has a title.
func (b *builder) rolePhrase(i int) (string, bool) {
	start, heads := -1, 0
	for k := i - 1; k >= 0; {
		t := &b.t[k]
		next := k - 1
		if t.poss {
			if k < i-1 && (b.kindAt(k) == "country" || b.kindAt(k) == "organisation") {
				start = b.spanStartAt(k)
			}
			break
		}
		c := b.claim[k]
		switch {
		case c >= 0 && b.ents[c].kind != "person":
			start = b.spanStartAt(k)
			next = start - 1
		case c >= 0 || c == clPerson || c == clPlace:
			next = -2
		case t.cls&cTitle != 0:
			heads++
			start = k
		case c == clDem || t.cls&cDemonym != 0 && t.cap || t.cls&cMod != 0:
			start = k
		case t.upper && !t.initial && t.cls&cNonOrgAcr == 0:
			start = k
		case !t.cap && (t.low == "of" || t.low == "to" || t.low == "for") && k > 0 && b.t[k-1].cls&cTitle != 0 && start == k+1:
			start = k
		case !t.cap && t.low == "the" && k > 1 && start == k+1 && (b.t[k-1].low == "of" || b.t[k-1].low == "to" || b.t[k-1].low == "for"):
			start = k
		case !t.cap && t.low == "and" && start == k+1 && b.isNationality(k-1) && b.isNationality(k+1):
			start = k
		default:
			next = -2
		}
		if next < 0 || !b.t[next+1].joined {
			break
		}
		k = next
	}
	if heads == 0 || start < 0 {
		return "", false
	}
	// a capitalised modifier that ends a longer name is not part of the
	// role: "Associated Press writers" → "writers"
	for start < i-1 && b.t[start].cap && b.t[start].cls&cTitle == 0 && b.claim[start] == clFree &&
		start > 0 && b.t[start].joined && b.t[start-1].cap && b.t[start-1].cls == 0 && b.claim[start-1] == clFree && !b.t[start-1].poss {
		start++
	}
	return normSpace(b.text[b.t[start].s:b.t[i-1].e]), true
}

// appositive returns a role given after the name, between commas: ", co-
// founder of the X Alliance," or ", a spokesman for the ministry,". j is
// the first word after the name.
func (b *builder) appositive(j int) string {
	if j >= len(b.t) || !b.t[j].comma || b.t[j-1].poss {
		return ""
	}
	k := j
	if articles[b.t[k].low] && !b.t[k].cap && b.t[k].low != "his" && b.t[k].low != "her" {
		k++
		if k >= len(b.t) || !b.t[k].joined {
			return ""
		}
	}
	st := k
	heads, last := 0, -1
	for k < len(b.t) && k-st < 6 {
		if k > st && !b.t[k].joined {
			break
		}
		t := &b.t[k]
		c := b.claim[k]
		if t.cls&cTitle != 0 && c < 0 && c != clPerson {
			if strings.HasSuffix(t.low, "s") && !strings.HasSuffix(t.low, "ss") {
				break // a plural role is not one person's
			}
			heads++
			last = k
			if t.poss {
				break
			}
			k++
			continue
		}
		if heads > 0 && !t.cap && (t.low == "of" || t.low == "for" || t.low == "to" || t.low == "at") {
			m := k + 1
			for m < len(b.t) && m-k <= 6 && (b.t[m].joined || b.pluralPossGap(m)) {
				m++
			}
			for m > k+1 && b.t[m-1].cls&cMinor != 0 && !b.t[m-1].cap {
				m-- // "at Santander in": a complement does not end on a preposition
			}
			if m > k+1 {
				last = m - 1
			}
			break
		}
		if heads == 0 && (t.cls&(cMod|cDemonym) != 0 || c == clDem || c >= 0 && b.ents[c].kind != "person" || t.upper) {
			k++
			continue
		}
		break
	}
	if heads == 0 || last < 0 {
		return ""
	}
	return normSpace(b.text[b.t[st].s:b.t[last].e])
}

// pluralPossGap reports whether only a plural's apostrophe and blanks
// stand before word m: "the farmers' union".
func (b *builder) pluralPossGap(m int) bool {
	if m == 0 || b.t[m].seg != b.t[m-1].seg || !strings.HasSuffix(b.t[m-1].low, "s") {
		return false
	}
	g := strings.TrimSpace(b.text[b.t[m-1].pe:b.t[m].s])
	return g == "'" || g == "’"
}

// collectPlaces notes single capitalised words written after "in", "at",
// "near"…: in this text they name places, not people.
func (b *builder) collectPlaces() {
	for _, i32 := range b.idx {
		i := int(i32)
		if i == 0 {
			continue
		}
		t := &b.t[i]
		p := &b.t[i-1]
		if b.claim[i] != clFree || !t.shape || t.poss || !t.joined || p.cap || p.cls&cPlacePrep == 0 {
			continue
		}
		if i+1 < len(b.t) && b.t[i+1].joined && (b.t[i+1].cap || b.t[i+1].upper) {
			continue
		}
		if b.places == nil {
			b.places = map[string]bool{}
		}
		b.places[b.key(i)] = true
	}
}

// nameRun returns the end of the name that starts at word i and how many
// of its words are names (not particles or initials); 0 when the run is too
// long to be a name.
func (b *builder) nameRun(i int) (int, int) {
	j, n := i+1, 1
	if b.t[i].initial {
		n = 0
	}
	for j < len(b.t) {
		prev := &b.t[j-1]
		t := &b.t[j]
		if prev.poss || t.seg != prev.seg {
			break
		}
		dotGap := prev.initial && strings.TrimSpace(b.text[prev.e:t.s]) == "."
		if (t.joined || dotGap || b.bracketGap(j)) && b.nameLike(j) {
			j++
			if !t.initial {
				n++
			}
			continue
		}
		// particles: "da Silva", "von der Leyen", "bin Salman"
		if t.joined && !t.cap && t.cls&cParticle != 0 && !prev.initial {
			m := j
			for m < len(b.t) && b.t[m].joined && !b.t[m].cap && b.t[m].cls&cParticle != 0 && m-j < 2 {
				m++
			}
			if m < len(b.t) && b.t[m].joined && b.nameLike(m) {
				j = m
				continue
			}
		}
		break
	}
	// a name does not end with an initial
	for j > i+1 && b.t[j-1].initial {
		j--
	}
	if n > 5 {
		return j, 0
	}
	return j, n
}

// bracketGap reports whether only blanks and square brackets stand before
// word j: an editor's insertion inside a name ("President [Joe] Biden").
func (b *builder) bracketGap(j int) bool {
	if j == 0 || b.t[j].seg != b.t[j-1].seg {
		return false
	}
	gap := b.text[b.t[j-1].pe:b.t[j].s]
	return strings.ContainsAny(gap, "[]") && strings.Trim(gap, " []") == ""
}

// personMention records a person's name at words [i, j), split where an
// editor's brackets cut it.
func (b *builder) personMention(id, i, j int) {
	st := i
	for k := i + 1; k <= j; k++ {
		if k == j || b.bracketGap(k) {
			b.mention(id, st, k)
			st = k
		}
	}
}

// findPeople discovers the people the text names that are not known
// actors.
func (b *builder) findPeople() {
	b.collectPlaces()
	next := 0
	for _, i32 := range b.idx {
		i := int(i32)
		if i < next || !b.nameLike(i) && !b.titledFunctionWord(i) {
			continue
		}
		j, n := b.nameRun(i)
		if n > 0 {
			b.tryPerson(i, j, n)
		}
		next = j
	}
	b.repeatedSingles()
}

// verbs and auxiliaries that follow a person as the subject of a clause.
var subjectVerbs = wordSet(`is was has had will would could should can may might did does
wants wanted says said told met visited called added urged insisted appeared seems seemed
remains remained refused rejected agreed accused denied warned threatened demanded hopes
hoped believes believed thinks thought knows knew made makes took takes gave gives spoke
speaks signed ordered announced launched vowed pledged`)

// repeatedSingles finds people named only by a surname ("how Orban is
// planning"): a one-word name, not an ordinary word, written twice or
// more inside sentences, never after an article or a word of place, once
// at least as the subject of a verb or with a possessive.
func (b *builder) repeatedSingles() {
	type seen struct {
		at       []int
		evidence bool
		bad      bool
	}
	var m map[string]*seen
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if i == 0 || t.sent || t.headline || !b.nameLike(i) || b.common(i) || len(t.w) < 3 {
			continue
		}
		if i+1 < len(b.t) && b.t[i+1].joined && (b.t[i+1].cap || b.t[i+1].upper) && !t.poss {
			continue // part of a longer capitalised run
		}
		if b.t[i-1].joined && (b.t[i-1].cap || b.t[i-1].upper) && !b.t[i-1].poss {
			continue
		}
		if m == nil {
			m = map[string]*seen{}
		}
		s := m[b.key(i)]
		if s == nil {
			s = &seen{}
			m[b.key(i)] = s
		}
		p := &b.t[i-1]
		if t.joined && !p.cap && (articles[p.low] || p.cls&cPlacePrep != 0 || p.low == "on" || p.low == "via" || p.low == "from") || b.places[b.key(i)] {
			s.bad = true
			continue
		}
		s.at = append(s.at, i)
		if t.poss || i+1 < len(b.t) && b.t[i+1].joined && subjectVerbs[b.t[i+1].low] {
			s.evidence = true
		}
	}
	for _, s := range m {
		if s.bad || !s.evidence || len(s.at) < 2 {
			continue
		}
		for _, i := range s.at {
			if b.claim[i] == clFree {
				b.addPerson(i, i+1)
			}
		}
	}
}

// titledFunctionWord reports whether word i, a capitalised function word,
// is a first name after a title: "Vice Premier He Lifeng".
func (b *builder) titledFunctionWord(i int) bool {
	t := &b.t[i]
	return b.claim[i] == clFree && t.shape && t.cls&cStop != 0 && !t.sent && i > 0 && t.joined &&
		b.t[i-1].cls&cTitle != 0 && i+1 < len(b.t) && b.t[i+1].joined && !t.poss && b.nameLike(i+1)
}

// leadDescriptor reports whether word i, the first of a sentence, is an
// ordinary word written before a name rather than part of it: a describing
// word ("Rival", "Veteran", "Embattled"), a noun describing a body
// ("Lender", "Carmaker"), or a common word with an ending no given name
// has ("Analysts", "Reportedly", "Leading").
func (b *builder) leadDescriptor(i int) bool {
	t := &b.t[i]
	if !t.sent || !t.cap {
		return false
	}
	if t.cls&cDescriptor != 0 || t.cls&cOrgNoun != 0 && t.cls&cOrgHead == 0 {
		return true
	}
	return b.common(i) && hasSuffixAny(t.low, "ly", "ed", "ing", "s")
}

func hasSuffixAny(s string, sufs ...string) bool {
	for _, x := range sufs {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// tryPerson decides whether words [i, j), with n names, are a person.
func (b *builder) tryPerson(i, j, n int) bool {
	t := &b.t[i]
	// a sentence's first word may be an ordinary word with a capital
	if n >= 2 && b.leadDescriptor(i) {
		i++
		n--
		if b.t[i].cls&cParticle != 0 && !b.t[i].cap {
			return false
		}
		t = &b.t[i]
	}
	if t.headline {
		if !b.byline(i, j, n) {
			return false
		}
		b.addPerson(i, j)
		return true
	}
	if b.afterOrgNoun(i, j) {
		return false // "told the broadcaster Canal Nueve": a body, not a person
	}
	_, titled := b.roleBefore(i)
	if !titled && b.pluralVerbAfter(j) || b.ampGap(i) {
		return false // "Supporters say": a plural subject is not one person
	}
	ev := titled || b.sayAfter(j) || b.sayBefore(i) || b.appositive(j) != "" || b.namedAside(i, j) || b.describedAside(j) || b.roleAside(i, j) != ""
	if n >= 2 {
		if !ev && b.weakName(i, j) {
			return false
		}
		b.addPerson(i, j)
		return true
	}
	if b.singleOK(i, j, titled, ev) {
		b.addPerson(i, j)
		return true
	}
	return false
}

// byline accepts a name in a headline-like segment only when it is the
// whole segment, perhaps after "By" or a label and colon ("Source: Jane
// Doe"), and made of words that are not ordinary English.
func (b *builder) byline(i, j, n int) bool {
	first := int(b.t[i].segFirst)
	by := i > first && b.t[i-1].low == "by" && b.t[i].joined
	atStart := i == first || strings.Contains(b.text[b.t[i-1].pe:b.t[i].s], ":") || by
	atEnd := j == int(b.t[i].segEnd) || by
	if !atStart || !atEnd || n < 2 || n > 3 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if b.common(k) {
			return false // "Evening Edition"
		}
	}
	return !b.common(i) || by // a first name may be a word: "by Mark Heinrich"
}

// weakName reports whether a capitalised sequence with no context for it
// is more likely a thing or a place than a person.
func (b *builder) weakName(i, j int) bool {
	common := 0
	for k := i; k < j; k++ {
		t := &b.t[k]
		if b.common(k) {
			common++
			if k > i && !t.initial {
				return true // "Evening Edition", "Ceasefire Talks"
			}
		}
		if b.places[b.key(k)] {
			return true
		}
	}
	if common == j-i {
		return true
	}
	if b.articleBefore(i) {
		return true // "the Oval Office"
	}
	if !b.t[j-1].poss {
		if i > 0 && b.t[i].joined && !b.t[i-1].cap && b.t[i-1].cls&cPlacePrep != 0 {
			return true // "in Khan Younis"
		}
		if j < len(b.t) && b.t[j].joined && !b.t[j].cap && b.t[j].cls&cPlaceNoun != 0 {
			return true // "Zaporizhzhia region"
		}
	}
	return false
}

// singleOK decides a one-word name: it needs a title before it, a verb of
// saying or an appositive role around it, or to be joined by "and" to a
// person.
func (b *builder) singleOK(i, j int, titled, ev bool) bool {
	if b.articleBefore(i) {
		return false
	}
	for i < j-1 && b.t[i].initial {
		i++ // "S. Jaishankar"
	}
	t := &b.t[i]
	if t.initial || len(t.w) < 2 {
		return false
	}
	if titled {
		return true
	}
	if b.places[b.key(i)] {
		return false
	}
	if b.common(i) && strings.HasSuffix(t.low, "s") {
		return false // "Officials said", "Critics say"
	}
	if ev {
		return true
	}
	if b.common(i) || i < 2 || !b.t[i].joined || b.t[i-1].low != "and" || b.t[i-1].cap {
		return false
	}
	// "Sanchez and Costa": joined by "and" to a person
	if p := i - 2; b.t[i-1].joined || b.t[i-1].comma {
		if b.claim[p] == clPerson || b.kindAt(p) == "person" {
			return true
		}
	}
	// a credit line: "Smith reported from A, and Jones from B"
	if j < len(b.t) && b.t[j].joined && (b.t[j].low == "from" || b.t[j].low == "in") {
		s := i
		for s > 0 && !b.t[s].sent {
			s--
		}
		if s+1 < len(b.t) && (b.claim[s] == clPerson || b.kindAt(s) == "person") {
			for k := s + 1; k < i && k < s+6; k++ {
				if l := b.t[k].low; l == "reported" || l == "contributed" || l == "wrote" {
					return true
				}
			}
		}
	}
	return false
}

func (b *builder) addPerson(i, j int) {
	p := pinst{i: i, j: j, group: -1}
	start := len(b.keyBuf)
	for k := i; k < j; k++ {
		b.claim[k] = clPerson
		if b.t[k].initial {
			continue
		}
		b.keyBuf = append(b.keyBuf, b.key(k))
		p.keys = b.keyBuf[start:len(b.keyBuf):len(b.keyBuf)]
		if b.t[k].cls&cParticle == 0 || b.t[k].cap {
			p.names++
		}
	}
	if p.names == 0 {
		for k := i; k < j; k++ {
			b.claim[k] = clFree
		}
		return
	}
	b.people = append(b.people, p)
}

// --- merging the occurrences of unknown people ---

type group struct {
	keys  []string // the fullest name's keys
	insts []int
	best  int // the occurrence with the fullest name
	ent   int
}

func isSuffix(short, long []string) bool {
	if len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for k := range short {
		if short[k] != long[off+k] {
			return false
		}
	}
	return true
}

// surnameKeys returns the keys by which a full name may be shortened: its
// last word and, before a particle, the word before it ("Lula" of "Lula da
// Silva").
func (b *builder) surnameKeys(p *pinst) []string {
	out := []string{p.keys[len(p.keys)-1]}
	for k := p.i + 1; k < p.j; k++ {
		t := &b.t[k]
		if t.cls&cParticle != 0 && !t.cap && k-1 > p.i {
			out = append(out, b.key(k-1))
			break
		}
	}
	return out
}

// nearest returns, of the groups gs, the one with an occurrence closest
// before pos, or failing that closest after it. Each group's occurrences
// are in text order (see sortGroup).
func (b *builder) nearest(gs []*group, pos int) *group {
	if len(gs) == 1 {
		return gs[0]
	}
	var best, after *group
	bestBefore, bestAfter := -1, int(^uint(0)>>1)
	for _, g := range gs {
		k := sort.Search(len(g.insts), func(k int) bool { return b.t[b.people[g.insts[k]].i].s >= pos })
		if k > 0 {
			if s := b.t[b.people[g.insts[k-1]].i].s; s > bestBefore {
				best, bestBefore = g, s
			}
		}
		if k < len(g.insts) {
			if s := b.t[b.people[g.insts[k]].i].s; s < bestAfter {
				after, bestAfter = g, s
			}
		}
	}
	if best != nil {
		return best
	}
	return after
}

// addInst adds occurrence pi to g, keeping g's occurrences in text order.
func (b *builder) addInst(g *group, pi int) {
	pos := b.people[pi].i
	k := sort.Search(len(g.insts), func(k int) bool { return b.people[g.insts[k]].i >= pos })
	g.insts = slices.Insert(g.insts, k, pi)
}

func (b *builder) resolvePeople() {
	order := make([]int, len(b.people))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, c int) bool {
		return len(b.people[order[a]].keys) > len(b.people[order[c]].keys)
	})
	var groups []*group
	sur := map[string][]*group{}
	first := map[string][]*group{}
	for _, pi := range order {
		p := &b.people[pi]
		if p.names < 2 {
			continue
		}
		var cands []*group
		for _, g := range groups {
			if isSuffix(p.keys, g.keys) {
				cands = append(cands, g)
			}
		}
		if g := b.nearest(cands, b.t[p.i].s); g != nil {
			b.addInst(g, pi)
			continue
		}
		g := &group{keys: p.keys, insts: []int{pi}, best: pi, ent: -1}
		groups = append(groups, g)
		for _, k := range b.surnameKeys(p) {
			sur[k] = append(sur[k], g)
		}
		first[p.keys[0]] = append(first[p.keys[0]], g)
	}
	for _, pi := range order {
		p := &b.people[pi]
		if p.names >= 2 {
			continue
		}
		if g := b.nearest(sur[p.keys[0]], b.t[p.i].s); g != nil {
			b.addInst(g, pi)
			continue
		}
		// "Sir John" for John Major: a knight is called by first name
		if h := p.i - 1; h >= 0 && b.t[p.i].joined && (b.t[h].low == "sir" || b.t[h].low == "dame") {
			if g := b.nearest(first[p.keys[0]], b.t[p.i].s); g != nil {
				b.addInst(g, pi)
				continue
			}
		}
		g := &group{keys: p.keys, insts: []int{pi}, best: pi, ent: -1}
		groups = append(groups, g)
		sur[p.keys[0]] = append(sur[p.keys[0]], g)
	}
	for _, g := range groups {
		b.groupEntity(g)
		for _, pi := range g.insts {
			p := &b.people[pi]
			b.personMention(g.ent, p.i, p.j)
		}
	}
	b.matchSurnames(sur)
	b.bodiesBeforeRoles(sur)
}

// bodiesBeforeRoles finds the body named by a single capitalised word
// before a person's role: "Mossad chief David Barnea", "Gazprom boss …".
func (b *builder) bodiesBeforeRoles(sur map[string][]*group) {
	for _, sp := range b.spans {
		if sp.tok <= 1 || b.ents[sp.ent].kind != "person" {
			continue
		}
		st := b.roleStart(sp.tok)
		k := st - 1
		if st < 0 || k < 0 || !b.t[st].joined || b.claim[k] != clFree {
			continue
		}
		t := &b.t[k]
		if !t.shape || t.poss || t.cls&(cStop|cTitle|cHonor|cCal|cMod|cDemonym) != 0 || b.common(k) || len(sur[b.key(k)]) > 0 {
			continue
		}
		if len(b.kx.ix.lookup([]string{b.key(k)})) > 0 {
			continue
		}
		w := t.w
		id := b.entity("o:"+t.low, func() *ent { return &ent{name: w, kind: "organisation"} })
		b.mention(id, k, k+1)
	}
}

// roleStart returns the first word of the role before the name at word i,
// or -1.
func (b *builder) roleStart(i int) int {
	r, _ := b.roleBefore(i)
	if r == "" {
		return -1
	}
	// the role ends at word i-1; walk back over its bytes
	start := b.t[i-1].e - len(r)
	k := i - 1
	for k > 0 && b.t[k].s > start {
		k--
	}
	if b.t[k].s != start {
		return -1
	}
	return k
}

// groupEntity makes the entity of a group: a known actor when the name is
// a known person's first name and surname, else a new person.
func (b *builder) groupEntity(g *group) {
	best := &b.people[g.best]
	for _, pi := range g.insts {
		p := &b.people[pi]
		if p.names > best.names || p.names == best.names && p.i < best.i {
			best = p
		}
	}
	if len(g.keys) >= 2 {
		for _, id := range b.kx.ix.lookup(g.keys[len(g.keys)-1:]) {
			k := b.kx.ents[id]
			if k.Kind != "person" {
				continue
			}
			if f := b.kx.first[id]; f != "" && f == g.keys[0] {
				g.ent = b.knownEnt(id)
				return
			}
		}
	}
	name := b.text[b.t[best.i].s:b.t[best.j-1].e]
	if strings.ContainsAny(name, "[]") {
		name = unbracket.Replace(name)
	}
	name = normSpace(name)
	g.ent = b.entity("p:"+strings.Join(best.keys, " "), func() *ent {
		return &ent{name: name, slug: slugOf(name), kind: "person"}
	})
}

var unbracket = strings.NewReplacer("[", " ", "]", " ")

// matchSurnames finds the later (and earlier) mentions of the people found
// by a shorter form of their name: "Berg" for "Anna Berg".
func (b *builder) matchSurnames(sur map[string][]*group) {
	if len(sur) == 0 {
		return
	}
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if b.claim[i] != clFree || !t.cap || t.upper {
			continue
		}
		if gs := sur[b.key(i)]; len(gs) > 0 && t.shape && !b.otherName(i) {
			if g := b.nearest(gs, t.s); g != nil {
				b.mention(g.ent, i, i+1)
			}
			continue
		}
		if t.hyph && strings.ContainsAny(t.w, "-‐‑") {
			for _, p := range b.parts(i) {
				w := b.text[p[0]:p[1]]
				if gs := sur[nameKey(w)]; len(gs) > 0 {
					if g := b.nearest(gs, p[0]); g != nil {
						b.partMention(g.ent, i, p[0], p[1])
					}
				}
			}
		}
	}
}

// --- the result ---

func (b *builder) result() []Entity {
	spans := sortSpans(b.spans)
	if len(spans) == 0 {
		return nil
	}
	pos := make([]int32, len(b.ents))
	for k := range pos {
		pos[k] = -1
	}
	var out []Entity
	for _, sp := range spans {
		k := int(pos[sp.ent])
		if k < 0 {
			e := b.ents[sp.ent]
			out = append(out, Entity{Name: e.name, Slug: e.slug, Kind: e.kind, Known: e.known})
			k = len(out) - 1
			pos[sp.ent] = int32(k)
		}
		o := &out[k]
		o.Mentions = append(o.Mentions, Mention{Start: sp.s, End: sp.e, Surface: b.text[sp.s:sp.e]})
		if o.Kind == "person" && o.Role == "" && sp.tok >= 0 {
			o.Role = b.roleOf(sp.tok, sp.last+1)
		}
	}
	for k := range out {
		if out[k].Slug == "" {
			out[k].Slug = slugOf(out[k].Name)
		}
	}
	return out
}

// roleOf returns the role the text gives the person named at words [i,
// j): the title phrase before the name, or set before it by a comma, or in
// apposition after it; a coordinated plural title is distributed (see
// distributed).
func (b *builder) roleOf(i, j int) string {
	r, _ := b.roleBefore(i)
	if r != "" {
		if b.coordinatedAfter(j) {
			if d := b.distributed(r, 0); d != "" {
				return d
			}
		}
		return r
	}
	// the second of "… Prime Ministers Starmer and Tusk"
	if i >= 2 && b.t[i].joined && b.t[i-1].low == "and" && !b.t[i-1].cap && b.t[i-1].joined && b.kindAt(i-2) == "person" {
		if r2, _ := b.roleBefore(b.spanStartAt(i - 2)); r2 != "" {
			if d := b.distributed(r2, 1); d != "" {
				return d
			}
		}
	}
	if r = b.roleAside(i, j); r != "" {
		return r
	}
	return b.appositive(j)
}

// coordinatedAfter reports whether "and" and another person follow the
// name that ends before word j.
func (b *builder) coordinatedAfter(j int) bool {
	return j+1 < len(b.t) && b.t[j].joined && b.t[j].low == "and" && !b.t[j].cap && b.t[j+1].joined && b.kindAt(j+1) == "person"
}

// distributed returns the part of the coordinated plural title r that
// belongs to its nth name (0 or 1): "British and Polish Prime Ministers"
// gives "British Prime Minister" and "Polish Prime Minister"
// (CONVENTIONS.md). It returns "" when r is not such a title.
func (b *builder) distributed(r string, nth int) string {
	if !strings.Contains(r, " and ") {
		return ""
	}
	f := strings.Fields(r)
	and := slices.Index(f, "and")
	if and < 1 || and+2 >= len(f) {
		return ""
	}
	last := f[len(f)-1]
	if !strings.HasSuffix(last, "s") || strings.HasSuffix(last, "ss") || classOf(foldWord(last))&cTitle == 0 {
		return ""
	}
	// the shared title: the trailing title words and their modifiers
	h := len(f)
	for h > and+2 && classOf(foldWord(f[h-1]))&(cTitle|cMod) != 0 {
		h--
	}
	own := f[:and]
	if nth == 1 {
		own = f[and+1 : h]
	}
	title := append(slices.Clone(f[h:len(f)-1]), singular(last))
	return strings.Join(append(slices.Clone(own), title...), " ")
}

// singular returns the singular of a plural title word: "Ministers" →
// "Minister", "Secretaries" → "Secretary", "Spokesmen" → "Spokesman".
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man"
	case strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s"):
		return w[:len(w)-1]
	}
	return w
}
