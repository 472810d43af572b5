package wire

import (
	"strconv"
	"strings"
	"time"
)

// RatePeriod is the period of an EventBridge rate expression
// ("rate(1 hour)", "rate(15 minutes)"), or 0 for anything else: a cron
// expression fires at times a period does not describe, and the API then
// says nothing rather than a wrong figure.
func RatePeriod(expr string) time.Duration {
	inner, ok := strings.CutPrefix(strings.TrimSpace(expr), "rate(")
	if !ok {
		return 0
	}
	inner, ok = strings.CutSuffix(inner, ")")
	if !ok {
		return 0
	}
	num, unit, ok := strings.Cut(strings.TrimSpace(inner), " ")
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(num)
	if err != nil || n <= 0 {
		return 0
	}
	var d time.Duration
	switch strings.TrimSuffix(strings.TrimSpace(unit), "s") {
	case "minute":
		d = time.Minute
	case "hour":
		d = time.Hour
	case "day":
		d = 24 * time.Hour
	default:
		return 0
	}
	return time.Duration(n) * d
}
