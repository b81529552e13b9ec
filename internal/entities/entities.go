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
func Find(text string, known []Known) []Entity {
	return nil
}
