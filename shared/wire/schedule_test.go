package wire

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestRatePeriod(t *testing.T) {
	tests := []struct {
		name string
		expr string
		want time.Duration
	}{
		{name: "the default", expr: "rate(1 hour)", want: time.Hour},
		{name: "plural minutes", expr: "rate(15 minutes)", want: 15 * time.Minute},
		{name: "days", expr: "rate(2 days)", want: 48 * time.Hour},
		{name: "cron says nothing", expr: "cron(0 3 1 * ? *)"},
		{name: "unset", expr: ""},
		{name: "seconds are not an EventBridge unit", expr: "rate(30 seconds)"},
		{name: "zero", expr: "rate(0 minutes)"},
		{name: "not a number", expr: "rate(one hour)"},
		{name: "unclosed", expr: "rate(1 hour"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, RatePeriod(tt.expr))
		})
	}
}
