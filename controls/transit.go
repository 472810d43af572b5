package controls

import (
	"context"
	"fmt"
)

// TLSEndpoint is a public endpoint's TLS policy.
type TLSEndpoint struct {
	Kind, Name string
	// Policy is the service's security policy name; MinTLS the lowest
	// protocol it accepts ("1.0", "1.1", "1.2", "1.3", "SSLv3"; "" unknown).
	Policy, MinTLS string
	Note           string
}

// TLSPolicies lists endpoints and their TLS policies.
type TLSPolicies interface {
	Endpoints(ctx context.Context) ([]TLSEndpoint, error)
}

// TransitCheck (CC6.7): every API Gateway custom domain and CloudFront
// distribution refuses TLS below 1.2 (failing otherwise); a policy the
// check does not know warns. TLS 1.3-only policies pass, as the stronger
// state.
func TransitCheck(sources ...TLSPolicies) Check {
	return Check{Control: "CC6.7", Name: "TLS policies of public endpoints", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			var out []Finding
			wired := 0
			for _, s := range sources {
				if s == nil {
					continue
				}
				wired++
				eps, err := s.Endpoints(ctx)
				if err != nil {
					return nil, err
				}
				for _, e := range eps {
					what := fmt.Sprintf("%s %s", e.Kind, e.Name)
					if e.Note != "" {
						what += " " + e.Note
					}
					switch e.MinTLS {
					case "1.2", "1.3":
					case "":
						out = append(out, warnf("%s has TLS policy %q, which this check does not know", what, e.Policy))
					case "SSLv3":
						out = append(out, failf("%s accepts SSLv3 (policy %s); require TLS 1.2 or later", what, e.Policy))
					default:
						out = append(out, failf("%s accepts TLS %s (policy %s); require TLS 1.2 or later", what, e.MinTLS, e.Policy))
					}
				}
			}
			if wired == 0 {
				return nil, ErrNotConfigured
			}
			return out, nil
		}}
}

// ModelEndpoint is one model served by a SageMaker endpoint.
type ModelEndpoint struct {
	Name, Model string
	// InVPC: the model's containers run in the account's VPC; outside one
	// they reach (and are reachable over) the public internet.
	InVPC bool
}

// ModelEndpoints lists the account's model endpoints.
type ModelEndpoints interface {
	ModelEndpoints(ctx context.Context) ([]ModelEndpoint, error)
}

// PublicEndpointsCheck (CC6.7): SageMaker endpoints whose model runs
// outside a VPC are flagged (warning): prompts and completions then leave
// the account's network on their way to and from the model.
func PublicEndpointsCheck(eps ModelEndpoints) Check {
	return Check{Control: "CC6.7", Name: "SageMaker endpoints", Account: true,
		Run: func(ctx context.Context, in Input) ([]Finding, error) {
			if eps == nil {
				return nil, ErrNotConfigured
			}
			all, err := eps.ModelEndpoints(ctx)
			if err != nil {
				return nil, err
			}
			var out []Finding
			for _, e := range all {
				if !e.InVPC {
					out = append(out, warnf("SageMaker endpoint %s serves model %s outside a VPC", e.Name, e.Model))
				}
			}
			return out, nil
		}}
}
