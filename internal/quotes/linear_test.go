package quotes

import (
	"strings"
	"testing"
	"time"

	"briefgen/internal/entities"
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
		"run-on":     "\"a b c d e\" Anna Berg said and ",
		"paragraphs": "\"a b c d e,\" he said.\n\n",
		"opening":    "“a “b “c “d “e ",
		"sentences":  "Anna Berg said the \"plan is good for all of us\" today. ",
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
	ents := entities.Find(text, nil)
	t0 := time.Now()
	Find(text, ents)
	return time.Since(t0)
}
