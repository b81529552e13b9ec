package build

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"strconv"
	"strings"

	"briefgen/internal/render"
	"briefgen/internal/site"
)

// cached renders partial name for item as {{template name item}} would in
// HTML text, and keeps the output between builds under the sum of what the
// partial shows of item (see cardOf), so that a page listing many items
// costs only the items that changed. Items of other kinds, and partials
// that cached partials call, are rendered every time.
//
// When the build minifies, a card is kept minified and the page gets a
// marker in its place, so that minifying the page does not minify every
// card again (see cardSplice).
func (r *renderer) cached(name string, item any) (template.HTML, error) {
	f, err := r.card(name, item)
	if err != nil || !r.splicing() {
		return template.HTML(f.data), err
	}
	return r.cards.mark(f), nil
}

// cachedEach is cached for every item of the slice list, the cards one
// after the other: one call of a template function for a whole list.
func (r *renderer) cachedEach(name string, list any) (template.HTML, error) {
	v, err := sliceValue(render.CachedEach, list)
	if err != nil || !v.IsValid() {
		return "", err
	}
	fs := make([]fragment, v.Len())
	size := 0
	for i := range fs {
		if fs[i], err = r.card(name, v.Index(i).Interface()); err != nil {
			return "", err
		}
		size += len(fs[i].data)
	}
	var b strings.Builder
	b.Grow(size)
	all := fragment{}
	for _, f := range fs {
		b.WriteString(f.data)
		all.raw += f.raw
	}
	all.data = b.String()
	if !r.splicing() {
		return template.HTML(all.data), nil
	}
	return r.cards.mark(all), nil
}

// splicing reports whether the cards of the page being rendered are kept
// minified and spliced in (see cardSplice).
func (r *renderer) splicing() bool { return r.b.minify != nil && r.cards.on && r.cards.depth == 0 }

// card returns partial name rendered for item, from the cache where it is
// kept (see cached): minified when the page splices its cards in.
func (r *renderer) card(name string, item any) (fragment, error) {
	climb := ""
	if r.b.relative {
		climb = r.up.climb(r.page.URL)
	}
	var arr [256]byte
	buf := append(append(append(arr[:0], name...), 0), climb...)
	buf = appendSum(append(buf, 0), r.b.theme)
	buf = appendKey(buf, r.b.digests, keySite)
	if r.b.custom[name] {
		buf = appendDeps(buf, r.b.digests, anyContent)
	}
	id, buf := r.cardOf(name, item, buf)
	exec := func() ([]byte, error) {
		r.cards.depth++
		defer func() { r.cards.depth-- }()
		return r.tw.ExecuteIn(r.page.Template, name, item)
	}
	if id == "" || r.b.minify != nil && !r.splicing() {
		html, err := exec()
		return fragment{data: string(html), raw: len(html)}, err
	}
	return r.b.fragments.get(fragmentID{"card", name, id, climb}, sumOf(buf), func() ([]byte, int, error) {
		html, err := exec()
		if err != nil {
			return nil, 0, err
		}
		small, err := r.b.minify.quiet(".html", html)
		return small, len(html), err
	})
}

// cardOf returns the identity of item, for cached partial name, and
// appends to buf what the default partials show of it; "" for an item of
// another kind.
func (r *renderer) cardOf(name string, item any, buf []byte) (string, []byte) {
	dig := r.b.digests
	switch x := item.(type) {
	case *site.Brief:
		if k := r.b.graph.briefs[x]; k != nil {
			return x.File, appendSum(buf, k.card)
		}
	case *site.Actor:
		return x.File, append(append(append(appendKey(buf, dig, x.File), x.BriefsLabel...), 0), x.QuotesLabel...)
	case *site.Entry:
		return x.File, append(appendKey(buf, dig, x.File), x.BriefsLabel...)
	case *site.Passage:
		return x.Brief.File + "#" + x.ID, appendKey(buf, dig, x.Brief.File)
	case *site.Site:
		// Its settings, what it has and its standalone pages.
		return "site", appendDeps(buf, dig, []string{keyMembers, keyPageTitles})
	case *View:
		// The site's settings and standalone pages, and the section the page
		// is in: its kind, but each standalone page is one of its own. A
		// site's own partial sees the page itself.
		section := x.Page.Kind
		if section == "page" || r.b.custom[name] {
			section += " " + x.Page.URL
		}
		return "view " + section, appendKey(buf, dig, keyPageTitles)
	}
	return "", buf
}

// cardSplice collects the minified cards of a page being rendered for a
// minified build. cached leaves a marker, an empty span, in each card's
// place; the page is minified with the markers, which the minifier treats as
// the inline elements they are, and each marker is then replaced by its
// card. A marker that html/template escaped, because the card stood
// somewhere other than in HTML text, is not found: the page is then
// rendered again with its cards in place and minified whole.
type cardSplice struct {
	on    bool       // the page being rendered collects cards
	depth int        // cached partials being rendered
	cards []fragment // the page's cards, in the order of their markers
}

// cardMarker starts every marker; its random part keeps content from
// holding one.
var cardMarker = func() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return `<span data-briefgen-card="` + hex.EncodeToString(b[:]) + `-`
}()

const cardMarkerEnd = `"></span>`

// start readies c for a page; on says whether it collects cards.
func (c *cardSplice) start(on bool) {
	c.on, c.depth, c.cards = on, 0, c.cards[:0]
}

// mark records card f and returns its marker.
func (c *cardSplice) mark(f fragment) template.HTML {
	c.cards = append(c.cards, f)
	return template.HTML(cardMarker + strconv.Itoa(len(c.cards)-1) + cardMarkerEnd)
}

// splice returns the minified page small with its markers replaced by the
// cards, and the length the page would have had unminified, whose markers
// made up marked bytes of page; false if a marker is missing.
func (c *cardSplice) splice(small []byte, page int) ([]byte, int, bool) {
	size, raw := len(small), page
	for i, f := range c.cards {
		size += len(f.data)
		raw += f.raw - len(cardMarker) - len(strconv.Itoa(i)) - len(cardMarkerEnd)
	}
	out := make([]byte, 0, size)
	rest := small
	for i, f := range c.cards {
		j := bytes.Index(rest, []byte(cardMarker))
		if j < 0 {
			return nil, 0, false
		}
		n := []byte(strconv.Itoa(i) + cardMarkerEnd)
		if !bytes.HasPrefix(rest[j+len(cardMarker):], n) {
			return nil, 0, false
		}
		out = append(append(out, rest[:j]...), f.data...)
		rest = rest[j+len(cardMarker)+len(n):]
	}
	if bytes.Contains(rest, []byte(cardMarker)) {
		return nil, 0, false
	}
	return append(out, rest...), raw, true
}
