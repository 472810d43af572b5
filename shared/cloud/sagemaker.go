package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sagemaker"

	"github.com/agentgate/agentgate/controls"
)

// SageMakerAPI is the part of the SageMaker client the adapter uses.
type SageMakerAPI interface {
	sagemaker.ListEndpointsAPIClient
	DescribeEndpoint(ctx context.Context, in *sagemaker.DescribeEndpointInput, opts ...func(*sagemaker.Options)) (*sagemaker.DescribeEndpointOutput, error)
	DescribeEndpointConfig(ctx context.Context, in *sagemaker.DescribeEndpointConfigInput, opts ...func(*sagemaker.Options)) (*sagemaker.DescribeEndpointConfigOutput, error)
	DescribeModel(ctx context.Context, in *sagemaker.DescribeModelInput, opts ...func(*sagemaker.Options)) (*sagemaker.DescribeModelOutput, error)
}

// ModelEndpoints reads which SageMaker endpoints serve models outside a
// VPC: endpoint -> endpoint config -> each variant's model -> its VpcConfig.
type ModelEndpoints struct{ api SageMakerAPI }

var _ controls.ModelEndpoints = (*ModelEndpoints)(nil)

// NewModelEndpoints returns the adapter.
func NewModelEndpoints(api SageMakerAPI) *ModelEndpoints { return &ModelEndpoints{api: api} }

// ModelEndpoints implements controls.ModelEndpoints (one entry per variant).
func (m *ModelEndpoints) ModelEndpoints(ctx context.Context) ([]controls.ModelEndpoint, error) {
	var out []controls.ModelEndpoint
	models := map[string]bool{} // model name -> in a VPC, read once per run
	p := sagemaker.NewListEndpointsPaginator(m.api, &sagemaker.ListEndpointsInput{MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("sagemaker endpoints: %w", err)
		}
		for _, s := range page.Endpoints {
			name := aws.ToString(s.EndpointName)
			ep, err := m.api.DescribeEndpoint(ctx, &sagemaker.DescribeEndpointInput{EndpointName: s.EndpointName})
			if err != nil {
				return nil, fmt.Errorf("sagemaker endpoint %s: %w", name, err)
			}
			cfg, err := m.api.DescribeEndpointConfig(ctx, &sagemaker.DescribeEndpointConfigInput{EndpointConfigName: ep.EndpointConfigName})
			if err != nil {
				return nil, fmt.Errorf("sagemaker endpoint config %s: %w", aws.ToString(ep.EndpointConfigName), err)
			}
			for _, v := range cfg.ProductionVariants {
				model := aws.ToString(v.ModelName)
				inVPC, seen := models[model]
				if !seen && model != "" {
					d, err := m.api.DescribeModel(ctx, &sagemaker.DescribeModelInput{ModelName: v.ModelName})
					if err != nil {
						return nil, fmt.Errorf("sagemaker model %s: %w", model, err)
					}
					inVPC = d.VpcConfig != nil && len(d.VpcConfig.Subnets) > 0
					models[model] = inVPC
				}
				out = append(out, controls.ModelEndpoint{Name: name, Model: model, InVPC: inVPC})
			}
		}
	}
	return out, nil
}
