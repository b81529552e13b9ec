package entities

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefgen/internal/names"
)

// What a word has been claimed by; a value of zero or more is an entity.
const (
	clFree   int32 = -1
	clPlace  int32 = -2 // a city or region
	clDem    int32 = -3 // a demonym
	clUsed   int32 = -4 // a compound whose parts were matched
	clPerson int32 = -5 // an unknown person, resolved after discovery
)

type span struct {
	s, e int
	ent  int
	tok  int // first word of the mention, or -1 for part of a word
	last int // last word of the mention
}

type ent struct {
	key, name, slug, kind string
	known                 bool
	demonym               string
	lastPos               int // start of the latest mention added
	words                 int // words in the name, for keeping the fullest
}

// pinst is one occurrence of an unknown person's name.
type pinst struct {
	i, j  int      // words [i, j)
	keys  []string // names.Loose of each word of the name
	names int      // words that are names (not particles or initials)
	group int
}

type builder struct {
	text   string
	t      []tok
	claim  []int32
	kx     *knownIndex
	ents   []*ent
	byKey  map[string]int
	spans  []span
	people []pinst
	places map[string]bool
	// knownEnts maps a known actor to its entity, or -1
	knownEnts []int32
	partBuf   [][2]int
	matchBuf  []phrase
	keyBuf    []string
	gazEnts   map[int32]int32 // gazetteer entry → entity
	found     []foundOrg      // bodies found by their context
	// idx lists the words any rule can start at: capitalised, in capitals,
	// hyphenated, an organisation's head, or "the" before a capital. The
	// passes over the text visit these only.
	idx []int32
}

// builders are reused across calls: most of a builder's memory is its
// slice of words, the same size for every article.
var builders = sync.Pool{New: func() any { return &builder{byKey: map[string]int{}, gazEnts: map[int32]int32{}} }}

func newBuilder(text string, kx *knownIndex) *builder {
	b := builders.Get().(*builder)
	b.text, b.kx = text, kx
	b.t = tokenizeInto(b.t[:0], text)
	b.idx = b.idx[:0]
	for i := range b.t {
		t := &b.t[i]
		if t.cap || t.upper || t.hyph || t.cls&cOrgHead != 0 || t.low == "the" && i+1 < len(b.t) && b.t[i+1].cap {
			b.idx = append(b.idx, int32(i))
		}
	}
	if cap(b.claim) < len(b.t) {
		b.claim = make([]int32, len(b.t))
	}
	b.claim = b.claim[:len(b.t)]
	for i := range b.claim {
		b.claim[i] = clFree
	}
	if cap(b.knownEnts) < len(kx.ents) {
		b.knownEnts = make([]int32, len(kx.ents))
	}
	b.knownEnts = b.knownEnts[:len(kx.ents)]
	for i := range b.knownEnts {
		b.knownEnts[i] = -1
	}
	return b
}

// release returns b to the pool; nothing it holds may be used after.
func (b *builder) release() {
	if cap(b.t) > 1<<15 {
		return // an outsized text: let its memory go
	}
	b.text, b.kx = "", nil
	clear(b.t)
	clear(b.ents)
	b.ents = b.ents[:0]
	clear(b.byKey)
	clear(b.gazEnts)
	b.spans = b.spans[:0]
	b.people = b.people[:0]
	clear(b.found)
	b.found = b.found[:0]
	clear(b.keyBuf)
	b.keyBuf = b.keyBuf[:0]
	b.places = nil
	builders.Put(b)
}

// common reports whether word i is a common English word (looked up on
// first use: only candidates for names need it).
func (b *builder) common(i int) bool {
	t := &b.t[i]
	if t.commonSeen == 0 {
		t.commonSeen = 1
		if t.cls&cCommon != 0 || lex[t.low].cls&cCommon != 0 {
			t.commonSeen = 2
		}
	}
	return t.commonSeen == 2
}

