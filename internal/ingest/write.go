package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"briefgen/internal/content"
	"briefgen/internal/names"

	"go.yaml.in/yaml/v3"
)

// ingestDir holds, for each brief, the last version ingest generated (the
// base of three-way merges) and backups; the loader skips dot-folders.
const ingestDir = content.BriefsDir + "/.ingest"

// Outcome is what Write did for one brief.
type Outcome struct {
	Brief   string   // the brief's file, relative to the site folder
	Action  string   // "created", "updated", "unchanged", "merged", "replaced", "skipped" or "conflict"
	Written []string // files written, relative to the site folder
	Stubs   []string // actor stubs created
	Kept    []string // fields of the editor's version kept by a merge ("body" for the body)
	Backup  string   // where a forced write saved the old brief
	Message string   // why a brief was left alone
	Notes   []string // other things to check
}

// Lines returns the outcome as a few lines for the terminal.
func (o Outcome) Lines() []string {
	var out []string
	switch o.Action {
	case "created":
		out = append(out, "created "+o.Brief)
	case "updated":
		out = append(out, "updated "+o.Brief)
	case "unchanged":
		out = append(out, "unchanged "+o.Brief)
	case "merged":
		if len(o.Kept) == 0 {
			out = append(out, "updated "+o.Brief)
		} else {
			out = append(out, fmt.Sprintf("updated %s; kept your edits to: %s", o.Brief, strings.Join(o.Kept, ", ")))
		}
	case "replaced":
		out = append(out, fmt.Sprintf("replaced %s (the old file is saved as %s)", o.Brief, o.Backup))
	default:
		out = append(out, o.Message)
	}
	for _, s := range o.Stubs {
		out = append(out, "created stub "+s+": describe the actor and remove 'stub: true'")
	}
	return append(out, o.Notes...)
}

