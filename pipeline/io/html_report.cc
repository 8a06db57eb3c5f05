#include "pipeline/io/html_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

using Json = nlohmann::json;

const Json& At(const Json& j, const char* key) { return JsonAt(j, key); }
std::string Str(const Json& j, const char* key) { return JsonText(j, key); }

const char* kFamilies[] = {"measures_plan", "measures_report", "ita_analysis", "action_plan"};
const char* FamilyThai(const std::string& f) {
  if (f == "measures_plan") return "มาตรการฯ";
  if (f == "measures_report") return "รายงานผลมาตรการฯ";
  if (f == "ita_analysis") return "วิเคราะห์ผล ITA";
  if (f == "action_plan") return "แผนป้องกันการทุจริต";
  if (f == "unknown") return "ไม่ทราบประเภท";
  return "อ่านไม่ได้";
}
// Required fields as the findings name them, with their Thai labels.
const std::pair<const char*, const char*> kFieldLabels[] = {
    {"measure", "มาตรการ"}, {"issue", "ประเด็น"}, {"method", "วิธีการ"}, {"period", "ระยะเวลา"},
    {"responsible", "ผู้รับผิดชอบ"}, {"output", "ผลการดำเนินการ"}, {"total", "คะแนนรวม"},
    {"indicators", "ตัวชี้วัด"}, {"projects", "โครงการ"}};

std::string FieldOf(const std::string& pointer) {
  size_t slash = pointer.rfind('/');
  return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}
int MeasureIndexOf(const std::string& pointer) {
  if (pointer.rfind("/measures/", 0) != 0) return -1;
  try {
    return std::stoi(pointer.substr(10));
  } catch (...) {
    return -1;
  }
}
std::string Percent(double v) {
  char b[16];
  std::snprintf(b, sizeof b, "%.0f%%", v * 100);
  return b;
}
// A document counts as complete only when it was read, classified and has what its family
// requires; failed and unknown documents have no completeness.
bool Assessable(const Json& j) {
  std::string family = Str(At(j, "document"), "family");
  return !At(j, "error").is_object() && !family.empty() && family != "unknown";
}

constexpr char kStyle[] = R"(
body{font-family:"Noto Sans Thai","Loma","Garuda",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f2f2f2}.en{color:#666;font-size:.85em}.num{text-align:right}
.yes{color:#1a7f37}.no{color:#b42318;font-weight:bold}.low{background:#fff4cc}
.summary td{font-size:1.1em}.bad{background:#fde8e8}
)";

constexpr char kScript[] = R"(
function filterDocs(q){q=q.toLowerCase();document.querySelectorAll('#docs tbody tr').forEach(function(r){r.style.display=r.textContent.toLowerCase().indexOf(q)>=0?'':'none';});}
)";

}  // namespace

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::vector<OrganizationGroup> GroupOrganizations(const std::vector<ContractRecord>& records) {
  std::vector<OrganizationGroup> groups;
  std::vector<std::map<std::string, int>> spellings;
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& org = At(At(records[i].json, "document"), "organization");
    std::string name = Str(org, "name");
    std::string district = Str(org, "district"), province = Str(org, "province");
    std::u32string compact;
    for (char32_t c : thai::DecodeUtf8(name))
      if (c != U' ') compact.push_back(c);
    size_t found = groups.size();
    for (size_t g = 0; g < groups.size() && !name.empty(); ++g) {
      if (groups[g].province != province || groups[g].district != district) continue;
      for (const auto& [spelling, count] : spellings[g]) {
        std::u32string other;
        for (char32_t c : thai::DecodeUtf8(spelling))
          if (c != U' ') other.push_back(c);
        // Two OCR slips in a long name; none in a short one.
        int allowed = compact.size() >= 12 ? 2 : 0;
        if (thai::EditDistance(compact, other) <= allowed) {
          found = g;
          break;
        }
      }
      if (found != groups.size()) break;
    }
    if (found == groups.size()) {
      groups.push_back({name, district, province, {}, {}});
      spellings.emplace_back();
    }
    groups[found].records.push_back(i);
    ++spellings[found][name];
  }
  for (size_t g = 0; g < groups.size(); ++g) {
    std::string best;
    int most = -1;
    for (const auto& [spelling, count] : spellings[g]) {
      if (count > most) {
        best = spelling;
        most = count;
      }
    }
    groups[g].name = best;
    for (const auto& [spelling, count] : spellings[g])
      if (spelling != best) groups[g].variants.push_back(spelling);
  }
  return groups;
}