func (b *builder) key(i int) string {
	t := &b.t[i]
	if t.key == "" {
		t.key = translit(looseWord(t.w, t.low))
	}
	return t.key
}

// entity returns the index of the entity with key, making it if needed.
func (b *builder) entity(key string, mk func() *ent) int {
	if id, ok := b.byKey[key]; ok {
		return id
	}
	e := mk()
	e.key = key
	e.lastPos = -1
	b.ents = append(b.ents, e)
	b.byKey[key] = len(b.ents) - 1
	return len(b.ents) - 1
}

// mention records words [i, j) as a mention of entity id.
func (b *builder) mention(id, i, j int) {
	b.spans = append(b.spans, span{s: b.t[i].s, e: b.t[j-1].e, ent: id, tok: i, last: j - 1})
	for k := i; k < j; k++ {
		b.claim[k] = int32(id)
	}
	if b.t[i].s > b.ents[id].lastPos {
		b.ents[id].lastPos = b.t[i].s
	}
}

// partMention records bytes [s, e) inside word i as a mention.
func (b *builder) partMention(id, i, s, e int) {
	b.spans = append(b.spans, span{s: s, e: e, ent: id, tok: -1, last: i})
	b.claim[i] = clUsed
	if s > b.ents[id].lastPos {
		b.ents[id].lastPos = s
	}
}

func (b *builder) knownEnt(id int) int {
	if e := b.knownEnts[id]; e >= 0 {
		return int(e)
	}
	k := b.kx.ents[id]
	slug := k.Slug
	if slug == "" {
		slug = names.Slug(k.Name)
	}
	b.ents = append(b.ents, &ent{name: k.Name, slug: slug, kind: k.Kind, known: true, demonym: b.kx.demonym[id], lastPos: -1})
	b.knownEnts[id] = int32(len(b.ents) - 1)
	return len(b.ents) - 1
}

// matchAt returns the length of the longest phrase of ix at word i, and the
// phrases of that length. With free, every word must be unclaimed. The
// known actors' index is keyed by names.Loose, the gazetteer by names.Fold.
func (b *builder) matchAt(ix phraseIndex, i int, free, loose bool) (int, []phrase) {
	cands := ix[b.wordKey(i, loose)]
	best := 0
	out := b.matchBuf[:0]
	for _, p := range cands {
		n := len(p.keys)
		if n < best {
			break
		}
		if i+n > len(b.t) {
			continue
		}
		ok := true
		for k := 0; k < n && ok; k++ {
			t := &b.t[i+k]
			switch {
			case free && b.claim[i+k] != clFree:
				ok = false
			case k > 0 && (!t.joined || b.t[i+k-1].poss || b.wordKey(i+k, loose) != p.keys[k]):
				ok = false
			case p.form[k] == 2 && !(t.upper || t.dotted):
				ok = false
			case p.form[k] == 1 && !(t.cap || t.upper):
				ok = false
			}
		}
		if ok {
			best = n
			out = append(out, p)
		}
	}
	b.matchBuf = out[:0] // the caller reads out before the next match
	return best, out
}

// wordKey is word i's key in the known actors' index (loose) or the
// gazetteer.
func (b *builder) wordKey(i int, loose bool) string {
	if loose {
		return b.key(i)
	}
	return b.t[i].low
}

// nameLike reports whether word i could be part of a person's name.
func (b *builder) nameLike(i int) bool {
	t := &b.t[i]
	return b.claim[i] == clFree && t.shape && t.cls&(cStop|cBrand|cTitle|cHonor|cCal|cOrgHead|cDemonym|cMod) == 0
}

// otherName reports whether the one-word name at i is part of a longer
// name that is not the known one ("Lara Hughes" when the known one is "Tom Hughes").
func (b *builder) otherName(i int) bool {
	t := &b.t[i]
	if t.headline {
		return false
	}
	if i > 0 && t.joined && !b.t[i-1].poss && b.nameLike(i-1) && !b.common(i-1) && !b.t[i-1].initial {
		return true
	}
	if i+1 < len(b.t) && b.t[i+1].joined && !t.poss && b.nameLike(i+1) && !b.common(i+1) {
		return true
	}
	return false
}

