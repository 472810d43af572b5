package witness

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	tnote "github.com/transparency-dev/formats/note"
	"golang.org/x/mod/sumdb/note"
)

// key makes an Ed25519 witness key pair as omniwitness is configured with.
func key(t *testing.T, name string) (note.Signer, string) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, name)
	require.NoError(t, err)
	s, err := tnote.NewSignerForCosignatureV1(skey)
	require.NoError(t, err)
	cv, err := tnote.VKeyToCosignatureV1(vkey)
	require.NoError(t, err)
	return s, cv
}

func logNote(t *testing.T, text string) (string, note.Verifier) {
	t.Helper()
	skey, vkey, err := note.GenerateKey(rand.Reader, "log.example")
	require.NoError(t, err)
	s, err := note.NewSigner(skey)
	require.NoError(t, err)
	v, err := note.NewVerifier(vkey)
	require.NoError(t, err)
	b, err := note.Sign(&note.Note{Text: text}, s)
	require.NoError(t, err)
	return string(b), v
}

// answer is a witness double for the protocol's outcomes: the status and
// body come from the test, and a 200 carries a real cosignature by signer.
type answer struct {
	status int
	body   string
	signer note.Signer
	got    []string // request bodies
}

func (a *answer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	a.got = append(a.got, string(b))
	if r.Method != http.MethodPost || r.URL.Path != "/add-checkpoint" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if a.status != http.StatusOK {
		w.WriteHeader(a.status)
		_, _ = io.WriteString(w, a.body)
		return
	}
	_, signed, _ := strings.Cut(string(b), "\n\n")
	text, _, _ := strings.Cut(signed, "\n\n")
	cos, err := note.Sign(&note.Note{Text: text + "\n"}, a.signer)
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	_, sigs, _ := strings.Cut(string(cos), "\n\n")
	_, _ = io.WriteString(w, sigs)
}

func TestAddCheckpoint(t *testing.T) {
	signer, vkey := key(t, "witness.example")
	other, _ := key(t, "witness.example")
	signed, logV := logNote(t, "log.example\n2\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	tests := []struct {
		name    string
		a       answer
		wantErr error
	}{
		{name: "cosigned", a: answer{status: http.StatusOK, signer: signer}},
		{name: "stale", a: answer{status: http.StatusConflict, body: "7\n"}, wantErr: ErrStale},
		{name: "unknown log", a: answer{status: http.StatusNotFound}, wantErr: ErrUnknownLog},
		{name: "no valid signature", a: answer{status: http.StatusForbidden}, wantErr: ErrNoValidSignature},
		{name: "split view", a: answer{status: http.StatusUnprocessableEntity}, wantErr: ErrRefused},
		{name: "cosigned by another key", a: answer{status: http.StatusOK, signer: other}, wantErr: ErrBadCosignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(&tt.a)
			defer srv.Close()
			w, err := New("witness.example", srv.URL, vkey)
			require.NoError(t, err)
			c := &Client{HTTP: srv.Client()}
			proof := [][]byte{make([]byte, 32)}
			lines, err := c.AddCheckpoint(context.Background(), w, 1, proof, signed)
			require.Len(t, tt.a.got, 1)
			assert.True(t, strings.HasPrefix(tt.a.got[0], "old 1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\nlog.example\n2\n"), tt.a.got[0])
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
				if tt.name == "stale" {
					var se *StaleError
					require.ErrorAs(t, err, &se)
					assert.Equal(t, uint64(7), se.Size)
				}
				return
			}
			require.NoError(t, err)
			got, err := Verify(Cosign(signed, lines...), logV, []Witness{w}, 1)
			require.NoError(t, err)
			assert.Equal(t, []string{"witness.example"}, got)
		})
	}
}

// Submit retries once from the size a 409 names, with the proof from it.
func TestSubmitRetriesFromWitnessSize(t *testing.T) {
	signer, vkey := key(t, "w")
	signed, _ := logNote(t, "log.example\n9\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	a := &answer{status: http.StatusConflict, body: "4\n", signer: signer}
	var stale bool
	srv := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if stale {
			a.status = http.StatusOK
		}
		stale = true
		a.ServeHTTP(rw, r)
	}))
	defer srv.Close()
	w, err := New("w", srv.URL, vkey)
	require.NoError(t, err)
	var asked []uint64
	proof := func(_ context.Context, old uint64) ([][]byte, error) {
		asked = append(asked, old)
		return nil, nil
	}
	lines, err := (&Client{}).Submit(context.Background(), w, signed, 2, proof)
	require.NoError(t, err)
	assert.Len(t, lines, 1)
	assert.Equal(t, []uint64{2, 4}, asked)
	require.Len(t, a.got, 2)
	assert.True(t, strings.HasPrefix(a.got[1], "old 4\n\n"), a.got[1])
}

