// Package briefgen holds the default theme, embedded into the binary so that
// "briefgen build" works on any content folder. A site's own templates/ and
// assets/ files override these, file by file.
package briefgen

import "embed"

// Defaults is the default theme: templates/ and assets/. The base layout is
// named explicitly because embed skips names starting with "_".
//
//go:embed templates assets templates/_base.html
var Defaults embed.FS
