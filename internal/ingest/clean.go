package ingest

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize returns raw as valid UTF-8 with one kind of line break, no byte
// order mark, no control or zero-width characters, and every kind of space
// turned into a plain one.
func normalize(raw []byte) string {
	s := string(raw)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.TrimPrefix(s, "\ufeff")
	if clean(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\r', r == '\u2028', r == '\u2029', r == '\u0085':
			return '\n'
		case r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u3000' || r >= '\u2000' && r <= '\u200a':
			return ' '
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			return -1
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			return -1
		}
		return r
	}, s)
}

// clean reports whether s needs no normalizing: printable ASCII, line
// feeds and letters and punctuation beyond ASCII other than spaces,
// controls and invisible characters.
func clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x80 {
			if c < 0x20 && c != '\n' || c == 0x7f || c == '\r' {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0xa1 || r >= 0x2000 && r <= 0x200f || r >= 0x2028 && r <= 0x202f || r == 0x2060 || r == 0x3000 || r == 0xfeff || r == 0xad {
			return false
		}
		i += n - 1
	}
	return true
}

// splitLines splits s into lines, each trimmed and with runs of spaces
// collapsed; blank lines are "".
func splitLines(s string) []string {
	raw := strings.Split(s, "\n")
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = collapseSpaces(l)
	}
	return out
}

// collapseSpaces trims s and collapses runs of spaces to one.
func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !doubleSpace(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// doubleSpace reports whether s has two spaces in a row; a byte loop, as
// spaces are too frequent for a search to skip ahead.
func doubleSpace(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == ' ' && s[i-1] == ' ' {
			return true
		}
	}
	return false
}

// noise is the result of looking at one line as web-page boilerplate.
type noise int

const (
	notNoise noise = iota
	// weakNoise is boilerplate that may sit between paragraphs (share
	// buttons, "Advertisement", "Read more: …").
	weakNoise
	// endNoise is boilerplate that marks the end of an article: what
	// follows is navigation (previous/next article, ratings, comments).
	endNoise
)

