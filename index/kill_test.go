package index

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestHelperIngest is run as a child process by TestKilledIngestRecovers.
func TestHelperIngest(t *testing.T) {
	dir := os.Getenv("VANBAN_HELPER_INGEST")
	if dir == "" {
		t.Skip("helper")
	}
	ix, err := Open(filepath.Join(dir, "idx"))
	if err != nil {
		t.Fatal(err)
	}
	ix.Ingest([]string{filepath.Join(dir, "docs")}, extractor(), IngestOptions{BatchSize: 5})
	ix.Close()
}

// TestKilledIngestRecovers kills an ingest mid-way (SIGKILL, no chance to
// clean up); the next run opens the index, finishes the work, and every
// file is then indexed exactly once.
func TestKilledIngestRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	os.Mkdir(docs, 0o755)
	const n = 120
	generate(t, docs, n)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestHelperIngest$")
	cmd.Env = append(os.Environ(), "VANBAN_HELPER_INGEST="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1500 * time.Millisecond)
	cmd.Process.Kill()
	cmd.Wait()

	ix, err := Open(filepath.Join(dir, "idx"))
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer ix.Close()
	sum, err := ix.Ingest([]string{docs}, extractor(), IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Indexed+sum.Skipped != n || len(sum.Failed) != 0 {
		t.Errorf("after the kill: %+v", sum)
	}
	t.Logf("killed run had indexed %d of %d files", sum.Skipped, n)
	known, err := ix.known()
	if err != nil || len(known) != n {
		t.Errorf("%d files in the index, want %d (%v)", len(known), n, err)
	}
	again, _ := ix.Ingest([]string{docs}, extractor(), IngestOptions{})
	if again.Changed() {
		t.Errorf("third run changed the index: %+v", again)
	}
}
