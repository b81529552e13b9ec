package ingest

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefgen/internal/entities"
	"briefgen/internal/markdown"
)

func TestJSONShape(t *testing.T) {
	r, err := Extract("content/sources/nothing-known.txt", []byte("Just one short paragraph of text without any metadata at all."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"actors", "byline", "dateline", "dates", "figures", "outlet", "published", "qa", "quotes", "slug", "source", "themes", "title"}
	if !slices.Equal(keys, want) {
		t.Fatalf("keys = %q, want %q", keys, want)
	}
	for _, k := range []string{"outlet", "published", "byline", "dateline"} {
		if string(m[k]) != "null" {
			t.Errorf("%s = %s, want null", k, m[k])
		}
	}
	for _, k := range []string{"actors", "themes", "quotes", "dates", "figures", "qa"} {
		if string(m[k]) == "null" {
			t.Errorf("%s is null, want a list", k)
		}
	}
	if string(m["slug"]) != `"nothing-known"` || string(m["source"]) != `"content/sources/nothing-known.txt"` {
		t.Errorf("slug %s source %s", m["slug"], m["source"])
	}
	if bytes.Contains(data, []byte("\n")) {
		t.Error("JSON spans lines")
	}

	// Nested objects: exact keys, nulls for unknown values.
	full, err := json.Marshal(testResult())
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`{"name":"Coast Growers","slug":"coast-growers","kind":"","role":null,"mentions":["Coast Growers"]}`,
		`{"speaker":null,"text":"Nobody knows who said this one"}`,
		`{"speaker":"Ada Nkosi","text":"We will protect our farmers first"}`,
		`{"text":"one day","resolved":null,"event":null}`,
		`{"text":"3 ports","about":null}`,
		`{"question":"Who pays?","answer":"Importers."}`,
		`"themes":[{"name":"Trade","slug":"trade"}]`,
	} {
		if !bytes.Contains(full, []byte(want)) {
			t.Errorf("JSON lacks %s:\n%s", want, full)
		}
	}
}

// TestDeterministic extracts and renders every test article twice.
func TestDeterministic(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	more, _ := filepath.Glob("testdata/*.txt")
	for _, p := range append(paths, more...) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var outs [2][]byte
		for i := range outs {
			r, err := Extract(p, raw, Options{Themes: []Theme{{Slug: "t", Name: "T", Keywords: []string{"minister", "talks"}}}})
			if err != nil {
				t.Fatal(err)
			}
			j, _ := json.Marshal(r)
			b, err := renderBrief(r)
			if err != nil {
				t.Fatal(err)
			}
			outs[i] = append(j, b...)
		}
		if !bytes.Equal(outs[0], outs[1]) {
			t.Errorf("%s: two runs differ", p)
		}
	}
}

// TestAnnotate checks the body markup against mentions placed by hand: each
// mention is wrapped where it stands as whole words, the markdown parses
// back to the same text, and markup characters stay literal.
func TestAnnotate(t *testing.T) {
	raw := "Port deal signed\n\n" +
		"Ana Lima met Ben Ortiz in Lisbon, and Lima said [Ortiz] was *ready* for the_deal.\n\n" +
		"Key points\n\n" +
		"- Ortiz signs first\n" +
		"- Annual review by Lima!\n\n" +
		"Wow!Lima 1. agreed with <b>Ortiz</b> & co; AT&amp;T stayed out.\n"
	d := parse([]byte(raw))
	ents := []entities.Entity{
		{Name: "Ana Lima", Slug: "ana-lima", Kind: "person", Mentions: mentionsOf(d.plain, "Ana Lima", "Lima")},
		{Name: "Ben Ortiz", Slug: "ben-ortiz", Kind: "person", Mentions: mentionsOf(d.plain, "Ben Ortiz", "Ortiz")},
		{Name: "Ann", Slug: "ann", Kind: "person", Mentions: mentionsOf(d.plain, "Ann")}, // only inside "Annual"
	}
	body := d.markdown(ents)
	for _, want := range []string{
		"[[Ana Lima]] met [[Ben Ortiz]] in Lisbon, and [[Lima]] said \\[[[Ortiz]]\\] was \\*ready\\* for the_deal.",
		"## Key points\n\n- [[Ortiz]] signs first\n- Annual review by [[Lima]]!",
		"Wow\\![[Lima]] 1. agreed with \\<b>[[Ortiz]]\\</b> & co; AT\\&amp;T stayed out.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "[[Ann]]") {
		t.Error("annotated inside a word")
	}
	doc := markdown.New().Parse([]byte(body))
	var got []string
	for _, a := range doc.Annotations {
		got = append(got, a.Text)
	}
	if want := []string{"Ana Lima", "Ben Ortiz", "Lima", "Ortiz", "Ortiz", "Lima", "Lima", "Ortiz"}; !slices.Equal(got, want) {
		t.Errorf("annotations = %q, want %q", got, want)
	}
	html, err := markdown.New().Convert([]byte(body), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[<span", "</span>] was *ready* for the_deal.", "&lt;b&gt;", "AT&amp;amp;T", "<li>Annual review by"} {
		if !strings.Contains(string(html.HTML), want) {
			t.Errorf("HTML lacks %q:\n%s", want, html.HTML)
		}
	}
}

// mentionsOf finds each surface as whole words in text, longest first,
// without overlaps, as the entity finder would report them.
func mentionsOf(text string, surfaces ...string) []entities.Mention {
	var out []entities.Mention
	taken := make([]bool, len(text))
	for _, s := range surfaces {
		for off := 0; ; {
			i := strings.Index(text[off:], s)
			if i < 0 {
				break
			}
			i += off
			off = i + len(s)
			if taken[i] {
				continue
			}
			for j := i; j < i+len(s); j++ {
				taken[j] = true
			}
			out = append(out, entities.Mention{Start: i, End: i + len(s), Surface: s})
		}
	}
	return out
}

func TestOddInputs(t *testing.T) {
	for name, raw := range map[string]string{
		"empty":        "",
		"blank":        "\n\n   \n\t\n",
		"only noise":   "Menu\nShare\nAdvertisement\nNext Article\n",
		"binary":       "\x00\x01\xff\xfe GIF89a \x00",
		"crlf":         "Headline here today\r\n\r\nA body paragraph that ends properly.\r\n",
		"unclosed":     "Title of the piece\n\n“An open quote that never closes\n\nand goes on.\n",
		"only bullets": "• one\n• two\n",
		"lone heading": "Section",
	} {
		t.Run(name, func(t *testing.T) {
			r, err := Extract("x.txt", []byte(raw), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := json.Marshal(r); err != nil {
				t.Error(err)
			}
			data, err := renderBrief(r)
			if err != nil {
				t.Fatal(err)
			}
			if p, err := splitBrief(data); err != nil || canonical(p.values["title"]) == "" || canonical(p.values["title"]) == "=\"\"\n" {
				t.Errorf("brief has no title: %s", data)
			}
		})
	}
}
