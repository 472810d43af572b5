package emulator

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tcpListen is the TCP_LISTEN state code in /proc/net/tcp{,6}.
const tcpListen = "0A"

// ListeningAddrs returns every TCP address the process pid listens on, found
// by matching the socket inodes in /proc/PID/fd against the LISTEN entries of
// /proc/net/tcp and /proc/net/tcp6. IPv4-mapped IPv6 addresses (a JVM binds
// ::ffff:127.0.0.1) are reported as IPv4, so a caller can test Addr().IsLoopback().
func ListeningAddrs(pid int) ([]netip.AddrPort, error) {
	inodes, err := socketInodes(pid)
	if err != nil {
		return nil, err
	}
	var out []netip.AddrPort
	// The net files list sockets of the process's network namespace; reading
	// them through /proc/PID keeps that right even if it were not ours.
	for _, name := range []string{"tcp", "tcp6"} {
		path := fmt.Sprintf("/proc/%d/net/%s", pid, name)
		entries, err := readListeners(path)
		if err != nil {
			return nil, err
		}
		for _, e := range entries {
			if inodes[e.inode] {
				out = append(out, e.addr)
			}
		}
	}
	return out, nil
}

func socketInodes(pid int) (map[string]bool, error) {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("list fds of pid %d: %w", pid, err)
	}
	inodes := make(map[string]bool)
	for _, e := range ents {
		target, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil {
			continue // the fd was closed while we looked
		}
		if ino, ok := strings.CutPrefix(target, "socket:["); ok {
			inodes[strings.TrimSuffix(ino, "]")] = true
		}
	}
	return inodes, nil
}

type listener struct {
	addr  netip.AddrPort
	inode string
}

func readListeners(path string) ([]listener, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) && strings.HasSuffix(path, "6") {
			return nil, nil // kernel without IPv6
		}
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var out []listener
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 10 || fields[3] != tcpListen {
			continue
		}
		ap, err := parseProcAddr(fields[1])
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", path, err)
		}
		out = append(out, listener{addr: ap, inode: fields[9]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// parseProcAddr decodes "0100007F:1F90" (IPv4) or a 32-hex-digit IPv6 form.
// The kernel prints the address as host-order 32-bit words in hex, so on
// little-endian machines each 4-byte group is reversed.
func parseProcAddr(s string) (netip.AddrPort, error) {
	hostHex, portHex, ok := strings.Cut(s, ":")
	if !ok {
		return netip.AddrPort{}, fmt.Errorf("bad address %q", s)
	}
	port, err := strconv.ParseUint(portHex, 16, 16)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("bad port in %q: %w", s, err)
	}
	raw, err := hex.DecodeString(hostHex)
	if err != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, fmt.Errorf("bad host in %q", s)
	}
	for i := 0; i < len(raw); i += 4 {
		raw[i], raw[i+1], raw[i+2], raw[i+3] = raw[i+3], raw[i+2], raw[i+1], raw[i]
	}
	addr, _ := netip.AddrFromSlice(raw)
	return netip.AddrPortFrom(addr.Unmap(), uint16(port)), nil
}

// Alive reports whether pid names a process that is still running. A zombie
// (exited, not yet reaped) counts as gone from the point of view of sockets
// and CPU, but a test that wants to prove children were waited for should
// also check Zombie.
func Alive(pid int) bool {
	st, err := procState(pid)
	return err == nil && st != "Z" && st != "X"
}

// Zombie reports whether pid exited but was not reaped by its parent.
func Zombie(pid int) bool {
	st, err := procState(pid)
	return err == nil && st == "Z"
}

// Exists reports whether any /proc entry for pid remains (running or zombie).
func Exists(pid int) bool {
	_, err := procState(pid)
	return err == nil
}

func procState(pid int) (string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", err
	}
	// comm may contain spaces and parentheses; the state follows the last ')'.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+2 >= len(s) {
		return "", fmt.Errorf("bad /proc/%d/stat", pid)
	}
	return s[i+2 : i+3], nil
}
