package build

import (
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"briefgen/internal/markdown"
)

// asset is one file of assets/, as published.
type asset struct {
	name      string // under assets/, e.g. "style.css"
	url       string // site path, e.g. "assets/style.3f2a9c1e.css"
	data      []byte
	digest    string
	integrity string // subresource integrity, "sha384-…"
}

// highlightCSS is the generated stylesheet for code highlighting.
const highlightCSS = "highlight.css"

// loadAssets reads every file of fsys (the site's assets/ over the defaults)
// and the generated highlight stylesheet, minified when min is set, and
// names each with a content hash when fingerprint is set.
func loadAssets(fsys fs.FS, min *minifier, fingerprint bool) (map[string]*asset, error) {
	out := map[string]*asset{}
	add := func(name string, data []byte) error {
		data, err := min.bytes(name, data)
		if err != nil {
			return fmt.Errorf("assets/%s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		sri := sha512.Sum384(data)
		a := &asset{name: name, url: "assets/" + name, data: data, digest: hex.EncodeToString(sum[:]),
			integrity: "sha384-" + base64.StdEncoding.EncodeToString(sri[:])}
		if fingerprint {
			ext := path.Ext(name)
			a.url = "assets/" + strings.TrimSuffix(name, ext) + "." + a.digest[:10] + ext
		}
		out[name] = a
		return nil
	}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return add(p, data)
	})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	css, err := markdown.HighlightCSS()
	if err != nil {
		return nil, err
	}
	if out[highlightCSS] == nil {
		if err := add(highlightCSS, css); err != nil {
			return nil, err
		}
	}
	return out, nil
}
