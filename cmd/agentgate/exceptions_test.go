package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// resetSub resets the flags of nested commands, which runCLI does not.
func resetSub(c *cobra.Command) {
	for _, sub := range c.Commands() {
		sub.Flags().VisitAll(func(f *pflag.Flag) { _ = f.Value.Set(f.DefValue); f.Changed = false })
		resetSub(sub)
	}
}

const excJSON = `{"id":"CC9.2-20260329T084500Z-07070707","control":"CC9.2","name":"Vendor risk","state":"assigned","status":"failing",
"detail":"OpenAI has no DPA on file","owner":"dana","openedAt":"2026-03-29T08:45:00Z","due":"2026-04-28",
"events":[{"at":"2026-03-29T08:45:00Z","action":"opened","by":"controls","state":"open","evidence":"acme/0/000000000000000004"},
{"at":"2026-03-29T09:00:00Z","action":"assigned","by":"k1","state":"assigned"}]}`

func TestExceptionsCLI(t *testing.T) {
	type req struct{ method, path, body string }
	var got []req
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = append(got, req{r.Method, r.URL.RequestURI(), string(b)})
		assert.Equal(t, "Bearer k", r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.URL.Path == "/v1/exceptions":
			_, _ = io.WriteString(w, `{"exceptions":[`+excJSON+`]}`)
		case strings.HasSuffix(r.URL.Path, "/accept"):
			w.WriteHeader(409)
			_, _ = io.WriteString(w, `{"error":{"code":"conflict","message":"exception x is remediated; only an open or assigned one is accepted","requestId":"r"}}`)
		default:
			_, _ = io.WriteString(w, excJSON)
		}
	}))
	defer srv.Close()
	run := func(args ...string) (string, error) {
		resetSub(rootCmd)
		out, _, err := runCLI(t, append(args, "--url", srv.URL, "--key", "k")...)
		return out, err
	}

	out, err := run("exceptions", "list", "--control", "CC9.2")
	require.NoError(t, err)
	assert.Contains(t, out, "CC9.2-20260329T084500Z-07070707")
	assert.Contains(t, out, "assigned")
	assert.Contains(t, out, "dana")
	assert.Equal(t, req{"GET", "/v1/exceptions?control=CC9.2&state=active", ""}, got[0])

	out, err = run("exceptions", "show", "CC9.2-20260329T084500Z-07070707")
	require.NoError(t, err)
	assert.Contains(t, out, "acme/0/000000000000000004")
	assert.Contains(t, out, "(pending)", "an event whose evidence is not appended yet says so")

	_, err = run("exceptions", "assign", "X", "--owner", "dana", "--due", "2026-04-10")
	require.NoError(t, err)
	last := got[len(got)-1]
	assert.Equal(t, "/v1/exceptions/X/assign", last.path)
	assert.JSONEq(t, `{"owner":"dana","due":"2026-04-10"}`, last.body)

	_, err = run("exceptions", "remediate", "X", "--note", "DPA signed")
	require.NoError(t, err)
	assert.JSONEq(t, `{"note":"DPA signed"}`, got[len(got)-1].body)
	_, err = run("exceptions", "note", "X", "--note", "legal has it")
	require.NoError(t, err)
	assert.Equal(t, "/v1/exceptions/X/notes", got[len(got)-1].path)

	n := len(got)
	_, err = run("exceptions", "remediate", "X")
	assert.ErrorContains(t, err, "--note is required")
	assert.Len(t, got, n, "nothing is sent without the note")

	_, err = run("exceptions", "accept", "X", "--reason", "migration", "--until", "2026-04-15")
	assert.ErrorContains(t, err, "409 conflict: exception x is remediated")
	assert.JSONEq(t, `{"reason":"migration","until":"2026-04-15"}`, got[len(got)-1].body)

	out, err = run("exceptions", "show", "X", "--json")
	require.NoError(t, err)
	var e exception
	require.NoError(t, json.Unmarshal([]byte(out), &e))
	assert.Equal(t, "dana", e.Owner)
}

func TestStatusCLIShowsSummaries(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "framework=soc2", r.URL.RawQuery)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"overall":"failing","lastRun":"2026-03-29T08:45:00Z","controls":[
{"id":"A1.2","name":"Latency SLO","status":"failing","detail":"slow","frameworks":{"soc2":["A1.1","A1.2"]},"accepted":true,
 "exception":{"id":"A1.2-x","state":"accepted","due":"2026-04-28","acceptedUntil":"2026-04-16T00:00:00Z"}},
{"id":"CC9.2","name":"Vendor risk","status":"passing","frameworks":{"soc2":["CC9.2"]}}],
"summaries":[{"framework":"soc2","title":"SOC 2","covered":3,"passing":1,"warning":0,"failing":0,"accepted":2,"error":0,"criteria":[]}]}`)
	}))
	defer srv.Close()
	out, _, err := runCLI(t, "status", "--framework", "soc2", "--url", srv.URL, "--key", "k")
	require.NoError(t, err)
	assert.Contains(t, out, "accepted until 2026-04-16")
	assert.Regexp(t, `soc2\s+3\s+1\s+0\s+0\s+2\s+0`, out)
}
