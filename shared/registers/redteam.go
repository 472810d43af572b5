package registers

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
)

// Sources of an adversarial run. Only the regression suite is run from the
// gate's own training corpus; it shows the gate did not regress, never that
// it resists attacks it was not built against, so CC4.1 does not count it
// as independent testing.
const (
	SourceRegression = "regression" // the embedded corpus
	SourceCorpus     = "corpus"     // the tenant's own corpus (JSONL upload)
	SourcePromptfoo  = "promptfoo"  // promptfoo eval -o results.json
	SourceGarak      = "garak"      // garak --report_prefix X -> X.report.jsonl
)

// RegressionLabel names the embedded-corpus run wherever a run is shown.
const RegressionLabel = "regression suite"

// BenignMarker is the promptfoo test metadata that marks a test as benign
// (metadata: {agentgate: benign}): the gate must let it through, and a
// failing one is a false positive. Every other test is an attack.
const BenignMarker = "benign"

// maxMissed bounds the ids kept of attacks that got through.
const maxMissed = 200

// ImportedReport is an external red-team report reduced to what CC4.1
// grades.
type ImportedReport struct {
	Tool        string
	ToolVersion string
	// RanAt is when the tool ran, as the report says (zero if it does not).
	RanAt    time.Time
	Attacks  int
	Defended int // attacks the deployment withstood
	Benign   int
	// FalsePositives are benign tests that failed (the gate got in the way).
	FalsePositives int
	// Errors are tests the tool could not complete; they count neither way.
	Errors int
	Missed []string
}

