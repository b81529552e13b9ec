package entities

import (
	"testing"

	"briefgen/internal/names"
)

func TestFoldWordMatchesNames(t *testing.T) {
	for _, w := range []string{"U.S.", "U.S.-Europe", "Rubio", "it’s", "Zelenskyy", "NATO", "Türkiye", "co-founder",
		"3.5", "1,000", "al-Shaibani", "O'Brien", "we’re", "A.B.C.", "e.g", "Jean-Noël", "Kęstutis", "x", "Mississippi", "Erdoğan", "Łódź", "ØRSTED", "Straße", "Ağrı", "İstanbul", "Jean‐Noël", "Ñandú", "Ærø"} {
		if got, want := foldWord(w), names.Fold(w); got != want {
			t.Errorf("foldWord(%q) = %q, want %q", w, got, want)
		}
		if got, want := looseWord(w, foldWord(w)), names.Loose(w); got != want {
			t.Errorf("looseWord(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestSlugOfMatchesNames(t *testing.T) {
	for _, s := range []string{"Luiz Inácio Lula da Silva", "Recep Tayyip Erdoğan", "Kęstutis Budrys", "Jean‐Noël Barrot",
		"Łódź", "Ærø Straße", "Türkiye’s foreign ministry", "U.S.-Europe Alliance", "Ñandú", "Zoë O’Neill", "日本"} {
		if got, want := slugOf(s), names.Slug(s); got != want {
			t.Errorf("slugOf(%q) = %q, want %q", s, got, want)
		}
	}
}
