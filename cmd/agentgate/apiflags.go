package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
)

// apiTarget is where the API commands (package, status) send requests.
type apiTarget struct {
	url, key string
	client   *http.Client
}

// addAPIFlags adds --url and --key, defaulting to AGENTGATE_URL and
// AGENTGATE_KEY so keys need not appear in shell history.
func addAPIFlags(cmd *cobra.Command, t *apiTarget) {
	cmd.Flags().StringVar(&t.url, "url", os.Getenv("AGENTGATE_URL"), "API base URL (env AGENTGATE_URL)")
	cmd.Flags().StringVar(&t.key, "key", os.Getenv("AGENTGATE_KEY"), "API key (env AGENTGATE_KEY)")
}

func (t *apiTarget) check() error {
	if t.url == "" || t.key == "" {
		return errors.New("set AGENTGATE_URL and AGENTGATE_KEY (or --url and --key)")
	}
	if t.client == nil {
		t.client = &http.Client{Timeout: 60 * time.Second}
	}
	return nil
}

// apiError is the documented error body.
type apiError struct {
	Error struct {
		Code, Message, RequestID string
	} `json:"error"`
}

// call sends a JSON request and decodes a JSON answer into out.
func (t *apiTarget) call(ctx context.Context, method, path string, body any, out any) (int, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, err
		}
		rd = strings.NewReader(string(b))
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(t.url, "/")+path, rd)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Authorization", "Bearer "+t.key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := t.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode >= 300 {
		var e apiError
		if json.Unmarshal(raw, &e) == nil && e.Error.Message != "" {
			return resp.StatusCode, fmt.Errorf("%s %s: %d %s: %s", method, path, resp.StatusCode, e.Error.Code, e.Error.Message)
		}
		return resp.StatusCode, fmt.Errorf("%s %s: HTTP %d", method, path, resp.StatusCode)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: unreadable answer: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}
