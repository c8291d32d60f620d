package extract

import (
	"sort"
	"strings"
	"testing"
)

func TestUnits(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     map[string]string // unit name → roles joined by ","
	}{
		{"subject with two roles", "- Sở Tài chính chủ trì, phối hợp với các cơ quan liên quan bố trí kinh phí.",
			map[string]string{"Sở Tài chính": "chủ trì,phối hợp"}},
		{"label lists", "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính.\n- Cơ quan phối hợp: Bảo hiểm xã hội Thành phố, Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ).",
			map[string]string{"Sở Nội vụ": "chủ trì,phối hợp", "Sở Giáo dục và Đào tạo": "chủ trì", "Sở Tài chính": "chủ trì",
				"Bảo hiểm xã hội Thành phố": "phối hợp", "Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ)": "phối hợp"}},
		{"a list of subjects in an article without a title", "Điều 3. Sở Tài chính, Sở Nội vụ và Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này.",
			map[string]string{"Sở Tài chính": "thực hiện", "Sở Nội vụ": "thực hiện", "Ủy ban nhân dân các huyện": "thực hiện"}},
		{"comma inside a ministry name", "- Sở Văn hóa, Thể thao và Du lịch định hướng, chỉ đạo các cơ quan báo chí.",
			map[string]string{"Sở Văn hóa, Thể thao và Du lịch": "chỉ đạo", "các cơ quan báo chí": "thực hiện"}},
		{"collective localities", "- Ủy ban nhân dân các xã, phường, đặc khu chủ động tổ chức triển khai.",
			map[string]string{"Ủy ban nhân dân các xã, phường, đặc khu": "thực hiện"}},
		{"giao", "Chủ tịch Ủy ban nhân dân tỉnh giao Công an tỉnh nghiên cứu, triển khai rà soát.",
			map[string]string{"Công an tỉnh": "thực hiện"}},
		{"heading units in the implementation section",
			"III. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội phường\n- Chủ trì theo dõi, đôn đốc các đơn vị.\n- Tham mưu Ủy ban nhân dân phường nội dung tuyên truyền.\n2. Trung tâm sự nghiệp công phường\nChủ trì phối hợp với các phòng chuyên môn tuyên truyền.",
			map[string]string{"Phòng Văn hóa - Xã hội phường": "chủ trì,tham mưu", "Trung tâm sự nghiệp công phường": "chủ trì", "các phòng chuyên môn": "phối hợp"}},
		{"object of tham mưu is not a unit", "- Sở Tư pháp tham mưu Ủy ban nhân dân tỉnh ban hành quy định.",
			map[string]string{"Sở Tư pháp": "tham mưu"}},
		{"office holders stand for their bodies", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Giám đốc Công an tỉnh, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
			map[string]string{"Văn phòng Ủy ban nhân dân tỉnh": "thực hiện", "Sở Nội vụ": "thực hiện", "Công an tỉnh": "thực hiện"}},
		{"office holders separated by semicolons, a place after the localities", "Yêu cầu Giám đốc Sở Tài chính; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ; Thủ trưởng các cơ quan, đơn vị có liên quan triển khai thực hiện nghiêm túc Chỉ thị này./.",
			map[string]string{"Sở Tài chính": "thực hiện", "Ủy ban nhân dân các xã, phường, đặc khu Cồn Cỏ": "thực hiện"}},
		{"a standing committee stands for its bodies", "Đề nghị thường trực các tỉnh ủy, thành ủy tiếp tục quan tâm lãnh đạo, chỉ đạo các đơn vị.",
			map[string]string{"các tỉnh ủy, thành ủy": "thực hiện"}},
		{"a numbered item for a kind of body", "III. TỔ CHỨC THỰC HIỆN\n6. Các sở, ban, ngành liên quan theo chức năng nhiệm vụ được giao phối hợp với các địa phương triển khai thực hiện.",
			map[string]string{"Các sở, ban, ngành liên quan": "phối hợp"}},
		{"a count after the name is an object", "Năm 2025, Chủ tịch Ủy ban nhân dân tỉnh bổ nhiệm 157 lãnh đạo cấp sở.", map[string]string{}},
		{"ministers are not the ministries", "Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Quyết định này.", map[string]string{}},
		{"'có liên quan' ends a name", "- Sở Tư pháp chủ trì, phối hợp với các cơ quan có liên quan giúp Ủy ban nhân dân tỉnh lập dự kiến chương trình.",
			map[string]string{"Sở Tư pháp": "chủ trì,phối hợp"}},
		{"a long unit in parentheses does the work", "- Giao Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh) tham mưu Ủy ban nhân dân tỉnh triển khai.",
			map[string]string{"Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)": "tham mưu", "Trung tâm Phục vụ hành chính công tỉnh": "tham mưu"}},
		{"forces named after their body, directed", "- Chỉ đạo các đơn vị trực thuộc, lực lượng Công an xã tăng cường phối hợp tuần tra.",
			map[string]string{"lực lượng Công an xã": "thực hiện"}},
		{"a force needs a name", "Lực lượng thực hiện: cán bộ, công chức.", map[string]string{}},
		{"what a report says was directed is no assignment", "Năm 2025, Ủy ban nhân dân tỉnh đã lãnh đạo, chỉ đạo Sở Nội vụ tập trung triển khai kịp thời các nghị quyết.", map[string]string{}},
		{"stop words keep their accents: báo is not bảo, cơ is not có", "- Các cơ quan báo chí phối hợp tuyên truyền.\n- Thủ trưởng các cơ quan, đơn vị tham mưu Ủy ban nhân dân tỉnh.",
			map[string]string{"Các cơ quan báo chí": "phối hợp"}},
		{"a numbered sentence is no heading name", "III. TỔ CHỨC THỰC HIỆN\n2. Sở Tài chính thẩm định chậm nhất 05 ngày sau khi nhận đủ hồ sơ.",
			map[string]string{"Sở Tài chính": "thực hiện"}},
		{"a place's name ends before a verb", "- Giao UBND tỉnh Lâm Đồng công nhận kết quả.", map[string]string{"UBND tỉnh Lâm Đồng": "thực hiện"}},
		{"office holders of enumerated departments, and bodies in general at the end", "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc các Sở: Y tế, Nông nghiệp và Môi trường, Công Thương; Chủ tịch Ủy ban nhân dân các xã, phường và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
			map[string]string{"Văn phòng Ủy ban nhân dân tỉnh": "thực hiện", "các Sở: Y tế, Nông nghiệp và Môi trường, Công Thương": "thực hiện", "Ủy ban nhân dân các xã, phường": "thực hiện"}},
		{"the addressees a dispatch asks to act", "SỞ NỘI VỤ\nSố: 567/SNV-CCHC\nV/v báo cáo kết quả cải cách hành chính\nLâm Đồng, ngày 20 tháng 11 năm 2025\nKính gửi:\n- Các sở, ban, ngành thuộc tỉnh;\n- Ủy ban nhân dân các xã, phường, đặc khu.\nSở Nội vụ đề nghị Quý cơ quan, đơn vị báo cáo kết quả, gửi về Sở Nội vụ trước ngày 10/12/2025.",
			map[string]string{"Các sở, ban, ngành thuộc tỉnh": "báo cáo/tổng hợp", "Ủy ban nhân dân các xã, phường, đặc khu": "báo cáo/tổng hợp"}},
		{"a list of bodies going on past the last unit read", "2. Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
			map[string]string{"Thường trực Hội đồng nhân dân": "kiểm tra/giám sát"}},
		{"a list that is not of bodies gives no role", "- Các phòng, đơn vị sự nghiệp thuộc phường tuyên truyền, phổ biến, quán triệt và tổ chức thực hiện nghiêm túc.", map[string]string{}},
		{"'đa' is not 'đã'", "Đa dạng hóa nguồn lực, giao Sở Tài chính tham mưu bố trí kinh phí.", map[string]string{"Sở Tài chính": "tham mưu"}},
		{"generic collectives are nobody", "- Các cơ quan, đơn vị có liên quan phối hợp thực hiện.", map[string]string{}},
		{"verbs are not units", "- Bộ chỉ số được công bố; phòng, chống ma túy.", map[string]string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := map[string]string{}
			for _, u := range extractText(c.in).Units {
				roles := append([]string(nil), u.Roles...)
				sort.Strings(roles)
				got[u.Name] = strings.Join(roles, ",")
			}
			for k, v := range c.want {
				parts := strings.Split(v, ",")
				sort.Strings(parts)
				if got[k] != strings.Join(parts, ",") {
					t.Errorf("unit %q roles = %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("got units %v, want %v", got, c.want)
			}
		})
	}
}