// Write writes content/briefs/<slug>.md under siteDir, and a stub actor
// file for each actor the site does not know yet, and returns what it did.
//
// An editor's work is never lost. Ingest keeps the version it last
// generated in content/briefs/.ingest/<slug>.md: a brief still equal to it
// is replaced by the new version; a brief an editor changed is merged field
// by field (the editor's value wins wherever it differs from the last
// generated one); a brief ingest did not make is left alone unless force is
// set, and force first saves the old file as .ingest/<slug>.md.bak.
func Write(siteDir string, r *Result, force bool) (Outcome, error) {
	if r.Slug == "" || strings.HasPrefix(r.Slug, ".") || strings.ContainsAny(r.Slug, `/\`) {
		return Outcome{}, fmt.Errorf("%s: cannot write a brief with slug %q", r.Source, r.Slug)
	}
	rel := content.BriefsDir + "/" + r.Slug + ".md"
	baseRel := ingestDir + "/" + r.Slug + ".md"
	o := Outcome{Brief: rel}
	gen, err := renderBrief(r)
	if err != nil {
		return o, fmt.Errorf("%s: %w", rel, err)
	}
	cur, err := readIfExists(siteDir, rel)
	if err != nil {
		return o, err
	}
	base, err := readIfExists(siteDir, baseRel)
	if err != nil {
		return o, err
	}
	write := func(rel string, data []byte) error {
		if err := writeAtomic(filepath.Join(siteDir, filepath.FromSlash(rel)), data); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		o.Written = append(o.Written, rel)
		return nil
	}
	switch {
	case force && cur != nil:
		o.Action, o.Backup = "replaced", baseRel+".bak"
		if err := write(o.Backup, cur); err != nil {
			return o, err
		}
		if err := write(rel, gen); err != nil {
			return o, err
		}
	case cur == nil:
		o.Action = "created"
		if err := write(rel, gen); err != nil {
			return o, err
		}
	case base == nil:
		o.Action = "skipped"
		o.Message = rel + " was not made by ingest; left as is (use --force to replace it)"
		return o, nil
	case bytes.Equal(cur, base):
		o.Action = "updated"
		if bytes.Equal(cur, gen) {
			o.Action = "unchanged"
			break
		}
		if err := write(rel, gen); err != nil {
			return o, err
		}
	default:
		merged, kept, err := merge3(base, cur, gen)
		if err != nil {
			o.Action = "conflict"
			o.Message = fmt.Sprintf("%s: could not merge with your edits (%v); left as is, the new version is in %s.new", rel, err, baseRel)
			return o, write(baseRel+".new", gen)
		}
		o.Action, o.Kept = "merged", kept
		if !bytes.Equal(merged, cur) {
			if err := write(rel, merged); err != nil {
				return o, err
			}
		}
	}
	if strings.TrimSpace(r.Title) == "" && !slices.Contains(o.Kept, "title") {
		o.Notes = append(o.Notes, rel+": the article has no headline; its title was made from the file name: change it")
	}
	if !bytes.Equal(base, gen) {
		if err := write(baseRel, gen); err != nil {
			return o, err
		}
	}
	if err := writeStubs(siteDir, r, &o); err != nil {
		return o, err
	}
	return o, nil
}

// readIfExists reads rel under dir, returning nil when it does not exist.
func readIfExists(dir, rel string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rel, err)
	}
	if data == nil {
		data = []byte{}
	}
	return data, nil
}

// writeAtomic writes data to a temporary file in the same folder and
// renames it into place, so a reader never sees half a file.
func writeAtomic(name string, data []byte) error {
	dir := filepath.Dir(name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// briefFront is a brief's front matter, in content.Brief's field order.
type briefFront struct {
	Title     string       `yaml:"title"`
	Source    string       `yaml:"source,omitempty"`
	Outlet    string       `yaml:"outlet,omitempty"`
	Byline    string       `yaml:"byline,omitempty"`
	Dateline  string       `yaml:"dateline,omitempty"`
	Published string       `yaml:"published,omitempty"`
	Summary   string       `yaml:"summary,omitempty"`
	Actors    []frontActor `yaml:"actors,omitempty"`
	Themes    []string     `yaml:"themes,omitempty"`
	Quotes    []frontQuote `yaml:"quotes,omitempty"`
	Figures   []frontFig   `yaml:"figures,omitempty"`
	Dates     []frontDate  `yaml:"dates,omitempty"`
	QA        []QA         `yaml:"qa,omitempty"`
	Captions  []string     `yaml:"captions,omitempty"`
}

type frontActor struct {
	Actor    string   `yaml:"actor"`
	Role     string   `yaml:"role,omitempty"`
	Mentions []string `yaml:"mentions,omitempty"`
}

type frontQuote struct {
	Speaker string `yaml:"speaker,omitempty"`
	Text    string `yaml:"text"`
}

type frontFig struct {
	Text  string `yaml:"text"`
	About string `yaml:"about,omitempty"`
}

type frontDate struct {
	Text     string `yaml:"text"`
	Resolved string `yaml:"resolved,omitempty"`
	Event    string `yaml:"event,omitempty"`
}

// renderBrief returns the brief file for r: front matter, then the body.
func renderBrief(r *Result) ([]byte, error) {
	f := briefFront{
		Title:     r.Title,
		Source:    sourceRel(r.Source),
		Outlet:    deref(r.Outlet),
		Byline:    deref(r.Byline),
		Dateline:  deref(r.Dateline),
		Published: deref(r.Published),
		Summary:   r.Summary,
		QA:        r.QA,
		Captions:  r.Captions,
	}
	if strings.TrimSpace(f.Title) == "" {
		f.Title = titleFromSlug(r.Slug, r.Body)
	}
	for _, a := range r.Actors {
		f.Actors = append(f.Actors, frontActor{Actor: a.Slug, Role: deref(a.Role), Mentions: a.Mentions})
	}
	for _, t := range r.Themes {
		f.Themes = append(f.Themes, t.Slug)
	}
	for _, q := range r.Quotes {
		f.Quotes = append(f.Quotes, frontQuote{Speaker: q.SpeakerSlug, Text: q.Text})
	}
	for _, x := range r.Figures {
		f.Figures = append(f.Figures, frontFig{Text: x.Text, About: deref(x.About)})
	}
	for _, x := range r.Dates {
		f.Dates = append(f.Dates, frontDate{Text: x.Text, Resolved: deref(x.Resolved), Event: deref(x.Event)})
	}
	return document(f, r.Body)
}

// document joins front matter and a body into a markdown file.
func document(front any, body string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(front); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("front matter: %w", err)
	}
	b.WriteString("---\n")
	b.WriteString(body)
	return b.Bytes(), nil
}

// sourceRel returns a source path relative to the content folder
// ("content/sources/x.txt" → "sources/x.txt").
func sourceRel(source string) string {
	p := filepath.ToSlash(source)
	if i := strings.LastIndex(p, content.Dir+"/"); i >= 0 && (i == 0 || p[i-1] == '/') {
		return p[i+len(content.Dir)+1:]
	}
	return "sources/" + path.Base(p)
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// stubFront is the front matter of an actor stub.
type stubFront struct {
	Name    string   `yaml:"name"`
	Kind    string   `yaml:"kind"`
	Role    string   `yaml:"role,omitempty"`
	Aliases []string `yaml:"aliases,omitempty"`
	Stub    bool     `yaml:"stub"`
}

// writeStubs creates content/actors/<slug>.md for each actor the site does
// not know, unless a file is already there.
func writeStubs(siteDir string, r *Result, o *Outcome) error {
	for _, a := range r.Actors {
		if a.Known || a.Slug == "" || a.Slug != names.Slug(a.Slug) {
			continue
		}
		rel := content.ActorsDir + "/" + a.Slug + ".md"
		full := filepath.Join(siteDir, filepath.FromSlash(rel))
		if _, err := os.Stat(full); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: %w", rel, err)
		}
		kind := a.Kind
		if !content.Kind(kind).Valid() {
			kind = string(content.Organisation)
			o.Notes = append(o.Notes, fmt.Sprintf("%s: kind unknown, set to %s: check it", rel, kind))
		}
		f := stubFront{Name: a.Name, Kind: kind, Role: deref(a.Role), Stub: true}
		seen := map[string]bool{names.Loose(a.Name): true}
		for _, m := range a.Mentions {
			if k := names.Loose(m); !seen[k] {
				seen[k] = true
				f.Aliases = append(f.Aliases, m)
			}
		}
		body := fmt.Sprintf("Created by ingest from %s. An editor should describe this actor and remove `stub: true`.\n", sourceRel(r.Source))
		data, err := document(f, body)
		if err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		if err := writeAtomic(full, data); err != nil {
			return fmt.Errorf("%s: %w", rel, err)
		}
		o.Stubs = append(o.Stubs, rel)
		o.Written = append(o.Written, rel)
	}
	return nil
}
