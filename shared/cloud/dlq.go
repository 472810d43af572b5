package cloud

import (
	"context"
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
)

// SQSAPI is the part of the SQS client the dead-letter count uses.
type SQSAPI interface {
	GetQueueAttributes(ctx context.Context, in *sqs.GetQueueAttributesInput, opts ...func(*sqs.Options)) (*sqs.GetQueueAttributesOutput, error)
}

// DeadLetterQueue counts the messages in the archiver's DLQ (the stream
// mapping's on-failure destination in AWS).
type DeadLetterQueue struct {
	api SQSAPI
	url string
}

// NewDeadLetterQueue returns the counter for the queue at url.
func NewDeadLetterQueue(api SQSAPI, url string) *DeadLetterQueue {
	return &DeadLetterQueue{api: api, url: url}
}

// DeadLetters counts visible and in-flight messages: a message being
// looked at by an operator is still unresolved.
func (q *DeadLetterQueue) DeadLetters(ctx context.Context) (int, error) {
	out, err := q.api.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{
		QueueUrl: aws.String(q.url),
		AttributeNames: []sqstypes.QueueAttributeName{
			sqstypes.QueueAttributeNameApproximateNumberOfMessages,
			sqstypes.QueueAttributeNameApproximateNumberOfMessagesNotVisible,
		},
	})
	if err != nil {
		return 0, fmt.Errorf("dead-letter queue attributes: %w", err)
	}
	total := 0
	for _, k := range []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameApproximateNumberOfMessages, sqstypes.QueueAttributeNameApproximateNumberOfMessagesNotVisible} {
		n, err := strconv.Atoi(out.Attributes[string(k)])
		if err != nil {
			return 0, fmt.Errorf("dead-letter queue attribute %s: %w", k, err)
		}
		total += n
	}
	return total, nil
}
