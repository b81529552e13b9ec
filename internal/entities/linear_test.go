package entities

import (
	"strings"
	"testing"
	"time"
)

// TestLinear checks that the work grows with the text, not with its
// square: an eight times longer text of each shape may take at most 32
// times as long (a quadratic scan would take 64). Timings are the least of
// five, taken in turn, so that a busy machine does not fail the test.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	shapes := map[string]string{
		"names":    "Anna Berg said. ",
		"surnames": "Berg and Dorn met Anna Berg and Carl Dorn. ",
		"capitals": "NATO EU UN ",
		"headline": "Anna Berg Meets Carl Dorn ",
		"hyphens":  "Berg-Dorn ",
		"words":    "the cat sat on the mat ",
		"quotes":   "\"A b c d e,\" he said. ",
	}
	for name, unit := range shapes {
		small, large := strings.Repeat(unit, 500), strings.Repeat(unit, 4000)
		ts, tl := time.Hour, time.Hour
		for range 5 {
			ts, tl = min(ts, timeFind(small)), min(tl, timeFind(large))
		}
		if tl > 32*ts+20*time.Millisecond {
			t.Errorf("%s: %d bytes took %v, %d bytes %v", name, len(small), ts, len(large), tl)
		}
	}
}

// timeFind times Find on text.
func timeFind(text string) time.Duration {
	t0 := time.Now()
	Find(text, nil)
	return time.Since(t0)
}
