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
//  3. The gazetteer: countries and their variants (one entity per state),
//     well-known bodies ("the Kremlin"), and cities, regions and demonyms,
//     which are claimed so that they never become people.
//  4. Acronyms of well-known bodies, or any acronym followed by a verb of
//     saying; parts of compounds ("Iran-Iraq", "EU-led").
//  5. People: capitalised runs of name-like words, confirmed by a title or
//     role before them, a verb of saying, an appositive role, or, for two
//     or more words, by not looking like a thing or place. A later surname
//     alone joins the full name.
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
	b.matchAcronyms()
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
