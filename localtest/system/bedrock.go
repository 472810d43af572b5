package system

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"

	bedrockfix "github.com/agentgate/agentgate/shared/guardrail/fixture"
)

// startBedrock serves bedrock-runtime ApplyGuardrail from the hand-written
// answers of shared/guardrail/fixture on 127.0.0.1 and returns the real SDK
// client pointed at it: a tenant policy naming guardrail "gr-intervene",
// "gr-clear", "gr-throttle", "gr-slow" or "gr-malformed" gets that answer.
// The server stops with the system (Stop shuts s.bedrockSrv down).
func (s *System) startBedrock() (*bedrockruntime.Client, error) {
	s.BedrockRuntime = bedrockfix.New()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("bedrock fixture listen: %w", err)
	}
	s.bedrockSrv = &http.Server{Handler: s.BedrockRuntime, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := s.bedrockSrv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.opts.Log.Error("bedrock fixture stopped", "err", err)
		}
	}()
	return bedrockruntime.New(bedrockruntime.Options{
		Region: "us-east-1", BaseEndpoint: aws.String("http://" + ln.Addr().String()),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDLOCAL", "local-secret", ""),
		// As deployed the budget bounds the call; retries would only spend it.
		Retryer: aws.NopRetryer{},
	}), nil
}
