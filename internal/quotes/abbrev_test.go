package quotes

import "testing"

// TestAbbrevsFitBuffer guards isAbbrev, which lower-cases into a buffer of
// maxAbbrevLen bytes and reports longer words as no abbreviation.
func TestAbbrevsFitBuffer(t *testing.T) {
	for w := range abbrevs {
		if len(w) > maxAbbrevLen {
			t.Errorf("abbreviation %q is longer than maxAbbrevLen (%d)", w, maxAbbrevLen)
		}
	}
}

func TestIsAbbrev(t *testing.T) {
	for _, c := range []struct {
		w    string
		want bool
	}{
		{"Mr", true}, {"MRS", true}, {"messrs", true}, {"Gov", true},
		{"Minister", false}, {"M", false}, {"", false}, {"Ms\u00e9", false},
	} {
		if got := isAbbrev(c.w); got != c.want {
			t.Errorf("isAbbrev(%q) = %v, want %v", c.w, got, c.want)
		}
	}
}
