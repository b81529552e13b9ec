package entities

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// siteActors reads the site's actor files (name, kind, role, aliases from
// their front matter) as Known actors.
func siteActors(t testing.TB) []Known {
	t.Helper()
	files, err := filepath.Glob("../../content/actors/*.md")
	if err != nil || len(files) == 0 {
		t.Skip("no actor files")
	}
	sort.Strings(files)
	var out []Known
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		k := Known{Slug: strings.TrimSuffix(filepath.Base(f), ".md")}
		for _, line := range strings.Split(string(data), "\n") {
			key, val, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			switch key {
			case "name":
				k.Name = strings.Trim(val, `"`)
			case "kind":
				k.Kind = val
			case "role":
				k.Role = strings.Trim(val, `"`)
			case "aliases":
				for _, a := range strings.Split(strings.Trim(val, "[]"), ",") {
					if a = strings.Trim(strings.TrimSpace(a), `"`); a != "" {
						k.Aliases = append(k.Aliases, a)
					}
				}
			}
		}
		out = append(out, k)
	}
	return out
}

func seedText(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("../../content/sources", name+".txt"))
	if err != nil {
		t.Skip("no seed article", name)
	}
	return string(data)
}

var seedNames = []string{
	"nato-allies-debate-defense-spending-in-antalya",
	"nato-meets-in-turkey-as-ukraine-ceasefire-talks-loom",
	"nato-ministerial-meeting-questions-and-answers",
	"nato-ministers-hopeful-for-progress-on-peace-talks",
	"trump-sending-rubio-to-turkey-for-informal-nato-talks",
}