// --- known actors ---

func (b *builder) matchKnown() {
	if len(b.kx.ents) == 0 {
		return
	}
	next := 0
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if i < next || b.claim[i] != clFree || !(t.cap || t.upper) {
			continue
		}
		n, ps := b.matchAt(b.kx.ix, i, true, true)
		if n == 0 {
			continue
		}
		id := b.pickKnown(ps)
		if id < 0 {
			continue
		}
		if b.kx.ents[id].Kind == "person" && n == 1 && b.otherName(i) {
			continue
		}
		b.mention(b.knownEnt(id), i, i+n)
		next = i + n
	}
}

// pickKnown chooses among known actors sharing a name the one mentioned
// most recently; with none mentioned yet, it does not guess.
func (b *builder) pickKnown(ps []phrase) int {
	id, best := -1, -2
	several := false
	for _, p := range ps {
		several = several || p.id != ps[0].id
		pos := -1
		if e := b.knownEnts[p.id]; e >= 0 {
			pos = b.ents[e].lastPos
		}
		if pos > best {
			id, best = p.id, pos
		}
	}
	if several && best < 0 {
		return -1
	}
	return id
}

// --- organisations named by pattern ---

func isConnector(t *tok) bool {
	return !t.cap && (t.low == "of" || t.low == "for" || t.low == "on" || t.low == "and")
}

func (b *builder) matchOrgPatterns() {
	next := 0
	for _, h32 := range b.idx {
		h := int(h32)
		t := &b.t[h]
		if h < next || b.claim[h] != clFree || t.headline || t.cls&(cOrgHead|cCompany|cCompanyLead) == 0 {
			continue
		}
		capital := t.cap && !t.upper
		switch {
		case capital && t.cls&cOrgHead != 0:
			next = b.capOrg(h) + 1
		case capital && t.cls&cCompany != 0:
			next = b.companyOrg(h) + 1
		case capital && t.cls&cCompanyLead != 0:
			next = b.leadOrg(h) + 1
		case !t.cap && t.cls&cLowerOrgHead != 0:
			b.lowerOrg(h)
		case !t.cap && t.cls&cPartyHead != 0:
			b.partyOrg(h)
		}
	}
}

// capOrg finds a body named around the capitalised head word h ("State
// Department", "Council of Europe", "Arab League", "EU-Africa Alliance") and
// returns the last word it used.
func (b *builder) capOrg(h int) int {
	return b.capOrgFrom(b.capStart(h), h, true)
}

// capStart returns the first word of the capitalised name that ends with
// the head word h: the words before it that may be part of a body's name,
// without connectors or a sentence's opening descriptor ("Rival Acme
// Holdings" → "Acme Holdings").
func (b *builder) capStart(h int) int {
	a := h
	for a > 0 {
		k := a - 1
		p := &b.t[k]
		if !b.t[a].joined || p.poss || b.claim[k] != clFree {
			break
		}
		if p.upper || p.dotted {
			a = k
			continue
		}
		if !p.cap {
			if p.low == "and" && k > 0 && p.joined && b.t[k-1].cap && !b.t[k-1].poss && b.claim[k-1] == clFree && b.t[k-1].cls&cStop == 0 {
				a = k
				continue
			}
			break
		}
		if p.cls&(cStop|cCal|cHonor) != 0 || p.cls&cTitle != 0 && p.cls&(cMod|cOrgHead) == 0 {
			break
		}
		if !p.alpha && !p.dotted {
			break
		}
		a = k
	}
	for a < h && isConnector(&b.t[a]) {
		a++
	}
	if a < h && b.leadDescriptor(a) {
		a++
	}
	return a
}

