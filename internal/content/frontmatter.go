package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Error is a problem in one content file, at a line when it is known.
type Error struct {
	File string // relative to the site folder
	Line int    // 1-based; 0 when the whole file is at fault
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// Errors is every problem found in one load, sorted by file and line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// errorf records a problem at file:line.
func errorf(file string, line int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// splitFrontMatter separates a markdown file into its YAML front matter and
// body. The YAML is returned with a blank line in front, so that line numbers
// the YAML decoder reports are line numbers of the file.
func splitFrontMatter(data []byte) (yml []byte, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, nil, 0, errors.New("no front matter: the file must start with a line '---', then YAML fields, then another '---'")
	}
	rest := data[4:]
	end := -1
	for off := 0; off <= len(rest); {
		nl := bytes.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if string(bytes.TrimRight(line, " \t")) == "---" {
			end = off
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return nil, nil, 0, errors.New("front matter is not closed: add a line '---' after the last YAML field")
	}
	yml = append([]byte("\n"), rest[:end]...)
	body = rest[end:]
	if nl := bytes.IndexByte(body, '\n'); nl >= 0 {
		body = body[nl+1:]
	} else {
		body = nil
	}
	bodyLine = bytes.Count(data[:len(data)-len(body)], []byte("\n")) + 1
	return yml, body, bodyLine, nil
}

var yamlLine = regexp.MustCompile(`line (\d+): (.*)`)

// decodeYAML decodes front matter into v, rejecting unknown fields, and
// turns YAML errors into Errors with the file's line numbers.
func decodeYAML(file string, yml []byte, v any) Errors {
	dec := yaml.NewDecoder(bytes.NewReader(yml))
	dec.KnownFields(true)
	err := dec.Decode(v)
	if err == nil || errors.Is(err, io.EOF) {
		return nil
	}
	var out Errors
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		if sub := yamlLine.FindStringSubmatch(m); sub != nil {
			n, _ := strconv.Atoi(sub[1])
			if unclosedFlow(sub[2]) {
				n++ // the decoder counts this error's line from 0
			}
			out = append(out, errorf(file, n, "front matter: %s", explainYAML(sub[2])))
			continue
		}
		out = append(out, errorf(file, 0, "front matter: %s", explainYAML(m)))
	}
	return out
}

// explainYAML adds what to do to the YAML errors editors meet most.
func explainYAML(msg string) string {
	switch {
	case strings.Contains(msg, "not found in type"):
		return msg + " (unknown field: check its spelling)"
	case strings.Contains(msg, "mapping values are not allowed"):
		return msg + " (a value containing ': ' must be quoted)"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "could not find expected ':'"):
		return msg + " (check indentation and that every field is 'name: value')"
	case unclosedFlow(msg):
		return msg + " (close the [ or { list on this line, or quote a value that starts with [ or {)"
	}
	return msg
}

// unclosedFlow reports whether a YAML error is about a [ or { list that is
// never closed; the decoder gives the line where that list starts.
func unclosedFlow(msg string) bool {
	return strings.HasPrefix(msg, "did not find expected ',' or ")
}
