package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// complianceStatus is the documented GET /v1/compliance/status shape.
type complianceStatus struct {
	Overall string `json:"overall"`
	LastRun string `json:"lastRun"`
	// NextRunAt (where the API knows the schedule's start: locally) and
	// RunEverySeconds (where it knows the schedule's rate: deployed) say
	// when the controls run next.
	NextRunAt       string `json:"nextRunAt,omitempty"`
	RunEverySeconds int64  `json:"runEverySeconds,omitempty"`
	Controls        []struct {
		ID         string              `json:"id"`
		Name       string              `json:"name"`
		Status     string              `json:"status"`
		Detail     string              `json:"detail"`
		Frameworks map[string][]string `json:"frameworks"`
		Accepted   bool                `json:"accepted,omitempty"`
		Exception  *struct {
			ID            string `json:"id"`
			State         string `json:"state"`
			Owner         string `json:"owner,omitempty"`
			Due           string `json:"due"`
			AcceptedUntil string `json:"acceptedUntil,omitempty"`
		} `json:"exception,omitempty"`
	} `json:"controls"`
	Summaries []struct {
		Framework string `json:"framework"`
		Title     string `json:"title"`
		Covered   int    `json:"covered"`
		Passing   int    `json:"passing"`
		Warning   int    `json:"warning"`
		Failing   int    `json:"failing"`
		Accepted  int    `json:"accepted"`
		Error     int    `json:"error"`
	} `json:"summaries,omitempty"`
}

func init() {
	var api apiTarget
	var framework string
	var asJSON, wide bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the compliance status of every control as a table",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := api.check(); err != nil {
				return err
			}
			ctx, cancel := context.WithTimeout(cmd.Context(), time.Minute)
			defer cancel()
			path := "/v1/compliance/status"
			if framework != "" {
				path += "?framework=" + url.QueryEscape(framework)
			}
			var st complianceStatus
			if _, err := api.call(ctx, "GET", path, nil, &st); err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(st)
			}
			printStatus(cmd.OutOrStdout(), st, wide, time.Now())
			return nil
		},
	}
	addAPIFlags(cmd, &api)
	cmd.Flags().StringVar(&framework, "framework", "", "only the controls mapped in this framework (soc2, gdpr, ...)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the raw JSON")
	cmd.Flags().BoolVar(&wide, "wide", false, "one line per control with every field, however wide (default: fit 100 columns, details wrapped)")
	rootCmd.AddCommand(cmd)
}

// statusMark makes the status readable without colour (logs, CI).
func statusMark(s string) string {
	switch s {
	case "passing":
		return "ok   passing"
	case "warning":
		return "!    warning"
	case "failing":
		return "FAIL failing"
	case "error":
		return "ERR  error"
	}
	return s
}

// statusWidth is what `status` fits in by default: a terminal of 100
// columns, or a CI log. --wide prints every field on one line instead.
const statusWidth = 100

func printStatus(w io.Writer, st complianceStatus, wide bool, now time.Time) {
	last := st.LastRun
	if last == "" {
		last = "never"
	}
	fmt.Fprintf(w, "Overall: %s   (last run %s)\n\n", strings.ToUpper(st.Overall), last)
	if st.LastRun == "" {
		// Every control reads "error: not checked yet" before the first
		// run: one line says so, and when the run comes, instead of a
		// table of errors.
		fmt.Fprintf(w, "No control has run yet: %s.\n", firstRun(st, now))
		return
	}
	if wide {
		printStatusWide(w, st)
	} else {
		printStatusNarrow(w, st)
	}
	if len(st.Summaries) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FRAMEWORK\tCOVERED\tPASSING\tWARNING\tFAILING\tACCEPTED\tERROR")
	for _, f := range st.Summaries {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", f.Framework, f.Covered, f.Passing, f.Warning, f.Failing, f.Accepted, f.Error)
	}
	_ = tw.Flush()
}

// firstRun says when the first run of the controls comes: exactly where
// the API knows the schedule's start (the local system), as a bound where
// it knows only the rate (deployed: the rule started with the stack).
func firstRun(st complianceStatus, now time.Time) string {
	wait := fmt.Sprintf("%d controls wait for it", len(st.Controls))
	if at, err := time.Parse(time.RFC3339Nano, st.NextRunAt); err == nil {
		d := at.Sub(now)
		if d <= 0 {
			return "first run due now (" + wait + ")"
		}
		sec := int64((d + time.Second - 1) / time.Second)
		if sec >= 120 {
			// A long tick: minutes, rounded up, read better.
			return fmt.Sprintf("first run in %d min (%s)", (sec+59)/60, wait)
		}
		return fmt.Sprintf("first run in %d s (%s)", sec, wait)
	}
	if st.RunEverySeconds > 0 {
		every := span(st.RunEverySeconds)
		return fmt.Sprintf("first run within %s (the controls run every %s; %s)", every, every, wait)
	}
	return fmt.Sprintf("%d controls wait for the first run of the controls function", len(st.Controls))
}

