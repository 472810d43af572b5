// Package tables defines every DynamoDB table once, in plain Go, so the CDK app
// (infra/) and the local system (localtest/) create exactly the same schema.
// It imports no AWS package: each side converts these values to its own types.
package tables

// AttrType is a DynamoDB scalar attribute type.
type AttrType string

const (
	String AttrType = "S"
	Number AttrType = "N"
	Binary AttrType = "B"
)

// Key is one key attribute.
type Key struct {
	Name string
	Type AttrType
}

// Index is a global secondary index projecting all attributes.
type Index struct {
	Name string
	PK   Key
	SK   *Key
}

// Table is one table's definition.
type Table struct {
	// ID is the logical name: the CDK construct id and, prefixed, the local table name.
	ID string
	// EnvVar names the environment variable that carries the physical table name to functions.
	EnvVar string
	PK     Key
	SK     *Key
	// Stream, when true, enables a NEW_IMAGE stream (the archiver reads it).
	Stream bool
	// TTLAttr names the attribute DynamoDB expires items by ("" = no TTL).
	TTLAttr string
	GSIs    []Index
	// PITR keeps 35 days of point-in-time recovery. It is off only where a
	// deleted item must be gone at once (Subjects: erasure by key deletion).
	PITR bool
}

// Evidence holds the hash-chained evidence entries: one item per (chain, seq).
// An append is a conditional put on the (chain, seq) slot, so a chain can
// neither fork nor gap.
var Evidence = Table{
	ID:      "Evidence",
	EnvVar:  "TABLE_EVIDENCE",
	PK:      Key{Name: "chain", Type: String},
	SK:      &Key{Name: "seq", Type: Number},
	Stream:  true,
	TTLAttr: "expiresAt",
	PITR:    true,
	GSIs: []Index{{
		// Subject index: DSAR export finds a subject's entries by userRef.
		Name: "byUserRef",
		PK:   Key{Name: "userRef", Type: String},
		SK:   &Key{Name: "ts", Type: String},
	}},
}

// Registry is a single table for everything that is neither evidence nor a
// data subject's key: API keys, tenants, archive watermarks, checkpoints,
// registers (vendors, models, access reviews, adversarial runs), control
// results and packages. Items are addressed by pk/sk strings such as
// "KEY#<id>" / "META"; each function may write only the partition-key
// prefixes of its own item types (infra/access.go, decision 100).
var Registry = Table{
	ID:      "Registry",
	EnvVar:  "TABLE_REGISTRY",
	PK:      Key{Name: "pk", Type: String},
	SK:      &Key{Name: "sk", Type: String},
	TTLAttr: "expiresAt",
	PITR:    true,
	GSIs: []Index{{
		// Listing index: items of one kind across partitions (e.g. all keys of a tenant).
		Name: "gsi1",
		PK:   Key{Name: "gsi1pk", Type: String},
		SK:   &Key{Name: "gsi1sk", Type: String},
	}},
}

// Subjects holds one random key per data subject (pk "SUBJECT#<tenant>#<lookup>",
// sk "KEY"). Deleting the key is the erasure, so this table has no
// point-in-time recovery: a deleted key cannot be restored from a backup
// the table keeps itself (decision 101).
var Subjects = Table{
	ID:     "Subjects",
	EnvVar: "TABLE_SUBJECTS",
	PK:     Key{Name: "pk", Type: String},
	SK:     &Key{Name: "sk", Type: String},
}

// All lists every table, in creation order.
func All() []Table { return []Table{Evidence, Registry, Subjects} }
