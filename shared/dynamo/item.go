package dynamo

import (
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/agentgate/agentgate/shared/evidence"
)

// Attribute names mirror the entry's canonical JSON names, so a stored item
// reads like the entry an auditor sees. Conversion is by hand: it is on the
// append and verify hot paths, and reflection would hide a renamed field.

// EntryToItem converts an entry to a DynamoDB item.
func EntryToItem(e *evidence.Entry) map[string]types.AttributeValue {
	item := make(map[string]types.AttributeValue, 20)
	s := func(k, v string) {
		if v != "" {
			item[k] = &types.AttributeValueMemberS{Value: v}
		}
	}
	n := func(k string, v int64) { item[k] = &types.AttributeValueMemberN{Value: strconv.FormatInt(v, 10)} }
	n("v", int64(e.V))
	s("kind", e.Kind)
	s("tenant", e.Tenant)
	s("chain", e.Chain)
	n("seq", e.Seq)
	s("ts", e.TS)
	s("principal", e.Principal)
	s("userRef", e.UserRef)
	s("modelVersion", e.ModelVersion)
	s("modelProvider", e.ModelProvider)
	s("inputSha256", e.InputSHA256)
	s("outputSha256", e.OutputSHA256)
	s("decision", e.Decision)
	if len(e.Documents) > 0 {
		item["documents"] = documentsToList(e.Documents)
	}
	if e.Rules != nil {
		l := make([]types.AttributeValue, len(e.Rules))
		for i, r := range e.Rules {
			l[i] = &types.AttributeValueMemberS{Value: r}
		}
		item["rules"] = &types.AttributeValueMemberL{Value: l}
	}
	s("policyHash", e.PolicyHash)
	s("status", e.Status)
	n("latencyNs", e.LatencyNs)
	if len(e.Meta) > 0 {
		m := make(map[string]types.AttributeValue, len(e.Meta))
		for k, v := range e.Meta {
			m[k] = &types.AttributeValueMemberS{Value: v}
		}
		item["meta"] = &types.AttributeValueMemberM{Value: m}
	}
	s("prevHash", e.PrevHash)
	s("hash", e.Hash)
	return item
}

// ItemToEntry converts a stored item back. Unknown attributes (the TTL) are
// ignored; a wrongly typed attribute is an error, not a silent zero, because
// verification must see exactly what is stored.
func ItemToEntry(item map[string]types.AttributeValue) (evidence.Entry, error) {
	var e evidence.Entry
	var err error
	str := func(k string) string {
		v, ok := item[k]
		if !ok {
			return ""
		}
		sv, ok := v.(*types.AttributeValueMemberS)
		if !ok {
			err = fmt.Errorf("attribute %s: want S, got %T", k, v)
			return ""
		}
		return sv.Value
	}
	num := func(k string) int64 {
		v, ok := item[k]
		if !ok {
			return 0
		}
		nv, ok := v.(*types.AttributeValueMemberN)
		if !ok {
			err = fmt.Errorf("attribute %s: want N, got %T", k, v)
			return 0
		}
		x, perr := strconv.ParseInt(nv.Value, 10, 64)
		if perr != nil {
			err = fmt.Errorf("attribute %s: %w", k, perr)
		}
		return x
	}
	e.V = int(num("v"))
	e.Kind = str("kind")
	e.Tenant = str("tenant")
	e.Chain = str("chain")
	e.Seq = num("seq")
	e.TS = str("ts")
	e.Principal = str("principal")
	e.UserRef = str("userRef")
	e.ModelVersion = str("modelVersion")
	e.ModelProvider = str("modelProvider")
	e.InputSHA256 = str("inputSha256")
	e.OutputSHA256 = str("outputSha256")
	e.Decision = str("decision")
	if v, ok := item["documents"]; ok {
		docs, derr := listToDocuments(v)
		if derr != nil {
			return e, derr
		}
		e.Documents = docs
	}
	if v, ok := item["rules"]; ok {
		l, ok := v.(*types.AttributeValueMemberL)
		if !ok {
			return e, fmt.Errorf("attribute rules: want L, got %T", v)
		}
		e.Rules = make([]string, 0, len(l.Value))
		for _, r := range l.Value {
			sv, ok := r.(*types.AttributeValueMemberS)
			if !ok {
				return e, fmt.Errorf("attribute rules: element %T", r)
			}
			e.Rules = append(e.Rules, sv.Value)
		}
	}
	e.PolicyHash = str("policyHash")
	e.Status = str("status")
	e.LatencyNs = num("latencyNs")
	if v, ok := item["meta"]; ok {
		m, ok := v.(*types.AttributeValueMemberM)
		if !ok {
			return e, fmt.Errorf("attribute meta: want M, got %T", v)
		}
		e.Meta = make(map[string]string, len(m.Value))
		for k, mv := range m.Value {
			sv, ok := mv.(*types.AttributeValueMemberS)
			if !ok {
				return e, fmt.Errorf("attribute meta.%s: %T", k, mv)
			}
			e.Meta[k] = sv.Value
		}
	}
	e.PrevHash = str("prevHash")
	e.Hash = str("hash")
	if err != nil {
		return e, fmt.Errorf("decode %s seq %d: %w", e.Chain, e.Seq, err)
	}
	return e, nil
}

// documentsToList stores an entry's documents as a list of maps with the
// canonical member names; an empty source is left out, as in the entry's JSON.
func documentsToList(docs []evidence.DocumentRef) types.AttributeValue {
	l := make([]types.AttributeValue, len(docs))
	for i, d := range docs {
		m := map[string]types.AttributeValue{
			"id":     &types.AttributeValueMemberS{Value: d.ID},
			"sha256": &types.AttributeValueMemberS{Value: d.SHA256},
		}
		if d.Source != "" {
			m["source"] = &types.AttributeValueMemberS{Value: d.Source}
		}
		l[i] = &types.AttributeValueMemberM{Value: m}
	}
	return &types.AttributeValueMemberL{Value: l}
}

// listToDocuments reads documentsToList's form back. An unknown member is an
// error: the entry's hash covers only id, sha256 and source, so anything else
// stored there would be unverified content.
func listToDocuments(v types.AttributeValue) ([]evidence.DocumentRef, error) {
	l, ok := v.(*types.AttributeValueMemberL)
	if !ok {
		return nil, fmt.Errorf("attribute documents: want L, got %T", v)
	}
	docs := make([]evidence.DocumentRef, len(l.Value))
	for i, dv := range l.Value {
		m, ok := dv.(*types.AttributeValueMemberM)
		if !ok {
			return nil, fmt.Errorf("attribute documents[%d]: want M, got %T", i, dv)
		}
		for k, mv := range m.Value {
			sv, ok := mv.(*types.AttributeValueMemberS)
			if !ok {
				return nil, fmt.Errorf("attribute documents[%d].%s: want S, got %T", i, k, mv)
			}
			switch k {
			case "id":
				docs[i].ID = sv.Value
			case "sha256":
				docs[i].SHA256 = sv.Value
			case "source":
				docs[i].Source = sv.Value
			default:
				return nil, fmt.Errorf("attribute documents[%d]: unknown member %q", i, k)
			}
		}
	}
	return docs, nil
}
