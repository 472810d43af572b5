// Package tracetest is a stand-in for the X-Ray daemon: a UDP listener on
// 127.0.0.1 that decodes what a tracer sends (a header line, then one JSON
// segment per datagram), so tests can assert on traces. It knows the wire
// format only, not shared/trace, so it survives a change of tracer that
// keeps a daemon-compatible exporter.
package tracetest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"testing"
	"time"
)

// Segment is the part of an X-Ray segment document the tests read.
type Segment struct {
	Name        string         `json:"name"`
	ID          string         `json:"id"`
	TraceID     string         `json:"trace_id"`
	ParentID    string         `json:"parent_id"`
	Type        string         `json:"type"`
	Namespace   string         `json:"namespace"`
	StartTime   float64        `json:"start_time"`
	EndTime     float64        `json:"end_time"`
	InProgress  bool           `json:"in_progress"`
	Fault       bool           `json:"fault"`
	Error       bool           `json:"error"`
	Throttle    bool           `json:"throttle"`
	AWS         map[string]any `json:"aws"`
	HTTP        map[string]any `json:"http"`
	Subsegments []Segment      `json:"subsegments"`
}

// Find returns the first segment named name in s's tree (s included), in
// depth-first order.
func (s *Segment) Find(name string) *Segment {
	if s.Name == name {
		return s
	}
	for i := range s.Subsegments {
		if f := s.Subsegments[i].Find(name); f != nil {
			return f
		}
	}
	return nil
}

// All returns every segment named name in s's tree.
func (s *Segment) All(name string) []*Segment {
	var out []*Segment
	if s.Name == name {
		out = append(out, s)
	}
	for i := range s.Subsegments {
		out = append(out, s.Subsegments[i].All(name)...)
	}
	return out
}

// Daemon is a listening stand-in daemon.
type Daemon struct {
	conn *net.UDPConn
}

// Listen starts a daemon on 127.0.0.1 (a free port), closed when the test
// ends.
func Listen(t testing.TB) *Daemon {
	t.Helper()
	conn, err := net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1)})
	if err != nil {
		t.Fatalf("tracetest: listen: %v", err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return &Daemon{conn: conn}
}

// Addr is the host:port to configure as the daemon address.
func (d *Daemon) Addr() string { return d.conn.LocalAddr().String() }

// Next returns the next segment document whose name is name, skipping
// others, or an error after timeout.
func (d *Daemon) Next(name string, timeout time.Duration) (*Segment, error) {
	deadline := time.Now().Add(timeout)
	buf := make([]byte, 64<<10)
	for {
		if err := d.conn.SetReadDeadline(deadline); err != nil {
			return nil, err
		}
		n, err := d.conn.Read(buf)
		if err != nil {
			return nil, fmt.Errorf("tracetest: no segment %q: %w", name, err)
		}
		seg, err := Decode(buf[:n])
		if err != nil {
			return nil, err
		}
		if seg.Name == name {
			return seg, nil
		}
	}
}

// Drain reads and discards segments until none arrives for idle; it
// returns how many it read (benchmarks use it as a sink).
func (d *Daemon) Drain(idle time.Duration) int {
	buf := make([]byte, 64<<10)
	n := 0
	for {
		_ = d.conn.SetReadDeadline(time.Now().Add(idle))
		if _, err := d.conn.Read(buf); err != nil {
			return n
		}
		n++
	}
}

// Decode parses one datagram of the daemon protocol.
func Decode(b []byte) (*Segment, error) {
	header, body, ok := bytes.Cut(b, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("tracetest: datagram without header line: %q", b)
	}
	var h struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(header, &h); err != nil || h.Format != "json" || h.Version != 1 {
		return nil, fmt.Errorf("tracetest: header %q is not {format: json, version: 1}", header)
	}
	var s Segment
	if err := json.Unmarshal(body, &s); err != nil {
		return nil, fmt.Errorf("tracetest: segment: %w", err)
	}
	return &s, nil
}
