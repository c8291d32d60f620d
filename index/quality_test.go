package index

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// searchQuality holds queries people type (unaccented, both tone
// placements, đ, document numbers in several spellings, phrases, issuer
// names) with the documents they must return in the first five.
var searchQuality = []struct {
	q    string
	want []string // file name prefixes
}{
	{"dan van", []string{plan}},
	{"dân vận", []string{plan}},
	{`"dân vận khéo"`, []string{plan}},
	{"Uỷ ban nhân dân phường Phù Liễn", []string{plan}},
	{"uy ban nhan dan phuong phu lien", []string{plan}},
	{"33/ct-ttg", []string{plan}},
	{"CT-TTg 33", []string{plan}},
	{"59/2023/ND-CP", []string{plan}},
	{"59/2023/nđ-cp", []string{plan}},
	{"114-KL/TW", []string{plan}},
	{"1669/NQ-UBTVQH15", []string{plan}},
	{"luat viec lam", []string{"09-"}},
	{"Luật Việc làm", []string{"09-"}},
	{"1850/QĐ-TTg", []string{"09-"}},
	{"giảm nghèo đa chiều", []string{"12-"}},
	{"giam ngheo da chieu", []string{"12-"}},
	{"thoát nghèo", []string{"12-"}},
	{"06/2022/TT-BTTTT", []string{"12-"}},
	{"chồng lấn lấn chiếm rừng", []string{"15-"}},
	{"chong lan lan chiem rung", []string{"15-"}},
	{"đất lâm nghiệp", []string{"15-"}},
	{"dat lam nghiep", []string{"15-"}},
	{"Chỉ thị 05/CT-TTg", []string{"15-"}},
	{"văn phòng tỉnh uỷ", []string{"20-"}},
	{"văn phòng tỉnh ủy", []string{"20-"}},
	{"van phong tinh uy", []string{"20-"}},
	{"11-QĐi/TW", []string{"20-"}},
	{"bầu cử đại biểu Quốc hội khóa XVI", []string{"01-", "06-"}},
	{"bau cu dai bieu quoc hoi khoa XVI", []string{"01-", "06-"}},
	{"46-CT/TW", []string{"01-", "06-"}},
	{"46/ct-tw", []string{"01-", "06-"}},
	{"khánh tiết", []string{"06-"}},
	{"khanh tiet", []string{"06-"}},
	{"hiep thuong", []string{"01-"}},
	{"cải cách hành chính giai đoạn 2026 - 2030", []string{"23-"}},
	{"cai cach hanh chinh", []string{"23-"}},
	{"Trung tâm Phục vụ hành chính công", []string{"23-"}},
	{"5689/BCA-C04", []string{"26-"}},
	{"BCA-C04 5689", []string{"26-"}},
	{"phòng, chống ma túy", []string{"26-"}},
	{"ma tuy", []string{"26-"}},
	{"Sở Nông nghiệp và Môi trường", []string{"12-", "15-"}},
	{"so nong nghiep va moi truong", []string{"12-", "15-"}},
	{"Ban Bí thư", []string{plan, "20-"}},
	{"văn hoá xã hội", []string{plan}},
}

func TestSearchQuality(t *testing.T) {
	if _, err := os.Stat(filepath.Join(corpus, "dev")); err != nil {
		t.Skip("corpus not found")
	}
	ix, err := Open(filepath.Join(t.TempDir(), "idx"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Ingest([]string{"../samples", filepath.Join(corpus, "dev", "docs")}, extractor(), IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, c := range searchQuality {
		r, err := ix.Search(SearchOptions{Query: c.q, Docs: 5})
		if err != nil {
			t.Fatal(err)
		}
		got := docPaths(r)
		found := 0
		for _, w := range c.want {
			if has(got, w) {
				found++
			}
		}
		rec := float64(found) / float64(len(c.want))
		total += rec
		if rec < 1 {
			t.Logf("recall@5 %.2f for %q: top 5 %s", rec, c.q, strings.Join(got, ", "))
		}
	}
	mean := total / float64(len(searchQuality))
	t.Logf("%d queries, mean recall@5 = %.3f", len(searchQuality), mean)
	if mean < 0.95 {
		t.Errorf("mean recall@5 %.3f below 0.95", mean)
	}
}
