package extract

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needOCR skips a test when Tesseract with Vietnamese data or pdftoppm is
// missing, except where VANBAN_REQUIRE_OCR is set (CI installs them, so
// there a missing program is a failure, not a skip).
func needOCR(t *testing.T) {
	t.Helper()
	if err := checkOCR("vie", true); err != nil {
		if os.Getenv("VANBAN_REQUIRE_OCR") != "" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
}

func ocrOptions() Options {
	o := DefaultOptions
	o.OCR = true
	return o
}

// The scanned letter 5689/BCA-C04 has no text layer: without --ocr it is
// reported as a scan; with it, its citations and deadline come out and the
// record says the text came from OCR.
func TestOCRScannedPDF(t *testing.T) {
	f := filepath.Join(corpusDir, "files", "pdf", "cv-5689-bca-c04-scan.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skip("corpus not found")
	}
	if _, err := LoadFile(f, DefaultOptions); !errors.Is(err, ErrScanned) {
		t.Fatalf("without OCR: got %v, want ErrScanned", err)
	}
	needOCR(t)
	src, err := LoadFile(f, ocrOptions())
	if err != nil {
		t.Fatal(err)
	}
	r := extractor().Extract(src)
	if r.Source.OCR == "" {
		t.Error("record does not say it came from OCR")
	}
	if r.Meta.Issuer != "Bộ Công an" || r.Meta.Type != "Công văn" {
		t.Errorf("meta: %+v", r.Meta)
	}
	got := map[string]bool{}
	for _, c := range r.Citations {
		got[c.NumberNormalized] = true
	}
	for _, n := range []string{"163/2024/QH15", "50/NQ-CP", "27/2022/NĐ-CP", "38/2023/NĐ-CP"} {
		if !got[n] {
			t.Errorf("citation %s not found in %v", n, got)
		}
	}
	found := false
	for _, d := range r.Deadlines {
		found = found || d.Date == "2025-12-24"
	}
	if !found {
		t.Errorf("deadline 2025-12-24 not found: %+v", r.Deadlines)
	}
}

// A PDF whose only text layer is a failed OCR ("uY BAN NgAN nAN") is not
// trusted: it is a scan, and OCR reads the deadlines printed in its image.
func TestOCRReplacesGarbledLayer(t *testing.T) {
	f := filepath.Join(corpusDir, "files", "pdf", "tb-493-ubnd-lam-dong-ocr-garbled.pdf")
	if _, err := os.Stat(f); err != nil {
		t.Skip("corpus not found")
	}
	_, err := LoadFile(f, DefaultOptions)
	if !errors.Is(err, ErrScanned) || !strings.Contains(err.Error(), "not readable Vietnamese") {
		t.Fatalf("without OCR: got %v, want ErrScanned for an unreadable layer", err)
	}
	needOCR(t)
	src, err := LoadFile(f, ocrOptions())
	if err != nil {
		t.Fatal(err)
	}
	r := extractor().Extract(src)
	dates := map[string]bool{}
	for _, d := range r.Deadlines {
		dates[d.Date] = true
	}
	for _, d := range []string{"2025-11-15", "2025-11-20"} {
		if !dates[d] {
			t.Errorf("deadline %s not found: %+v", d, r.Deadlines)
		}
	}
	if r.Meta.Type != "Thông báo" {
		t.Errorf("type %q", r.Meta.Type)
	}
}

// An image file is a scan: refused without OCR, read with it. The image is
// page 1 of the reference plan's PDF, drawn by pdftoppm.
func TestOCRImage(t *testing.T) {
	needOCR(t)
	dir := t.TempDir()
	out, err := exec.Command("pdftoppm", "-r", "200", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile",
		"../samples/ke-hoach-dan-van-phu-lien-2025.pdf", filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	img := filepath.Join(dir, "page.png")
	if _, err := LoadFile(img, DefaultOptions); !errors.Is(err, ErrScanned) {
		t.Fatalf("without OCR: got %v, want ErrScanned", err)
	}
	src, err := LoadFile(img, ocrOptions())
	if err != nil {
		t.Fatal(err)
	}
	r := extractor().Extract(src)
	if src.Format != "image" || r.Source.OCR == "" || r.Meta.Type != "Kế hoạch" {
		t.Errorf("format %q, ocr %q, type %q", src.Format, r.Source.OCR, r.Meta.Type)
	}
	got := map[string]bool{}
	for _, c := range r.Citations {
		got[c.NumberNormalized] = true
	}
	if !got["33/CT-TTg"] {
		t.Errorf("33/CT-TTg not found in %v", got)
	}
}

// A missing language is a clear error, not an empty text.
func TestOCRMissingLanguage(t *testing.T) {
	needOCR(t)
	err := checkOCR("xyz", false)
	if !errors.Is(err, ErrOCRUnavailable) || !strings.Contains(err.Error(), "tesseract-ocr-xyz") {
		t.Errorf("got %v", err)
	}
}
