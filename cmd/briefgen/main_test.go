package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// briefgen runs the command in-process and returns its exit code and output.
func briefgen(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, text := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// article is a raw article in the style of the seeds, about other people
// and places.
const article = `Kenya and Brazil Sign Coffee Accord in Nairobi

Kenya and Brazil Sign Coffee Accord in Nairobi

NAIROBI, March 4 (Reuters) - Kenyan Trade Minister Amara Wanjiku signed a coffee export accord with Brazilian Agriculture Minister Paulo Teixeira on Wednesday, promising farmers better prices within three years.

"This agreement gives our smallholders a fair price for the first time in a decade," Wanjiku told reporters in Nairobi.

Teixeira said Brazil would cut tariffs on Kenyan beans by 12% and invest $40 million in processing plants. "We are opening a door that has been closed for far too long," he said.

How useful was this article?

Click on a star to rate it!
`

func TestIngestJSONSchema(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"content/sources/coffee.txt": article})
	code, out, errOut := briefgen(t, "ingest", "--src", dir, "--json", "--published", "2026-03-04", filepath.Join(dir, "content/sources/coffee.txt"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one JSON line per article, got %d", len(lines))
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(lines[0]), &obj); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"actors", "byline", "dateline", "dates", "figures", "outlet", "published", "qa", "quotes", "slug", "source", "themes", "title"}
	if !slices.Equal(keys, want) {
		t.Errorf("keys = %v, want %v", keys, want)
	}
	if string(obj["published"]) != `"2026-03-04"` || string(obj["slug"]) != `"coffee"` || string(obj["qa"]) != "[]" {
		t.Errorf("published %s slug %s qa %s", obj["published"], obj["slug"], obj["qa"])
	}
	if _, err := os.Stat(filepath.Join(dir, "content/briefs")); !os.IsNotExist(err) {
		t.Errorf("--json wrote files")
	}
}

func TestIngestThenBuildThenCheck(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"content/site.yaml":           "title: Coffee briefing\nbaseURL: https://example.org/coffee/\n",
		"content/sources/coffee.txt":  article,
		"content/sources/coffee.yaml": "published: 2026-03-04\n",
	})
	code, out, errOut := briefgen(t, "ingest", "--src", dir)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "created content/briefs/coffee.md") {
		t.Errorf("ingest output lacks the created brief:\n%s", out)
	}
	stubs, _ := filepath.Glob(filepath.Join(dir, "content/actors/*.md"))
	if len(stubs) == 0 {
		t.Errorf("no actor stubs created")
	}
	// Running again leaves an edited brief's edits in place.
	brief := filepath.Join(dir, "content/briefs/coffee.md")
	data, _ := os.ReadFile(brief)
	edited := strings.Replace(string(data), "\n---\n", "\n---\nAn editor's note at the top.\n\n", 1)
	if err := os.WriteFile(brief, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := briefgen(t, "ingest", "--src", dir); code != 0 || !strings.Contains(out, "kept your edits") {
		t.Errorf("second ingest: exit %d\n%s\n%s", code, out, errOut)
	}
	if now, _ := os.ReadFile(brief); !strings.Contains(string(now), "An editor's note at the top.") {
		t.Errorf("re-ingest lost the editor's edit")
	}

	outDir := filepath.Join(dir, "public")
	code, out, errOut = briefgen(t, "build", "--src", dir, "--out", outDir)
	if code != 0 {
		t.Fatalf("build exit %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`^briefgen: built 1 brief, .* into .*: \d+ files, .* in \d+(\.\d+)?m?s\n$`).MatchString(out) {
		t.Errorf("summary line = %q", out)
	}
	if _, err := os.Stat(filepath.Join(outDir, "briefs/coffee/index.html")); err != nil {
		t.Errorf("brief page missing: %v", err)
	}
	if code, out, errOut := briefgen(t, "check", "--src", dir); code != 0 {
		t.Errorf("check exit %d:\n%s\n%s", code, out, errOut)
	}
}

func TestBuildErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"content/site.yaml":       "title: T\n",
		"content/briefs/x.md":     "---\ntitle: X\nactors:\n  - actor: nobody\n---\nBody.\n",
		"content/actors/nobby.md": "---\nname: Nobby\nkind: person\n---\n",
	})
	out := filepath.Join(dir, "public")
	code, _, errOut := briefgen(t, "build", "--src", dir, "--out", out)
	if code != 1 || !strings.Contains(errOut, `content/briefs/x.md:4: unknown actor "nobody"`) || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed build created %s", out)
	}

	// A folder briefgen did not make is never replaced.
	home := t.TempDir()
	writeFiles(t, home, map[string]string{"notes.txt": "mine"})
	writeFiles(t, dir, map[string]string{"content/briefs/x.md": "---\ntitle: X\n---\nBody.\n"})
	code, _, errOut = briefgen(t, "build", "--src", dir, "--out", home)
	if code != 1 || !strings.Contains(errOut, "refusing to replace it") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if data, _ := os.ReadFile(filepath.Join(home, "notes.txt")); string(data) != "mine" {
		t.Errorf("foreign folder touched")
	}

	// A template error leaves the previous output as it was.
	if code, _, errOut := briefgen(t, "build", "--src", dir, "--out", out); code != 0 {
		t.Fatalf("good build: %s", errOut)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	writeFiles(t, dir, map[string]string{"templates/home.html": "{{template \"_base.html\" .}}{{define \"main\"}}{{.Nope}}{{end}}"})
	code, _, errOut = briefgen(t, "build", "--src", dir, "--out", out)
	if code != 1 || !strings.Contains(errOut, "templates/home.html:1:") {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(before, after) {
		t.Errorf("failed build changed the output")
	}
}

func TestCheckFindsPlantedProblems(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"content/site.yaml":   "title: T\n",
		"content/briefs/x.md": "---\ntitle: X\n---\nSee [the missing page](/nowhere/).\n\n<p id=\"dup\">a</p>\n\n<p id=\"dup\">b</p>\n",
	})
	code, out, _ := briefgen(t, "check", "--src", dir)
	if code != 1 || !strings.Contains(out, "briefs/x/index.html") || !strings.Contains(out, "broken link /nowhere/") || !strings.Contains(out, `duplicate id "dup"`) {
		t.Errorf("exit %d, output:\n%s", code, out)
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage: briefgen COMMAND"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined"},
		{[]string{"build", "-h"}, 0, "Usage: briefgen build"},
		{[]string{"ingest", "-h"}, 0, "-published date"},
		{[]string{"serve", "-h"}, 0, "-addr address"},
		{[]string{"check", "-h"}, 0, "Usage: briefgen check"},
		{[]string{"help", "build"}, 0, "-watch"},
		{[]string{"version"}, 0, "briefgen dev"},
		{[]string{"ingest", "--published", "May 5"}, 2, "want YYYY-MM-DD"},
		{[]string{"serve", "--addr", "nonsense"}, 2, "listen address"},
	}
	for _, tt := range tests {
		code, out, errOut := briefgen(t, tt.args...)
		if code != tt.code || !strings.Contains(out+errOut, tt.want) {
			t.Errorf("briefgen %v: exit %d, want %d and %q in:\n%s%s", tt.args, code, tt.code, tt.want, out, errOut)
		}
	}
}
