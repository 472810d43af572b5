// Package thirdparty holds a test that verifies agentgate's evidence log the
// way an outsider would: it runs the local system (`make local`'s binary) and
// talks to it over HTTP, and checks a checkpoint, an inclusion proof and a
// consistency proof with nothing but the standard library and
// transparency-dev's formats (note, log) and merkle (proof, rfc6962)
// packages. It imports no agentgate package, and must not: it stands for
// any third party's own code (docs/decisions/170).
package thirdparty
