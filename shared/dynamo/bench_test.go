package dynamo_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/dynamo"
	"github.com/agentgate/agentgate/shared/evidence"
	"github.com/agentgate/agentgate/shared/tables"
)

const benchWriters = 16

// run spreads n operations over benchWriters goroutines and returns ops/s.
func runWriters(b *testing.B, n int, op func(w, i int) error) float64 {
	b.Helper()
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	start := time.Now()
	for w := 0; w < benchWriters; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := op(w, i); err != nil {
					failed.Store(err)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	return float64(n) / time.Since(start).Seconds()
}

// BenchmarkAppendVsPutItem measures, in the same run against DynamoDB Local,
// 16 writers doing plain unconditional PutItem of evidence-sized items and
// 16 writers (16 simulated Lambda instances, each its own Appender) appending
// to ONE tenant's chains, for 1..16 shards per tenant. It reports both rates,
// their ratio, and the forks found by verifying every chain afterwards.
func BenchmarkAppendVsPutItem(b *testing.B) {
	for _, shards := range []int{1, 2, 4, 8, 16} {
		b.Run(fmt.Sprintf("shards=%d", shards), func(b *testing.B) {
			names, err := stackTables(fmt.Sprintf("b%d-", tableSeq.Add(1)))
			if err != nil {
				b.Fatal(err)
			}
			table := names[tables.Evidence.EnvVar]
			store := dynamo.NewEvidenceStore(ddb, table)
			n := max(b.N, 200)
			sample := draft("plain/0")
			sample.V, sample.TS, sample.PrevHash = 1, evidence.FormatTime(time.Now()), evidence.GenesisHash
			evidence.Seal(&sample)
			b.ResetTimer()
			putRate := runWriters(b, n, func(w, i int) error {
				item := dynamo.EntryToItem(&sample)
				item["chain"] = &types.AttributeValueMemberS{Value: "plain/" + strconv.Itoa(w)}
				item["seq"] = &types.AttributeValueMemberN{Value: strconv.Itoa(i)}
				_, err := ddb.PutItem(context.Background(), &dynamodb.PutItemInput{TableName: aws.String(table), Item: item})
				return err
			})
			apps := make([]*evidence.Appender, benchWriters)
			for i := range apps {
				apps[i] = evidence.NewAppender(store, evidence.WithShards(shards), evidence.WithRetry(10000, 100*time.Microsecond, 5*time.Millisecond))
			}
			appendRate := runWriters(b, n, func(w, i int) error {
				d := draft("")
				d.Chain = ""
				_, err := apps[w].Append(context.Background(), d)
				return err
			})
			b.StopTimer()
			var checked int64
			forks := 0
			for s := 0; s < shards; s++ {
				rep, err := evidence.VerifyRange(context.Background(), store, evidence.ChainID("acme", s), 0, -1)
				if err != nil {
					b.Fatal(err)
				}
				if !rep.Valid {
					forks++
				}
				checked += rep.Checked
			}
			if checked != int64(n) || forks != 0 {
				b.Fatalf("appended %d, chains hold %d, %d chains broken", n, checked, forks)
			}
			b.ReportMetric(putRate, "puts/s")
			b.ReportMetric(appendRate, "appends/s")
			b.ReportMetric(appendRate/putRate, "ratio")
			b.ReportMetric(float64(forks), "forks")
		})
	}
}