// capOrgFrom makes words a to the head h, with the further heads and
// complement after h, a body, and returns the last word it used. With
// possessor, a country's possessive before a is part of the name
// ("Kenya's Central Bank" → Kenyan Central Bank).
func (b *builder) capOrgFrom(a, h int, possessor bool) int {
	z := h + 1
	// further heads: "Security Council", "Defence Ministry Office"
	for z < len(b.t) && b.t[z].joined && !b.t[z-1].poss && b.t[z].cap && b.t[z].cls&cOrgHead != 0 && b.claim[z] == clFree {
		z++
	}
	// a complement: "of Defence", "of the Red Cross", "for Security and Co-operation"
	if z+1 < len(b.t) && !b.t[z-1].poss && b.t[z].joined && !b.t[z].cap && (b.t[z].low == "of" || b.t[z].low == "for" || b.t[z].low == "on") {
		k := z + 1
		if b.t[k].low == "the" && !b.t[k].cap && k+1 < len(b.t) && b.t[k+1].joined {
			k++
		}
		good := -1
		for m := k; m < len(b.t) && m-k < 8; m++ {
			t := &b.t[m]
			if !t.joined || b.claim[m] != clFree && b.claim[m] < 0 {
				break
			}
			if t.cap || t.upper {
				if t.cls&cCal != 0 || t.cls&cStop != 0 && !t.upper {
					break
				}
				good = m
				if t.poss {
					break
				}
				continue
			}
			if (t.low == "and" || t.low == "of") && m > k {
				continue
			}
			break
		}
		if good >= k {
			z = good + 1
		}
	}
	if a == h && z == h+1 {
		return h // a bare "Ministry" or "Council" names nothing
	}
	// a place or state that ends like a body: "Oval Office", "Soviet Union"
	if n, ps := b.matchAt(gaz, a, true, false); n > 0 && a+n > h && (gazTable[ps[0].id].kind == gCountry || gazTable[ps[0].id].kind >= gCity && gazTable[ps[0].id].kind != gDemonym) {
		return h
	}
	for k := a; k < z; k++ {
		if b.claim[k] >= 0 {
			return h // overlaps a known actor
		}
	}
	surface := normSpace(b.text[b.t[a].s:b.t[z-1].e])
	name := surface
	if dem := b.possessor(a); possessor && dem != "" {
		name = dem + " " + surface
	}
	id := b.orgEntity(name, a, z)
	b.mention(id, a, z)
	if !possessor && z-a == 2 {
		b.addShortForm(id, b.t[a].w) // "Fitch" for Fitch Ratings
	}
	// a defined acronym: "The North Atlantic Treaty Organisation (NATO)"
	return b.definedAcronym(id, z) - 1
}

// companyOrg finds a company named by capitalised words ending with the
// company word h ("Fitch Ratings", "Qatar Airways", "Acme Holdings") and
// returns the last word it used. The name must end at h ("Energy
// Minister", "Power Plant" go on), have a word that is not common English
// ("Natural Gas", "Social Media" are things), and not follow a title,
// which makes it a person ("novelist Jane Steel").
func (b *builder) companyOrg(h int) int {
	if h+1 < len(b.t) && b.t[h+1].joined && !b.t[h].poss && (b.t[h+1].cap || b.t[h+1].upper) {
		return h
	}
	a := b.capStart(h)
	if a == h {
		return h
	}
	proper := false
	for k := a; k < h && !proper; k++ {
		proper = b.t[k].upper || b.t[k].cls&cStop == 0 && !b.common(k)
	}
	if !proper {
		return h
	}
	if _, titled := b.roleBefore(a); titled {
		return h
	}
	return b.capOrgFrom(a, h, false)
}

