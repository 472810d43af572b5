package infra

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAuthorizerRunsOnEveryRequest: decision 120. With an identity source,
// API Gateway answers a request without the Authorization header itself
// (401 {"message":"Unauthorized"}, not the documented error) and caches
// every verdict, a store failure included, for the TTL. The authorizer must
// see every request and keep verdicts itself.
func TestAuthorizerRunsOnEveryRequest(t *testing.T) {
	for _, tc := range stacks() {
		t.Run(tc.name, func(t *testing.T) {
			auths := tc.s.resources("AWS::ApiGatewayV2::Authorizer")
			require.Len(t, auths, 1)
			for _, a := range auths {
				p := props(a)
				if src, ok := p["IdentitySource"]; ok {
					assert.Empty(t, src, "no identity source: a request without the header must reach the authorizer")
				}
				assert.EqualValues(t, 0, p["AuthorizerResultTtlInSeconds"], "no gateway cache: the authorizer keeps verdicts itself")
				assert.Equal(t, true, p["EnableSimpleResponses"])
			}
		})
	}
}
