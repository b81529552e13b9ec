package gold

import (
	"fmt"
	"io"

	"briefgen/internal/ingest"
)

// Main scores ingest.Extract on the gold set in dir (DefaultDir when
// empty) and prints the table, the bars missed and every item missed, for
// "briefgen ingest --score [DIR]". It returns the exit status: 0 when every
// bar is met, 1 when one is not or an extraction failed, 2 when the gold
// set cannot be read.
func Main(w io.Writer, dir string) int {
	if dir == "" {
		dir = DefaultDir
	}
	cases, err := Load(dir)
	if err != nil {
		fmt.Fprintln(w, "briefgen ingest --score:", err)
		return 2
	}
	scores, misses, err := Score(cases, Extract)
	fmt.Fprintf(w, "gold set %s: %d articles\n\n", dir, len(cases))
	fmt.Fprint(w, scores.Table())
	if len(misses) > 0 {
		fmt.Fprintf(w, "\n%d items missed, extra or wrong:\n", len(misses))
		for _, m := range misses {
			fmt.Fprintln(w, "  "+m)
		}
	}
	status := 0
	if err != nil {
		fmt.Fprintln(w, "\nextraction failed:", err)
		status = 1
	}
	if fails := scores.Failures(); len(fails) > 0 {
		fmt.Fprintln(w, "\nbars not met:")
		for _, f := range fails {
			fmt.Fprintln(w, "  "+f)
		}
		status = 1
	} else {
		fmt.Fprintln(w, "\nall bars met")
	}
	return status
}

// Extract is ingest.Extract as the gold set runs it: no options, so the
// publication date comes from the sidecar next to path or from the text.
func Extract(path string, raw []byte) (*ingest.Result, error) {
	return ingest.Extract(path, raw, ingest.Options{})
}