// span writes a schedule's period in the unit it was most likely given in.
func span(sec int64) string {
	switch {
	case sec < 120 || sec%60 != 0:
		return fmt.Sprintf("%d s", sec)
	case sec%86400 == 0:
		return fmt.Sprintf("%d d", sec/86400)
	case sec >= 7200 && sec%3600 == 0:
		return fmt.Sprintf("%d h", sec/3600)
	}
	return fmt.Sprintf("%d min", sec/60)
}

type controlRow struct {
	id, name, mark, frameworks, exception, detail string
}

func statusRows(st complianceStatus) []controlRow {
	rows := make([]controlRow, 0, len(st.Controls))
	for _, c := range st.Controls {
		var fws []string
		for fw, crit := range c.Frameworks {
			fws = append(fws, fw+":"+strings.Join(crit, ","))
		}
		slices.Sort(fws)
		r := controlRow{id: c.ID, name: c.Name, mark: statusMark(c.Status), frameworks: strings.Join(fws, " "), detail: c.Detail}
		if c.Exception != nil {
			r.exception = "exception " + c.Exception.State
			switch {
			case c.Accepted:
				r.exception = "accepted until " + c.Exception.AcceptedUntil[:min(10, len(c.Exception.AcceptedUntil))]
			case c.Exception.State == "accepted":
				r.exception = "accepted risk expired"
			}
		}
		rows = append(rows, r)
	}
	return rows
}

// printStatusWide is the one-line-per-control table, as wide as it needs.
func printStatusWide(w io.Writer, st complianceStatus) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CONTROL\tNAME\tSTATUS\tFRAMEWORKS\tDETAIL")
	for _, r := range statusRows(st) {
		// The exception rides in the status cell: an accepted risk is
		// shown beside the status it does not change.
		mark := r.mark
		if r.exception != "" {
			mark += " (" + r.exception + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.id, r.name, mark, r.frameworks, r.detail)
	}
	_ = tw.Flush()
}

// printStatusNarrow keeps the columns CONTROL, STATUS, NAME and FRAMEWORKS
// within statusWidth (frameworks wrap in their column) and puts the
// exception and the detail on lines of their own under the name, wrapped.
func printStatusNarrow(w io.Writer, st complianceStatus) {
	rows := statusRows(st)
	const gap, maxID, maxName = 2, 14, 24
	idW, markW, nameW := len("CONTROL"), len("STATUS"), len("NAME")
	for _, r := range rows {
		idW = max(idW, min(maxID, utf8.RuneCountInString(r.id)))
		markW = max(markW, utf8.RuneCountInString(r.mark))
		nameW = max(nameW, min(maxName, utf8.RuneCountInString(r.name)))
	}
	indent := idW + gap + markW + gap
	fwW := max(20, statusWidth-indent-nameW-gap)
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-utf8.RuneCountInString(s))) }
	line := func(cells ...string) {
		fmt.Fprintln(w, strings.TrimRight(strings.Join(cells, ""), " "))
	}
	line(pad("CONTROL", idW+gap), pad("STATUS", markW+gap), pad("NAME", nameW+gap), "FRAMEWORKS")
	blank := strings.Repeat(" ", indent)
	for _, r := range rows {
		names := wrap(r.name, nameW)
		fws := wrap(r.frameworks, fwW)
		for i := range max(len(names), len(fws), 1) {
			first, second := blank, ""
			if i == 0 {
				first = pad(r.id, idW+gap) + pad(r.mark, markW+gap)
			}
			if i < len(names) {
				second = names[i]
			}
			third := ""
			if i < len(fws) {
				third = fws[i]
			}
			line(first, pad(second, nameW+gap), third)
		}
		for _, extra := range []string{r.exception, r.detail} {
			for _, l := range wrap(extra, statusWidth-indent-2) {
				line(blank, "  ", l)
			}
		}
	}
}

// wrap breaks s into lines of at most width runes at spaces; a word longer
// than width is cut.
func wrap(s string, width int) []string {
	var out []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		for len(wr) > width {
			if len(cur) > 0 {
				out = append(out, string(cur))
				cur = nil
			}
			out = append(out, string(wr[:width]))
			wr = wr[width:]
		}
		switch {
		case len(cur) == 0:
			cur = wr
		case len(cur)+1+len(wr) <= width:
			cur = append(append(cur, ' '), wr...)
		default:
			out = append(out, string(cur))
			cur = wr
		}
	}
	if len(cur) > 0 {
		out = append(out, string(cur))
	}
	return out
}
