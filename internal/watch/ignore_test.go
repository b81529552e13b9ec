package watch

import "testing"

func TestIgnoredName(t *testing.T) {
	cases := []struct {
		name string
		want bool
	}{
		{"index.md", false},
		{"base.tmpl", false},
		{"style.css", false},
		{".htaccess", false},
		{"49130", false},
		{"#tag", false},
		{"swp", false},
		{".a.md.swp", true},
		{".a.md.swx", true},
		{".a.md.swo", true},
		{"a.md~", true},
		{"4913", true},
		{".#a.md", true},
		{"#a.md#", true},
		{".DS_Store", true},
		{"a.tmp", true},
		{"x.md.tmp123", true},
		{"x.md___jb_tmp___", true},
		{"x.md___jb_old___", true},
		{".goutputstream-AB12CD", true},
		{".git", true},
	}
	for _, tc := range cases {
		if got := ignoredName(tc.name); got != tc.want {
			t.Errorf("ignoredName(%q) = %v; want %v", tc.name, got, tc.want)
		}
	}
}

func TestIsUnder(t *testing.T) {
	cases := []struct {
		path, dir string
		want      bool
	}{
		{"/a/b", "/a", true},
		{"/a", "/a", true},
		{"/ab", "/a", false},
		{"/a", "/a/b", false},
		{"/a", "/", true},
	}
	for _, tc := range cases {
		if got := isUnder(tc.path, tc.dir); got != tc.want {
			t.Errorf("isUnder(%q, %q) = %v; want %v", tc.path, tc.dir, got, tc.want)
		}
	}
}
