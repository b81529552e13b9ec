package lexicon

import "testing"

func TestTable(t *testing.T) {
	tab := New(map[string]int{"june": 6, "so-called": 1, "bn": 9, "thisisaverylongwordkey": 3})
	for _, tc := range []struct {
		w    string
		want int
	}{
		{"june", 6}, {"JUNE", 6}, {"June", 6}, {"so-called", 1}, {"bn", 9},
		{"jun", 0}, {"junes", 0}, {"", 0}, {"Jüne", 0}, {"thisisaverylongwordkey", 0}, // longer than MaxLen
	} {
		if got := tab.Lookup(tc.w); got != tc.want {
			t.Errorf("Lookup(%q) = %d, want %d", tc.w, got, tc.want)
		}
	}
	s := "In June, the Bn"
	end, h := ScanASCII(s, 3)
	if s[3:end] != "June" || h != Hash("june") || tab.LookupHashed(s[3:end], h) != 6 {
		t.Errorf("ScanASCII(%q, 3) = %d, %d: want the word June and its Hash", s, end, h)
	}
	if end := ScanWord("Zürich–Milan", 0); end != len("Zürich") {
		t.Errorf("ScanWord stops at %d, want %d", end, len("Zürich"))
	}
}

func TestWord(t *testing.T) {
	tab := New(map[string]int{"may": 5, "zur": 7})
	for _, tt := range []struct {
		s       string
		i       int
		end, id int
	}{
		{"In May 2025", 3, 6, 5},
		{"MAY,", 0, 3, 5},
		{"Zürich", 0, 7, 0}, // letters outside ASCII: no word of the table
		{"zur’s", 0, 3, 7},  // an apostrophe ends the word
		{"mayor", 0, 5, 0},
	} {
		end, id := tab.Word(tt.s, tt.i)
		if end != tt.end || id != tt.id {
			t.Errorf("Word(%q, %d) = %d, %d; want %d, %d", tt.s, tt.i, end, id, tt.end, tt.id)
		}
	}
}
