package entities

import (
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"

	"briefgen/internal/names"
)

// phrase is a name of one or more words, as matching keys.
type phrase struct {
	keys []string // names.Loose of each word
	form []byte   // per word: 0 any case, 1 capitalised, 2 all capitals
	id   int      // index into the owning table
}

// phraseIndex finds phrases by their first word; each list is longest first.
type phraseIndex map[string][]phrase

// phraseOf turns a name into a phrase, dropping a leading "the" and, with
// dropTitles, leading titles ("President Lula" → "Lula").
// phraseOf keys a known actor's name with names.Loose.
func phraseOf(s string, id int, dropTitles bool) (phrase, bool) {
	return phraseOfThe(s, id, dropTitles, false, true)
}

// phraseOfThe keys a name with names.Loose (loose) or names.Fold.
func phraseOfThe(s string, id int, dropTitles, keepThe, loose bool) (phrase, bool) {
	toks := tokenize(s)
	for !keepThe && len(toks) > 1 && toks[0].low == "the" {
		toks = toks[1:]
	}
	for dropTitles && len(toks) > 1 && toks[0].cls&(cTitle|cHonor|cMod) != 0 && toks[0].cls&cParticle == 0 {
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return phrase{}, false
	}
	p := phrase{id: id, keys: make([]string, len(toks)), form: make([]byte, len(toks))}
	for k, t := range toks {
		p.keys[k] = t.low
		if loose {
			p.keys[k] = nameKey(t.w)
		}
		switch {
		case t.cls&cMinor != 0 || t.cls&cParticle != 0 && !t.cap:
			p.form[k] = 0
		case t.upper || t.dotted:
			p.form[k] = 2
		case t.cap:
			p.form[k] = 1
		}
	}
	return p, true
}

func (ix phraseIndex) add(p phrase) {
	k := p.keys[0]
	for _, q := range ix[k] {
		if q.id == p.id && slices.Equal(q.keys, p.keys) {
			return
		}
	}
	ix[k] = append(ix[k], p)
	sort.SliceStable(ix[k], func(a, b int) bool { return len(ix[k][a].keys) > len(ix[k][b].keys) })
}

// lookup returns the ids of the phrases whose keys are exactly keys.
func (ix phraseIndex) lookup(keys []string) []int {
	if len(keys) == 0 {
		return nil
	}
	var ids []int
	for _, p := range ix[keys[0]] {
		if slices.Equal(p.keys, keys) {
			ids = append(ids, p.id)
		}
	}
	return ids
}

// --- the gazetteer, built once ---

const (
	gCountry = iota
	gOrg
	gCity
	gRegion
	gDemonym
)

type gazEntry struct {
	kind     int
	name     string // canonical name
	demonym  string // first demonym, for countries
	variants []string
}

var (
	gazTable []gazEntry
	gaz      = phraseIndex{}
	// demonymOf maps a country's canonical name to its first demonym.
	countryDemonym = map[string]string{}
)

func init() {
	lex = make(map[string]lexEntry, 12000)
	for w := range inflect(wordSet(commonWords)) {
		addWordClass(w, cCommon)
	}
	addClass(minorList, cMinor)
	addClass(titleWords, cTitle)
	addClass(honorifics, cHonor)
	addClass(roleModifiers, cMod)
	addClass(sayVerbs, cSay)
	addClass(stopWords, cStop)
	addClass(nonPersons, cBrand)
	addClass(calendarWords, cCal)
	addClass(particles, cParticle)
	addClass(placePrepositions, cPlacePrep)
	addClass(placeNouns, cPlaceNoun)
	addClass(orgHeads, cOrgHead)
	addClass(lowerOrgHeads, cLowerOrgHead)
	addClass(orgAcronyms, cOrgAcr)
	addClass(mediaAcronyms, cMediaAcr)
	addClass(nonOrgAcronyms, cNonOrgAcr)
	addClass(otherDemonyms, cDemonym)
	addClass(partyHeads, cPartyHead)
	addClass(politicalWords, cPolitical)
	addClass(orgNouns, cOrgNoun)
	addClass(mediaNouns, cMediaNoun)
	addClass(actVerbs, cActVerb)
	addClass(reportNouns, cReportNoun)
	addClass(foundingVerbs, cFounding)
	addClass(selfNamedHeads, cSelfNamed)
	addClass(companyWords, cCompany)
	addClass(companyLeads, cCompanyLead)
	addClass(nameDescriptors, cDescriptor)

	addGaz := func(e gazEntry) {
		id := len(gazTable)
		gazTable = append(gazTable, e)
		for _, v := range e.variants {
			// cities keep their article: "The Hague"
			if p, ok := phraseOfThe(v, id, false, e.kind == gCity, false); ok {
				gaz.add(p)
			}
		}
	}
	for _, line := range strings.Split(countries, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		vars, dems, _ := strings.Cut(line, "|")
		vv := strings.Split(vars, ";")
		e := gazEntry{kind: gCountry, name: vv[0], variants: vv}
		if dems != "" {
			dd := strings.Split(dems, ";")
			e.demonym = dd[0]
			countryDemonym[vv[0]] = dd[0]
			for _, d := range dd {
				if !strings.Contains(d, " ") {
					addWordClass(names.Fold(d), cDemonym)
				}
			}
			addGaz(gazEntry{kind: gDemonym, name: dd[0], variants: dd})
		}
		for _, v := range vv {
			if !strings.Contains(v, " ") {
				addWordClass(names.Fold(v), cCountryWord)
			}
		}
		addGaz(e)
	}
	lexSmall = make(map[string]lexEntry)
	lexSmallCls = make(map[string]uint32)
	for k, e := range lex {
		if e.cls&^cCommon != 0 {
			lexSmall[k] = e
			lexSmallCls[k] = e.cls
		}
	}
	for _, line := range strings.Split(fixedOrgs, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		name, vars, _ := strings.Cut(line, "|")
		vv := []string{name}
		if vars != "" {
			vv = append(vv, strings.Split(vars, ";")...)
		}
		addGaz(gazEntry{kind: gOrg, name: name, variants: vv})
	}
	for _, line := range strings.Split(cities, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			addGaz(gazEntry{kind: gCity, name: line, variants: []string{line}})
		}
	}
	for _, line := range strings.Split(regions, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			addGaz(gazEntry{kind: gRegion, name: line, variants: []string{line}})
		}
	}
}

