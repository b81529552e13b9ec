package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Annotation is one [[…]] reference in a brief's body.
//
// The syntax is [[target]] or [[target|shown text]]. A target names an actor
// by slug or any of their names; "theme:", "timeline:" and "brief:" prefixes
// point at those kinds instead.
type Annotation struct {
	Kind   string // "actor", "theme", "timeline" or "brief"
	Target string // slug or name, as written
	Text   string // the text shown
	Line   int    // 1-based line within the markdown source
}

// The kinds an annotation may point at.
var kinds = []string{"actor", "theme", "timeline", "brief"}

// parseAnnotation splits the inside of [[…]].
func parseAnnotation(inner string) (Annotation, bool) {
	target, shown, hasText := strings.Cut(inner, "|")
	target = strings.TrimSpace(target)
	kind := "actor"
	if k, rest, ok := strings.Cut(target, ":"); ok {
		for _, known := range kinds {
			if k == known {
				kind, target = k, strings.TrimSpace(rest)
			}
		}
	}
	if !hasText {
		shown = target
	}
	shown = strings.TrimSpace(shown)
	if target == "" || shown == "" || strings.ContainsAny(inner, "[]\n") {
		return Annotation{}, false
	}
	return Annotation{Kind: kind, Target: target, Text: shown}, true
}

// annotationNode is the AST node of an annotation; Dest is filled in by the
// resolving transformer.
type annotationNode struct {
	gast.BaseInline
	ann   Annotation
	Dest  string
	Found bool
}

var kindAnnotation = gast.NewNodeKind("Annotation")

func (n *annotationNode) Kind() gast.NodeKind { return kindAnnotation }

func (n *annotationNode) Dump(source []byte, level int) {
	gast.DumpHelper(n, source, level, map[string]string{"Target": n.ann.Target, "Dest": n.Dest}, nil)
}

type annotationParser struct{}

func (annotationParser) Trigger() []byte { return []byte{'['} }

func (annotationParser) Parse(parent gast.Node, block text.Reader, pc parser.Context) gast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	end := bytes.Index(line, []byte("]]"))
	if end < 0 {
		return nil
	}
	a, ok := parseAnnotation(string(line[2:end]))
	if !ok {
		return nil
	}
	a.Line = lineOf(block.Source(), seg.Start)
	block.Advance(end + 2)
	return &annotationNode{ann: a}
}

func lineOf(src []byte, offset int) int {
	return bytes.Count(src[:offset], []byte("\n")) + 1
}

// resolverKey carries the Resolver of one conversion in the parser context.
var resolverKey = parser.NewContextKey()

// resolveTransformer looks up every annotation's destination, and rewrites
// links and images to paths from the site root ("/briefs/") through the
// Resolver, so they work under any base URL.
type resolveTransformer struct{}

func (resolveTransformer) Transform(doc *gast.Document, reader text.Reader, pc parser.Context) {
	r, _ := pc.Get(resolverKey).(Resolver)
	if r == nil {
		return
	}
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch x := n.(type) {
		case *annotationNode:
			x.Dest, x.Found = r.Resolve(x.ann.Kind, x.ann.Target)
		case *gast.Link:
			x.Destination = rootLink(r, x.Destination)
		case *gast.Image:
			x.Destination = rootLink(r, x.Destination)
		}
		return gast.WalkContinue, nil
	})
}

// rootLink passes a destination that starts at the site root (one "/", not
// "//host") to r.Link; others are left as written.
func rootLink(r Resolver, dest []byte) []byte {
	if len(dest) == 0 || dest[0] != '/' || len(dest) > 1 && dest[1] == '/' {
		return dest
	}
	return []byte(r.Link(string(dest[1:])))
}

type annotationRenderer struct{}

func (annotationRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAnnotation, func(w util.BufWriter, source []byte, n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		a := n.(*annotationNode)
		text := util.EscapeHTML([]byte(a.ann.Text))
		if !a.Found {
			_, _ = w.WriteString(`<span class="mention mention-` + a.ann.Kind + `">`)
			_, _ = w.Write(text)
			_, _ = w.WriteString("</span>")
			return gast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<a class="mention mention-` + a.ann.Kind + `" href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(a.Dest), false)))
		_, _ = w.WriteString(`">`)
		_, _ = w.Write(text)
		_, _ = w.WriteString("</a>")
		return gast.WalkContinue, nil
	})
}

// annotations is the goldmark extension for [[…]].
type annotations struct{}

func (annotations) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithInlineParsers(util.Prioritized(annotationParser{}, 199)),
		parser.WithASTTransformers(util.Prioritized(resolveTransformer{}, 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(annotationRenderer{}, 100)))
}