func TestSubmitWitnessDown(t *testing.T) {
	_, vkey := key(t, "w")
	signed, _ := logNote(t, "log.example\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	w, err := New("w", url, vkey)
	require.NoError(t, err)
	_, err = (&Client{}).Submit(context.Background(), w, signed, 0, func(context.Context, uint64) ([][]byte, error) { return nil, nil })
	require.ErrorIs(t, err, ErrUnreachable)
	assert.Contains(t, err.Error(), "witness w")
}

func TestVerifyQuorum(t *testing.T) {
	s1, k1 := key(t, "w1")
	s2, k2 := key(t, "w2")
	_, k3 := key(t, "w3")
	signed, logV := logNote(t, "log.example\n3\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	cosig := func(s note.Signer) string {
		b, err := note.Sign(&note.Note{Text: Text(signed)}, s)
		require.NoError(t, err)
		_, sig, _ := strings.Cut(string(b), "\n\n")
		return strings.TrimSuffix(sig, "\n")
	}
	var ws []Witness
	for i, k := range []string{k1, k2, k3} {
		w, err := New(fmt.Sprintf("w%d", i+1), "", k)
		require.NoError(t, err)
		ws = append(ws, w)
	}
	both := Cosign(signed, cosig(s1), cosig(s2))

	got, err := Verify(both, logV, ws, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"w1", "w2"}, got)

	_, err = Verify(both, logV, ws, 3)
	require.ErrorIs(t, err, ErrQuorum)
	assert.Contains(t, err.Error(), "no valid cosignature by w3")

	// A cosignature over another note does not count: it is refused.
	other, _ := logNote(t, "log.example\n3\nAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	b, err := note.Sign(&note.Note{Text: Text(other)}, s1)
	require.NoError(t, err)
	_, moved, _ := strings.Cut(string(b), "\n\n")
	_, err = Verify(Cosign(signed, strings.TrimSuffix(moved, "\n")), logV, ws, 1)
	assert.Error(t, err)

	// Not signed by the log: refused whatever the witnesses say.
	_, otherLog := logNote(t, "x\n")
	_, err = Verify(both, otherLog, ws, 1)
	assert.Error(t, err)
}

func TestNewRefusesMisnamedKey(t *testing.T) {
	_, vkey := key(t, "w1")
	_, err := New("w2", "", vkey)
	assert.Error(t, err)
	_, err = ParseKey("w1+00000000+notbase64")
	assert.Error(t, err)
	w, err := ParseKey(vkey)
	require.NoError(t, err)
	assert.Equal(t, "w1", w.Name)
	assert.True(t, errors.Is(fmt.Errorf("x: %w", &StaleError{Size: 1}), ErrStale))
}

func TestParseConfig(t *testing.T) {
	_, k1 := key(t, "w1")
	_, k2 := key(t, "w2")
	entry := func(name, url, k string) string {
		return fmt.Sprintf(`{"name":%q,"url":%q,"publicKey":%q}`, name, url, k)
	}
	tests := []struct {
		name    string
		js      string
		quorum  int
		want    int
		wantErr string
	}{
		{name: "none", js: "", want: 0},
		{name: "two, quorum 2", js: "[" + entry("w1", "https://w1.example", k1) + "," + entry("w2", "http://127.0.0.1:9", k2) + "]", quorum: 2, want: 2},
		{name: "quorum above count", js: "[" + entry("w1", "https://w1.example", k1) + "]", quorum: 2, wantErr: "quorum 2 with 1"},
		{name: "negative quorum", js: "", quorum: -1, wantErr: "quorum -1"},
		{name: "plain http elsewhere", js: "[" + entry("w1", "http://w1.example", k1) + "]", wantErr: "must be https"},
		{name: "key of another name", js: "[" + entry("w2", "https://w.example", k1) + "]", wantErr: "named \"w1\""},
		{name: "twice", js: "[" + entry("w1", "https://a.example", k1) + "," + entry("w1", "https://b.example", k1) + "]", wantErr: "twice"},
		{name: "unknown field", js: `[{"name":"w1","url":"https://a.example","publicKey":"` + k1 + `","key":"x"}]`, wantErr: "unknown field"},
		{name: "relative url", js: "[" + entry("w1", "/add", k1) + "]", wantErr: "not absolute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, err := ParseConfig(tt.js, tt.quorum)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Len(t, ws, tt.want)
		})
	}
}
