package system_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/shared/httpapi"
)

// background reports items that the system's own background work (the
// archiver on the stream, the checkpointer and the controls run on the tick)
// writes whenever it runs; they derive from evidence and registers, which the
// snapshots do compare.
func background(b []byte) bool {
	s := string(b)
	return strings.Contains(s, `"pk":{"Value":"ARCHIVE#`) || strings.Contains(s, `"pk":{"Value":"CHECKPOINT#`) ||
		strings.Contains(s, `"pk":{"Value":"DLQ#`) ||
		(strings.Contains(s, `"pk":{"Value":"TENANT#`) && (strings.Contains(s, `#CONTROLS"`) || strings.Contains(s, `#CONTROL#`)))
}

// snapshot fingerprints every item of every table (but background work's), so
// a test can prove that a batch of requests wrote nothing at all.
func snapshot(t *testing.T) (int, string) {
	t.Helper()
	var lines []string
	eachItem(t, func(table string, raw []byte, _ map[string]types.AttributeValue) {
		if !background(raw) {
			lines = append(lines, table+" "+string(raw))
		}
	})
	sort.Strings(lines)
	h := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	return len(lines), hex.EncodeToString(h[:])
}

type hostile struct {
	name, method, path, query, contentType, auth string
	body                                         []byte
	header                                       map[string]string
}

func concretePath(pattern string, param func(name string) string) string {
	segs := strings.Split(strings.Trim(pattern, "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") {
			segs[i] = param(strings.Trim(s, "{}"))
		}
	}
	return "/" + strings.Join(segs, "/")
}

func ownParam(name string) string {
	switch name {
	case "tenant":
		return sys.Tenant
	case "shard", "seq":
		return "0"
	default:
		return "probe-" + name
	}
}

// hostileCorpus builds hostile requests for every mounted route.
func hostileCorpus(routes []httpapi.Route) []hostile {
	bodies := []struct {
		name string
		body []byte
		ct   string
	}{
		{"malformed JSON", []byte(`{"input":`), ""},
		{"deeply nested", []byte(strings.Repeat("[", 5000) + strings.Repeat("]", 5000)), ""},
		{"deeply nested objects", []byte(strings.Repeat(`{"a":`, 200) + "1" + strings.Repeat("}", 200)), ""},
		{"duplicate keys", []byte(`{"input":"a","input":"b","scopes":["read"],"scopes":["admin"]}`), ""},
		{"huge number", []byte(`{"input":1e999999,"seq":123456789012345678901234567890}`), ""},
		{"invalid UTF-8", []byte("{\"input\":\"\xff\xfe\xfd\"}"), ""},
		{"lone surrogate", []byte(`{"input":"\udc00\ud800"}`), ""},
		{"escaped NUL", []byte(`{"input":"\u0000"}`), ""},
		{"raw NUL", []byte("{\"input\":\"a\x00\"}"), ""},
		{"wrong content type", []byte(`{"input":"a"}`), "text/plain"},
		{"form content type", []byte(`input=a`), "application/x-www-form-urlencoded"},
		{"binary body", []byte{0x1f, 0x8b, 0x08, 0x00, 0xff}, "application/octet-stream"},
		{"XML as JSON", []byte(`<input>a</input>`), ""},
		{"oversized body", []byte(`{"input":"` + strings.Repeat("A", 300<<10) + `"}`), ""},
		{"array instead of object", []byte(`[{"input":"a"}]`), ""},
		{"wrong types everywhere", []byte(`{"input":[],"output":{},"context":7,"scopes":"admin","records":{},"name":false}`), ""},
		{"trailing garbage", []byte(`{"input":"a"}garbage`), ""},
	}
	paramAttacks := []struct{ name, value string }{
		{"path traversal", "..%2F..%2Fetc%2Fpasswd"},
		{"dot dot", ".."},
		{"NUL in id", "a%00b"},
		{"invalid UTF-8 in id", "%ff%fe"},
		{"backslash traversal", "..%5C..%5Cwin"},
		{"overlong id", strings.Repeat("x", 3000)},
	}
	var out []hostile
	for _, rt := range routes {
		path := concretePath(rt.Pattern, ownParam)
		id := rt.Method + " " + rt.Pattern
		if rt.Method == "POST" || rt.Method == "PUT" || rt.Method == "PATCH" {
			for _, b := range bodies {
				ct := b.ct
				if ct == "" {
					ct = "application/json"
				}
				out = append(out, hostile{name: id + ": " + b.name, method: rt.Method, path: path, contentType: ct, body: b.body})
			}
		}
		if strings.Contains(rt.Pattern, "{") {
			for _, a := range paramAttacks {
				for _, pname := range paramNames(rt.Pattern) {
					p := concretePath(rt.Pattern, func(n string) string {
						if n == pname {
							return a.value
						}
						return ownParam(n)
					})
					out = append(out, hostile{name: id + ": " + a.name + " in " + pname, method: rt.Method, path: p, contentType: "application/json", body: []byte(`{}`)})
				}
			}
		}
		out = append(out,
			hostile{name: id + ": malformed query", method: rt.Method, path: path, query: "chain=%zz&from=%", contentType: "application/json"},
			hostile{name: id + ": oversized header", method: rt.Method, path: path, header: map[string]string{"X-Pad": strings.Repeat("p", 20<<10)}},
			hostile{name: id + ": garbage key", method: rt.Method, path: path, auth: "Bearer agk_%01%02_../../etc\\x"},
			hostile{name: id + ": wrong auth scheme", method: rt.Method, path: path, auth: "Basic " + sys.APIKey},
		)
	}
	return out
}

