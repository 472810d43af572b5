package system_test

import (
	"context"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type tenantFixture struct {
	id, admin, api, keyID string
}

func newTenant(t *testing.T, id string) tenantFixture {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, sys.CreateTenant(ctx, id))
	admin, err := sys.CreateKey(ctx, id, "admin")
	require.NoError(t, err)
	api, err := sys.CreateKey(ctx, id, "validate", "read", "audit")
	require.NoError(t, err)
	f := tenantFixture{id: id, admin: admin, api: api, keyID: strings.Split(api, "_")[1]}
	// Give the tenant data on every kind of resource the API has today.
	for i := 0; i < 3; i++ {
		status, _ := do(t, "POST", "/v1/validate", api, `{"input":"my card is 4111 1111 1111 1111","context":{"userId":"subject-`+id+`","modelVersion":"m-`+id+`@1","modelProvider":"p-`+id+`"}}`)
		require.Equal(t, 200, status)
	}
	return f
}

// items returns every stored item that belongs to tenant, as sorted JSON lines.
func items(t *testing.T, tenant string) []string {
	t.Helper()
	var out []string
	eachItem(t, func(_ string, raw []byte, _ map[string]types.AttributeValue) {
		if strings.Contains(string(raw), tenant) && !background(raw) {
			out = append(out, string(raw))
		}
	})
	sort.Strings(out)
	return out
}

// secrets are values of a tenant's stored items that another tenant has no
// way to know: hashes, ids, pseudonyms. None may appear in its answers.
// (policyHash is left out: every tenant on the default policy shares it.)
func secrets(t *testing.T, tenant string) []string {
	var out []string
	eachItem(t, func(_ string, _ []byte, item map[string]types.AttributeValue) {
		if tv, ok := item["tenant"].(*types.AttributeValueMemberS); !ok || tv.Value != tenant {
			return
		}
		for name, v := range item {
			if s, ok := v.(*types.AttributeValueMemberS); ok && len(s.Value) >= 32 && name != "prevHash" && name != "policyHash" {
				out = append(out, s.Value)
			}
		}
	})
	return out
}

// TestTenantIsolationMatrix: for every mounted route, tenant A's keys
// (admin, and validate+read+audit) aimed at tenant B's resources neither
// read nor change anything of B's; and the other way round.
func TestTenantIsolationMatrix(t *testing.T) {
	a, b := newTenant(t, "tenant-a"), newTenant(t, "tenant-b")
	routes := sys.API.Server.Routes()
	requests := 0
	for _, dir := range []struct{ from, to tenantFixture }{{a, b}, {b, a}} {
		before := items(t, dir.to.id)
		require.NotEmpty(t, before)
		hidden := secrets(t, dir.to.id)
		require.NotEmpty(t, hidden)
		victim := func(name string) string {
			switch name {
			case "tenant":
				return dir.to.id
			case "shard", "seq":
				return "0"
			case "id":
				return dir.to.keyID
			case "userId":
				return "subject-" + dir.to.id
			case "version":
				return "m-" + dir.to.id + "@1"
			default:
				return dir.to.id
			}
		}
		for _, rt := range routes {
			path := concretePath(rt.Pattern, victim)
			body := `{"input":"x","context":{"tenantId":"` + dir.to.id + `","userId":"subject-` + dir.to.id + `"},"tenant":"` + dir.to.id + `","scopes":["admin"]}`
			for _, key := range []string{dir.from.admin, dir.from.api} {
				for _, shard := range []string{"0", "1", "2", "3"} {
					q := "chain=" + dir.to.id + "/" + shard + "&tenant=" + dir.to.id
					req, err := http.NewRequest(rt.Method, sys.URL+path+"?"+q, strings.NewReader(body))
					require.NoError(t, err)
					req.Header.Set("Content-Type", "application/json")
					req.Header.Set("Authorization", "Bearer "+key)
					resp, err := http.DefaultClient.Do(req)
					require.NoError(t, err)
					raw, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					requests++
					assert.Less(t, resp.StatusCode, 500, "%s %s: %s", rt.Method, path, raw)
					for _, s := range hidden {
						if strings.Contains(string(raw), s) {
							t.Errorf("%s %s as %s leaked %s's data %q: %.300s", rt.Method, path, dir.from.id, dir.to.id, s, raw)
						}
					}
				}
			}
		}
		assert.Equal(t, before, items(t, dir.to.id), "%s changed %s's data", dir.from.id, dir.to.id)
	}
	t.Logf("isolation matrix: %d routes x 2 tenants x 2 keys x 4 chains = %d requests", len(routes), requests)
}
