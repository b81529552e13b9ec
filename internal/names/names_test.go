package names

import (
	"reflect"
	"testing"
)

func TestFoldAndLoose(t *testing.T) {
	tests := []struct {
		a, b  string
		fold  bool
		loose bool
	}{
		{"Erdoğan", "Erdogan", true, true},
		{"Türkiye", "turkiye", true, true},
		{"Kęstutis Budrys", "Kestutis  Budrys", true, true},
		{"Zelenskyy", "Zelensky", false, true},
		{"Jean-Noel Barrot", "Jean-Noël Barrot", true, true},
		{"Rubio", "Rutte", false, false},
	}
	for _, tt := range tests {
		if got := Fold(tt.a) == Fold(tt.b); got != tt.fold {
			t.Errorf("Fold(%q)==Fold(%q) = %v, want %v", tt.a, tt.b, got, tt.fold)
		}
		if got := Loose(tt.a) == Loose(tt.b); got != tt.loose {
			t.Errorf("Loose(%q)==Loose(%q) = %v, want %v", tt.a, tt.b, got, tt.loose)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Recep Tayyip Erdoğan":    "recep-tayyip-erdogan",
		"NATO’s 5% target!":       "natos-5-target",
		"  ":                      "untitled",
		"Asaad al-Shaibani":       "asaad-al-shaibani",
		"U.S. Secretary of State": "u-s-secretary-of-state",
		"Łódź — the city":         "lodz-the-city",
	}
	for in, want := range tests {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"marco-rubio", "mark-rutte", "hakan-fidan", "donald-trump"}
	if got, want := Closest("marco-rubo", cands, 2), []string{"marco-rubio"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Closest = %v, want %v", got, want)
	}
	if got := Closest("zzzzzz", cands, 2); len(got) != 0 {
		t.Errorf("Closest(far) = %v, want none", got)
	}
}

func TestKeyword(t *testing.T) {
	for in, want := range map[string]string{
		"5% of GDP":           "5% of gdp",
		"1.5 points, 25%":     "1.5 points 25%",
		"Türkiye’s 3,000 men": "turkiye's 3,000 men",
		"end. 5":              "end 5",
		"$280 million":        "$280 million",
	} {
		if got := Keyword(in); got != want {
			t.Errorf("Keyword(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFindKeyword(t *testing.T) {
	for _, tc := range []struct {
		text, key string
		want      int
	}{
		{Keyword("Duties of 25% and 5%."), Keyword("5%"), 18},
		{Keyword("growth of 1.5 points"), Keyword("5%"), -1},
		{Keyword("The rains failed"), Keyword("rain"), -1},
		{Keyword("European security matters"), Keyword("European Security"), 0},
	} {
		if got := FindKeyword(tc.text, tc.key); got != tc.want {
			t.Errorf("FindKeyword(%q, %q) = %d, want %d", tc.text, tc.key, got, tc.want)
		}
	}
}
