// Package witness is a client of the C2SP tlog-witness protocol
// (c2sp.org/tlog-witness) and a checker of the tlog-cosignature signatures
// (c2sp.org/tlog-cosignature, Ed25519 type 0x04) witnesses add to a log's
// checkpoint notes. A witness cosigns a checkpoint only if it is consistent
// with every checkpoint of the same origin it cosigned before, so a log that
// shows two histories to two parties cannot get both cosigned
// (docs/decisions/172-witnesses.md).
package witness

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"
)

// Errors of add-checkpoint, by the status the witness answered
// (c2sp.org/tlog-witness, "add-checkpoint").
var (
	// ErrStale (409): the old size is not the witness's size for the log; a
	// *StaleError carries the witness's size.
	ErrStale = errors.New("witness: old size is not the witness's latest size (409)")
	// ErrUnknownLog (404): the witness is not configured for the origin.
	ErrUnknownLog = errors.New("witness: unknown log (404)")
	// ErrNoValidSignature (403): no signature by a key the witness trusts for the origin.
	ErrNoValidSignature = errors.New("witness: no valid log signature (403)")
	// ErrRefused (422): the consistency proof does not verify, or the
	// checkpoint has the witness's size with another root: a fork or a split view.
	ErrRefused = errors.New("witness: checkpoint refused as inconsistent (422)")
	// ErrBadCosignature: the witness answered 200 with no valid cosignature
	// by its configured key.
	ErrBadCosignature = errors.New("witness: answer holds no valid cosignature")
	// ErrUnreachable: no answer (connection refused, timeout): the witness
	// is down or cut off, not refusing.
	ErrUnreachable = errors.New("witness: unreachable")
	// ErrQuorum: fewer witnesses than the quorum cosigned a note.
	ErrQuorum = errors.New("witness: quorum not met")
)

// StaleError is ErrStale with the size the witness holds for the log.
type StaleError struct{ Size uint64 }

func (e *StaleError) Error() string {
	return fmt.Sprintf("%v: witness is at size %d", ErrStale, e.Size)
}
func (e *StaleError) Unwrap() error { return ErrStale }

// Witness is one witness: its name (the key name of its cosignatures), the
// base URL of its tlog-witness endpoints and its verifier key.
type Witness struct {
	Name      string
	URL       string
	PublicKey string
	verifier  note.Verifier
}

// New checks a witness's configuration: the key must be an Ed25519 (0x01)
// or tlog-cosignature (0x04) verifier key whose name is name.
func New(name, url, publicKey string) (Witness, error) {
	v, err := tnote.NewVerifierForCosignatureV1(publicKey)
	if err != nil {
		return Witness{}, fmt.Errorf("witness %s: public key: %w", name, err)
	}
	if v.Name() != name {
		return Witness{}, fmt.Errorf("witness %s: public key is named %q", name, v.Name())
	}
	return Witness{Name: name, URL: strings.TrimRight(url, "/"), PublicKey: publicKey, verifier: v}, nil
}

// ParseKey reads a witness named by its verifier key alone ("NAME+KEY", the
// form `agentgate verify --witness` takes); it has no URL.
func ParseKey(vkey string) (Witness, error) {
	name, _, _ := strings.Cut(vkey, "+")
	return New(name, "", vkey)
}

// Verifier checks this witness's cosignatures.
func (w Witness) Verifier() note.Verifier { return w.verifier }

// Client submits checkpoints to witnesses.
type Client struct {
	HTTP *http.Client
	// Timeout bounds one add-checkpoint request (default 5s): a witness that
	// is down delays cosigning, it must not hold up the checkpointer.
	Timeout time.Duration
}

// AddCheckpoint POSTs signedNote to w's add-checkpoint endpoint with the
// old size and the consistency proof from it, and returns the cosignature
// lines the witness answered, each checked with w's key.
func (c *Client) AddCheckpoint(ctx context.Context, w Witness, oldSize uint64, proof [][]byte, signedNote string) ([]string, error) {
	if w.verifier == nil {
		return nil, fmt.Errorf("witness %s: not configured with New", w.Name)
	}
	var body bytes.Buffer
	fmt.Fprintf(&body, "old %d\n", oldSize)
	for _, h := range proof {
		body.WriteString(base64.StdEncoding.EncodeToString(h))
		body.WriteByte('\n')
	}
	body.WriteByte('\n')
	body.WriteString(signedNote)

	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL+"/add-checkpoint", &body)
	if err != nil {
		return nil, fmt.Errorf("witness %s: %w", w.Name, err)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("witness %s: %w: %w", w.Name, ErrUnreachable, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return nil, fmt.Errorf("witness %s: read answer: %w", w.Name, err)
	}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusConflict:
		size, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("witness %s: 409 without a size: %q", w.Name, b)
		}
		return nil, fmt.Errorf("witness %s: %w", w.Name, &StaleError{Size: size})
	case http.StatusNotFound:
		return nil, fmt.Errorf("witness %s: %w", w.Name, ErrUnknownLog)
	case http.StatusForbidden:
		return nil, fmt.Errorf("witness %s: %w", w.Name, ErrNoValidSignature)
	case http.StatusUnprocessableEntity:
		return nil, fmt.Errorf("witness %s: %w", w.Name, ErrRefused)
	default:
		return nil, fmt.Errorf("witness %s: add-checkpoint answered %s", w.Name, resp.Status)
	}
	lines, err := cosignatureLines(w, signedNote, b)
	if err != nil {
		return nil, fmt.Errorf("witness %s: %w", w.Name, err)
	}
	return lines, nil
}

