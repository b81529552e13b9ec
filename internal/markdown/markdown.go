// Package markdown turns brief, actor, theme and page bodies into HTML with
// goldmark, extended with briefgen's [[…]] annotation syntax (links to
// actors, themes, timeline entries and briefs), anchors on every paragraph so
// passages can be linked, and class-based code highlighting with chroma.
package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Resolver maps an annotation to the URL of the page it names, and a path
// from the site root (as in a markdown link "/briefs/") to its URL.
type Resolver interface {
	Resolve(kind, target string) (url string, ok bool)
	Link(path string) string
}

// Paragraph is one paragraph of a document, as plain text, with the id of
// its anchor.
type Paragraph struct {
	ID   string
	Text string
}

// Doc is a converted markdown document.
type Doc struct {
	HTML        []byte
	Annotations []Annotation
	Paragraphs  []Paragraph
}

// Markdown converts documents; it is safe for concurrent use.
type Markdown struct {
	md goldmark.Markdown
}

// New returns a converter with briefgen's extensions: GitHub-flavoured
// tables, strikethrough and autolinks, typographic quotes off (sources are
// already typeset), heading ids, paragraph anchors, annotations and code
// highlighting.
func New() *Markdown {
	return &Markdown{md: goldmark.New(
		goldmark.WithExtensions(extension.GFM, annotations{}, highlighting{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)}
}

// Convert renders src, resolving annotations through r (which may be nil:
// annotations are then shown as plain text).
func (m *Markdown) Convert(src []byte, r Resolver) (*Doc, error) {
	pc := parser.NewContext()
	if r != nil {
		pc.Set(resolverKey, r)
	}
	doc := m.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	out := &Doc{}
	anchorParagraphs(doc, src, out)
	collectAnnotations(doc, out)
	var buf bytes.Buffer
	if err := m.md.Renderer().Render(&buf, src, doc); err != nil {
		return nil, fmt.Errorf("render markdown: %w", err)
	}
	out.HTML = buf.Bytes()
	return out, nil
}

// Parse reads src without rendering it, for validation and indexing.
func (m *Markdown) Parse(src []byte) *Doc {
	doc := m.md.Parser().Parse(text.NewReader(src))
	out := &Doc{}
	anchorParagraphs(doc, src, out)
	collectAnnotations(doc, out)
	return out
}

// anchorParagraphs gives each top-level paragraph the id "p1", "p2", … and
// records its text.
func anchorParagraphs(doc gast.Node, src []byte, out *Doc) {
	n := 0
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != gast.KindParagraph {
			continue
		}
		n++
		id := "p" + strconv.Itoa(n)
		c.SetAttributeString("id", []byte(id))
		out.Paragraphs = append(out.Paragraphs, Paragraph{ID: id, Text: plainText(c, src)})
	}
}

func collectAnnotations(doc gast.Node, out *Doc) {
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if a, ok := n.(*annotationNode); ok && entering {
			out.Annotations = append(out.Annotations, a.ann)
		}
		return gast.WalkContinue, nil
	})
}

// plainText returns the text of n as a reader sees it.
func plainText(n gast.Node, src []byte) string {
	var b strings.Builder
	_ = gast.Walk(n, func(c gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *annotationNode:
			b.WriteString(t.ann.Text)
			return gast.WalkSkipChildren, nil
		case *gast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *gast.String:
			b.Write(t.Value)
		}
		return gast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
