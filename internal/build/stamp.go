package build

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"net/url"
	"strings"

	"briefgen/internal/content"
	"briefgen/internal/site"
)

// sum is a 128-bit digest. Sums are only compared within one process (a
// Builder's stamps never leave it), so they are keyed with seeds chosen at
// start-up and made with the fast maphash rather than a cryptographic hash.
type sum [2]uint64

var sumSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// sumOf returns the sum of data.
func sumOf(data []byte) sum {
	return sum{maphash.Bytes(sumSeeds[0], data), maphash.Bytes(sumSeeds[1], data)}
}

// sumOfStrings returns the sum of parts, each ended by a zero byte so that
// ("ab", "c") and ("a", "bc") differ.
func sumOfStrings(parts ...string) sum {
	var h [2]maphash.Hash
	for i := range h {
		h[i].SetSeed(sumSeeds[i])
		for _, p := range parts {
			h[i].WriteString(p)
			h[i].WriteByte(0)
		}
	}
	return sum{h[0].Sum64(), h[1].Sum64()}
}

// add folds b into a where order does not matter, as for the members of a
// set: each member's sum already names the member.
func (a *sum) add(b sum) {
	a[0] += b[0]
	a[1] += b[1]
}

// appendSum appends the bytes of s to buf.
func appendSum(buf []byte, s sum) []byte {
	return binary.LittleEndian.AppendUint64(binary.LittleEndian.AppendUint64(buf, s[0]), s[1])
}

// wildcards maps each folder of markdown content to the key standing for
// any of its files.
var wildcards = []struct{ dir, key string }{
	{content.BriefsDir + "/", anyBrief}, {content.ActorsDir + "/", anyActor}, {content.ThemesDir + "/", anyTheme},
	{content.TimelineDir + "/", anyEntry}, {content.PagesDir + "/", anyPage},
}

// The sums of dependency keys come in two parts: fileDigests, one per
// content file and a wildcard per folder, which follow from the content
// alone; and siteDigests, the keys derived from the site model (membership,
// page titles, the newest brief, the briefs' dates) that pages showing only
// a summary of the content depend on instead of all of it, with the site
// settings, template files and assets.

// fileDigests returns the sums of the keys of content files and of their
// wildcards.
func fileDigests(c *content.Content) map[string]sum {
	d := make(map[string]sum, len(c.Files)+32)
	wild := make([]sum, len(wildcards))
	for f, dg := range c.Files {
		for i, w := range wildcards {
			if strings.HasPrefix(f, w.dir) {
				v := sumOfStrings(f, dg)
				d[f] = v
				wild[i].add(v)
				break
			}
		}
	}
	for i, w := range wildcards {
		d[w.key] = wild[i]
	}
	return d
}

// siteDigests adds to the file digests d the keys derived from the site
// model, the site settings, templates and assets.
func (b *Builder) siteDigests(d map[string]sum, c *content.Content, s *site.Site, base *url.URL) map[string]sum {
	d[keyMembers] = members(s)
	d[keyPageTitles] = pageTitles(s)
	d[keyLatest] = latest(s)
	d[keyBriefDates] = briefDates(s)
	d[keySite] = sumOfStrings(keySite, c.Files[content.SiteFile], base.String(), fmt.Sprint(b.opts.Relative, b.opts.Minify, b.opts.Dev, b.opts.Drafts))
	for f, dg := range b.tmplFiles {
		d[prefixTmpl+f] = sumOfStrings(prefixTmpl+f, dg)
	}
	var assets []string
	for _, name := range sortedKeys(b.assets) {
		assets = append(assets, name, b.assets[name].digest)
	}
	d[prefixAssets] = sumOfStrings(assets...)
	return d
}

// members is the sum of which briefs, actors, themes, entries and pages
// the site has: drafts count only when they are built.
func members(s *site.Site) sum {
	var m sum
	for _, b := range s.Briefs {
		m.add(sumOfStrings(b.File))
	}
	for _, a := range s.Actors {
		m.add(sumOfStrings(a.File))
	}
	for _, t := range s.Themes {
		m.add(sumOfStrings(t.File))
	}
	for _, e := range s.Timeline {
		m.add(sumOfStrings(e.File))
	}
	for _, p := range s.Content.Pages {
		m.add(sumOfStrings(p.File))
	}
	return m
}

// pageTitles is the sum of the standalone pages' slugs and titles, which
// every page's navigation shows.
func pageTitles(s *site.Site) sum {
	parts := []string{keyPageTitles}
	for _, p := range s.Content.Pages {
		parts = append(parts, p.Slug, p.Title)
	}
	return sumOfStrings(parts...)
}

// latest is the sum of the newest brief's slug and date, which the
// timeline page marks.
func latest(s *site.Site) sum {
	if len(s.Briefs) == 0 {
		return sumOfStrings(keyLatest)
	}
	b := s.Briefs[0]
	return sumOfStrings(keyLatest, b.Slug, b.Date.String())
}

// briefDates is the sum of every brief's slug and date, which the sitemap
// shows.
func briefDates(s *site.Site) sum {
	var d sum
	var buf []byte
	for _, b := range s.Briefs {
		buf = append(append(buf[:0], b.File...), 0, byte(b.Date.Precision))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(b.Date.Start.Unix()))
		buf = binary.LittleEndian.AppendUint64(buf, uint64(b.Date.End.Unix()))
		d.add(sumOf(buf))
	}
	return d
}

// stamp is the sum of everything page p shows: its own fields, the sums
// of the keys it depends on, and tmpl, the sum of what its template shows
// on every page. buf is scratch space, returned for reuse.
func stamp(p *Page, dig map[string]sum, tmpl sum, buf []byte) (sum, []byte) {
	buf = buf[:0]
	for _, s := range [...]string{p.Kind, p.URL, p.Template, p.Title, p.Description} {
		buf = append(append(buf, s...), 0)
	}
	buf = appendSum(buf, tmpl)
	buf = appendDeps(buf, dig, p.Deps)
	for _, v := range p.sums {
		buf = appendSum(buf, v)
	}
	return sumOf(buf), buf
}

// fragmentKey is the sum of a piece of output named by tag that shows the
// given keys.
func fragmentKey(tag string, dig map[string]sum, deps ...string) sum {
	var arr [256]byte
	buf := append(append(arr[:0], tag...), 0)
	return sumOf(appendDeps(buf, dig, deps))
}

// appendDeps appends the sums of keys to buf.
func appendDeps(buf []byte, dig map[string]sum, keys []string) []byte {
	for _, k := range keys {
		buf = appendKey(buf, dig, k)
	}
	return buf
}

// appendKey appends the sum of key k to buf. A key without a sum (such as a
// count) stands for itself.
func appendKey(buf []byte, dig map[string]sum, k string) []byte {
	v, ok := dig[k]
	if !ok {
		v = sumOfStrings(k)
	}
	return appendSum(buf, v)
}