// ProofFunc returns the consistency proof from oldSize to the size of the
// checkpoint being submitted (empty when oldSize is 0 or that size).
type ProofFunc func(ctx context.Context, oldSize uint64) ([][]byte, error)

// Submit sends signedNote to w starting from the size it is believed to
// hold (guess); if the witness answers 409 with another size, the proof is
// rebuilt from that size and the request made once more.
func (c *Client) Submit(ctx context.Context, w Witness, signedNote string, guess uint64, proof ProofFunc) ([]string, error) {
	p, err := proof(ctx, guess)
	if err != nil {
		return nil, fmt.Errorf("witness %s: proof from %d: %w", w.Name, guess, err)
	}
	lines, err := c.AddCheckpoint(ctx, w, guess, p, signedNote)
	var stale *StaleError
	if !errors.As(err, &stale) || stale.Size == guess {
		return lines, err
	}
	if p, err = proof(ctx, stale.Size); err != nil {
		return nil, fmt.Errorf("witness %s: proof from %d: %w", w.Name, stale.Size, err)
	}
	return c.AddCheckpoint(ctx, w, stale.Size, p, signedNote)
}

// cosignatureLines keeps the answer's signature lines by w's key, each
// checked over the note's text; it fails if none verifies.
func cosignatureLines(w Witness, signedNote string, answer []byte) ([]string, error) {
	text, _, ok := strings.Cut(signedNote, "\n\n")
	if !ok {
		return nil, errors.New("submitted note has no signature block")
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(answer))
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			continue
		}
		n, err := note.Open([]byte(text+"\n\n"+line+"\n"), note.VerifierList(w.verifier))
		if err != nil || len(n.Sigs) != 1 {
			continue
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		return nil, ErrBadCosignature
	}
	return lines, nil
}

// Cosign returns signedNote with the cosignature lines appended to its
// signature block (lines already present are not repeated).
func Cosign(signedNote string, lines ...string) string {
	out := signedNote
	for _, l := range lines {
		if !strings.Contains(out, l+"\n") {
			out += l + "\n"
		}
	}
	return out
}

// Text is the note text of a signed note, without its signatures.
func Text(signedNote string) string {
	text, _, _ := strings.Cut(signedNote, "\n\n")
	return text + "\n"
}

// Verify checks cosigned, a signed note carrying witnesses' cosignatures:
// the log's signature must verify with logKey, and at least quorum of ws
// must have a valid cosignature. It returns the names of the witnesses that
// cosigned; on ErrQuorum the error names the ones that did not.
func Verify(cosigned string, logKey note.Verifier, ws []Witness, quorum int) ([]string, error) {
	vs := []note.Verifier{logKey}
	for _, w := range ws {
		if w.verifier == nil {
			return nil, fmt.Errorf("witness %s: not configured with New", w.Name)
		}
		vs = append(vs, w.verifier)
	}
	n, err := note.Open([]byte(cosigned), note.VerifierList(vs...))
	if err != nil {
		return nil, fmt.Errorf("open cosigned note: %w", err)
	}
	logSigned := false
	by := map[string]bool{}
	for _, s := range n.Sigs {
		if s.Name == logKey.Name() && s.Hash == logKey.KeyHash() {
			logSigned = true
			continue
		}
		by[s.Name] = true
	}
	if !logSigned {
		return nil, fmt.Errorf("open cosigned note: no signature by the log key %s", logKey.Name())
	}
	var got, missing []string
	for _, w := range ws {
		if by[w.Name] {
			got = append(got, w.Name)
		} else {
			missing = append(missing, w.Name)
		}
	}
	if len(got) < quorum {
		return got, fmt.Errorf("%w: %d of %d required cosignatures; no valid cosignature by %s", ErrQuorum, len(got), quorum, strings.Join(missing, ", "))
	}
	return got, nil
}

// Config is one entry of a deployment's `witnesses` parameter.
type Config struct {
	Name      string `json:"name"`
	URL       string `json:"url"`
	PublicKey string `json:"publicKey"`
}

// ParseConfig reads the `witnesses` parameter (a JSON array of Config, as
// the WITNESSES environment variable carries it; empty means none) and the
// quorum, and checks them: every witness a distinct name, an https URL (or
// http on a loopback address, for the local witness), a key named as the
// witness; 0 <= quorum <= len(witnesses).
func ParseConfig(js string, quorum int) ([]Witness, error) {
	var cs []Config
	if strings.TrimSpace(js) != "" {
		dec := json.NewDecoder(strings.NewReader(js))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&cs); err != nil {
			return nil, fmt.Errorf("witnesses: %w", err)
		}
	}
	seen := map[string]bool{}
	var ws []Witness
	for _, c := range cs {
		if seen[c.Name] {
			return nil, fmt.Errorf("witnesses: %q listed twice", c.Name)
		}
		seen[c.Name] = true
		u, err := url.Parse(c.URL)
		if err != nil || u.Host == "" {
			return nil, fmt.Errorf("witnesses: %s: url %q is not absolute", c.Name, c.URL)
		}
		if u.Scheme != "https" && (u.Scheme != "http" || !isLoopback(u.Hostname())) {
			return nil, fmt.Errorf("witnesses: %s: url %q must be https (http only on a loopback address)", c.Name, c.URL)
		}
		w, err := New(c.Name, c.URL, c.PublicKey)
		if err != nil {
			return nil, fmt.Errorf("witnesses: %w", err)
		}
		ws = append(ws, w)
	}
	if quorum < 0 || quorum > len(ws) {
		return nil, fmt.Errorf("witnesses: quorum %d with %d witnesses", quorum, len(ws))
	}
	return ws, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