// Boilerplate lines, folded to lower case without edge punctuation.
var (
	noiseExact = setOf(
		// navigation and page chrome
		"menu", "home", "search", "close", "open menu", "close menu", "toggle navigation",
		"skip to content", "skip to main content", "back to top", "main menu", "navigation",
		"log in", "login", "sign in", "register", "my account", "subscribe", "subscribe now",
		"newsletter", "newsletters", "sign up", "top story", "top stories", "breaking",
		"breaking news", "live", "video", "videos", "watch", "listen", "audio", "photos",
		"gallery", "photo gallery", "loading", "more", "latest", "trending", "trending now",
		"popular", "just in", "world", "opinion", "sections", "all sections", "print",
		"print this", "print article", "email", "e-mail", "copy link", "link copied",
		"accessibility help", "news", "sport", "sports", "weather", "business", "politics", "culture",
		"travel", "lifestyle", "entertainment", "money", "tech", "technology", "science", "health",
		"jobs", "property", "announcements", "puzzles", "podcasts", "world news", "local news",
		"press release", "press releases", "news release", "news releases", "for immediate release",
		// sharing and engagement
		"share", "share this", "share this article", "share article", "share this story",
		"share story", "share on", "facebook", "twitter", "x", "linkedin", "whatsapp",
		"telegram", "reddit", "pinterest", "bluesky", "flipboard", "threads", "instagram", "youtube", "messenger",
		"tweet", "pin", "like", "follow", "follow us", "copy link copied", "link copied to clipboard",
		"save", "save article", "bookmark", "gift article", "listen to this article",
		"comment", "reactions", "key events", "show key events only", "reply", "report", "report comment",
		"sort by", "newest", "oldest", "load more", "show more", "show more comments",
		// advertising
		"advertisement", "advertising", "ad", "sponsored", "sponsored content",
		"continue reading", "continue reading below", "story continues below",
		"story continues below advertisement", "article continues below",
		"article continues below advertisement", "scroll to continue",
		"scroll to continue with content", "read more", "read more below", "read also",
		"see also", "also read", "related", "related content", "tags", "topics",
		// cookie banners
		"accept", "accept all", "accept cookies", "reject all", "manage cookies",
		"cookie settings", "cookie policy", "privacy policy", "terms of use", "i agree",
		"we value your privacy", "your privacy", "your privacy choices", "privacy settings",
		"manage preferences", "manage consent", "show purposes", "cookie preferences", "consent",
		"all rights reserved",
	)
	// noiseEnd marks the end of the article.
	noiseEnd = setOf(
		"previous article", "next article", "previous post", "next post", "previous story",
		"next story", "previous", "next", "prev", "latest news", "related articles",
		"related stories", "related posts", "related news", "related coverage",
		"you may also like", "you might also like", "recommended", "recommended for you",
		"recommended stories", "more stories", "more from", "more news", "read next",
		"up next", "most read", "most popular", "most viewed", "editor's picks",
		"editors' picks", "don't miss", "about the author", "how useful was this article",
		"how useful was this post", "rate this article", "was this article helpful",
		"related topics", "more on this story", "comments", "show comments", "view comments",
		"join the conversation", "leave a comment", "leave a reply", "add comment", "add a comment",
		"media contact", "media contacts", "press contact", "press contacts", "media enquiries",
		"media inquiries", "contact", "contacts", "for more information", "notes to editors",
		"notes to editor",
	)
	// noisePrefix are beginnings of boilerplate lines of any length.
	noisePrefix = []string{
		"click on a star", "average rating", "vote count", "no votes so far",
		"be the first to rate", "we are sorry that this", "let us improve this",
		"tell us how we can improve", "as you found this post useful",
		"follow us on", "follow us:", "subscribe to", "subscribe for", "sign up for",
		"sign up to", "sign up now", "share on ", "share via", "share this on",
		"read more:", "read more at", "read also:", "also read:", "see also:",
		"related:", "related reading", "tags:", "topics:", "filed under", "categories:",
		"click here", "this website uses cookies", "we use cookies", "this site uses cookies",
		"by continuing to use", "by using this site", "download our app", "get the app",
		"watch:", "watch live", "listen:", "advertisement ", "story continues below",
		"continue reading", "to continue reading", "already a subscriber",
		"you have reached your", "support our journalism", "support independent journalism",
		"suggested topics", "save articles", "add to your saved", "get the latest", "sign in to",
		"please turn on javascript", "please enable javascript", "javascript is disabled", "enable javascript",
		"you need to enable javascript", "our standards:", "this article is more than",
		"sort by ", "we use your sign-up",
	}
	// noiseInside mark short lines of link debris wherever they occur.
	noiseInside = []string{"opens new tab", "opens in new tab", "open in new window", "opens in a new window"}
	// noiseEndPrefix are beginnings of lines that end the article.
	noiseEndPrefix = []string{"more on ", "more from ", "related articles", "related stories", "latest from "}

	readTime = regexp.MustCompile(`^(?:\d+|one|two|three|four|five|ten)\s*(?:-\s*)?(?:min|mins|minute|minutes|hr|hrs|hour|hours|day|days|sec|secs|seconds)\b(?:\s+(?:read|ago|listen))?$`)
)

// noisePrefixes is noisePrefix indexed for match.
var noisePrefixes = newPrefixSet(noisePrefix)

// prefixSet is a list of beginnings indexed by their first byte, so that
// testing a line tries only the few that could match.
type prefixSet [256][]string

func newPrefixSet(ps []string) *prefixSet {
	var t prefixSet
	for _, p := range ps {
		t[p[0]] = append(t[p[0]], p)
	}
	return &t
}

