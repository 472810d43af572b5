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
	var policyFile, format, failOn string
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
scanning continues; the exit status is 1 if any line was malformed.

--format text prints one readable line per input line instead (line number,
decision, then each finding's rule, category and where it is), and a count
per decision at the end.

--fail-on block|redact is for CI: the exit status is 2 when any line's
decision is at least that severe (redact also counts block), so a pipeline
can fail on a prompt set that the gate would stop.`,
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
			if format != "json" && format != "text" {
				return fmt.Errorf("--format %q: want json or text", format)
			}
			var threshold int
			switch failOn {
			case "":
			case string(gate.Block), string(gate.Redact):
				threshold = severity(gate.Decision(failOn))
			default:
				return fmt.Errorf("--fail-on %q: want block or redact", failOn)
			}
			sum, err := runScan(g, cmd.InOrStdin(), cmd.OutOrStdout(), format == "text")
			if err != nil {
				return err
			}
			if sum.bad > 0 {
				return fmt.Errorf("%d malformed input line(s)", sum.bad)
			}
			if threshold > 0 {
				if n := sum.atLeast(threshold); n > 0 {
					return exitError{code: 2, err: fmt.Errorf("--fail-on %s: %d of %d line(s) decided %s or worse", failOn, n, sum.lines, failOn)}
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&policyFile, "policy", "", "policy JSON file (default: the built-in safe default)")
	cmd.Flags().StringVar(&format, "format", "json", "output: json (one JSON line per input line) or text (readable)")
	cmd.Flags().StringVar(&failOn, "fail-on", "", "exit 2 if any line is decided this or worse: block or redact (for CI)")
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

// severity orders decisions so --fail-on redact also catches block.
func severity(d gate.Decision) int {
	switch d {
	case gate.Redact:
		return 1
	case gate.Block:
		return 2
	}
	return 0
}

// scanSummary counts what a scan decided.
type scanSummary struct {
	lines, bad int
	decisions  map[gate.Decision]int
}

func (s scanSummary) atLeast(sev int) int {
	n := 0
	for d, c := range s.decisions {
		if severity(d) >= sev {
			n += c
		}
	}
	return n
}

// runScan writes one result per input line (JSON, or readable text) and
// counts them; err is for I/O failures.
func runScan(g *gate.Gate, in io.Reader, out io.Writer, text bool) (scanSummary, error) {
	sum := scanSummary{decisions: map[gate.Decision]int{}}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), maxScanLine)
	w := bufio.NewWriter(out)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(line) == 0 {
			continue
		}
		sum.lines++
		var l scanLine
		var err error
		if derr := decodeScanLine(line, &l); derr != nil {
			sum.bad++
			if text {
				_, err = fmt.Fprintf(w, "%d: malformed: %s\n", n, derr)
			} else {
				err = enc.Encode(scanError{Line: n, Error: derr.Error()})
			}
		} else {
			r := g.CheckRequest(gate.Request{Input: *l.Input, Output: l.Output, Documents: l.docs})
			sum.decisions[r.Decision]++
			if text {
				err = writeScanText(w, n, r)
			} else {
				err = enc.Encode(r)
			}
		}
		if err != nil {
			return sum, fmt.Errorf("write line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("line %d longer than %d bytes", n+1, maxScanLine)
		}
		return sum, fmt.Errorf("read stdin: %w", errors.Join(err, w.Flush()))
	}
	if text {
		fmt.Fprintf(w, "%d line(s): %d allow, %d redact, %d block, %d malformed\n", sum.lines,
			sum.decisions[gate.Allow], sum.decisions[gate.Redact], sum.decisions[gate.Block], sum.bad)
	}
	if err := w.Flush(); err != nil {
		return sum, fmt.Errorf("write stdout: %w", err)
	}
	return sum, nil
}

// writeScanText prints a result for a person: the decision, then one
// indented line per finding. Scores are left out: they are in the JSON.
func writeScanText(w io.Writer, n int, r gate.Result) error {
	if _, err := fmt.Fprintf(w, "%d: %s\n", n, r.Decision); err != nil {
		return err
	}
	for _, v := range r.Violations {
		where := v.Target
		if v.Document != "" {
			where += " " + v.Document
		}
		if _, err := fmt.Fprintf(w, "    %-6s %s (%s, %s) %s [%d:%d]: %s\n", v.Action, v.Rule, v.Category, v.Severity, where, v.Start, v.End, v.Message); err != nil {
			return err
		}
	}
	return nil
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