// --- known actors, indexed once per distinct list ---

type knownIndex struct {
	ents []Known
	ix   phraseIndex
	// gazKnown links a gazetteer country or organisation to the known
	// actor that is the same state or body (Holland → the Netherlands file).
	gazKnown map[int]int
	demonym  map[int]string // a known country's demonym, from the gazetteer
	// first is the key of a known person's first name, when the name has
	// two words or more
	first []string
}

var (
	knownMu    sync.Mutex
	knownCache = map[uint64]*knownIndex{}
	knownSeed  = maphash.MakeSeed()
)

func knownHash(known []Known) uint64 {
	var h maphash.Hash
	h.SetSeed(knownSeed)
	for _, k := range known {
		h.WriteString(k.Slug)
		h.WriteByte(0)
		h.WriteString(k.Name)
		h.WriteByte(0)
		h.WriteString(k.Kind)
		h.WriteByte(0)
		for _, a := range k.Aliases {
			h.WriteString(a)
			h.WriteByte(1)
		}
		h.WriteByte(2)
	}
	return h.Sum64()
}

// indexFor returns the index of known, building it the first time a list
// with these contents is seen.
func indexFor(known []Known) *knownIndex {
	if len(known) == 0 {
		return emptyKnown
	}
	h := knownHash(known)
	knownMu.Lock()
	kx := knownCache[h]
	knownMu.Unlock()
	if kx != nil && len(kx.ents) == len(known) {
		return kx
	}
	kx = buildKnown(known)
	knownMu.Lock()
	if len(knownCache) >= 32 {
		clear(knownCache)
	}
	knownCache[h] = kx
	knownMu.Unlock()
	return kx
}

var emptyKnown = &knownIndex{ix: phraseIndex{}, gazKnown: map[int]int{}, demonym: map[int]string{}}

func buildKnown(known []Known) *knownIndex {
	kx := &knownIndex{ents: append([]Known(nil), known...), ix: phraseIndex{}, gazKnown: map[int]int{}, demonym: map[int]string{},
		first: make([]string, len(known))}
	for id, k := range known {
		person := k.Kind == "person"
		if p, ok := phraseOf(k.Name, id, true); ok && person && len(p.keys) >= 2 {
			kx.first[id] = p.keys[0]
		}
		forms := append([]string{k.Name}, k.Aliases...)
		for _, f := range forms {
			p, ok := phraseOf(f, id, person)
			if !ok {
				continue
			}
			kx.ix.add(p)
			if person && len(p.keys) > 1 {
				// the surname alone
				last := tokenize(f)
				lt := last[len(last)-1]
				if lt.cls&(cStop|cCal) == 0 && lt.cls&cMinor == 0 {
					kx.ix.add(phrase{keys: p.keys[len(p.keys)-1:], form: []byte{1}, id: id})
				}
			}
		}
	}
	// link gazetteer countries and bodies to known ones
	for gid, g := range gazTable {
		if g.kind != gCountry && g.kind != gOrg {
			continue
		}
		for _, v := range g.variants {
			p, ok := phraseOfThe(v, gid, false, false, true)
			if !ok {
				continue
			}
			for _, id := range kx.ix.lookup(p.keys) {
				kind := known[id].Kind
				if g.kind == gCountry && kind == "country" || g.kind == gOrg && kind == "organisation" {
					kx.gazKnown[gid] = id
					if g.demonym != "" {
						kx.demonym[id] = g.demonym
					}
				}
			}
		}
	}
	return kx
}
