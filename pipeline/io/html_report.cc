#include "pipeline/io/html_report.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "pipeline/thai/places.h"
#include "pipeline/validate/labels.h"
#include "pipeline/thai/utf8.h"
#include "pipeline/io/contract_fields.h"

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
// Rounded down to a tenth: 99.96% with a finding shows 99.9%, never 100%.
std::string Percent(double v) {
  char b[24];
  if (v >= 1) return "100%";
  std::snprintf(b, sizeof b, "%.1f%%", std::floor(v * 1000) / 10);
  return b;
}

// A path for an href: bytes outside the unreserved set (and '/') percent-encoded, so a file
// name with spaces, '#' or Thai letters links to itself. Then escaped for HTML.
std::string HrefOf(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}
// A document counts as complete only when it was read, classified and has what its family
// requires; failed and unknown documents have no completeness.
bool Assessable(const Json& j) {
  std::string family = Str(At(j, field::kDocument), field::kFamily);
  return !At(j, field::kError).is_object() && !family.empty() && family != "unknown";
}

constexpr char kStyle[] = R"(
body{font-family:"Noto Sans Thai","Loma","Garuda",sans-serif;margin:1.5em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#f2f2f2}.en{color:#666;font-size:.85em}.num{text-align:right}
.yes{color:#1a7f37}.no{color:#b42318;font-weight:bold}.low{background:#fff4cc}
.summary td{font-size:1.1em}.bad{background:#fde8e8}
th.sortable{cursor:pointer}th.sortable:after{content:" \2195";color:#999}
th[aria-sort=ascending]:after{content:" \2191";color:#222}th[aria-sort=descending]:after{content:" \2193";color:#222}
.controls{display:flex;flex-wrap:wrap;gap:.5em 1em;margin:.5em 0}.controls label{white-space:nowrap}
tr.doc-first td{border-top:2px solid #999}
@media print{@page{size:A4 landscape;margin:10mm}.controls,.noprint{display:none}
body{margin:0;font-size:9pt}table{font-size:8pt;width:100%}thead{display:table-header-group}
tr{page-break-inside:avoid}a{color:inherit;text-decoration:none}th.sortable:after{content:none}}
)";

// Filters keep a document's rows together (they share data-doc); sorting moves documents, not
// rows; the state lives in the address (#fy=2567&org=…&sort=docs:4:desc) so a filtered view can
// be linked and is what a test loads.
constexpr char kScript[] = R"(
var state={};
function groupsOf(tbody){var g=[],by={};Array.prototype.forEach.call(tbody.rows,function(r){var k=r.getAttribute('data-doc');if(k===null){g.push([r]);return;}if(!(k in by)){by[k]=g.length;g.push([]);}g[by[k]].push(r);});return g;}
function keyOf(row,col){var c=row.cells[col];var t=c?(c.getAttribute('data-sort')||c.textContent).trim():'';var n=parseFloat(t.replace('%',''));return isNaN(n)||!/^[-0-9.%]+$/.test(t)?{s:t.toLowerCase()}:{n:n};}
function cmp(a,b){if('n' in a&&'n' in b)return a.n-b.n;if('n' in a)return -1;if('n' in b)return 1;return a.s<b.s?-1:a.s>b.s?1:0;}
function sortTable(id,col,dir){var t=document.getElementById(id);if(!t)return;var tb=t.tBodies[0];var g=groupsOf(tb);g.sort(function(x,y){var r=cmp(keyOf(x[0],col),keyOf(y[0],col));return dir==='desc'?-r:r;});g.forEach(function(rows){rows.forEach(function(r){tb.appendChild(r);});});Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th,i){if(i===col)th.setAttribute('aria-sort',dir==='desc'?'descending':'ascending');else th.removeAttribute('aria-sort');});}
function clickSort(id,col){var cur=state.sort||'';var dir=cur===id+':'+col+':asc'?'desc':'asc';state.sort=id+':'+col+':'+dir;sortTable(id,col,dir);save();}
function matches(rows){var d=rows[0];var q=(state.q||'').toLowerCase();var text=rows.map(function(r){return r.textContent;}).join(' ').toLowerCase();
if(q&&text.indexOf(q)<0)return false;
var keys=['fy','province','family','org'];for(var i=0;i<keys.length;i++){var k=keys[i];if(state[k]&&d.getAttribute('data-'+k)!==state[k])return false;}
if(state.code&&(' '+d.getAttribute('data-codes')+' ').indexOf(' '+state.code+' ')<0)return false;return true;}
function applyFilters(){var tb=document.querySelector('#docs tbody');if(!tb)return;var shown=0;groupsOf(tb).forEach(function(rows){var ok=matches(rows);rows.forEach(function(r){r.style.display=ok?'':'none';});if(ok)shown++;});var n=document.getElementById('n-shown');if(n)n.textContent=shown;}
function setFilter(k,v){if(v)state[k]=v;else delete state[k];applyFilters();save();}
function save(){var p=[];for(var k in state)if(state[k])p.push(k+'='+encodeURIComponent(state[k]));history.replaceState(null,'',p.length?'#'+p.join('&'):location.pathname);}
function load(){state={};location.hash.replace(/^#/,'').split('&').forEach(function(kv){if(!kv)return;var i=kv.indexOf('=');if(i>0)state[kv.slice(0,i)]=decodeURIComponent(kv.slice(i+1));});
document.querySelectorAll('.controls [data-filter]').forEach(function(e){e.value=state[e.getAttribute('data-filter')]||'';});
applyFilters();if(state.sort){var s=state.sort.split(':');sortTable(s[0],parseInt(s[1],10),s[2]);}}
document.addEventListener('DOMContentLoaded',function(){document.querySelectorAll('th.sortable').forEach(function(th){th.addEventListener('click',function(){clickSort(th.closest('table').id,th.cellIndex);});});
document.querySelectorAll('.controls [data-filter]').forEach(function(e){e.addEventListener(e.tagName==='INPUT'?'input':'change',function(){setFilter(e.getAttribute('data-filter'),e.value);});});load();});
)";

// <select> of the values a filter can take, in order, "all" first.
std::string FilterSelect(const char* key, const std::string& th, const std::string& en, const std::set<std::string>& values) {
  std::string h = std::string("<label>") + th + " <span class=\"en\">" + en + "</span> <select data-filter=\"" + key +
                  "\" id=\"filter-" + key + "\"><option value=\"\">ทั้งหมด / all</option>";
  for (const std::string& v : values) h += "<option>" + EscapeHtml(v) + "</option>";
  return h + "</select></label>\n";
}

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

namespace {

// The records the report is about (each PDF once) and their organization groups.
struct ReportRecords {
  std::vector<ContractRecord> records;
  std::vector<OrganizationGroup> groups;
  std::vector<size_t> group_of;  // each record's group
};

std::string SortableTh(const std::string& th, const std::string& en) {
  return "<th class=\"sortable\">" + th + " <span class=\"en\">" + en + "</span></th>";
}

// The summary: counts of documents, organizations, years, completeness and findings.
std::string SummarySection(const ReportRecords& in, size_t given, const std::vector<std::string>& unreadable) {
  const std::vector<ContractRecord>& records = in.records;
  int failed = 0, unknown = 0, assessed = 0, findings = 0, low_confidence = 0;
  double completeness = 0;
  std::set<long long> years;
  for (const ContractRecord& r : records) {
    const Json& j = r.json;
    if (At(j, field::kError).is_object()) ++failed;
    else if (Str(At(j, field::kDocument), field::kFamily) == "unknown") ++unknown;
    if (Assessable(j)) {
      ++assessed;
      const Json& c = At(At(j, field::kValidation), field::kCompleteness);
      completeness += c.is_number() ? c.get<double>() : 0;
    }
    const Json& fy = At(At(j, field::kDocument), field::kFiscalYear);
    if (fy.is_number_integer()) years.insert(fy.get<long long>());
    for (const Json& e : At(At(j, field::kValidation), field::kErrors)) {
      ++findings;
      low_confidence += Str(e, field::kCode) == "ocr_low_confidence" ? 1 : 0;
    }
  }
  size_t named_groups = 0;
  for (const OrganizationGroup& g : in.groups) named_groups += g.name.empty() ? 0 : 1;

  std::string h;
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
  row("ซ้ำ (นับครั้งเดียว)", "duplicates (the same PDF, counted once)", std::to_string(given - records.size()),
      "n-duplicates");
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

  return h;
}

// Organization x fiscal year: families present, completeness, fields missing.
std::string OrganizationSection(const ReportRecords& in) {
  const std::vector<ContractRecord>& records = in.records;
  std::string h;
  // Organization x fiscal year.
  struct YearCell {
    std::set<std::string> families;
    std::map<std::string, int> missing;  // field -> count
    std::set<std::string> items;         // ITA items (O1…) the documents answer
    int documents = 0;
    int assessed = 0;
    double completeness = 0;  // summed over assessed documents
  };
  std::map<std::pair<size_t, long long>, YearCell> matrix;  // (group, fiscal year or -1)
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& j = records[i].json;
    const Json& fy = At(At(j, field::kDocument), field::kFiscalYear);
    YearCell& c = matrix[{in.group_of[i], fy.is_number_integer() ? fy.get<long long>() : -1}];
    ++c.documents;
    std::string family = Str(At(j, field::kDocument), field::kFamily);
    if (!family.empty()) c.families.insert(family);
    std::string item = Str(At(j, field::kDocument), field::kItaItem);
    if (!item.empty()) c.items.insert(item);
    if (Assessable(j)) {
      ++c.assessed;
      const Json& v = At(At(j, field::kValidation), field::kCompleteness);
      c.completeness += v.is_number() ? v.get<double>() : 0;
    }
    for (const Json& e : At(At(j, field::kValidation), field::kErrors))
      if (Str(e, field::kCode) == "required_missing") ++c.missing[FieldOf(Str(e, field::kPath))];
  }
  h += "<h2>หน่วยงาน × ปีงบประมาณ <span class=\"en\">Organizations × fiscal years</span></h2>\n";
  h += "<table id=\"organizations\"><thead><tr>" + SortableTh("หน่วยงาน", "organization") +
       SortableTh("จังหวัด", "province") + SortableTh("ปีงบประมาณ", "FY") + SortableTh("เอกสาร", "docs") +
       SortableTh("ครบถ้วน", "complete") + SortableTh("ข้อ ITA", "ITA items");
  for (const char* f : kFamilies) h += SortableTh(FamilyThai(f), f);
  for (const auto& [field, th] : RequiredFieldLabels()) h += SortableTh(std::string("ขาด") + th, std::string("missing ") + field);
  h += "</tr></thead><tbody>\n";
  for (const auto& [key, c] : matrix) {
    const OrganizationGroup& g = in.groups[key.first];
    std::string items;
    for (const std::string& it : c.items) items += (items.empty() ? "" : " ") + EscapeHtml(it);
    h += "<tr class=\"org-row\"><td>" + (g.name.empty() ? std::string("(ไม่ระบุ / not named)") : EscapeHtml(g.name)) +
         "</td><td>" + EscapeHtml(g.province) + "</td><td>" + (key.second < 0 ? "—" : std::to_string(key.second)) +
         "</td><td class=\"num\">" + std::to_string(c.documents) + "</td><td class=\"num\">" +
         (c.assessed ? Percent(c.completeness / c.assessed) : "—") + "</td><td>" + items + "</td>";
    for (const char* f : kFamilies)
      h += c.families.count(f) ? "<td class=\"yes\">✓</td>" : "<td class=\"no\">✗</td>";
    for (const auto& [field, th] : RequiredFieldLabels()) {
      auto it = c.missing.find(field);
      h += it == c.missing.end() ? "<td class=\"num\">0</td>"
                                 : "<td class=\"num no\">" + std::to_string(it->second) + "</td>";
    }
    h += "</tr>\n";
  }
  h += "</tbody></table>\n";

  return h;
}

// Groups with more than one spelling.
std::string VariantsSection(const ReportRecords& in) {
  std::string h;
  h += "<h2>ชื่อหน่วยงานที่อ่านได้หลายแบบ <span class=\"en\">Organizations read more than one way</span></h2>\n";
  h += "<table id=\"variants\"><thead><tr><th>ชื่อ <span class=\"en\">name</span></th>"
       "<th>แบบอื่น <span class=\"en\">other spellings</span></th></tr></thead><tbody>\n";
  for (const OrganizationGroup& g : in.groups) {
    if (g.variants.empty()) continue;
    std::string v;
    for (const std::string& sp : g.variants) v += (v.empty() ? "" : "<br>") + EscapeHtml(sp);
    h += "<tr><td>" + EscapeHtml(g.name) + "</td><td>" + v + "</td></tr>\n";
  }
  h += "</tbody></table>\n";

  return h;
}

std::string DocumentsSection(const ReportRecords& in) {
  const std::vector<ContractRecord>& records = in.records;
  const std::vector<OrganizationGroup>& groups = in.groups;
  const std::vector<size_t>& group_of = in.group_of;
  std::string h;
  // Documents and their findings: each document's rows share data-doc and its filter values.
  std::set<std::string> fy_values, province_values, family_values, code_values, org_values;
  for (size_t i = 0; i < records.size(); ++i) {
    const Json& j = records[i].json;
    const Json& fy = At(At(j, field::kDocument), field::kFiscalYear);
    if (fy.is_number_integer()) fy_values.insert(std::to_string(fy.get<long long>()));
    if (!groups[group_of[i]].province.empty()) province_values.insert(groups[group_of[i]].province);
    std::string family = Str(At(j, field::kDocument), field::kFamily);
    family_values.insert(family.empty() ? "failed" : family);
    if (!groups[group_of[i]].name.empty()) org_values.insert(groups[group_of[i]].name);
    for (const Json& e : At(At(j, field::kValidation), field::kErrors)) code_values.insert(Str(e, field::kCode));
    if (At(j, field::kError).is_object()) code_values.insert(Str(At(j, field::kError), field::kCode));
  }
  h += "<h2>เอกสารและข้อค้นพบ <span class=\"en\">Documents and findings</span></h2>\n<div class=\"controls\">\n";
  h += "<label>ค้นหา <span class=\"en\">search</span> <input type=\"search\" data-filter=\"q\" id=\"filter-q\"></label>\n";
  h += FilterSelect("fy", "ปีงบประมาณ", "fiscal year", fy_values);
  h += FilterSelect("province", "จังหวัด", "province", province_values);
  h += FilterSelect("family", "ประเภท", "family", family_values);
  h += FilterSelect("code", "ข้อค้นพบ", "finding", code_values);
  h += FilterSelect("org", "หน่วยงาน", "organization", org_values);
  h += "<span>แสดง <span class=\"en\">shown</span> <b id=\"n-shown\">" + std::to_string(records.size()) + "</b> / " +
       std::to_string(records.size()) + "</span>\n</div>\n";
  h += "<table id=\"docs\"><thead><tr>" + SortableTh("ไฟล์", "file") + SortableTh("ประเภท", "family") +
       SortableTh("หน่วยงาน", "organization") + SortableTh("ปีงบ", "FY") + SortableTh("ข้อ ITA", "ITA item") +
       SortableTh("ครบถ้วน", "complete") + SortableTh("มาตรการที่", "measure") + SortableTh("หน้า", "page") +
       SortableTh("ช่อง", "field") + SortableTh("ข้อค้นพบ", "finding") + "</tr></thead><tbody>\n";
  for (size_t i = 0; i < records.size(); ++i) {
    const ContractRecord& r = records[i];
    const Json& j = r.json;
    const Json& doc = At(j, field::kDocument);
    std::string family = Str(doc, field::kFamily);
    std::string file = Str(At(j, field::kSource), field::kFile);
    const Json& fy = At(doc, field::kFiscalYear);
    std::string title = Str(doc, field::kTitle);
    const OrganizationGroup& g = groups[group_of[i]];
    std::string codes;
    for (const Json& e : At(At(j, field::kValidation), field::kErrors)) codes += (codes.empty() ? "" : " ") + Str(e, field::kCode);
    if (At(j, field::kError).is_object()) codes += (codes.empty() ? "" : " ") + Str(At(j, field::kError), field::kCode);
    std::string data = " data-doc=\"" + std::to_string(i) + "\" data-fy=\"" +
                       (fy.is_number_integer() ? std::to_string(fy.get<long long>()) : "") + "\" data-province=\"" +
                       EscapeHtml(g.province) + "\" data-family=\"" + EscapeHtml(family.empty() ? "failed" : family) +
                       "\" data-org=\"" + EscapeHtml(g.name) + "\" data-codes=\"" + EscapeHtml(codes) + "\"";
    std::string head = "<td><a href=\"" + EscapeHtml(HrefOf(file)) + "\">" + EscapeHtml(file) + "</a>" +
                       (title.empty() ? "" : "<br><span class=\"en\">" + EscapeHtml(title) + "</span>") + "</td><td>" +
                       (family.empty() ? std::string("อ่านไม่ได้ <span class=\"en\">failed</span>")
                                       : std::string(FamilyThai(family)) + " <span class=\"en\">" + family + "</span>") +
                       "</td><td>" + EscapeHtml(Str(At(doc, field::kOrganization), field::kName)) + "</td><td>" +
                       (fy.is_number_integer() ? std::to_string(fy.get<long long>()) : "—") + "</td><td>" +
                       EscapeHtml(Str(doc, field::kItaItem)) + "</td><td class=\"num\">" +
                       (Assessable(j) ? Percent(At(At(j, field::kValidation), field::kCompleteness).is_number()
                                                    ? At(At(j, field::kValidation), field::kCompleteness).get<double>() : 0)
                                      : "—") + "</td>";
    std::vector<std::string> rows;
    if (At(j, field::kError).is_object()) {
      std::string code = Str(At(j, field::kError), field::kCode);
      rows.push_back("<td></td><td></td><td>" + EscapeHtml(code) + "</td><td>" +
                     EscapeHtml(ErrorCodeThai(ErrorCodeFromName(code))) + " <span class=\"en\">" +
                     EscapeHtml(Str(At(j, field::kError), field::kMessage)) + "</span></td>");
    } else if (family == "unknown") {
      rows.push_back("<td></td><td></td><td></td><td>ไม่ใช่เอกสาร ITA ที่รู้จัก <span class=\"en\">not a known ITA document</span></td>");
    }
    const Json& measures = At(j, field::kMeasures);
    for (const Json& e : At(At(j, field::kValidation), field::kErrors)) {
      std::string pointer = Str(e, field::kPath);
      int m = MeasureIndexOf(pointer);
      std::string page;
      if (m >= 0 && measures.is_array() && static_cast<size_t>(m) < measures.size()) {
        const Json& field_source = At(At(measures[m], field::kProvenance), FieldOf(pointer).c_str());
        const Json& pages = At(measures[m], field::kPages);
        if (At(field_source, field::kPage).is_number_integer()) page = std::to_string(At(field_source, field::kPage).get<int>());
        else if (pages.is_array() && !pages.empty() && pages[0].is_number_integer()) page = std::to_string(pages[0].get<int>());
      }
      // The page opens in the PDF viewer at that page (file.pdf#page=N).
      std::string page_cell = page.empty() ? "" : "<a href=\"" + EscapeHtml(HrefOf(file)) + "#page=" + page + "\">" + page + "</a>";
      auto [th, en] = SplitMessage(Str(e, field::kMessage));
      bool low = Str(e, field::kCode) == "ocr_low_confidence";
      rows.push_back(std::string(low ? "<td class=\"low\">" : "<td>") + (m >= 0 ? std::to_string(m + 1) : "") +
                     "</td><td>" + page_cell + "</td><td>" + EscapeHtml(FieldOf(pointer)) + "</td><td" +
                     (low ? " class=\"low\"" : "") + " data-code=\"" + EscapeHtml(Str(e, field::kCode)) + "\">" + EscapeHtml(th) +
                     (en.empty() ? "" : " <span class=\"en\">" + EscapeHtml(en) + "</span>") + "</td>");
    }
    if (rows.empty()) rows.push_back("<td></td><td></td><td></td><td class=\"yes\">ครบ <span class=\"en\">complete</span></td>");
    for (size_t k = 0; k < rows.size(); ++k) {
      bool bad = At(j, field::kError).is_object() || family == "unknown";
      std::string cls = std::string(k == 0 ? "doc-first" : "doc-more") + (bad ? " bad" : "");
      h += "<tr class=\"" + cls + "\"" + data + ">" + (k == 0 ? head : "<td></td><td></td><td></td><td></td><td></td><td></td>") +
           rows[k] + "</tr>\n";
    }
  }
  h += "</tbody></table>\n";
  return h;
}

}  // namespace

std::string RenderHtmlReport(const std::vector<ContractRecord>& all, const std::string& version,
                             const std::vector<std::string>& unreadable) {
  ReportRecords in;
  // The same PDF twice counts once.
  std::set<std::string> seen;
  for (const ContractRecord& r : all) {
    std::string sha = Str(At(r.json, field::kSource), "sha256");
    if (!sha.empty() && !seen.insert(sha).second) continue;
    in.records.push_back(r);
  }
  in.groups = GroupOrganizations(in.records);
  in.group_of.resize(in.records.size());
  for (size_t g = 0; g < in.groups.size(); ++g)
    for (size_t i : in.groups[g].records) in.group_of[i] = g;

  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"th\"><head><meta charset=\"utf-8\">"
       "<meta name=\"viewport\" content=\"width=device-width\">"
       "<title>รายงานความครบถ้วน ITA / ITA completeness report</title><style>";
  h += kStyle;
  h += "</style></head><body>\n";
  h += "<h1>รายงานความครบถ้วนของเอกสาร ITA <span class=\"en\">ITA documents: completeness report</span></h1>\n";
  h += "<p class=\"en\">ita-extract " + EscapeHtml(version) + "</p>\n";

  h += SummarySection(in, all.size(), unreadable);
  h += OrganizationSection(in);
  h += VariantsSection(in);
  h += DocumentsSection(in);
  h += "<script>";
  h += kScript;
  h += "</script>\n</body></html>\n";
  return h;
}

}  // namespace ita