// leadOrg finds a company or bank named by a leading word in another
// language and the capitalised words after it ("Banco Atlántico", "Banque
// de France", "Grupo Bimbo"), and returns the last word it used.
func (b *builder) leadOrg(h int) int {
	z := h + 1
	for z < len(b.t) && z-h <= 4 && b.t[z].joined && !b.t[z-1].poss && b.claim[z] == clFree {
		t := &b.t[z]
		if t.upper || t.cap && t.alpha && t.cls&(cStop|cCal|cTitle) == 0 {
			z++
			continue
		}
		// "Banco de España": a particle before a capitalised word
		if !t.cap && t.cls&cParticle != 0 && z+1 < len(b.t) && b.t[z+1].joined && b.t[z+1].cap && b.claim[z+1] == clFree {
			z++
			continue
		}
		break
	}
	for z > h+1 && !b.t[z-1].cap && !b.t[z-1].upper {
		z-- // a particle does not end the name
	}
	if z == h+1 {
		return h
	}
	id := b.orgEntity(normSpace(b.text[b.t[h].s:b.t[z-1].e]), h, z)
	b.mention(id, h, z)
	return z - 1
}

// lowerOrg finds "Kenya's foreign ministry": a lower-case head after a
// country's possessive, with at most three modifiers between.
func (b *builder) lowerOrg(h int) {
	a := h
	for a > 0 && h-a < 3 {
		p := &b.t[a-1]
		if !b.t[a].joined || p.cap || p.poss || p.cls&cMod == 0 || b.claim[a-1] != clFree {
			break
		}
		a--
	}
	dem := b.possessor(a)
	if dem == "" && a < h && (b.t[h].low == "ministry" || b.t[h].low == "department") {
		dem = b.demonymBefore(a) // "the Turkish defence ministry"
	}
	if dem == "" {
		return
	}
	surface := normSpace(b.text[b.t[a].s:b.t[h].e])
	name := dem + " " + titleCase(surface)
	b.mention(b.orgEntity(name, a, h+1), a, h+1)
}

// demonymBefore returns the country demonym written right before word a
// ("Turkish"), or "".
func (b *builder) demonymBefore(a int) string {
	k := a - 1
	if k < 0 || !b.t[a].joined || !b.t[k].cap || b.claim[k] != clFree {
		return ""
	}
	if n, ps := b.matchAt(gaz, k, true, false); n == 1 {
		for _, p := range ps {
			if g := gazTable[p.id]; g.kind == gDemonym {
				return g.name
			}
		}
	}
	return ""
}

// possessor returns the demonym of the country whose possessive stands
// right before word a ("Kenya's" → "Kenyan"), or "".
func (b *builder) possessor(a int) string {
	if a == 0 || !b.t[a].joined || !b.t[a-1].poss {
		return ""
	}
	k := a - 1
	if c := b.claim[k]; c >= 0 {
		if e := b.ents[c]; e.kind == "country" {
			if e.demonym != "" {
				return e.demonym
			}
			return e.name + "'s"
		}
		return ""
	}
	for st := k; st >= 0 && st >= k-2; st-- {
		n, ps := b.matchAt(gaz, st, false, false)
		if n > 0 && st+n-1 == k {
			for _, p := range ps {
				if g := gazTable[p.id]; g.kind == gCountry {
					if g.demonym != "" {
						return g.demonym
					}
					return g.name + "'s"
				}
			}
		}
	}
	return ""
}

// orgEntity returns the body named name, written at words [a, z) (name
// may add a demonym before them).
func (b *builder) orgEntity(name string, a, z int) int {
	// the same body under a known actor's name
	var buf [8]string
	keys := buf[:0]
	for k := a; k < z; k++ {
		keys = append(keys, b.key(k))
	}
	for _, id := range b.kx.ix.lookup(keys) {
		if b.kx.ents[id].Kind == "organisation" {
			return b.knownEnt(id)
		}
	}
	// a leading country ("U.S. State Department") does not change the body
	keyName := name
	if z-a > 2 && b.t[a].cls&cCountryWord != 0 && strings.HasPrefix(name, b.t[a].w) {
		keyName = name[len(b.t[a].w):]
	}
	words := z - a
	if len(name) > b.t[z-1].e-b.t[a].s {
		words++
	}
	id := b.entity("o:"+names.Fold(keyName), func() *ent {
		return &ent{name: name, kind: "organisation", words: words}
	})
	if e := b.ents[id]; !e.known && words > e.words {
		e.name, e.words = name, words
	}
	return id
}

