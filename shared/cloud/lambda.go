package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/agentgate/agentgate/controls"
)

// FunctionEnvs reads the environment variables of the account's Lambda
// functions (every page of ListFunctions) for the secrets check. The values
// pass to the check's scanner and nowhere else: the adapter neither logs
// nor keeps them.
type FunctionEnvs struct {
	api lambda.ListFunctionsAPIClient
}

var _ controls.FunctionEnvs = (*FunctionEnvs)(nil)

// NewFunctionEnvs returns the adapter.
func NewFunctionEnvs(api lambda.ListFunctionsAPIClient) *FunctionEnvs { return &FunctionEnvs{api: api} }

// Environments implements controls.FunctionEnvs.
func (f *FunctionEnvs) Environments(ctx context.Context) ([]controls.FunctionEnv, error) {
	var out []controls.FunctionEnv
	p := lambda.NewListFunctionsPaginator(f.api, &lambda.ListFunctionsInput{MaxItems: aws.Int32(50)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list functions: %w", err)
		}
		for _, fn := range page.Functions {
			e := controls.FunctionEnv{Kind: "Lambda function", Name: aws.ToString(fn.FunctionName)}
			if fn.Environment != nil {
				e.Vars = fn.Environment.Variables
				if fn.Environment.Error != nil {
					e.Unreadable = aws.ToString(fn.Environment.Error.ErrorCode)
				}
			}
			out = append(out, e)
		}
	}
	return out, nil
}
