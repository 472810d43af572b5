package dynamo_test

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/agentgate/agentgate/localtest/emulator"
	"github.com/agentgate/agentgate/localtest/stack"
)

var (
	ddb      *dynamodb.Client
	tableSeq atomic.Int64
)

// TestMain runs the package against one real DynamoDB Local.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	p, err := emulator.StartDynamo(context.Background(), emulator.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "start DynamoDB Local:", err)
		return 1
	}
	defer p.Stop()
	ddb = dynamodb.NewFromConfig(emulator.Config(""), emulator.DynamoOptions(p.Endpoint))
	return m.Run()
}

func stackTables(prefix string) (map[string]string, error) {
	return stack.CreateTables(context.Background(), ddb, prefix)
}

// freshTables creates a private set of tables for one test.
func freshTables(t *testing.T) map[string]string {
	t.Helper()
	names, err := stack.CreateTables(context.Background(), ddb, fmt.Sprintf("t%d-", tableSeq.Add(1)))
	if err != nil {
		t.Fatal(err)
	}
	return names
}