func paramNames(pattern string) []string {
	var names []string
	for _, s := range strings.Split(pattern, "/") {
		if strings.HasPrefix(s, "{") {
			names = append(names, strings.Trim(s, "{}"))
		}
	}
	return names
}

func TestHostileCorpusNever5xxAndWritesNothing(t *testing.T) {
	// Some evidence exists first, so "nothing written" is checked against a living table.
	status, _ := do(t, "POST", "/v1/validate", sys.APIKey, `{"input":"hello"}`)
	require.Equal(t, 200, status)

	corpus := hostileCorpus(sys.API.Server.Routes())
	require.GreaterOrEqual(t, len(corpus), 150, "the corpus covers every route")
	countBefore, before := snapshot(t)
	fiveXX := 0
	for _, h := range corpus {
		for _, key := range []string{sys.AdminKey, sys.APIKey} {
			req, err := http.NewRequest(h.method, sys.URL+h.path, strings.NewReader(string(h.body)))
			require.NoError(t, err, h.name)
			req.URL.RawQuery = h.query
			if h.contentType != "" {
				req.Header.Set("Content-Type", h.contentType)
			}
			if h.auth != "" {
				req.Header.Set("Authorization", h.auth)
			} else {
				req.Header.Set("Authorization", "Bearer "+key)
			}
			for k, v := range h.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err, h.name)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				fiveXX++
			}
			if !assert.True(t, resp.StatusCode >= 400 && resp.StatusCode < 500, "%s: status %d: %.200s", h.name, resp.StatusCode, b) {
				continue
			}
			if resp.StatusCode == http.StatusRequestHeaderFieldsTooLarge {
				continue // refused by the HTTP server before any handler, as API Gateway does
			}
			var m map[string]any
			if assert.NoError(t, json.Unmarshal(b, &m), "%s: not JSON: %.200s", h.name, b) {
				if e, ok := m["error"].(map[string]any); ok {
					assert.NotEmpty(t, e["code"], h.name)
					assert.NotEmpty(t, e["message"], h.name)
					assert.NotEmpty(t, e["requestId"], h.name)
				} else {
					assert.NotEmpty(t, m["message"], "%s: gateway-level refusals carry a message", h.name)
				}
			}
		}
	}
	countAfter, after := snapshot(t)
	assert.Equal(t, countBefore, countAfter, "items written by hostile requests")
	assert.Equal(t, before, after, "hostile requests changed stored data")
	assert.Zero(t, fiveXX)
	t.Logf("hostile corpus: %d requests x 2 keys over %d routes, %d 5xx, %d items before and after",
		len(corpus), len(sys.API.Server.Routes()), fiveXX, countAfter)
	fmt.Fprintf(io.Discard, "")
}

// eachItem calls fn with every item of every table (consistent reads), raw
// being the item's JSON.
func eachItem(t *testing.T, fn func(table string, raw []byte, item map[string]types.AttributeValue)) {
	t.Helper()
	for _, table := range sys.Tables {
		p := dynamodb.NewScanPaginator(sys.DDB, &dynamodb.ScanInput{TableName: aws.String(table), ConsistentRead: aws.Bool(true)})
		for p.HasMorePages() {
			page, err := p.NextPage(context.Background())
			require.NoError(t, err)
			for _, item := range page.Items {
				raw, err := json.Marshal(item)
				require.NoError(t, err)
				fn(table, raw, item)
			}
		}
	}
}
