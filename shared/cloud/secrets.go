package cloud

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"

	"github.com/agentgate/agentgate/controls"
)

// SecretRotations reads the rotation settings of the account's Secrets
// Manager secrets (metadata only: no secret value is ever requested).
type SecretRotations struct {
	api secretsmanager.ListSecretsAPIClient
}

var _ controls.SecretStore = (*SecretRotations)(nil)

// NewSecretRotations returns the adapter.
func NewSecretRotations(api secretsmanager.ListSecretsAPIClient) *SecretRotations {
	return &SecretRotations{api: api}
}

// Secrets implements controls.SecretStore over every page of ListSecrets.
func (s *SecretRotations) Secrets(ctx context.Context) ([]controls.StoredSecret, error) {
	var out []controls.StoredSecret
	p := secretsmanager.NewListSecretsPaginator(s.api, &secretsmanager.ListSecretsInput{MaxResults: aws.Int32(100)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("list secrets: %w", err)
		}
		for _, e := range page.SecretList {
			if e.DeletedDate != nil {
				continue
			}
			sec := controls.StoredSecret{
				Name: aws.ToString(e.Name), RotationEnabled: aws.ToBool(e.RotationEnabled),
				LastRotated: aws.ToTime(e.LastRotatedDate), NextRotation: aws.ToTime(e.NextRotationDate),
				LastAccessed: aws.ToTime(e.LastAccessedDate), Created: aws.ToTime(e.CreatedDate),
			}
			if r := e.RotationRules; r != nil {
				sec.EveryDays = int(aws.ToInt64(r.AutomaticallyAfterDays))
			}
			out = append(out, sec)
		}
	}
	return out, nil
}
