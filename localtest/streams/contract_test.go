package streams_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/require"
)

var (
	contractOnce   sync.Once
	contractRouter routers.Router
	contractErr    error
)

// assertContract checks an answer against docs/openapi.yaml.
func assertContract(t *testing.T, pathQuery string, status int, body []byte) {
	t.Helper()
	contractOnce.Do(func() {
		doc, err := openapi3.NewLoader().LoadFromFile("../../docs/openapi.yaml")
		if err == nil {
			err = doc.Validate(context.Background())
		}
		if err == nil {
			contractRouter, err = legacy.NewRouter(doc)
		}
		contractErr = err
	})
	require.NoError(t, contractErr)
	req, err := http.NewRequest("GET", "https://example.execute-api.us-east-1.amazonaws.com"+pathQuery, nil)
	require.NoError(t, err)
	route, params, err := contractRouter.FindRoute(req)
	require.NoError(t, err)
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: status,
		Header:  http.Header{"Content-Type": []string{"application/json"}},
		Body:    io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	require.NoError(t, openapi3filter.ValidateResponse(context.Background(), out), "%s %d %s", pathQuery, status, body)
}
