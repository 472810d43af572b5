//go:build !amd64 || purego

package gate

func blockMasks(b *[64]byte) (hi, dig, let, tok uint64) { return blockMasksGo(b) }
