package cloud

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
)

// This file evaluates IAM policy documents for one question: can a
// principal holding them invoke a model endpoint? It reads the documents
// themselves (Action and NotAction, Resource and NotResource, wildcards,
// explicit denies across every policy of the principal) instead of trusting
// policy names. Conditions are not evaluated: an Allow under a condition
// still counts as reach (the review decides whether the condition holds),
// and a Deny under a condition is not counted as removing it. Permission
// boundaries and organisation SCPs are outside the account's documents and
// are not read; both can only narrow what is reported, so the scan errs on
// the side of listing a principal.

// modelActions are the actions that reach a model endpoint.
var modelActions = []string{
	"bedrock:invokemodel", "bedrock:invokemodelwithresponsestream", "bedrock:converse", "bedrock:conversestream",
	"bedrock:invokeagent", "bedrock:invokeinlineagent", "bedrock:retrieveandgenerate",
	"sagemaker:invokeendpoint", "sagemaker:invokeendpointasync", "sagemaker:invokeendpointwithresponsestream",
}

// modelARNPrefixes are where model resources live, per partition.
var modelARNPrefixes = func() []string {
	var out []string
	for _, part := range []string{"aws", "aws-cn", "aws-us-gov"} {
		for _, svc := range []string{"bedrock", "sagemaker"} {
			out = append(out, "arn:"+part+":"+svc+":")
		}
	}
	return out
}()

type policyDoc struct {
	Statement oneOrMany[statement] `json:"Statement"`
}

type statement struct {
	Effect      string            `json:"Effect"`
	Action      oneOrMany[string] `json:"Action"`
	NotAction   oneOrMany[string] `json:"NotAction"`
	Resource    oneOrMany[string] `json:"Resource"`
	NotResource oneOrMany[string] `json:"NotResource"`
	Condition   json.RawMessage   `json:"Condition"`
}

// oneOrMany is IAM's "a value or a list of values".
type oneOrMany[T any] []T

func (o *oneOrMany[T]) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var l []T
		if err := json.Unmarshal(b, &l); err != nil {
			return err
		}
		*o = l
		return nil
	}
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*o = []T{v}
	return nil
}

// parsePolicy reads a policy document, URL-encoded as IAM returns it or
// plain.
func parsePolicy(doc string) ([]statement, error) {
	if doc == "" {
		return nil, nil
	}
	if dec, err := url.QueryUnescape(doc); err == nil {
		doc = dec
	}
	var d policyDoc
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		return nil, fmt.Errorf("policy document: %w", err)
	}
	return d.Statement, nil
}

// statementActions reports whether st applies to action (lower-case).
func (st statement) covers(action string) bool {
	if len(st.NotAction) > 0 {
		for _, p := range st.NotAction {
			if glob(strings.ToLower(p), action) {
				return false
			}
		}
		return true
	}
	for _, p := range st.Action {
		if glob(strings.ToLower(p), action) {
			return true
		}
	}
	return false
}

// reachesModels reports whether the statement's resources can include a
// model resource. With NotResource it does unless an excluded pattern
// covers every model ARN of both services.
func (st statement) reachesModels() bool {
	if len(st.NotResource) > 0 {
		for _, prefix := range modelARNPrefixes {
			if !excludesAll(st.NotResource, prefix) {
				return true
			}
		}
		return false
	}
	if len(st.Resource) == 0 {
		return true // a principal policy without Resource is invalid; be conservative
	}
	for _, p := range st.Resource {
		for _, prefix := range modelARNPrefixes {
			if canMatchPrefix(p, prefix) {
				return true
			}
		}
	}
	return false
}

// coversAllModels reports whether a Deny's resources cover every model
// resource (so it removes the action whatever the Allow names).
func (st statement) coversAllModels() bool {
	if len(st.NotResource) > 0 {
		return false
	}
	for _, prefix := range modelARNPrefixes {
		if !excludesAll(st.Resource, prefix) {
			return false
		}
	}
	return true
}

// excludesAll reports whether one of patterns matches every string that
// starts with prefix: "*", or the prefix (or a shorter one) then only "*".
func excludesAll(patterns []string, prefix string) bool {
	for _, p := range patterns {
		lit := strings.TrimRight(p, "*")
		if lit == p {
			continue // no trailing wildcard: matches one resource only
		}
		if !strings.ContainsAny(lit, "*?") && strings.HasPrefix(prefix, lit) {
			return true
		}
	}
	return false
}

// ModelReach says which model actions a set of statements allows after
// explicit denies; empty when none.
func ModelReach(statements []statement) []string {
	var out []string
	for _, a := range modelActions {
		allowed, denied := false, false
		for _, st := range statements {
			if !st.covers(a) {
				continue
			}
			switch st.Effect {
			case "Allow":
				allowed = allowed || st.reachesModels()
			case "Deny":
				denied = denied || (len(st.Condition) == 0 && st.coversAllModels())
			}
		}
		if allowed && !denied {
			out = append(out, a)
		}
	}
	return out
}

// glob matches IAM wildcards: "*" any run of characters (colons and
// slashes included), "?" one character.
func glob(p, s string) bool {
	px, sx := 0, 0
	starP, starS := -1, 0
	for sx < len(s) {
		switch {
		case px < len(p) && (p[px] == '?' || p[px] == s[sx]):
			px++
			sx++
		case px < len(p) && p[px] == '*':
			starP, starS = px, sx
			px++
		case starP >= 0:
			px = starP + 1
			starS++
			sx = starS
		default:
			return false
		}
	}
	for px < len(p) && p[px] == '*' {
		px++
	}
	return px == len(p)
}

// canMatchPrefix reports whether pattern p matches some string starting
// with prefix.
func canMatchPrefix(p, prefix string) bool {
	if prefix == "" {
		return true
	}
	if p == "" {
		return false
	}
	switch p[0] {
	case '*':
		return canMatchPrefix(p[1:], prefix) || canMatchPrefix(p, prefix[1:])
	case '?':
		return canMatchPrefix(p[1:], prefix[1:])
	}
	return p[0] == prefix[0] && canMatchPrefix(p[1:], prefix[1:])
}
