package check

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
)

// urlKeys are the JSON keys whose string values are URLs to check.
var urlKeys = map[string]bool{"url": true, "href": true, "@id": true}

// parseJSON checks that a JSON file parses and records its URLs.
func parseJSON(d *doc, data []byte) {
	scanJSON(d, data, 0, newLineIndex(data), "JSON")
}

// scanJSON checks JSON found at offset base of d's file, and records every
// string under a key in urlKeys, at any depth, arrays included.
func scanJSON(d *doc, data []byte, base int, lines lineIndex, what string) {
	if !json.Valid(data) {
		var v any
		err := json.Unmarshal(data, &v)
		off := len(data)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			off = int(min(max(se.Offset-1, 0), int64(len(data)))) // the byte at fault
		}
		d.problem(lines.line(base+off), "malformed %s: %v", what, err)
		return
	}
	type frame struct {
		obj     bool
		key     string // the current key of an object; an array's own key
		wantKey bool
	}
	var stack []frame
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	for {
		tok, err := dec.Token()
		if err != nil {
			return // io.EOF: json.Valid vouched for the rest
		}
		if n := len(stack); n > 0 && stack[n-1].wantKey {
			if k, ok := tok.(string); ok {
				stack[n-1].key, stack[n-1].wantKey = k, false
				continue
			}
		}
		key := ""
		if n := len(stack); n > 0 {
			key = stack[n-1].key
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{':
				stack = append(stack, frame{obj: true, wantKey: true})
				continue
			case '[':
				stack = append(stack, frame{key: key})
				continue
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if urlKeys[key] && !strings.HasPrefix(t, "_:") { // "_:b0" names a JSON-LD blank node
				end := base + int(dec.InputOffset()) - 1
				d.refs = append(d.refs, ref{raw: t, line: lines.line(end)})
			}
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].wantKey = true // a value ended
		}
	}
}
