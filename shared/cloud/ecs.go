package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ecs"
	ecstypes "github.com/aws/aws-sdk-go-v2/service/ecs/types"

	"github.com/agentgate/agentgate/controls"
)

// ECSAPI is the part of the ECS client the adapter uses.
type ECSAPI interface {
	ecs.ListTaskDefinitionFamiliesAPIClient
	DescribeTaskDefinition(ctx context.Context, in *ecs.DescribeTaskDefinitionInput, opts ...func(*ecs.Options)) (*ecs.DescribeTaskDefinitionOutput, error)
}

// TaskEnvs reads the plain environment variables of the latest active
// revision of every ECS task definition family (container `secrets`, which
// reference Secrets Manager or Parameter Store, are the right way and are
// not read). Values go to the check's scanner only.
type TaskEnvs struct{ api ECSAPI }

var _ controls.FunctionEnvs = (*TaskEnvs)(nil)

// NewTaskEnvs returns the adapter.
func NewTaskEnvs(api ECSAPI) *TaskEnvs { return &TaskEnvs{api: api} }

// Environments implements controls.FunctionEnvs: one entry per container.
func (t *TaskEnvs) Environments(ctx context.Context) ([]controls.FunctionEnv, error) {
	var out []controls.FunctionEnv
	p := ecs.NewListTaskDefinitionFamiliesPaginator(t.api, &ecs.ListTaskDefinitionFamiliesInput{Status: ecstypes.TaskDefinitionFamilyStatusActive})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("task definition families: %w", err)
		}
		for _, fam := range page.Families {
			// The family name alone names its latest active revision.
			td, err := t.api.DescribeTaskDefinition(ctx, &ecs.DescribeTaskDefinitionInput{TaskDefinition: aws.String(fam)})
			if err != nil {
				return nil, fmt.Errorf("task definition %s: %w", fam, err)
			}
			if td.TaskDefinition == nil {
				continue
			}
			rev := fmt.Sprintf("%s:%d", fam, td.TaskDefinition.Revision)
			for _, c := range td.TaskDefinition.ContainerDefinitions {
				e := controls.FunctionEnv{Kind: "ECS task definition", Name: rev + " container " + aws.ToString(c.Name), Vars: map[string]string{}}
				for _, kv := range c.Environment {
					e.Vars[aws.ToString(kv.Name)] = aws.ToString(kv.Value)
				}
				out = append(out, e)
			}
		}
	}
	return out, nil
}
