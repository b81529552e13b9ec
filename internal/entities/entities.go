// Package entities finds the actors a news text names: people, organisations
// and countries, each with every surface form it appears under and the role
// the text gives it. Known actors come from the site's actor files; others
// are discovered from the text itself.
package entities

// Known is an actor the site already has a file for.
type Known struct {
	Slug    string
	Name    string
	Kind    string // "person", "organisation" or "country"
	Role    string
	Aliases []string
}

// Mention is one occurrence of an actor in the text, as byte offsets.
type Mention struct {
	Start, End int
	Surface    string // text[Start:End]
}

// Entity is one actor found in the text.
type Entity struct {
	Name     string // canonical name: the known actor's name, or the fullest form found
	Slug     string // the known actor's slug, or a new one made from Name
	Kind     string // "person", "organisation" or "country"
	Role     string // e.g. "U.S. Secretary of State"; "" when the text gives none
	Known    bool   // matched a Known actor
	Mentions []Mention
}

// Find returns the entities text names, in order of first mention.
//
// The rules, in the order they claim words:
//
//  1. Known actors, under every name and alias, folded for case, diacritics
//     and doubled letters (names.Loose), and persons also by surname.
//  2. Bodies named around a head word ("Justice Department", "Council of
//     Europe", "Kenya's foreign ministry"), with a defined acronym.
//     A lower-case party head after capitalised words names a party ("the
//     Liberal Democratic party" → Liberal Democratic Party; "the Komeito
//     party" → Komeito).
//  3. The gazetteer: countries and their variants (one entity per state),
//     well-known bodies ("the Kremlin"), and cities, regions and demonyms,
//     which are claimed so that they never become people.
//  4. Bodies known by their context (see orgs.go): a describing noun
//     before ("the bloc Mercosur") or a definition after ("Mercosur is a
//     customs union"), an employer after a role ("economist at X"), a name
//     keeping its 's ("Moody's, which…"), a company's cues ("shares in X",
//     "X said it would…"), an ampersand ("S&P Global"); then their other
//     occurrences.
//  5. Acronyms of well-known bodies, or any acronym that acts somewhere in
//     the text ("AP reported", "LSEG data showed"); short forms of bodies
//     named ("the Commission", "Treasury"); parts of compounds
//     ("Iran-Iraq", "EU-led", "EU-Mercosur").
//  6. People: capitalised runs of name-like words, confirmed by a title or
//     role before them, a verb of saying, an appositive role, a name set
//     aside by commas before a verb of saying ("first name, Yumiko,
//     said"), or, for two or more words, by not looking like a thing or
//     place; never before a plural verb ("Supporters say"). A later surname
//     alone joins the full name; names are keyed by names.Loose with
//     transliterated endings made one (Zelenskiy, Zelenskyy, Zelensky).
//
// Mentions exclude a possessive 's; roles are the title phrase written
// before (or in apposition after) the first mention that has one.
func Find(text string, known []Known) []Entity {
	if len(text) == 0 {
		return nil
	}
	b := newBuilder(text, indexFor(known))
	b.matchKnown()
	b.matchOrgPatterns()
	b.matchGazetteer()
	b.discoverOrgs()
	b.matchAcronyms()
	b.matchShortForms()
	b.matchHyphenParts()
	b.findPeople()
	b.resolvePeople()
	out := b.result()
	b.release()
	return out
}

// SayVerb reports whether w (any case) is a verb of saying: "said",
// "told", "noting", "warned"…
func SayVerb(w string) bool { return classOf(foldWord(w))&cSay != 0 }

// TitleWord reports whether w (any case) is the head of a role phrase:
// "minister", "chief", "spokesperson", "President"…
func TitleWord(w string) bool { return classOf(foldWord(w))&cTitle != 0 }
