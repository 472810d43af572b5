package main

import (
	"context"
	"log/slog"
)

// consoleHandler makes the log of `make local` readable while you watch
// it: CloudWatch EMF metric lines (what shared/metrics writes for the
// dashboard, bundle archiving among them) are debug here, and their raw
// "_aws" blob is never printed; everything else passes as it is. Deployed
// functions keep their JSON EMF lines: this is the local console only.
type consoleHandler struct {
	next  slog.Handler
	level slog.Level
}

func newConsoleHandler(next slog.Handler, level slog.Level) *consoleHandler {
	return &consoleHandler{next: next, level: level}
}

func (h *consoleHandler) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= h.level && h.next.Enabled(ctx, l)
}

// Handle also checks the level: metrics.Emit calls Handle without asking
// Enabled (a metric must pass any LOG_LEVEL in the cloud).
func (h *consoleHandler) Handle(ctx context.Context, r slog.Record) error {
	metric := false
	r.Attrs(func(a slog.Attr) bool {
		if a.Key == "_aws" {
			metric = true
			return false
		}
		return true
	})
	if !metric {
		if r.Level < h.level {
			return nil
		}
		return h.next.Handle(ctx, r)
	}
	if slog.LevelDebug < h.level {
		return nil
	}
	out := slog.NewRecord(r.Time, slog.LevelDebug, r.Message, r.PC)
	r.Attrs(func(a slog.Attr) bool {
		if a.Key != "_aws" {
			out.AddAttrs(a)
		}
		return true
	})
	return h.next.Handle(ctx, out)
}

func (h *consoleHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return &consoleHandler{next: h.next.WithAttrs(as), level: h.level}
}

func (h *consoleHandler) WithGroup(name string) slog.Handler {
	return &consoleHandler{next: h.next.WithGroup(name), level: h.level}
}
