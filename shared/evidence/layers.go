package evidence

import (
	"strconv"
	"strings"
)

// LayerRun is one layer's part in a validate decision: the gate itself, or
// a layer behind it (an Amazon Bedrock guardrail). Entries keep them in Meta
// (LayersMeta) so the canonical form, the stores and verifiers written for
// format 1 hold them unchanged; a tenant without layers gets no keys at all.
type LayerRun struct {
	Name string `json:"name"`
	// Outcome is the gate's decision for "gate"; for a layer "intervened",
	// "none", "fail_open" or "fail_closed".
	Outcome string `json:"outcome"`
	// Reason is why a layer failed: "timeout", "throttled" or "error".
	Reason string `json:"reason,omitempty"`
	// Guardrail and Version identify the guardrail that ran.
	Guardrail string `json:"guardrail,omitempty"`
	Version   string `json:"version,omitempty"`
	LatencyNs int64  `json:"latencyNs"`
}

// Meta keys of layers: MetaLayers lists the names in order; each layer's
// fields are under "layer.<name>.<field>".
const MetaLayers = "layers"

// LayerKey is the Meta key of one field of a layer.
func LayerKey(name, field string) string { return "layer." + name + "." + field }

// LayersMeta adds runs to meta (allocating it when nil) and returns it.
func LayersMeta(meta map[string]string, runs []LayerRun) map[string]string {
	if len(runs) == 0 {
		return meta
	}
	if meta == nil {
		meta = make(map[string]string, 1+4*len(runs))
	}
	names := make([]string, len(runs))
	for i, r := range runs {
		names[i] = r.Name
		meta[LayerKey(r.Name, "outcome")] = r.Outcome
		meta[LayerKey(r.Name, "latencyNs")] = strconv.FormatInt(r.LatencyNs, 10)
		set := func(f, v string) {
			if v != "" {
				meta[LayerKey(r.Name, f)] = v
			}
		}
		set("reason", r.Reason)
		set("guardrail", r.Guardrail)
		set("version", r.Version)
	}
	meta[MetaLayers] = strings.Join(names, ",")
	return meta
}

// Layers reads the layer runs an entry records (nil when none).
func Layers(e *Entry) []LayerRun {
	list := e.Meta[MetaLayers]
	if list == "" {
		return nil
	}
	var out []LayerRun
	for _, n := range strings.Split(list, ",") {
		lat, _ := strconv.ParseInt(e.Meta[LayerKey(n, "latencyNs")], 10, 64)
		out = append(out, LayerRun{
			Name: n, Outcome: e.Meta[LayerKey(n, "outcome")], Reason: e.Meta[LayerKey(n, "reason")],
			Guardrail: e.Meta[LayerKey(n, "guardrail")], Version: e.Meta[LayerKey(n, "version")], LatencyNs: lat,
		})
	}
	return out
}