// --- the gazetteer: countries, fixed bodies, places, demonyms ---

func (b *builder) matchGazetteer() {
	next := 0
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if i < next || b.claim[i] != clFree || !(t.cap || t.upper || t.low == "the") {
			continue
		}
		n, ps := b.matchAt(gaz, i, true, false)
		if n == 0 {
			continue
		}
		gid := ps[0].id
		for _, p := range ps[1:] {
			if gazTable[p.id].kind < gazTable[gid].kind {
				gid = p.id
			}
		}
		g := gazTable[gid]
		switch g.kind {
		case gCountry:
			if b.titledFirstName(i, n) {
				continue
			}
			b.mention(b.gazEnt(gid), i, i+n)
		case gOrg:
			b.mention(b.gazEnt(gid), i, i+n)
		case gCity, gRegion:
			for k := i; k < i+n; k++ {
				b.claim[k] = clPlace
			}
		case gDemonym:
			for k := i; k < i+n; k++ {
				b.claim[k] = clDem
			}
		}
		next = i + n
	}
}

// titledFirstName reports whether the country name at [i, i+n) is in fact
// a person's first name: after a title and before a name ("Defence
// Minister Israel Katz").
func (b *builder) titledFirstName(i, n int) bool {
	j := i + n
	if i == 0 || !b.t[i].joined || b.t[i-1].cls&(cTitle|cHonor) == 0 {
		return false
	}
	return j < len(b.t) && b.t[j].joined && !b.t[j-1].poss && b.nameLike(j)
}

func (b *builder) gazEnt(gid int) int {
	if id, ok := b.kx.gazKnown[gid]; ok {
		return b.knownEnt(id)
	}
	if e, ok := b.gazEnts[int32(gid)]; ok {
		return int(e)
	}
	id := b.newGazEnt(gid)
	b.gazEnts[int32(gid)] = int32(id)
	return id
}

func (b *builder) newGazEnt(gid int) int {
	g := gazTable[gid]
	if g.kind == gCountry {
		return b.entity("c:"+g.name, func() *ent {
			return &ent{name: g.name, kind: "country", demonym: g.demonym}
		})
	}
	return b.entity("o:"+names.Fold(g.name), func() *ent {
		return &ent{name: g.name, kind: "organisation"}
	})
}

// --- acronyms ---

// matchAcronyms finds the bodies written as acronyms: well-known ones, and
// any other that acts somewhere in the text ("AP reported", "LSEG data
// showed"); then every occurrence of those is a mention.
func (b *builder) matchAcronyms() {
	for pass := 0; pass < 2; pass++ {
		for _, i32 := range b.idx {
			i := int(i32)
			t := &b.t[i]
			if b.claim[i] != clFree || !t.upper || t.dotted || t.allCaps || t.cls&(cNonOrgAcr|cCountryWord|cTitle) != 0 {
				continue
			}
			if i+1 < len(b.t) && b.t[i+1].joined && b.t[i+1].low == "photo" {
				continue // a picture credit: "AP Photo"
			}
			id, ok := b.byKey["o:"+t.low]
			if pass == 1 {
				if ok {
					b.mention(id, i, i+1)
				}
				continue
			}
			// a news agency is an actor only when it acts: "AP reported"
			if ok || t.cls&cOrgAcr != 0 && t.cls&cMediaAcr == 0 || b.actsAfter(i+1) {
				b.entity("o:"+t.low, func() *ent { return &ent{name: t.w, kind: "organisation"} })
			}
		}
	}
}