// match reports whether s begins with one of the set's beginnings.
func (t *prefixSet) match(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range t[s[0]] {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// matchFold is match with the ASCII letters of s taken in lower case,
// for a set of lower-case beginnings; it does not copy s.
func (t *prefixSet) matchFold(s string) bool {
	if s == "" {
		return false
	}
	for _, p := range t[lowerByte(s[0])] {
		if len(s) >= len(p) && equalLower(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// equalLower reports whether s equals the lower-case p once the ASCII
// letters of s are lowered.
func equalLower(s, p string) bool {
	for i := 0; i < len(p); i++ {
		if lowerByte(s[i]) != p[i] {
			return false
		}
	}
	return true
}

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// noiseKey is s in lower case without surrounding punctuation, arrows and
// counters ("Share (12)", "Comments »").
func noiseKey(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) || unicode.IsDigit(r)
	})
	return strings.ReplaceAll(s, "’", "'")
}

// lineNoise says whether a line is web-page boilerplate.
func lineNoise(s string) noise {
	if s == "" {
		return notNoise
	}
	if !hasLetter(s) {
		return weakNoise // separators: "---", "• • •", "***", a lone number
	}
	if wordCount(s) > 16 {
		// Long lines are boilerplate only by how they begin, or when
		// they ask for consent to cookies.
		if noisePrefixes.matchFold(s) {
			return weakNoise
		}
		if consentBanner(s) {
			return weakNoise
		}
		return notNoise
	}
	k := noiseKey(s)
	if noiseEnd[k] {
		return endNoise
	}
	if noiseExact[k] {
		return weakNoise
	}
	words := wordCount(k)
	for _, p := range noiseEndPrefix {
		if strings.HasPrefix(k, p) && words <= 8 && !endsSentence(s) {
			return endNoise
		}
	}
	if noisePrefixes.match(k) {
		return weakNoise
	}
	if words <= 12 && strings.Contains(k, "cookie") {
		return weakNoise
	}
	for _, p := range noiseInside {
		if strings.Contains(k, p) {
			return weakNoise
		}
	}
	if words <= 4 && readTime.MatchString(strings.ToLower(s)) {
		return weakNoise
	}
	if words <= 8 && glued(s) || words <= 40 && navRow(s) {
		return weakNoise
	}
	if words <= 20 && linkPrompt(s) || words <= 12 && (newsletterPrompt(k) || labelRow(k)) {
		return weakNoise
	}
	return notNoise
}

// newsletterPrompt reports whether k, a folded short line, invites the
// reader to a newsletter: "Get our morning briefing newsletter".
func newsletterPrompt(k string) bool {
	if !strings.Contains(k, "newsletter") && !strings.Contains(k, "email") {
		return false
	}
	first, _, _ := strings.Cut(k, " ")
	switch first {
	case "get", "sign", "subscribe", "join", "receive", "try", "want":
		return true
	}
	return false
}

// labelRow reports whether k, a folded short line, is share buttons or
// menu labels run into one line: "Share this with Email Facebook X".
func labelRow(k string) bool {
	words := strings.Fields(k)
	if len(words) < 3 {
		return false
	}
	labels := 0
	for _, w := range words {
		switch {
		case noiseExact[w]:
			labels++
		case smallWords[w] || w == "this" || w == "with":
		default:
			return false
		}
	}
	return labels >= 3
}

// consentBanner reports whether a long line is a cookie or sign-up
// consent notice: the site speaking of itself ("we", "our partners") about
// cookies, consent or personalised content.
func consentBanner(s string) bool {
	if wordCount(s) > 80 || !strings.HasPrefix(s, "We ") && !strings.Contains(s, " our ") {
		return false
	}
	k := strings.ToLower(s)
	if !strings.Contains(k, "cookie") && !strings.Contains(k, "sign-up") && !strings.Contains(k, "signing up") {
		return false
	}
	for _, w := range []string{"partners", "consent", "your device", "personalised", "personalized", "browsing experience", "privacy"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// linkPrompt reports whether a short line sends the reader to a web
// address: "Follow our coverage at https://…", or a bare address.
func linkPrompt(s string) bool {
	at := strings.Index(s, "http://")
	if at < 0 {
		at = strings.Index(s, "https://")
	}
	if at < 0 {
		at = strings.Index(s, "www.")
	}
	if at < 0 {
		return false
	}
	if at == 0 {
		return !strings.Contains(s, " ")
	}
	first, _, _ := strings.Cut(strings.ToLower(s), " ")
	switch first {
	case "follow", "read", "see", "visit", "find", "learn", "more", "watch", "listen", "subscribe", "download", "sign", "for":
		return true
	}
	return false
}

// glued reports whether s is menu labels run together by copying, such as
// "Top StoryUS" or "FacebookTwitterEmail": split where a lower-case letter
// meets an upper-case one, some piece is a known label and none is long.
func glued(s string) bool {
	if !caseTurn(s) {
		return false
	}
	var parts []string
	start := 0
	var prev rune
	for i, r := range s {
		if unicode.IsLower(prev) && unicode.IsUpper(r) {
			parts = append(parts, s[start:i])
			start = i
		}
		prev = r
	}
	if len(parts) == 0 {
		return false
	}
	parts = append(parts, s[start:])
	label := false
	for _, p := range parts {
		k := noiseKey(p)
		if noiseExact[k] || noiseEnd[k] {
			label = true
		}
		if wordCount(k) > 3 {
			return false
		}
	}
	return label
}

// mayHaveSeparator reports whether s may hold one of navRow's separators:
// an ASCII one, or the first byte of "›", "»", "•" or "·". A byte loop, as
// strings.ContainsAny is slow with a set beyond ASCII.
func mayHaveSeparator(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '|', '>', '/', 0xc2, 0xe2:
			return true
		}
	}
	return false
}

// caseTurn reports whether s may have a lower-case letter followed by an
// upper-case one: surely for ASCII text, and always beyond ASCII.
func caseTurn(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// navRow reports whether s is a breadcrumb or a row of menu links: three
// or more short pieces separated by "|", "›", "»", ">" or "/".
func navRow(s string) bool {
	if !mayHaveSeparator(s) {
		return false
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '|' || r == '›' || r == '»' || r == '>' || r == '/' || r == '•' || r == '·'
	})
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if wordCount(p) > 3 {
			return false
		}
	}
	return true
}

// Photo captions and credits.
var (
	captionMarks = []string{
		"(AP Photo", "AP Photo/", "(Photo", "Photo:", "PHOTO:", "Photo by ", "Photograph:",
		"Photo credit", "Credit:", "CREDIT:", "Getty Images", "REUTERS/", "Reuters/",
		"/Reuters", "/REUTERS", "AFP via", "/AFP", "/ AFP", "(AFP", "EPA-EFE", "/EPA", "(EPA",
		"Image:", "Image credit", "Picture:", "Pictured:", "Pictured ", "FILE PHOTO", "File photo:",
		"Handout photo", "Pool photo", "/Pool", "(Pool", "Shutterstock", "Courtesy of ", "Caption:",
		"Image caption", "Image source",
	}
	// captionStarts open a caption that names people by position.
	captionStarts = []string{
		"(From ", "(L-R", "(L to R", "(R-L", "(left", "(Left", "(right", "(Right", "(Front", "(Back",
		"(Top", "(Bottom", "(Centre", "(Center", "(L)", "From left", "From right", "Left to right", "Right to left", "L-R:",
	}
	posesPhoto = regexp.MustCompile(`\bpose[sd]? (?:for|during) (?:a |an |the )?(?:\w+ ){0,2}(?:photo|photograph|picture|portrait)s?\b`)
	// creditTail is a parenthesised credit at the end of a line.
	creditTail = regexp.MustCompile(`\((?:[^()]*/[^()]*|[^()]*\b(?:Photo|Getty|Reuters|AFP|AP|EPA|Anadolu|Xinhua|Bloomberg|Pool|Images?|Handout|File)\b[^()]*)\)$`)
)

// isCaption reports whether s describes a photo.
func isCaption(s string) bool {
	if wordCount(s) > 90 {
		return false
	}
	if hasCaptionMark(s) {
		return true
	}
	if s[0] == '(' || s[0] == 'F' || s[0] == 'L' || s[0] == 'R' {
		for _, p := range captionStarts {
			if strings.HasPrefix(s, p) {
				return true
			}
		}
	}
	return hasWord(s, "pose", false) && posesPhoto.MatchString(s)
}

// captionMarksBy holds the caption marks by their first byte, so that one
// pass over a line finds any of them.
var captionMarksBy = func() (t [256][]string) {
	for _, m := range captionMarks {
		t[m[0]] = append(t[m[0]], m)
	}
	return t
}()

// captionFirst marks the bytes a caption mark starts with.
var captionFirst = func() (t [256]bool) {
	for _, m := range captionMarks {
		t[m[0]] = true
	}
	return t
}()

// hasCaptionMark reports whether s contains one of the captionMarks.
func hasCaptionMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if !captionFirst[s[i]] {
			continue
		}
		for _, m := range captionMarksBy[s[i]] {
			if strings.HasPrefix(s[i:], m) {
				return true
			}
		}
	}
	return false
}

// endsWithCredit reports whether s ends with a photo credit, which makes a
// line just under the headline a caption.
func endsWithCredit(s string) bool {
	return strings.HasSuffix(s, ")") && creditTail.MatchString(s)
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// wordCount counts the words of s, a string whose spaces are collapsed,
// as every line is after splitLines.
func wordCount(s string) int {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ') {
		s = strings.TrimSpace(s)
	}
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

// endsSentence reports whether s ends as a sentence does: with terminal
// punctuation, possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, ` "'”’»)]`)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;", r)
}

// endsClosed reports whether s ends with any punctuation a heading would
// not end with, including a closing quotation mark.
func endsClosed(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;,\"'”’»", r)
}
