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

	"github.com/spf13/cobra"
)

// complianceStatus is the documented GET /v1/compliance/status shape.
type complianceStatus struct {
	Overall  string `json:"overall"`
	LastRun  string `json:"lastRun"`
	Controls []struct {
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
	var asJSON bool
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
			printStatus(cmd.OutOrStdout(), st)
			return nil
		},
	}
	addAPIFlags(cmd, &api)
	cmd.Flags().StringVar(&framework, "framework", "", "only the controls mapped in this framework (soc2, gdpr, ...)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the raw JSON")
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

func printStatus(w io.Writer, st complianceStatus) {
	last := st.LastRun
	if last == "" {
		last = "never"
	}
	fmt.Fprintf(w, "Overall: %s   (last run %s)\n\n", strings.ToUpper(st.Overall), last)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "CONTROL\tNAME\tSTATUS\tFRAMEWORKS\tDETAIL")
	for _, c := range st.Controls {
		var fws []string
		for fw, crit := range c.Frameworks {
			fws = append(fws, fw+":"+strings.Join(crit, ","))
		}
		slices.Sort(fws)
		detail := c.Detail
		if len(detail) > 80 {
			detail = detail[:77] + "..."
		}
		// The exception rides in the status cell: an accepted risk is
		// shown beside the status it does not change.
		mark := statusMark(c.Status)
		if c.Exception != nil {
			exc := "exception " + c.Exception.State
			switch {
			case c.Accepted:
				exc = "accepted until " + c.Exception.AcceptedUntil[:min(10, len(c.Exception.AcceptedUntil))]
			case c.Exception.State == "accepted":
				exc = "accepted risk expired"
			}
			mark += " (" + exc + ")"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.ID, c.Name, mark, strings.Join(fws, " "), detail)
	}
	_ = tw.Flush()
	if len(st.Summaries) == 0 {
		return
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FRAMEWORK\tCRITERIA COVERED\tPASSING\tWARNING\tFAILING\tACCEPTED\tERROR")
	for _, f := range st.Summaries {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\n", f.Framework, f.Covered, f.Passing, f.Warning, f.Failing, f.Accepted, f.Error)
	}
	_ = tw.Flush()
}
