package ingest

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"briefgen/internal/dates"

	"go.yaml.in/yaml/v3"
)

// sidecar is content/sources/<base>.yaml: facts about an article that its
// text does not give reliably. Its fields override the text.
type sidecar struct {
	Published string `yaml:"published"`
	Title     string `yaml:"title"`
	Outlet    string `yaml:"outlet"`
	Byline    string `yaml:"byline"`
	Dateline  string `yaml:"dateline"`
	URL       string `yaml:"url"` // accepted for the editor's reference; not part of a brief
}

// readSidecar reads the sidecar of source, or returns nil when there is none.
func readSidecar(source string) (*sidecar, error) {
	ext := filepath.Ext(source)
	if source == "" || ext == ".yaml" {
		return nil, nil
	}
	p := strings.TrimSuffix(source, ext) + ".yaml"
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("sidecar %s: %w", p, err)
	}
	s := &sidecar{}
	if err := yaml.Unmarshal(data, s); err != nil {
		return nil, fmt.Errorf("sidecar %s: %w", p, err)
	}
	if len(s.Published) > 10 && s.Published[10] == 'T' {
		s.Published = s.Published[:10]
	}
	return s, nil
}

var (
	clockTime = regexp.MustCompile(`^(?i:\d{1,2}(?:[:.]\d{2}){1,2}(?:am|pm|a\.m\.?|p\.m\.?|h)?|\d{1,2}(?:am|pm|a\.m\.?|p\.m\.?))$`)
	isoDate   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	// dateWords may appear in a printed date besides numbers.
	dateWords = setOf(
		"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
		"sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs",
		"fri", "sat", "sun", "am", "pm", "a.m", "p.m", "at", "on", "of", "the", "utc", "gmt",
		"et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet", "cest",
		"eet", "eest", "msk", "trt", "ist", "jst", "aest", "z",
	)
)

// parseDate reads a whole string as an absolute calendar date.
func parseDate(s string) (time.Time, bool) {
	s = strings.Trim(s, " ,.;:|–—-")
	if !dateLike(s) {
		return time.Time{}, false
	}
	if isoDate.MatchString(s) {
		t, err := time.Parse(time.DateOnly, s[:10])
		return t, err == nil
	}
	return dates.Parse(s)
}

// dateLike reports whether every word of s could belong to a printed date
// with a day and a year, so that text that merely starts with a date is
// never taken for one.
func dateLike(s string) bool {
	year, runs := false, 0
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.()")
		if w == "" {
			continue
		}
		if strings.ContainsAny(w, "0123456789") {
			runs += digitRuns(w)
			if run := longestDigits(w); run == 4 || run == 8 {
				year = true
				if run == 8 {
					runs += 2
				}
			}
			continue
		}
		if !dateWords[strings.ToLower(w)] {
			return false
		}
	}
	return year && runs >= 2
}

// digitRuns counts the runs of digits in s.
func digitRuns(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		d := s[i] >= '0' && s[i] <= '9'
		if d && !in {
			n++
		}
		in = d
	}
	return n
}

func longestDigits(s string) int {
	best, n := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
			best = max(best, n)
		} else {
			n = 0
		}
	}
	return best
}

// parseDatePrefix finds the shortest run of leading words of s (at most
// eight) that is a date, takes in a time of day after it, and returns the
// date with the text after it.
func parseDatePrefix(s string) (time.Time, string, bool) {
	words := strings.Fields(s)
	for n := 1; n <= min(len(words), 8); n++ {
		if t, ok := parseDate(strings.Join(words[:n], " ")); ok {
			for n < len(words) && timeWord(words[n]) {
				n++
			}
			return t, strings.Join(words[n:], " "), true
		}
	}
	return time.Time{}, "", false
}

// timeZones are the words of a time of day besides numbers.
var timeZones = setOf("am", "pm", "a.m", "p.m", "a.m.", "p.m.", "utc", "gmt", "et", "est", "edt", "ct", "cst", "cdt",
	"pt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "trt", "ist", "jst", "aest", "z")

// timeWord reports whether w is part of a time of day ("10:41", "10.42",
// "9am", "AM", "GMT").
func timeWord(w string) bool {
	w = strings.Trim(w, ",()|")
	if timeZones[strings.ToLower(w)] {
		return true
	}
	return clockTime.MatchString(w)
}

// weekdays by name, for checking an inferred publication date.
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// inferPublished finds a publication date the text justifies: a full date
// in a caption or the first paragraphs that falls on the weekday the lead
// names ("on Thursday"). It returns the zero time when no date, or more
// than one, qualifies.
func inferPublished(d *doc) (time.Time, string) {
	day, word, ok := leadWeekday(d.lead)
	if !ok {
		return time.Time{}, ""
	}
	texts := append([]string{}, d.captions...)
	texts = append(texts, d.firstParagraphs(3)...)
	var found time.Time
	var why string
	for _, text := range texts {
		if !hasYear(text) {
			continue // without a year no full date can be read
		}
		for _, x := range dates.Find(text, time.Time{}) {
			t, err := time.Parse(time.DateOnly, x.Resolved)
			if err != nil || t.Weekday() != day {
				continue
			}
			if !found.IsZero() && !found.Equal(t) {
				return time.Time{}, ""
			}
			found = t
			why = fmt.Sprintf("%q in the text falls on a %s, as the lead's %q", x.Text, day, word)
		}
	}
	return found, why
}

// hasYear reports whether s has a run of exactly four digits.
func hasYear(s string) bool {
	n := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			n++
			continue
		}
		if n == 4 {
			return true
		}
		n = 0
	}
	return false
}

// leadWeekday returns the first weekday the lead names, capitalised and
// as a word of its own ("Thursday", "Thursday’s"). It looks only where the
// lead has "day", so that a long lead costs no more than one search.
func leadWeekday(lead string) (time.Weekday, string, bool) {
	for off := 0; off < len(lead); {
		i := strings.Index(lead[off:], "day")
		if i < 0 {
			break
		}
		end := off + i + 3
		start := end - 3
		for start > 0 && isLetterByte(lead[start-1]) {
			start--
		}
		off = end
		if end < len(lead) && (isLetterByte(lead[end]) || lead[end] == '-') || start > 0 && lead[start-1] >= 0x80 {
			continue
		}
		w := lead[start:end]
		if d, ok := weekdays[strings.ToLower(w)]; ok && w[0] >= 'A' && w[0] <= 'Z' {
			return d, w, true
		}
	}
	return 0, "", false
}
