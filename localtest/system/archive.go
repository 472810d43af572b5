package system

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/agentgate/agentgate/localtest/invoke"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/agentgate/agentgate/localtest/streams"
	"github.com/agentgate/agentgate/shared/archive/awsstore"
	"github.com/agentgate/agentgate/shared/wire/archivewire"
	"github.com/agentgate/agentgate/shared/wire/checkpointwire"
)

// startArchive runs what AWS runs around the evidence table: the stream
// event source feeding the archiver (a poller over DynamoDB Local Streams,
// invoking the handler with real event JSON) and the checkpointer on the
// tick, invoked with a real EventBridge scheduled event. ctx ends both.
func (s *System) startArchive(ctx context.Context) error {
	arch, err := archivewire.NewArchiver(s.Clients, s.Config)
	if err != nil {
		return err
	}
	// One handler for both triggers, as deployed: stream batches and the
	// sweep's scheduled event.
	handler := archivewire.ArchiverHandler(arch, archivewire.NewArchiveSweeper(s.Clients, s.Config, arch), s.opts.Log)
	sweep := invoke.JSON(handler)
	s.AddJob(Job{Name: "archive-sweep", Run: func(ctx context.Context, now time.Time) error {
		_, err := sweep(ctx, ScheduledEvent(now, "agentgate-archive-sweep"))
		return err
	}})
	arn, err := streams.StreamARN(ctx, s.DDB, s.Config.EvidenceTable)
	if err != nil {
		return err
	}
	p := &streams.Poller{
		API:         s.Emulators.StreamsClient(),
		StreamARN:   arn,
		Invoke:      invoke.JSON(handler),
		DeadLetters: awsstore.NewRegistry(s.DDB, s.Config.RegistryTable),
		Log:         s.opts.Log,
	}
	s.wg.Add(1)
	go func() { defer s.wg.Done(); p.Run(ctx) }()

	cp, err := checkpointwire.NewCheckpointer(s.Clients, s.Config)
	if err != nil {
		return err
	}
	invoke := invoke.JSON(checkpointwire.CheckpointHandler(cp, s.opts.Log))
	s.AddJob(Job{Name: "checkpointer", Run: func(ctx context.Context, now time.Time) error {
		_, err := invoke(ctx, ScheduledEvent(now, "agentgate-checkpointer"))
		return err
	}})
	return nil
}

// Checkpoint runs the checkpointer once now, as its schedule would.
func (s *System) Checkpoint(ctx context.Context) error {
	cp, err := checkpointwire.NewCheckpointer(s.Clients, s.Config)
	if err != nil {
		return err
	}
	res, err := cp.Run(ctx, time.Now())
	if err != nil {
		return fmt.Errorf("checkpoint (%d of %d chains failed): %w", len(res.Failed), res.Chains, err)
	}
	return nil
}

// ScheduledEvent is the JSON EventBridge sends a function for a schedule rule.
func ScheduledEvent(at time.Time, rule string) []byte {
	ev := events.EventBridgeEvent{
		Version: "0", ID: fmt.Sprintf("local-%d", at.UnixNano()), DetailType: "Scheduled Event",
		Source: "aws.events", AccountID: "000000000000", Time: at.UTC().Truncate(time.Second), Region: "us-east-1",
		Resources: []string{"arn:aws:events:us-east-1:000000000000:rule/" + rule},
		Detail:    json.RawMessage(`{}`),
	}
	b, _ := json.Marshal(ev) // a fixed struct: cannot fail
	return b
}
