package build

import (
	"path"
	"regexp"
	"sync/atomic"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier shrinks output by file type; a nil minifier leaves it as is.
type minifier struct {
	m     *minify.M
	saved atomic.Int64 // bytes saved since the last call of takeSaved
}

func newMinifier() *minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("text/javascript", js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &minifier{m: m}
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml",
	".json": "application/json", ".xml": "application/xml", ".webmanifest": "application/manifest+json",
}

// bytes minifies data according to the extension of name.
func (mf *minifier) bytes(name string, data []byte) ([]byte, error) {
	out, err := mf.quiet(name, data)
	if err == nil {
		mf.count(len(data), len(out))
	}
	return out, err
}

// quiet is bytes without counting what it saves, for pieces of a file
// that count when the file is whole.
func (mf *minifier) quiet(name string, data []byte) ([]byte, error) {
	if mf == nil {
		return data, nil
	}
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	return mf.m.Bytes(mt, data)
}

// count records that minifying made in bytes out bytes.
func (mf *minifier) count(in, out int) {
	if mf != nil {
		mf.saved.Add(int64(in - out))
	}
}

// takeSaved returns the bytes saved since its last call: a build's saving,
// what minifying took off the files it wrote (pieces kept from earlier
// builds included) and off the assets it minified.
func (mf *minifier) takeSaved() int64 {
	if mf == nil {
		return 0
	}
	return mf.saved.Swap(0)
}
