package kernel

import (
	"context"
	"runtime"
	"strings"
)

// kernelInfoContent is the content of kernel_info_reply.
type kernelInfoContent struct {
	Status                string       `json:"status"`
	ProtocolVersion       string       `json:"protocol_version"`
	Implementation        string       `json:"implementation"`
	ImplementationVersion string       `json:"implementation_version"`
	LanguageInfo          languageInfo `json:"language_info"`
	Banner                string       `json:"banner"`
	HelpLinks             []helpLink   `json:"help_links"`
	Debugger              bool         `json:"debugger"`
}

type languageInfo struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	MIMEType       string `json:"mimetype"`
	FileExtension  string `json:"file_extension"`
	CodemirrorMode string `json:"codemirror_mode"`
	PygmentsLexer  string `json:"pygments_lexer"`
}

type helpLink struct {
	Text string `json:"text"`
	URL  string `json:"url"`
}

// kernelInfo answers kernel_info_request (on shell and control).
func (s *Server) kernelInfo(_ context.Context, req *request) {
	goVersion := strings.TrimPrefix(strings.Fields(runtime.Version() + " ")[0], "go")
	s.reply(req, kernelInfoContent{
		Status:                "ok",
		ProtocolVersion:       "5.4",
		Implementation:        "gokernel",
		ImplementationVersion: s.opts.version,
		LanguageInfo: languageInfo{
			Name:           "go",
			Version:        goVersion,
			MIMEType:       "text/x-go",
			FileExtension:  ".go",
			CodemirrorMode: "go",
			PygmentsLexer:  "go",
		},
		Banner: "gokernel " + s.opts.version + " — Go " + goVersion + " in Jupyter, with coroutines, event loops and sockets preloaded",
		HelpLinks: []helpLink{
			{Text: "Go documentation", URL: "https://go.dev/doc/"},
			{Text: "Go packages", URL: "https://pkg.go.dev/"},
			{Text: "A Tour of Go", URL: "https://go.dev/tour/"},
		},
	})
}
