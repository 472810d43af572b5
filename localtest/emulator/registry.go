package emulator

import "sync"

// live holds every started child until it is stopped, so a signal handler or
// a panicking test can stop what is left without knowing who started it.
var live = struct {
	sync.Mutex
	procs map[*Process]struct{}
}{procs: map[*Process]struct{}{}}

func track(p *Process) {
	live.Lock()
	live.procs[p] = struct{}{}
	live.Unlock()
}

func untrack(p *Process) {
	live.Lock()
	delete(live.procs, p)
	live.Unlock()
}

// StopAll stops every emulator this process started and has not stopped yet.
func StopAll() {
	live.Lock()
	procs := make([]*Process, 0, len(live.procs))
	for p := range live.procs {
		procs = append(procs, p)
	}
	live.Unlock()
	var wg sync.WaitGroup
	for _, p := range procs {
		wg.Add(1)
		go func() { defer wg.Done(); _ = p.Stop() }()
	}
	wg.Wait()
}
