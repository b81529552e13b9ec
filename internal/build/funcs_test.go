package build

import (
	"net/url"
	"reflect"
	"testing"

	"briefgen/internal/render"
)

func TestFirstLast(t *testing.T) {
	xs := []string{"a", "b", "c", "d"}
	for _, c := range []struct {
		fn   func(int, any) (any, error)
		name string
		n    int
		list any
		want any
	}{
		{first, "first", 2, xs, []string{"a", "b"}},
		{first, "first", 9, xs, xs},
		{first, "first", -1, xs, []string{}},
		{last, "last", 3, xs, []string{"b", "c", "d"}},
		{last, "last", 9, xs, xs},
		{last, "last", 0, xs, []string{}},
		{first, "first", 2, nil, nil},
		{last, "last", 2, []int(nil), []int(nil)},
	} {
		got, err := c.fn(c.n, c.list)
		if err != nil {
			t.Errorf("%s %d %v: %v", c.name, c.n, c.list, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %d %v = %#v, want %#v", c.name, c.n, c.list, got, c.want)
		}
	}
	if _, err := first(1, "not a slice"); err == nil {
		t.Error("first of a string: no error")
	}
}

// TestRelativeLinks checks that links made from the cached climb of a page
// are those render.Rel makes, from pages at every depth, and stay right
// when the renderer moves on to another page.
func TestRelativeLinks(t *testing.T) {
	base, err := url.Parse("/sub/")
	if err != nil {
		t.Fatal(err)
	}
	r := &renderer{b: &run{base: base, relative: true}}
	targets := []string{"", "briefs/", "briefs/x/", "feed.xml", "actors/a/#p2", "#faq", "assets/style.css"}
	for _, from := range []string{"", "briefs/x/", "404.html", "briefs/page/2/", "about/", "briefs/x/"} {
		r.page = &Page{URL: from}
		for _, to := range targets {
			want := render.Rel(from, to)
			if to == "actors/a/#p2" {
				want = render.Rel(from, "actors/a/") + "#p2"
			}
			if to == "#faq" {
				want = "#faq"
			}
			if got := r.link(to); got != want {
				t.Errorf("link %q from %q = %q, want %q", to, from, got, want)
			}
		}
	}
	for _, c := range []struct{ from, to, want string }{
		{"", "", "index.html"},
		{"", "feed.xml", "feed.xml"},
		{"404.html", "briefs/", "briefs/index.html"},
		{"briefs/x/", "actors/a/", "../../actors/a/index.html"},
		{"briefs/page/2/", "", "../../../index.html"},
	} {
		r.page = &Page{URL: c.from}
		if got := r.link(c.to); got != c.want {
			t.Errorf("link %q from %q = %q, want %q", c.to, c.from, got, c.want)
		}
	}
	r.b.relative = false
	if got := r.link("briefs/x/"); got != "/sub/briefs/x/" {
		t.Errorf("absolute link = %q", got)
	}
}
