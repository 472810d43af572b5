package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudfront"

	"github.com/agentgate/agentgate/controls"
)

// APIDomainsAPI is the part of the API Gateway v2 client the adapter uses.
// GetDomainNames has no SDK paginator; the adapter follows NextToken.
type APIDomainsAPI interface {
	GetDomainNames(ctx context.Context, in *apigatewayv2.GetDomainNamesInput, opts ...func(*apigatewayv2.Options)) (*apigatewayv2.GetDomainNamesOutput, error)
}

// APIDomains reads the TLS security policy of API Gateway custom domains.
type APIDomains struct{ api APIDomainsAPI }

var _ controls.TLSPolicies = (*APIDomains)(nil)

// NewAPIDomains returns the adapter.
func NewAPIDomains(api APIDomainsAPI) *APIDomains { return &APIDomains{api: api} }

// apiGatewayTLS is the lowest TLS version each security policy accepts.
var apiGatewayTLS = map[string]string{"TLS_1_0": "1.0", "TLS_1_2": "1.2"}

// Endpoints implements controls.TLSPolicies.
func (d *APIDomains) Endpoints(ctx context.Context) ([]controls.TLSEndpoint, error) {
	var out []controls.TLSEndpoint
	in := &apigatewayv2.GetDomainNamesInput{MaxResults: aws.String("50")}
	for pages := 0; ; pages++ {
		if pages >= 1000 {
			return nil, fmt.Errorf("api gateway domain names: more than %d pages", pages)
		}
		page, err := d.api.GetDomainNames(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("api gateway domain names: %w", err)
		}
		for _, dn := range page.Items {
			for _, c := range dn.DomainNameConfigurations {
				p := string(c.SecurityPolicy)
				out = append(out, controls.TLSEndpoint{Kind: "API Gateway custom domain", Name: aws.ToString(dn.DomainName), Policy: p, MinTLS: apiGatewayTLS[p]})
			}
		}
		if aws.ToString(page.NextToken) == "" || aws.ToString(page.NextToken) == aws.ToString(in.NextToken) {
			return out, nil
		}
		in.NextToken = page.NextToken
	}
}

// Distributions reads the viewer TLS policy of CloudFront distributions.
type Distributions struct {
	api cloudfront.ListDistributionsAPIClient
}

var _ controls.TLSPolicies = (*Distributions)(nil)

// NewDistributions returns the adapter.
func NewDistributions(api cloudfront.ListDistributionsAPIClient) *Distributions {
	return &Distributions{api: api}
}

// cloudFrontTLS is the lowest TLS version each viewer policy accepts.
var cloudFrontTLS = map[string]string{
	"SSLv3": "SSLv3", "TLSv1": "1.0", "TLSv1_2016": "1.0", "TLSv1.1_2016": "1.1",
	"TLSv1.2_2018": "1.2", "TLSv1.2_2019": "1.2", "TLSv1.2_2021": "1.2", "TLSv1.2_2025": "1.2", "TLSv1.3_2025": "1.3",
}

// Endpoints implements controls.TLSPolicies. A distribution on the default
// *.cloudfront.net certificate accepts TLSv1 whatever its setting says.
func (d *Distributions) Endpoints(ctx context.Context) ([]controls.TLSEndpoint, error) {
	var out []controls.TLSEndpoint
	p := cloudfront.NewListDistributionsPaginator(d.api, &cloudfront.ListDistributionsInput{})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("cloudfront distributions: %w", err)
		}
		if page.DistributionList == nil {
			continue
		}
		for _, s := range page.DistributionList.Items {
			e := controls.TLSEndpoint{Kind: "CloudFront distribution", Name: aws.ToString(s.Id)}
			if a := s.Aliases; a != nil && len(a.Items) > 0 {
				e.Name += " (" + a.Items[0] + ")"
			}
			vc := s.ViewerCertificate
			switch {
			case vc == nil || aws.ToBool(vc.CloudFrontDefaultCertificate):
				e.Policy, e.MinTLS, e.Note = "default certificate", "1.0", "on the default *.cloudfront.net certificate"
			default:
				e.Policy = string(vc.MinimumProtocolVersion)
				e.MinTLS = cloudFrontTLS[e.Policy]
			}
			out = append(out, e)
		}
	}
	return out, nil
}
