package entities

import (
	"reflect"
	"testing"
)

// kindsCase is a text with the people and organisations it must give, and
// optionally one actor's mentions and people's roles.
type kindsCase struct {
	text     string
	people   []string
	orgs     []string
	mentions map[string][]string
	roles    map[string]string
}

func runKinds(t *testing.T, tests []kindsCase) {
	t.Helper()
	for _, tt := range tests {
		ents := Find(tt.text, nil)
		checkMentions(t, tt.text, ents)
		if got := byKind(ents, "person"); !reflect.DeepEqual(got, tt.people) {
			t.Errorf("Find(%q) people = %q, want %q", tt.text, got, tt.people)
		}
		if got := byKind(ents, "organisation"); !reflect.DeepEqual(got, tt.orgs) {
			t.Errorf("Find(%q) organisations = %q, want %q", tt.text, got, tt.orgs)
		}
		for name, want := range tt.mentions {
			if e := find(ents, name); e == nil {
				t.Errorf("Find(%q): %s not found", tt.text, name)
			} else if got := surfaces(e); !reflect.DeepEqual(got, want) {
				t.Errorf("Find(%q): %s mentions = %q, want %q", tt.text, name, got, want)
			}
		}
		for name, want := range tt.roles {
			if e := find(ents, name); e == nil || e.Role != want {
				t.Errorf("Find(%q): %s role: got %+v, want %q", tt.text, name, e, want)
			}
		}
	}
}

// TestCompanyWords checks that a company word ending a capitalised name
// makes it an organisation, and the cases where it does not.
func TestCompanyWords(t *testing.T) {
	runKinds(t, []kindsCase{
		{text: "Fitch Ratings said in a note that the outlook was weak.", orgs: []string{"Fitch Ratings"}},
		{text: "Halden Energy said it would cut jobs.", orgs: []string{"Halden Energy"}},
		{text: "The deal was signed by Acme Holdings and Nordic Logistics on Monday.",
			orgs: []string{"Acme Holdings", "Nordic Logistics"}},
		{text: "Banco Atlántico said profits rose.", orgs: []string{"Banco Atlántico"}},
		{text: "Banco de España said inflation eased.", orgs: []string{"Banco de España"}},
		{text: "Qatar Airways said it would add flights.", orgs: []string{"Qatar Airways"}},
		{text: "Acme Holdings chief executive Jane Obi said margins were thin.", people: []string{"Jane Obi"},
			orgs: []string{"Acme Holdings"}, roles: map[string]string{"Jane Obi": "Acme Holdings chief executive"}},
		// not companies: a title or a capitalised word after the company
		// word, only common words before it, a title before the name
		{text: "Energy Minister Chris Bowen said the plan was sound.", people: []string{"Chris Bowen"}},
		{text: "Zaporizhzhia Nuclear Power Plant lost power on Monday."},
		{text: "Prices of Natural Gas rose, and Social Media lit up. Big Oil profits soared."},
		{text: "USAID Administrator Samantha Power said aid would resume.", people: []string{"Samantha Power"}},
		{text: "Iran's Oil Minister Javad Owji said exports fell.", people: []string{"Javad Owji"},
			roles: map[string]string{"Javad Owji": "Iran's Oil Minister"}},
		{text: "Media reports said the talks failed."},
	})
}

// TestShortForms checks that the first word of a two-word company name, or
// the first part of a hyphenated one, stands alone for it, and not inside
// another name.
func TestShortForms(t *testing.T) {
	runKinds(t, []kindsCase{
		{text: "Sibanye-Stillwater said on Thursday it would cut jobs. Sibanye said the cuts were needed.",
			orgs: []string{"Sibanye-Stillwater"}, mentions: map[string][]string{"Sibanye-Stillwater": {"Sibanye-Stillwater", "Sibanye"}}},
		{text: "Fitch Ratings cut the outlook. Fitch said debt would rise.",
			orgs: []string{"Fitch Ratings"}, mentions: map[string][]string{"Fitch Ratings": {"Fitch Ratings", "Fitch"}}},
		{text: "Ford Motors said sales fell. Actor Harrison Ford said nothing. Ford said it would recall cars.",
			people: []string{"Harrison Ford"}, orgs: []string{"Ford Motors"},
			mentions: map[string][]string{"Ford Motors": {"Ford Motors", "Ford"}, "Harrison Ford": {"Harrison Ford"}}},
		// a demonym is no short form
		{text: "Nordic Logistics said it would hire 200 drivers. Nordic countries agreed.", orgs: []string{"Nordic Logistics"},
			mentions: map[string][]string{"Nordic Logistics": {"Nordic Logistics"}}},
	})
}

