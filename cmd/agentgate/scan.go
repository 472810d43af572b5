package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/agentgate/agentgate/shared/gate"
	"github.com/agentgate/agentgate/shared/httpapi"
)

func init() {
	var policyFile string
	cmd := &cobra.Command{
		Use:   "scan",
		Short: "Run the validation gate over JSON lines on stdin",
		Long: `scan reads one JSON object per line from stdin, {"input": "...", "output": "...",
"documents": [{"id": "...", "source": "...", "text": "..."}]} ("output" and
"documents" optional; documents are untrusted content checked as data, with the
same rules and limits as POST /v1/validate), and writes one JSON line per input
line, in order: {"passed", "decision", "violations", "redacted"}; a finding in
a document has "target": "document" and "document": its id. It uses the same
gate as POST /v1/validate. A malformed line produces {"line": N, "error": "..."} and
scanning continues; the exit status is 1 if any line was malformed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := gate.DefaultPolicy()
			if policyFile != "" {
				b, err := os.ReadFile(policyFile)
				if err != nil {
					return fmt.Errorf("read policy: %w", err)
				}
				if p, err = gate.ParsePolicy(b); err != nil {
					return fmt.Errorf("%s: %w", policyFile, err)
				}
			}
			g, err := gate.New(p)
			if err != nil {
				return err
			}
			bad, err := runScan(g, cmd.InOrStdin(), cmd.OutOrStdout())
			if err != nil {
				return err
			}
			if bad > 0 {
				return fmt.Errorf("%d malformed input line(s)", bad)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&policyFile, "policy", "", "policy JSON file (default: the built-in safe default)")
	rootCmd.AddCommand(cmd)
}

// maxScanLine matches the API's 256 KiB body limit with room for JSON
// escaping.
const maxScanLine = 4 << 20

type scanLine struct {
	Input     *string                 `json:"input"`
	Output    *string                 `json:"output"`
	Documents []httpapi.DocumentInput `json:"documents"`
	docs      []gate.Document
}

type scanError struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

// runScan returns how many lines were malformed; err is for I/O failures.
func runScan(g *gate.Gate, in io.Reader, out io.Writer) (int, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxScanLine)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	bad, n := 0, 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		var l scanLine
		if err := decodeScanLine(line, &l); err != nil {
			bad++
			if err := enc.Encode(scanError{Line: n, Error: err.Error()}); err != nil {
				return bad, fmt.Errorf("write line %d: %w", n, err)
			}
			continue
		}
		if err := enc.Encode(g.CheckRequest(gate.Request{Input: *l.Input, Output: l.Output, Documents: l.docs})); err != nil {
			return bad, fmt.Errorf("write line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d longer than %d bytes", n+1, maxScanLine)
		}
		return bad, fmt.Errorf("read stdin: %w", errors.Join(err, w.Flush()))
	}
	if err := w.Flush(); err != nil {
		return bad, fmt.Errorf("write stdout: %w", err)
	}
	return bad, nil
}

func decodeScanLine(line []byte, l *scanLine) error {
	if !utf8.Valid(line) {
		return errors.New("line is not valid UTF-8")
	}
	if err := json.Unmarshal(line, l); err != nil {
		return fmt.Errorf("not a JSON object with string fields input and output: %w", err)
	}
	if l.Input == nil {
		return errors.New(`missing required string field "input"`)
	}
	docs, _, err := httpapi.ParseDocuments(l.Documents)
	if err != nil {
		return err
	}
	l.docs = docs
	return nil
}
