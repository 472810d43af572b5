package main

import (
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatVersion(t *testing.T) {
	tests := []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{name: "go install of a tag", bi: debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}}, want: "v0.4.0"},
		{name: "local build with vcs", bi: debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "c0fb55f0123456789abcdef"}, {Key: "vcs.time", Value: "2026-12-05T08:00:00Z"}, {Key: "vcs.modified", Value: "true"}}},
			want: "(devel) (revision c0fb55f01234, modified, 2026-12-05T08:00:00Z)"},
		{name: "no version recorded", bi: debug.BuildInfo{}, want: "(devel)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, formatVersion(&tt.bi))
		})
	}
}

func TestVersionFlag(t *testing.T) {
	stdout, _, err := runCLI(t, "--version")
	assert.NoError(t, err)
	assert.Regexp(t, `^agentgate \S`, stdout)
}
