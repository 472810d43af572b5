package main

import (
	"runtime/debug"
	"strings"
)

// version is the module version the binary was built from (what `go install
// ...@v1.2.3` records), with the VCS revision when the build has one, so a
// bug report names the exact code.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	return formatVersion(bi)
}

func formatVersion(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, when string
	dirty := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return v
	}
	var b strings.Builder
	b.WriteString(v + " (revision " + rev[:min(12, len(rev))])
	if dirty {
		b.WriteString(", modified")
	}
	if when != "" {
		b.WriteString(", " + when)
	}
	b.WriteString(")")
	return b.String()
}

func init() {
	rootCmd.Version = version()
	rootCmd.SetVersionTemplate("agentgate {{.Version}}\n")
}
