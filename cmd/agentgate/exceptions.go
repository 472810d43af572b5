package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
)

// exception is the documented exception shape (GET /v1/exceptions).
type exception struct {
	ID            string `json:"id"`
	Control       string `json:"control"`
	Name          string `json:"name"`
	State         string `json:"state"`
	Status        string `json:"status"`
	Detail        string `json:"detail"`
	Owner         string `json:"owner"`
	OpenedAt      string `json:"openedAt"`
	Due           string `json:"due"`
	AcceptedUntil string `json:"acceptedUntil"`
	AcceptReason  string `json:"acceptReason"`
	ClosedAt      string `json:"closedAt"`
	Events        []struct {
		At       string `json:"at"`
		Action   string `json:"action"`
		By       string `json:"by"`
		State    string `json:"state"`
		Note     string `json:"note"`
		Evidence string `json:"evidence"`
	} `json:"events"`
}

func init() {
	var api apiTarget
	var asJSON bool
	root := &cobra.Command{
		Use:   "exceptions",
		Short: "List and act on exceptions: failing or warning controls being dealt with",
		Long: `Exceptions are opened by the controls run for a failing or warning control. Admin keys assign them,
add remediation notes, mark them remediated (the next run confirms it or reopens them) or accept the risk
until a date. Every change is an evidence entry.`,
	}
	root.PersistentFlags().StringVar(&api.url, "url", os.Getenv("AGENTGATE_URL"), "API base URL (env AGENTGATE_URL)")
	root.PersistentFlags().StringVar(&api.key, "key", os.Getenv("AGENTGATE_KEY"), "API key (env AGENTGATE_KEY)")
	root.PersistentFlags().BoolVar(&asJSON, "json", false, "print the raw JSON")

	run := func(cmd *cobra.Command, method, path string, body any, out any) error {
		if err := api.check(); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(cmd.Context(), time.Minute)
		defer cancel()
		_, err := api.call(ctx, method, path, body, out)
		return err
	}
	printOut := func(cmd *cobra.Command, v any, text func(io.Writer)) error {
		if asJSON {
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			return enc.Encode(v)
		}
		text(cmd.OutOrStdout())
		return nil
	}

	var state, control string
	list := &cobra.Command{
		Use: "list", Short: "List exceptions (--state active|closed|all, --control ID)", Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			q := url.Values{}
			if state != "" {
				q.Set("state", state)
			}
			if control != "" {
				q.Set("control", control)
			}
			path := "/v1/exceptions"
			if len(q) > 0 {
				path += "?" + q.Encode()
			}
			var out struct {
				Exceptions []exception `json:"exceptions"`
			}
			if err := run(cmd, "GET", path, nil, &out); err != nil {
				return err
			}
			return printOut(cmd, out, func(w io.Writer) { printExceptions(w, out.Exceptions) })
		},
	}
	list.Flags().StringVar(&state, "state", "active", "active, closed or all")
	list.Flags().StringVar(&control, "control", "", "only this control's exceptions")

	show := &cobra.Command{
		Use: "show ID", Short: "Show one exception with its lifecycle", Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var e exception
			if err := run(cmd, "GET", "/v1/exceptions/"+url.PathEscape(args[0]), nil, &e); err != nil {
				return err
			}
			return printOut(cmd, e, func(w io.Writer) { printException(w, e) })
		},
	}

	// act posts one change and prints the exception after it.
	act := func(use, short, route string, body func() (map[string]string, error), flags func(*cobra.Command)) *cobra.Command {
		c := &cobra.Command{
			Use: use + " ID", Short: short, Args: cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				b, err := body()
				if err != nil {
					return err
				}
				var e exception
				if err := run(cmd, "POST", "/v1/exceptions/"+url.PathEscape(args[0])+"/"+route, b, &e); err != nil {
					return err
				}
				return printOut(cmd, e, func(w io.Writer) { printException(w, e) })
			},
		}
		flags(c)
		return c
	}
	var owner, due, note, reason, until string
	need := func(name, v string) error {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("--%s is required", name)
		}
		return nil
	}
	assign := act("assign", "Assign an exception to an owner (--owner, optional --due YYYY-MM-DD)", "assign",
		func() (map[string]string, error) {
			if err := need("owner", owner); err != nil {
				return nil, err
			}
			b := map[string]string{"owner": owner}
			if due != "" {
				b["due"] = due
			}
			return b, nil
		}, func(c *cobra.Command) {
			c.Flags().StringVar(&owner, "owner", "", "who owns the remediation")
			c.Flags().StringVar(&due, "due", "", "new due date, YYYY-MM-DD")
		})
	noteCmd := act("note", "Add a remediation note (--note)", "notes",
		func() (map[string]string, error) { return map[string]string{"note": note}, need("note", note) },
		func(c *cobra.Command) { c.Flags().StringVar(&note, "note", "", "the note") })
	remediate := act("remediate", "Mark remediated (--note says what was done); the next run confirms it", "remediate",
		func() (map[string]string, error) { return map[string]string{"note": note}, need("note", note) },
		func(c *cobra.Command) { c.Flags().StringVar(&note, "note", "", "what was remediated") })
	accept := act("accept", "Accept the risk until a date (--reason, --until YYYY-MM-DD); shown as accepted, never passing", "accept",
		func() (map[string]string, error) {
			if err := need("reason", reason); err != nil {
				return nil, err
			}
			return map[string]string{"reason": reason, "until": until}, need("until", until)
		}, func(c *cobra.Command) {
			c.Flags().StringVar(&reason, "reason", "", "why the risk is accepted")
			c.Flags().StringVar(&until, "until", "", "last day of the acceptance, YYYY-MM-DD (at most a year away)")
		})
	root.AddCommand(list, show, assign, noteCmd, remediate, accept)
	rootCmd.AddCommand(root)
}

func printExceptions(w io.Writer, es []exception) {
	if len(es) == 0 {
		fmt.Fprintln(w, "No exceptions.")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCONTROL\tSTATE\tSTATUS\tOWNER\tOPENED\tDUE")
	for _, e := range es {
		st := e.State
		if e.State == "accepted" && e.AcceptedUntil != "" {
			st += " until " + e.AcceptedUntil[:min(10, len(e.AcceptedUntil))]
		}
		owner := e.Owner
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", e.ID, e.Control, st, e.Status, owner, e.OpenedAt[:min(10, len(e.OpenedAt))], e.Due)
	}
	_ = tw.Flush()
}

func printException(w io.Writer, e exception) {
	fmt.Fprintf(w, "%s  %s %s\nstate %s, control %s", e.ID, e.Control, e.Name, e.State, e.Status)
	if e.Owner != "" {
		fmt.Fprintf(w, ", owner %s", e.Owner)
	}
	fmt.Fprintf(w, ", opened %s, due %s\n", e.OpenedAt, e.Due)
	if e.AcceptedUntil != "" {
		fmt.Fprintf(w, "risk accepted until %s: %s\n", e.AcceptedUntil, e.AcceptReason)
	}
	if e.Detail != "" {
		fmt.Fprintf(w, "detail: %s\n", e.Detail)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nAT\tACTION\tBY\tSTATE\tEVIDENCE\tNOTE")
	for _, ev := range e.Events {
		evid := ev.Evidence
		if evid == "" {
			evid = "(pending)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", ev.At, ev.Action, ev.By, ev.State, evid, ev.Note)
	}
	_ = tw.Flush()
}