std::string RenderHtmlReport(const std::vector<ContractRecord>& all, const std::string& version,
                             const std::vector<std::string>& unreadable) {
  // The same PDF twice counts once.
  std::vector<ContractRecord> records;
  std::set<std::string> seen;
  for (const ContractRecord& r : all) {
    std::string sha = Str(At(r.json, "source"), "sha256");
    if (!sha.empty() && !seen.insert(sha).second) continue;
    records.push_back(r);
  }
  std::vector<OrganizationGroup> groups = GroupOrganizations(records);
  std::vector<size_t> group_of(records.size());
  for (size_t g = 0; g < groups.size(); ++g)
    for (size_t i : groups[g].records) group_of[i] = g;

  int failed = 0, unknown = 0, assessed = 0, findings = 0, low_confidence = 0;
  double completeness = 0;
  std::set<long long> years;
  for (const ContractRecord& r : records) {
    const Json& j = r.json;
    if (At(j, "error").is_object()) ++failed;
    else if (Str(At(j, "document"), "family") == "unknown") ++unknown;
    if (Assessable(j)) {
      ++assessed;
      const Json& c = At(At(j, "validation"), "completeness");
      completeness += c.is_number() ? c.get<double>() : 0;
    }
    const Json& fy = At(At(j, "document"), "fiscal_year");
    if (fy.is_number_integer()) years.insert(fy.get<long long>());
    for (const Json& e : At(At(j, "validation"), "errors")) {
      ++findings;
      low_confidence += Str(e, "code") == "ocr_low_confidence" ? 1 : 0;
    }
  }
  size_t named_groups = 0;
  for (const OrganizationGroup& g : groups) named_groups += g.name.empty() ? 0 : 1;

  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width\">"
       "<title>รายงานความครบถ้วน ITA / ITA completeness report</title><style>";
  h += kStyle;
  h += "</style></head><body>\n";
  h += "<h1>รายงานความครบถ้วนของเอกสาร ITA <span class=\"en\">ITA documents: completeness report</span></h1>\n";
  h += "<p class=\"en\">ita-extract " + EscapeHtml(version) + "</p>\n";

  h += "<h2>สรุป <span class=\"en\">Summary</span></h2>\n<table class=\"summary\" id=\"summary\"><tbody>\n";
  auto row = [&](const std::string& th, const std::string& en, const std::string& value, const char* id) {
    h += std::string("<tr><th>") + th + " <span class=\"en\">" + en + "</span></th><td class=\"num\" id=\"" + id +
         "\">" + value + "</td></tr>\n";
  };
  row("เอกสาร", "documents", std::to_string(records.size()), "n-documents");
  row("หน่วยงาน", "organizations", std::to_string(named_groups), "n-organizations");
  std::string year_list;
  for (long long y : years) year_list += (year_list.empty() ? "" : ", ") + std::to_string(y);
  row("ปีงบประมาณ", "fiscal years", year_list.empty() ? "—" : year_list, "fiscal-years");
  row("ความครบถ้วนเฉลี่ย (เอกสารที่ประเมินได้)", "mean completeness (assessable documents)",
      assessed ? Percent(completeness / assessed) : "—", "completeness");
  row("อ่านไม่ได้", "could not be read", std::to_string(failed), "n-failed");
  row("ไฟล์ผลที่อ่านไม่ได้", "result files not readable", std::to_string(unreadable.size()), "n-unreadable");
  row("ไม่ทราบประเภท", "not classified", std::to_string(unknown), "n-unknown");
  row("ข้อค้นพบ", "findings", std::to_string(findings), "n-findings");
  row("ค่าจาก OCR ความเชื่อมั่นต่ำ", "OCR values of low confidence", std::to_string(low_confidence), "n-low-confidence");
  h += "</tbody></table>\n";
  if (!unreadable.empty()) {
    // Said, not dropped: a record that could not be read is a gap in the figures above.
    h += "<h3>ไฟล์ผลที่อ่านไม่ได้ <span class=\"en\">Result files that could not be read (not in the figures)</span></h3>\n<ul id=\"unreadable\">\n";
    for (const std::string& u : unreadable) h += "<li>" + EscapeHtml(u) + "</li>\n";
    h += "</ul>\n";
  }

  // Organization x fiscal year.
  struct Cell {
    std::set<std::string> families;
    std::map<std::string, int> missing;  // field -> count
    int documents = 0;
  };
  std::map<std::pair<size_t, long long>, Cell> matrix;  // (group, fiscal year or -1)
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& j = records[i].json;
    const Json& fy = At(At(j, "document"), "fiscal_year");
    Cell& c = matrix[{group_of[i], fy.is_number_integer() ? fy.get<long long>() : -1}];
    ++c.documents;
    std::string family = Str(At(j, "document"), "family");
    if (!family.empty()) c.families.insert(family);
    for (const Json& e : At(At(j, "validation"), "errors"))
      if (Str(e, "code") == "required_missing") ++c.missing[FieldOf(Str(e, "path"))];
  }
  h += "<h2>หน่วยงาน × ปีงบประมาณ <span class=\"en\">Organizations × fiscal years</span></h2>\n";
  h += "<table id=\"organizations\"><thead><tr><th>หน่วยงาน <span class=\"en\">organization</span></th>"
       "<th>จังหวัด <span class=\"en\">province</span></th><th>ปีงบประมาณ <span class=\"en\">FY</span></th>"
       "<th>เอกสาร <span class=\"en\">docs</span></th>";
  for (const char* f : kFamilies)
    h += std::string("<th>") + FamilyThai(f) + " <span class=\"en\">" + f + "</span></th>";
  for (const auto& [field, th] : kFieldLabels)
    h += std::string("<th>ขาด") + th + " <span class=\"en\">missing " + field + "</span></th>";
  h += "</tr></thead><tbody>\n";
  for (const auto& [key, c] : matrix) {
    const OrganizationGroup& g = groups[key.first];
    h += "<tr class=\"org-row\"><td>" + (g.name.empty() ? std::string("(ไม่ระบุ / not named)") : EscapeHtml(g.name)) +
         "</td><td>" + EscapeHtml(g.province) + "</td><td>" + (key.second < 0 ? "—" : std::to_string(key.second)) +
         "</td><td class=\"num\">" + std::to_string(c.documents) + "</td>";
    for (const char* f : kFamilies)
      h += c.families.count(f) ? "<td class=\"yes\">✓</td>" : "<td class=\"no\">✗</td>";
    for (const auto& [field, th] : kFieldLabels) {
      auto it = c.missing.find(field);
      h += it == c.missing.end() ? "<td class=\"num\">0</td>"
                                 : "<td class=\"num no\">" + std::to_string(it->second) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table>\n";

  // Groups with more than one spelling.
  h += "<h2>ชื่อหน่วยงานที่อ่านได้หลายแบบ <span class=\"en\">Organizations read more than one way</span></h2>\n";
  h += "<table id=\"variants\"><thead><tr><th>ชื่อ <span class=\"en\">name</span></th>"
       "<th>แบบอื่น <span class=\"en\">other spellings</span></th></tr></thead><tbody>\n";
  for (const OrganizationGroup& g : groups) {
    if (g.variants.empty()) continue;
    std::string v;
    for (const std::string& s : g.variants) v += (v.empty() ? "" : "<br>") + EscapeHtml(s);
    h += "<tr><td>" + EscapeHtml(g.name) + "</td><td>" + v + "</td></tr>\n";
  }
  h += "</tbody></table>\n";

  // Documents and their findings.
  h += "<h2>เอกสารและข้อค้นพบ <span class=\"en\">Documents and findings</span></h2>\n";
  h += "<p><label>ค้นหา <span class=\"en\">filter</span> <input type=\"search\" oninput=\"filterDocs(this.value)\"></label></p>\n";
  h += "<table id=\"docs\"><thead><tr><th>ไฟล์ <span class=\"en\">file</span></th>"
       "<th>ประเภท <span class=\"en\">family</span></th><th>หน่วยงาน <span class=\"en\">organization</span></th>"
       "<th>ปีงบ <span class=\"en\">FY</span></th><th>ครบถ้วน <span class=\"en\">complete</span></th>"
       "<th>มาตรการที่ <span class=\"en\">measure</span></th><th>หน้า <span class=\"en\">page</span></th>"
       "<th>ช่อง <span class=\"en\">field</span></th><th>ข้อค้นพบ <span class=\"en\">finding</span></th></tr></thead><tbody>\n";
  for (const ContractRecord& r : records) {
    const Json& j = r.json;
    const Json& doc = At(j, "document");
    std::string family = Str(doc, "family");
    std::string file = Str(At(j, "source"), "file");
    const Json& fy = At(doc, "fiscal_year");
    std::string title = Str(doc, "title");
    std::string head = "<td>" + EscapeHtml(file) +
                       (title.empty() ? "" : "<br><span class=\"en\">" + EscapeHtml(title) + "</span>") + "</td><td>" +
                       (family.empty() ? std::string("อ่านไม่ได้ <span class=\"en\">failed</span>")
                                       : std::string(FamilyThai(family)) + " <span class=\"en\">" + family + "</span>") +
                       "</td><td>" + EscapeHtml(Str(At(doc, "organization"), "name")) + "</td><td>" +
                       (fy.is_number_integer() ? std::to_string(fy.get<long long>()) : "—") + "</td><td class=\"num\">" +
                       (Assessable(j) ? Percent(At(At(j, "validation"), "completeness").is_number()
                                                    ? At(At(j, "validation"), "completeness").get<double>() : 0)
                                      : "—") + "</td>";
    std::vector<std::string> rows;
    if (At(j, "error").is_object()) {
      rows.push_back("<td></td><td></td><td>" + EscapeHtml(Str(At(j, "error"), "code")) + "</td><td>" +
                     EscapeHtml(Str(At(j, "error"), "message")) + "</td>");
    } else if (family == "unknown") {
      rows.push_back("<td></td><td></td><td></td><td>ไม่ใช่เอกสาร ITA ที่รู้จัก <span class=\"en\">not a known ITA document</span></td>");
    }
    const Json& measures = At(j, "measures");
    for (const Json& e : At(At(j, "validation"), "errors")) {
      std::string pointer = Str(e, "path");
      int m = MeasureIndexOf(pointer);
      std::string page;
      if (m >= 0 && measures.is_array() && static_cast<size_t>(m) < measures.size()) {
        const Json& field_source = At(At(measures[m], "provenance"), FieldOf(pointer).c_str());
        const Json& pages = At(measures[m], "pages");
        if (At(field_source, "page").is_number_integer()) page = std::to_string(At(field_source, "page").get<int>());
        else if (pages.is_array() && !pages.empty() && pages[0].is_number_integer()) page = std::to_string(pages[0].get<int>());
      }
      auto [th, en] = SplitMessage(Str(e, "message"));
      bool low = Str(e, "code") == "ocr_low_confidence";
      rows.push_back(std::string(low ? "<td class=\"low\">" : "<td>") + (m >= 0 ? std::to_string(m + 1) : "") +
                     "</td><td>" + page + "</td><td>" + EscapeHtml(FieldOf(pointer)) + "</td><td" +
                     (low ? " class=\"low\"" : "") + ">" + EscapeHtml(th) +
                     (en.empty() ? "" : " <span class=\"en\">" + EscapeHtml(en) + "</span>") + "</td>");
    }
    if (rows.empty()) rows.push_back("<td></td><td></td><td></td><td class=\"yes\">ครบ <span class=\"en\">complete</span></td>");
    for (size_t k = 0; k < rows.size(); ++k) {
      h += std::string("<tr") + (At(j, "error").is_object() || family == "unknown" ? " class=\"bad\"" : "") + ">" +
           (k == 0 ? head : "<td></td><td></td><td></td><td></td><td></td>") + rows[k] + "</tr>\n";
    }
  }
  h += "</tbody></table>\n<script>";
  h += kScript;
  h += "</script>\n</body></html>\n";
  return h;
}

}  // namespace ita
