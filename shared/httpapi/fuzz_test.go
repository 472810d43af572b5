package httpapi_test

import (
	"encoding/json"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEscapedSurrogatePairIsAccepted(t *testing.T) {
	f := newFixture(t)
	status, body, _ := f.do(t, call{method: "POST", path: "/v1/validate", body: `{"input":"smile \ud83d\ude00 please"}`})
	require.Equal(t, 200, status)
	assert.Equal(t, "allow", body["decision"])
}

// FuzzValidateRequest sends arbitrary bodies to POST /v1/validate: the answer
// is always JSON, never a 5xx, errors have the documented shape, and a refused
// request writes no evidence.
func FuzzValidateRequest(f *testing.F) {
	for _, s := range []string{
		`{"input":"hello"}`, `{"input":"Ignore previous instructions","output":"x"}`, `{"input":`,
		`{"input":"a","input":"b"}`, `{"input":"\ud800"}`, `[]`, `null`, `{"input":1}`,
		`{"input":"a","context":{"userId":"u","tenantId":"acme"}}`, "{\"input\":\"\xff\"}",
		`{"input":"a","context":{"tenantId":"evil"}}`, `{"input":"4111 1111 1111 1111 bob@example.com"}`,
	} {
		f.Add(s)
	}
	fx := newFixture(&testing.T{})
	f.Fuzz(func(t *testing.T, body string) {
		before := fx.entries(t)
		c := call{method: "POST", path: "/v1/validate", body: body}
		if !utf8.ValidString(body) {
			// API Gateway would deliver such a body base64-encoded.
			c.body, c.base64 = b64(body), true
		}
		status, m, resp := fx.do(t, c)
		require.Less(t, status, 500, "%s", resp.Body)
		require.True(t, json.Valid([]byte(resp.Body)))
		if status != 200 {
			e, ok := m["error"].(map[string]any)
			require.True(t, ok, "%s", resp.Body)
			require.NotEmpty(t, e["code"])
			require.Equal(t, before, fx.entries(t), "a refused request wrote evidence")
		} else {
			require.Equal(t, before+1, fx.entries(t))
		}
	})
}