// TestLeadDescriptors checks that a sentence's opening descriptor is not
// part of the name after it, and that names starting with a word that is
// also a common word keep it.
func TestLeadDescriptors(t *testing.T) {
	runKinds(t, []kindsCase{
		{text: "Rival Impala Platinum said it was reviewing shafts.", orgs: []string{"Impala Platinum"}},
		{text: "Lender Nedbank said its exposure was small.", orgs: []string{"Nedbank"}},
		{text: "Striker Marco Ruiz scored twice. Ruiz said he was happy.", people: []string{"Marco Ruiz"},
			roles: map[string]string{"Marco Ruiz": "Striker"}},
		{text: "Star striker Marco Ruiz scored.", people: []string{"Marco Ruiz"}, roles: map[string]string{"Marco Ruiz": "striker"}},
		{text: "Veteran lawmaker Ana Souto said the bill would pass.", people: []string{"Ana Souto"},
			roles: map[string]string{"Ana Souto": "lawmaker"}},
		{text: "Embattled Acme Holdings said it would sell assets.", orgs: []string{"Acme Holdings"}},
		// given names that are also English words stay
		{text: "Mark Carney said it. Grant Shapps said so. Hope Hicks spoke.",
			people: []string{"Grant Shapps", "Hope Hicks", "Mark Carney"}},
	})
}

// TestRolesAside checks roles written before the name and set off by
// commas, and coordinated titles distributed over their names.
func TestRolesAside(t *testing.T) {
	runKinds(t, []kindsCase{
		{text: "Canada's prime minister, Mark Carney, has vowed to respond.", people: []string{"Mark Carney"},
			roles: map[string]string{"Mark Carney": "Canada's prime minister"}},
		{text: "The US commerce secretary, Howard Lutnick, said tariffs would rise.", people: []string{"Howard Lutnick"},
			roles: map[string]string{"Howard Lutnick": "US commerce secretary"}},
		{text: "Its foreign minister, Ignacio Muñoz Báez, said the talks would go on.", people: []string{"Ignacio Muñoz Báez"},
			roles: map[string]string{"Ignacio Muñoz Báez": "foreign minister"}},
		{text: "Guests included Germany's chancellor, Friedrich Merz, France's president, Emmanuel Macron, and others.",
			people: []string{"Emmanuel Macron", "Friedrich Merz"},
			roles:  map[string]string{"Friedrich Merz": "Germany's chancellor", "Emmanuel Macron": "France's president"}},
		{text: "Canada's prime minister, Carney, has vowed to respond.", people: []string{"Carney"},
			roles: map[string]string{"Carney": "Canada's prime minister"}},
		// a plural title is no one person's; no closing comma, no aside
		{text: "The ministers, Ana Lopes and Rui Costa, said the deal was done.", people: []string{"Ana Lopes", "Rui Costa"},
			roles: map[string]string{"Ana Lopes": "", "Rui Costa": ""}},
		{text: "After meeting the minister, Ana Lopes said the deal was done.", people: []string{"Ana Lopes"},
			roles: map[string]string{"Ana Lopes": ""}},
		// coordinated titles
		{text: "British and Polish Prime Ministers Starmer and Tusk met in Kyiv.", people: []string{"Starmer", "Tusk"},
			roles: map[string]string{"Starmer": "British Prime Minister", "Tusk": "Polish Prime Minister"}},
		{text: "French and German Foreign Ministers Anne Roux and Karl Brandt spoke.", people: []string{"Anne Roux", "Karl Brandt"},
			roles: map[string]string{"Anne Roux": "French Foreign Minister", "Karl Brandt": "German Foreign Minister"}},
	})
}

// TestGovernmentsAreDescriptions checks that "the Kenyan government" and
// "Kenya's government" are no organisations (CONVENTIONS.md), where a
// country's ministry is.
func TestGovernmentsAreDescriptions(t *testing.T) {
	runKinds(t, []kindsCase{
		{text: "The Kenyan government said it would appeal. Kenya's government has denied it."},
		{text: "The Kenyan Government said so. The Dutch government fell."},
		{text: "Kenya's foreign ministry said the envoy was recalled.", orgs: []string{"Kenyan Foreign Ministry"}},
	})
}

func TestSingular(t *testing.T) {
	for in, want := range map[string]string{"Ministers": "Minister", "Secretaries": "Secretary", "Spokesmen": "Spokesman", "chiefs": "chief", "Chief": "Chief"} {
		if got := singular(in); got != want {
			t.Errorf("singular(%q) = %q, want %q", in, got, want)
		}
	}
}
