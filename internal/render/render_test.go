package render

import (
	"html/template"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var testFuncs = template.FuncMap{
	Cached:     func(string, any) (template.HTML, error) { return "", nil },
	CachedEach: func(string, any) (template.HTML, error) { return "", nil },
}

func TestFilesFollowCachedPartials(t *testing.T) {
	fsys := fstest.MapFS{
		"_base.html":          {Data: []byte(`<main>{{block "main" .}}{{end}}</main>`)},
		"partials/card.html":  {Data: []byte(`{{define "card"}}<p>{{template "time" .}}</p>{{end}}`)},
		"partials/time.html":  {Data: []byte(`{{define "time"}}<time>{{.}}</time>{{end}}`)},
		"partials/other.html": {Data: []byte(`{{define "other"}}x{{end}}`)},
		"list.html":           {Data: []byte(`{{template "_base.html" .}}{{define "main"}}{{range .}}{{with .}}{{cached "card" .}}{{end}}{{end}}{{end}}`)},
		"plain.html":          {Data: []byte(`{{template "_base.html" .}}{{define "main"}}{{(cached "other" .)}}{{end}}`)},
		"each.html":           {Data: []byte(`{{template "_base.html" .}}{{define "main"}}<ul>{{cachedEach "card" .}}</ul>{{end}}`)},
	}
	ts, err := Parse(fsys, testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"list.html", []string{"_base.html", "list.html", "partials/card.html", "partials/time.html"}},
		{"plain.html", []string{"_base.html", "partials/other.html", "plain.html"}},
		{"each.html", []string{"_base.html", "each.html", "partials/card.html", "partials/time.html"}},
		{"card", []string{"partials/card.html", "partials/time.html"}},
	} {
		if got := ts.Files(tt.name); !slices.Equal(got, tt.want) {
			t.Errorf("Files(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCachedNeedsAQuotedName(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"{{template \"_base.html\" .}}\n{{define \"main\"}}\n{{cached .Name .}}{{end}}", "template: list.html:3: cached:"},
		{"{{template \"_base.html\" .}}\n{{define \"main\"}}\n\n{{cachedEach . .}}{{end}}", "template: list.html:4: cachedEach:"},
	} {
		fsys := fstest.MapFS{
			"_base.html": {Data: []byte(`{{block "main" .}}{{end}}`)},
			"list.html":  {Data: []byte(tt.text)},
		}
		_, err := Parse(fsys, testFuncs)
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "in quotes") {
			t.Errorf("err = %v, want %q and what to write", err, tt.want)
		}
	}
}

func TestExecuteInRendersAPartialAlone(t *testing.T) {
	fsys := fstest.MapFS{
		"_base.html":         {Data: []byte(`{{block "main" .}}{{end}}`)},
		"partials/card.html": {Data: []byte(`{{define "card"}}<a href="/{{.}}">{{.}}</a>{{end}}`)},
		"list.html":          {Data: []byte(`{{template "_base.html" .}}{{define "main"}}<ul><li>{{template "card" .}}</li></ul>{{end}}`)},
	}
	ts, err := Parse(fsys, testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	w, err := ts.NewWorker(testFuncs)
	if err != nil {
		t.Fatal(err)
	}
	page, err := w.Execute("list.html", "a b<")
	if err != nil {
		t.Fatal(err)
	}
	card, err := w.ExecuteIn("list.html", "card", "a b<")
	if err != nil {
		t.Fatal(err)
	}
	if want := "<ul><li>" + string(card) + "</li></ul>"; string(page) != want {
		t.Errorf("page %q, want the partial %q inside it", page, card)
	}
}