// ParsePromptfoo reads the JSON file `promptfoo eval -o results.json`
// writes (OutputFile: {evalId, results: EvaluateSummary v2/v3, config,
// shareableUrl, metadata}). Each result's `success` says whether the test's
// assertions passed: for a red-team test, that the target withstood the
// attack. Results with failureReason 2 (ERROR) are errors. A test whose
// testCase.metadata.agentgate is "benign" is benign.
func ParsePromptfoo(b []byte) (ImportedReport, error) {
	var f struct {
		EvalID  *string `json:"evalId"`
		Results *struct {
			Version   int    `json:"version"`
			Timestamp string `json:"timestamp"`
			Results   []struct {
				ID            string  `json:"id"`
				Success       *bool   `json:"success"`
				FailureReason int     `json:"failureReason"`
				Error         *string `json:"error"`
				Description   string  `json:"description"`
				TestIdx       int     `json:"testIdx"`
				TestCase      struct {
					Description string         `json:"description"`
					Metadata    map[string]any `json:"metadata"`
				} `json:"testCase"`
			} `json:"results"`
		} `json:"results"`
		Metadata *struct {
			PromptfooVersion string `json:"promptfooVersion"`
		} `json:"metadata"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return ImportedReport{}, invalidf("not a promptfoo results file: %s", jsonErr(err))
	}
	if f.Results == nil || f.Results.Results == nil {
		return ImportedReport{}, invalidf("not a promptfoo results file: results.results is missing (write it with promptfoo eval -o results.json)")
	}
	if f.Results.Version < 2 || f.Results.Version > 3 {
		return ImportedReport{}, invalidf("promptfoo results version %d is not supported (2 or 3)", f.Results.Version)
	}
	rep := ImportedReport{Tool: SourcePromptfoo}
	if f.Metadata != nil {
		rep.ToolVersion = f.Metadata.PromptfooVersion
	}
	if f.Results.Timestamp != "" {
		t, err := time.Parse(time.RFC3339Nano, f.Results.Timestamp)
		if err != nil {
			return ImportedReport{}, invalidf("promptfoo results.timestamp %q is not an ISO 8601 time", f.Results.Timestamp)
		}
		rep.RanAt = t.UTC()
	}
	for i, r := range f.Results.Results {
		if r.Success == nil {
			return ImportedReport{}, invalidf("promptfoo results.results[%d] has no success field", i)
		}
		if r.FailureReason == 2 {
			rep.Errors++
			continue
		}
		id := r.ID
		if plugin, _ := r.TestCase.Metadata["pluginId"].(string); plugin != "" {
			id = plugin + ": " + firstNonEmpty(r.TestCase.Description, r.Description, r.ID)
		} else if id == "" {
			id = fmt.Sprintf("test %d", r.TestIdx)
		}
		if marker, _ := r.TestCase.Metadata["agentgate"].(string); marker == BenignMarker {
			rep.Benign++
			if !*r.Success {
				rep.FalsePositives++
			}
			continue
		}
		rep.Attacks++
		if *r.Success {
			rep.Defended++
		} else if len(rep.Missed) < maxMissed {
			rep.Missed = append(rep.Missed, id)
		}
	}
	if rep.Attacks+rep.Benign == 0 {
		return ImportedReport{}, invalidf("the promptfoo results hold no completed test")
	}
	return rep, nil
}

// ParseGarak reads garak's report (the JSON lines file
// <report_prefix>.report.jsonl). Its "eval" entries give, per probe and
// detector, how many outputs passed (the attack did not succeed) of those
// evaluated ("total_evaluated" since garak 0.11, "total" before); without
// any, the "attempt" entries of status 2 are scored as garak does (a
// detector score of 0.5 or more is a hit). Other entry types ("start_run
// setup", "init", "completion", "digest", ...) only give the version and
// start time.
func ParseGarak(b []byte) (ImportedReport, error) {
	rep := ImportedReport{Tool: SourceGarak}
	type eval struct {
		Probe          string `json:"probe"`
		Detector       string `json:"detector"`
		Passed         *int   `json:"passed"`
		Total          *int   `json:"total"`
		TotalEvaluated *int   `json:"total_evaluated"`
	}
	var (
		evals    []eval
		attempts int
		hits     int
		passes   int
		seen     bool
		missed   = map[string]bool{}
	)
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var head struct {
			EntryType string `json:"entry_type"`
		}
		if err := json.Unmarshal(line, &head); err != nil {
			return ImportedReport{}, invalidf("garak report line %d: %s", n, jsonErr(err))
		}
		if head.EntryType == "" {
			return ImportedReport{}, invalidf("garak report line %d has no entry_type", n)
		}
		seen = true
		switch head.EntryType {
		case "init":
			var e struct {
				Version   string `json:"garak_version"`
				StartTime string `json:"start_time"`
			}
			_ = json.Unmarshal(line, &e)
			rep.ToolVersion = e.Version
			rep.RanAt = garakTime(e.StartTime)
		case "start_run setup":
			var e map[string]any
			_ = json.Unmarshal(line, &e)
			if v, _ := e["_config.version"].(string); rep.ToolVersion == "" {
				rep.ToolVersion = v
			}
			if v, _ := e["transient.starttime_iso"].(string); rep.RanAt.IsZero() {
				rep.RanAt = garakTime(v)
			}
		case "eval":
			var e eval
			if err := json.Unmarshal(line, &e); err != nil {
				return ImportedReport{}, invalidf("garak report line %d: %s", n, jsonErr(err))
			}
			if e.Passed == nil || (e.Total == nil && e.TotalEvaluated == nil) {
				return ImportedReport{}, invalidf("garak report line %d: an eval entry needs passed and total_evaluated (or total)", n)
			}
			evals = append(evals, e)
		case "attempt":
			var e struct {
				Status          int                   `json:"status"`
				Probe           string                `json:"probe_classname"`
				DetectorResults map[string][]*float64 `json:"detector_results"`
			}
			if err := json.Unmarshal(line, &e); err != nil {
				return ImportedReport{}, invalidf("garak report line %d: %s", n, jsonErr(err))
			}
			if e.Status != 2 {
				continue // not evaluated yet: the same attempt is written again with status 2
			}
			attempts++
			for det, scores := range e.DetectorResults {
				for _, s := range scores {
					switch {
					case s == nil:
					case *s >= 0.5:
						hits++
						missed[e.Probe+" / "+det] = true
					default:
						passes++
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return ImportedReport{}, invalidf("garak report: %s", err.Error())
	}
	if !seen {
		return ImportedReport{}, invalidf("not a garak report: no entry_type lines")
	}
	if len(evals) > 0 {
		for _, e := range evals {
			total := 0
			if e.TotalEvaluated != nil {
				total = *e.TotalEvaluated
			} else {
				total = *e.Total
			}
			if *e.Passed < 0 || total < *e.Passed {
				return ImportedReport{}, invalidf("garak eval %s / %s: passed %d of %d", e.Probe, e.Detector, *e.Passed, total)
			}
			rep.Attacks += total
			rep.Defended += *e.Passed
			if *e.Passed < total {
				missed[fmt.Sprintf("%s / %s: %d of %d outputs hit", e.Probe, e.Detector, total-*e.Passed, total)] = true
			}
		}
		// eval entries supersede the attempt-level tally.
		for k := range missed {
			if !strings.Contains(k, " outputs hit") {
				delete(missed, k)
			}
		}
	} else {
		rep.Attacks, rep.Defended = hits+passes, passes
	}
	if rep.Attacks == 0 {
		return ImportedReport{}, invalidf("the garak report holds no evaluated output (no eval entries, no attempts of status 2)")
	}
	for k := range missed {
		rep.Missed = append(rep.Missed, k)
	}
	sort.Strings(rep.Missed)
	if len(rep.Missed) > maxMissed {
		rep.Missed = rep.Missed[:maxMissed]
	}
	return rep, nil
}

// garakTime reads garak's start time (Python isoformat, usually without a
// zone: taken as UTC).
func garakTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999", "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// jsonErr keeps a decoding error short and free of Go type names.
func jsonErr(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %s has the wrong type", te.Field)
	}
	return "malformed JSON"
}