// --- compounds: "Iran-Iraq", "EU-led", "Biden-Xi" ---

// parts returns the byte spans of the hyphen-separated parts of word i.
func (b *builder) parts(i int) [][2]int {
	t := &b.t[i]
	out := b.partBuf[:0]
	defer func() { b.partBuf = out[:0] }()
	st := t.s
	for k := t.s; k <= t.e; {
		if k == t.e {
			out = append(out, [2]int{st, k})
			break
		}
		r, n := decode(b.text, k)
		if r == '-' || r == '‐' || r == '‑' {
			out = append(out, [2]int{st, k})
			st = k + n
		}
		k += n
	}
	return out
}

func (b *builder) matchHyphenParts() {
	for _, i32 := range b.idx {
		i := int(i32)
		t := &b.t[i]
		if b.claim[i] != clFree || !t.hyph || !strings.ContainsAny(t.w, "-‐‑") {
			continue
		}
		for _, p := range b.parts(i) {
			w := b.text[p[0]:p[1]]
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) {
				continue
			}
			if ids := b.kx.ix.lookup([]string{nameKey(w)}); len(ids) == 1 {
				b.partMention(b.knownEnt(ids[0]), i, p[0], p[1])
				continue
			}
			for _, ph := range gaz[names.Fold(w)] {
				g := gazTable[ph.id]
				if len(ph.keys) != 1 || g.kind != gCountry && g.kind != gOrg || ph.form[0] == 2 && !isAllUpper(w) {
					continue
				}
				b.partMention(b.gazEnt(ph.id), i, p[0], p[1])
				break
			}
			if id := b.foundPart(w); id >= 0 {
				b.partMention(id, i, p[0], p[1])
				continue
			}
			if b.claim[i] == clFree && isAllUpper(w) && classOf(names.Fold(w))&cOrgAcr != 0 {
				id := b.entity("o:"+names.Fold(w), func() *ent { return &ent{name: w, kind: "organisation"} })
				b.partMention(id, i, p[0], p[1])
			}
		}
	}
}

func isAllUpper(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// --- shared small helpers ---

// normSpace collapses runs of white space to one space.
func normSpace(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c == ' ':
			clean = i+1 == len(s) || s[i+1] != ' '
		case c < ' ' || c >= utf8.RuneSelf:
			// a control character, or something that may be a Unicode space
			clean = c >= utf8.RuneSelf && !(c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3)
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for k, w := range words {
		if classOf(w)&cMinor != 0 && k > 0 {
			continue
		}
		r, n := utf8.DecodeRuneInString(w)
		words[k] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// sortSpansFast sorts spans by start, longest first, through packed
// integer keys (no comparison calls); it reports false, leaving spans alone,
// when a text or list is too large for the packing.
func sortSpansFast(spans []span) bool {
	const bits = 24
	if len(spans) >= 1<<16 {
		return false
	}
	keys := make([]uint64, len(spans))
	for k, sp := range spans {
		if sp.e >= 1<<bits {
			return false
		}
		keys[k] = uint64(sp.s)<<(bits+16) | uint64(1<<bits-1-sp.e)<<16 | uint64(k)
	}
	slices.Sort(keys)
	sorted := make([]span, len(spans))
	for k, key := range keys {
		sorted[k] = spans[key&0xFFFF]
	}
	copy(spans, sorted)
	return true
}

// sortSpans orders mentions by position and drops any that overlap an
// earlier one.
func sortSpans(spans []span) []span {
	if !sortSpansFast(spans) {
		slices.SortFunc(spans, func(a, c span) int {
			if a.s != c.s {
				return a.s - c.s
			}
			if a.e != c.e {
				return c.e - a.e
			}
			return a.ent - c.ent
		})
	}
	out := spans[:0]
	end := -1
	for _, s := range spans {
		if s.s < end || s.e <= s.s {
			continue
		}
		out = append(out, s)
		end = s.e
	}
	return out
}