func TestContacts(t *testing.T) {
	r := extractText("báo cáo về Ủy ban nhân dân phường (qua Phòng Văn hóa - Xã hội, đồng chí Hoàng Thị Thu Hà, chuyên viên, SĐT: 0356 154 194) để tổng hợp.")
	if len(r.Contacts) != 1 {
		t.Fatalf("contacts = %+v", r.Contacts)
	}
	c := r.Contacts[0]
	if c.Name != "Hoàng Thị Thu Hà" || c.Phone != "0356 154 194" || c.Title != "chuyên viên" || c.Unit != "Phòng Văn hóa - Xã hội" {
		t.Errorf("contact = %+v", c)
	}
	for _, u := range r.Units {
		if strings.Contains(u.Name, "Văn hóa") {
			t.Errorf("the contact's unit is not given a role: %+v", u)
		}
	}
}

func TestEndsWithAssign(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"UBND phường giao ", true}, {"Giao ", true}, {"ĐỀ NGHỊ ", true}, {"; yêu cầu  ", true}, {"(giao\t", true},
		{"giao", false}, {"bàn giao ", true}, {"bàngiao ", false}, {"giao nhiệm vụ ", false}, {"đề nghị", false}, {"xyêu cầu ", false},
	} {
		if got := endsWithAssign(c.s); got != c.want {
			t.Errorf("endsWithAssign(%q) = %v", c.s, got)
		}
	}
}

// A dispatch that asks its addressees twice names each of them once, with
// the roles of both requests.
func TestAddresseesOnce(t *testing.T) {
	in := "SỞ NỘI VỤ\nSố: 567/SNV-CCHC\nV/v báo cáo kết quả\nLâm Đồng, ngày 20 tháng 11 năm 2025\nKính gửi:\n- Các sở, ban, ngành thuộc tỉnh.\n" +
		"Sở Nội vụ đề nghị Quý cơ quan báo cáo kết quả trước ngày 10/12/2025.\nĐồng thời, đề nghị Quý cơ quan phối hợp rà soát thủ tục."
	us := extractText(in).Units
	if len(us) != 1 || len(us[0].Mentions) != 1 || strings.Join(us[0].Roles, ",") != "báo cáo/tổng hợp,phối hợp" {
		t.Errorf("units %+v", us)
	}
}
