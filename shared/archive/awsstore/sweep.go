package awsstore

import (
	"context"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/archive"
)

var _ archive.SweepLedger = (*Registry)(nil)

// sweepKey is the item beside a chain's watermark that lists the seqs the
// archive sweep already reported: ARCHIVE#<chain> / SWEEP, a number set.
func sweepKey(chain string) map[string]types.AttributeValue {
	return key("ARCHIVE#"+chain, "SWEEP")
}

// Reported reads the seqs of chain the sweep reported.
func (r *Registry) Reported(ctx context.Context, chain string) (map[int64]bool, error) {
	out, err := r.api.GetItem(ctx, &dynamodb.GetItemInput{TableName: &r.table, Key: sweepKey(chain), ConsistentRead: aws.Bool(true)})
	if err != nil {
		return nil, fmt.Errorf("get sweep ledger %s: %w", chain, err)
	}
	got := map[int64]bool{}
	ns, ok := out.Item["reported"].(*types.AttributeValueMemberNS)
	if !ok {
		return got, nil
	}
	for _, v := range ns.Value {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sweep ledger %s: %w", chain, err)
		}
		got[n] = true
	}
	return got, nil
}

// MarkReported adds seqs to the chain's reported set.
func (r *Registry) MarkReported(ctx context.Context, chain string, seqs []int64) error {
	if len(seqs) == 0 {
		return nil
	}
	vals := make([]string, len(seqs))
	for i, s := range seqs {
		vals[i] = strconv.FormatInt(s, 10)
	}
	_, err := r.api.UpdateItem(ctx, &dynamodb.UpdateItemInput{
		TableName:                 &r.table,
		Key:                       sweepKey(chain),
		UpdateExpression:          aws.String("ADD reported :s"),
		ExpressionAttributeValues: map[string]types.AttributeValue{":s": &types.AttributeValueMemberNS{Value: vals}},
	})
	if err != nil {
		return fmt.Errorf("mark swept %s: %w", chain, err)
	}
	return nil
}
