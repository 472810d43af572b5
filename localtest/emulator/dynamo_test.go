package emulator_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/agentgate/agentgate/localtest/emulator"
)

func TestStartDynamoAlone(t *testing.T) {
	ctx := context.Background()
	start := time.Now()
	p, err := emulator.StartDynamo(ctx, emulator.Options{})
	require.NoError(t, err)
	t.Logf("dynamodb ready in %s at %s pid %d", time.Since(start), p.Endpoint, p.PID)
	db := dynamodb.NewFromConfig(emulator.Config(""), emulator.DynamoOptions(p.Endpoint))
	out, err := db.ListTables(ctx, &dynamodb.ListTablesInput{})
	require.NoError(t, err)
	assert.Empty(t, out.TableNames)
	addrs, err := emulator.ListeningAddrs(p.PID)
	require.NoError(t, err)
	t.Log(addrs)
	require.NoError(t, p.Stop())
	assert.False(t, emulator.Exists(p.PID))
	_ = aws.String
}
