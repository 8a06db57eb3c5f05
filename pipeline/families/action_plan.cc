#include "pipeline/families/action_plan.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "pipeline/families/header_synonyms.h"
#include "pipeline/families/metadata.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/places.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

bool Has(const std::string& compact, const char* word) {
  return compact.find(word) != std::string::npos;
}

// The cell starting at (row, col): a cell spanned from above belongs to an earlier row.
const Cell* CellStartingAt(const Table& t, int row, int col) {
  const Cell* c = t.CellAt(row, col);
  return (c != nullptr && c->row == row) ? c : nullptr;
}

std::string TextStartingAt(const Table& t, int row, int col) {
  const Cell* c = col >= 0 ? CellStartingAt(t, row, col) : nullptr;
  return c ? c->text : "";
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// "๑.๑ การเสริมสร้าง…" -> {"1.1", "การเสริมสร้าง…"}
bool MissionCode(const std::string& text, std::string* code, std::string* name) {
  static const RE2 re("^\\s*([0-9]{1,2})\\s*\\.\\s*([0-9]{1,2})\\.?\\s*(.*)$", RE2::Options());
  std::string a, b, rest;
  std::string ascii = thai::ThaiDigitsToAscii(text);
  // RE2's '.' does not match '\n' by default; names may wrap.
  std::string flat = ascii;
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  if (!RE2::FullMatch(flat, re, &a, &b, &rest)) return false;
  *code = a + "." + b;
  // Keep the name as printed (Thai digits, line breaks) after the code.
  size_t cut = 0;
  std::u32string u = thai::DecodeUtf8(text);
  std::u32string ascii_u = thai::DecodeUtf8(ascii);
  size_t skipped = 0;
  while (cut < ascii_u.size() && skipped < 2) {
    if (ascii_u[cut] >= U'0' && ascii_u[cut] <= U'9') {
      while (cut < ascii_u.size() && ascii_u[cut] >= U'0' && ascii_u[cut] <= U'9') ++cut;
      ++skipped;
    } else {
      ++cut;
    }
  }
  while (cut < u.size() && (u[cut] == U'.' || u[cut] == U' ')) ++cut;
  *name = thai::EncodeUtf8(u.substr(cut));
  return true;
}

// ----------------------------------------------------------------- risks

struct RiskColumns {
  int seq = -1, process = -1, risk = -1, level = -1, controls = -1;
  int header_rows = 1;
};

std::optional<RiskColumns> RiskHeader(const Table& t) {
  if (t.Rows() < 1) return std::nullopt;
  RiskColumns cols;
  for (int c = 0; c < t.Cols(); ++c) {
    std::string h = thai::CompactForMatching(TextStartingAt(t, 0, c));
    std::string lower = h;
    std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
    if (h.size() > 120) continue;
    if (Has(h, "มาตรการ") || Has(h, "ควบคุม")) {
      cols.controls = c;
    } else if (Has(h, "ระดับ") || Has(lower, "score")) {
      cols.level = c;
    } else if (Has(h, "ความเสี่ยง")) {
      cols.risk = c;
    } else if (Has(h, "ขั้นตอน") || Has(h, "กระบวนการ") || Has(h, "ภารกิจ")) {
      cols.process = c;
    } else if (Has(h, "ลำดับ") || h == "ที่") {
      cols.seq = c;
    }
  }
  if (cols.risk < 0 || cols.seq < 0 || (cols.controls < 0 && cols.level < 0)) return std::nullopt;
  return cols;
}

std::string LinesJoined(const Cell* c) {
  if (c == nullptr) return "";
  std::string out;
  for (const TextLine& l : c->lines) {
    if (l.text.empty()) continue;
    if (!out.empty()) out += '\n';
    out += l.text;
  }
  return out;
}

void ReadRisks(const Table& t, const RiskColumns& cols, std::vector<Risk>& risks) {
  for (int r = cols.header_rows; r < t.Rows(); ++r) {
    std::string seq = TextStartingAt(t, r, cols.seq);
    bool any = false;
    for (int c : {cols.process, cols.risk, cols.level, cols.controls})
      any = any || !TextStartingAt(t, r, c).empty();
    if (seq.empty() && !any) continue;
    if (!seq.empty() || risks.empty()) {
      Risk risk;
      if (auto n = thai::LeadingEnumerator(seq)) risk.seq = *n;
      risks.push_back(risk);
    }
    Risk& k = risks.back();
    AppendWrapped(k.process, TextStartingAt(t, r, cols.process));
    AppendWrapped(k.risk, TextStartingAt(t, r, cols.risk));
    // Levels are single words, one per line ("สูง" / "ปานกลาง"): keep the lines.
    std::string level = cols.level >= 0 ? LinesJoined(CellStartingAt(t, r, cols.level)) : "";
    if (!level.empty()) k.level += (k.level.empty() ? "" : "\n") + level;
    AppendWrapped(k.controls, TextStartingAt(t, r, cols.controls));
  }
}

// ------------------------------------------------------ missions/projects

struct SummaryColumns {
  int dimension = -1, mission = -1, project = -1, remarks = -1;
  std::vector<std::pair<int, int>> years;  // (BE year, col)
  int header_rows = 1;
};

std::optional<SummaryColumns> SummaryHeader(const Table& t) {
  SummaryColumns cols;
  int last_header = -1;
  for (int r = 0; r < std::min(2, t.Rows()); ++r) {
    bool header_row = false;
    for (int c = 0; c < t.Cols(); ++c) {
      const Cell* cell = CellStartingAt(t, r, c);
      if (cell == nullptr || cell->col != c) continue;
      std::string h = thai::CompactForMatching(cell->text);
      if (h.empty() || h.size() > 150) continue;
      static const RE2 year("^(?:ปี(?:งบประมาณ)?(?:พ\\.ศ\\.)?)?(25[0-9][0-9])$");
      std::string y;
      if (RE2::FullMatch(h, year, &y)) {
        cols.years.push_back({std::stoi(y), c});
        header_row = true;
      } else if (Has(h, "ภารกิจ")) {
        cols.mission = c;
        header_row = true;
      } else if (h == "มิติ" || h == "มติ" || Has(h, "มิติที่")) {
        cols.dimension = c;
        header_row = true;
      } else if (Has(h, "โครงการ") || Has(h, "กิจกรรม")) {
        cols.project = c;
        header_row = true;
      } else if (Has(h, "หมายเหตุ") || Has(h, "ผู้รับผิดชอบ") || Has(h, "หน่วยงาน")) {
        cols.remarks = c;
        header_row = true;
      } else if (Has(h, "งบประมาณ")) {
        header_row = true;
      }
    }
    if (header_row) last_header = r;
  }
  if (cols.mission < 0 || cols.project < 0 || cols.years.empty()) return std::nullopt;
  cols.header_rows = last_header + 1;
  return cols;
}

struct ProjectItem {
  std::optional<int> seq;   // empty: continues the previous project's name
  std::string text;
  double y = 0;             // top of its first line
};

// Splits a project cell into numbered items by its lines ("๔) …", "๕) …").
std::vector<ProjectItem> ProjectItems(const Cell& cell) {
  std::vector<ProjectItem> items;
  static const RE2 item("^\\s*\\(?([0-9]{1,3})\\)\\s*(.*)$");
  for (const TextLine& line : cell.lines) {
    std::string ascii = thai::ThaiDigitsToAscii(line.text);
    std::string n, rest;
    if (RE2::FullMatch(ascii, item, &n, &rest)) {
      // Keep the printed text after the enumerator.
      size_t paren = line.text.find(')');
      std::string name = paren == std::string::npos ? rest : line.text.substr(paren + 1);
      size_t b = name.find_first_not_of(' ');
      items.push_back(ProjectItem{std::stoi(n), b == std::string::npos ? "" : name.substr(b), line.box.y0});
    } else if (!items.empty()) {
      AppendWrapped(items.back().text, line.text);
    } else {
      items.push_back(ProjectItem{std::nullopt, line.text, line.box.y0});
    }
  }
  return items;
}

// Remarks lines that sit between the top of a project and the top of the next one.
std::string RemarksFor(const Cell* remarks, double top, double bottom) {
  if (remarks == nullptr) return "";
  std::string out;
  for (const TextLine& l : remarks->lines) {
    double y = l.box.CenterY();
    if (y >= top - 2 && y < bottom - 2 && !l.text.empty() && l.text != "-") AppendWrapped(out, l.text);
  }
  return out;
}

double SumAmounts(const std::string& cell, std::vector<std::string>* set_aside = nullptr) {
  double sum = 0;
  for (const std::string& line : SplitLines(cell)) {
    auto v = thai::ParseAmountBaht(line);
    if (!v) continue;
    if (*v >= kImplausibleBaht) {
      if (set_aside) set_aside->push_back("budget amount \"" + line + "\" set aside: not a plausible amount for one line of the plan");
      continue;
    }
    sum += *v;
  }
  return sum;
}

// Where the summary tables left off; indices, because the vectors grow.
struct SummaryState {
  int dimension = 0;
  int mission = -1;
  int last_project = -1;
};

void ReadSummary(const Table& t, const SummaryColumns& cols, ActionPlan& plan, SummaryState& st) {
  for (int r = cols.header_rows; r < t.Rows(); ++r) {
    std::string dim_text = TextStartingAt(t, r, cols.dimension);
    std::string mission_text = TextStartingAt(t, r, cols.mission);
    std::string first = thai::CompactForMatching(TextStartingAt(t, r, 0) + mission_text);
    const Cell* project_cell = CellStartingAt(t, r, cols.project);
    std::string project_text = project_cell ? project_cell->text : "";
    if (Has(first, "รวมทั้งสิ้น") || Has(first, "รวมทั้งหมด")) {
      static const RE2 count("([0-9]{1,4})โครงการ");
      std::string n;
      std::string compact_projects = thai::CompactForMatching(project_text + first);
      if (RE2::PartialMatch(compact_projects, count, &n)) plan.stated_projects = std::stoi(n);
      for (const auto& [year, col] : cols.years) {
        std::string cell = TextStartingAt(t, r, col);
        if (!cell.empty()) plan.stated_budget[year] = SumAmounts(cell);
      }
      continue;
    }
    if (thai::CompactForMatching(mission_text).rfind("รวม", 0) == 0) continue;  // a dimension's subtotal
    if (auto n = thai::LeadingEnumerator(dim_text); n && thai::DecodeUtf8(dim_text).size() > 2) {
      st.dimension = *n;
    }
    std::string code, name;
    if (MissionCode(mission_text, &code, &name)) {
      Mission m;
      m.code = code;
      m.name = name;
      m.dimension = std::stoi(code.substr(0, code.find('.')));
      if (st.dimension == 0) st.dimension = m.dimension;
      for (const auto& [year, col] : cols.years) m.budget[year] = 0;
      plan.missions.push_back(m);
      st.mission = static_cast<int>(plan.missions.size()) - 1;
      st.last_project = -1;
    } else if (!mission_text.empty() && st.mission >= 0) {
      AppendWrapped(plan.missions[st.mission].name, mission_text);  // continued on a new page
    }
    if (st.mission < 0) continue;
    Mission& mission = plan.missions[st.mission];
    for (const auto& [year, col] : cols.years) {
      mission.budget[year] += SumAmounts(TextStartingAt(t, r, col), &plan.set_aside);
    }
    if (project_cell == nullptr) continue;
    std::vector<ProjectItem> items = ProjectItems(*project_cell);
    const Cell* remarks = cols.remarks >= 0 ? CellStartingAt(t, r, cols.remarks) : nullptr;
    for (size_t i = 0; i < items.size(); ++i) {
      const ProjectItem& item = items[i];
      double bottom = i + 1 < items.size() ? items[i + 1].y : project_cell->box.y1 + 1;
      std::string responsible = RemarksFor(remarks, item.y, bottom);
      if (!item.seq) {
        if (st.last_project >= 0) {
          Project& last = plan.projects[st.last_project];
          AppendWrapped(last.name, item.text);
          if (!responsible.empty()) AppendWrapped(last.responsible, responsible);
        }
        continue;
      }
      Project p;
      p.seq = *item.seq;
      p.dimension = mission.dimension;
      p.mission = mission.code;
      p.name = item.text;
      p.responsible = responsible;
      plan.projects.push_back(p);
      st.last_project = static_cast<int>(plan.projects.size()) - 1;
    }
  }
}

}  // namespace

double NameSimilarity(const std::string& a, const std::string& b) {
  std::u32string x = thai::DecodeUtf8(thai::CompactForMatching(a));
  std::u32string y = thai::DecodeUtf8(thai::CompactForMatching(b));
  size_t longer = std::max(x.size(), y.size());
  if (longer == 0) return 1.0;
  if (x.size() > 400 || y.size() > 400) {
    x = x.substr(0, 400);
    y = y.substr(0, 400);
  }
  return 1.0 - static_cast<double>(thai::EditDistance(x, y)) / static_cast<double>(std::max(x.size(), y.size()));
}

std::vector<Project> ProjectsFromTableRows(const std::vector<Measure>& rows) {
  std::vector<Project> projects;
  auto text = [](const Measure& m, MeasureField f) {
    auto it = m.columns.find(f);
    return it == m.columns.end() ? std::string() : it->second;
  };
  auto companion = [](const Measure& m, MeasureField f) {
    auto it = m.companions.find(f);
    return it == m.companions.end() ? std::string() : it->second;
  };
  for (const Measure& m : rows) {
    // A table of projects names them so ("โครงการ/กิจกรรม", "แผนงาน"); a risk register's
    // "มาตรการควบคุม" column holds controls, not projects.
    static const RE2 project_words("โครงการ|กิจกรรม|แผนงาน");
    if (!RE2::PartialMatch(thai::CompactForMatching(m.measure_heading), project_words)) continue;
    Project p;
    p.seq = m.seq.value_or(static_cast<int>(projects.size()) + 1);
    p.name = text(m, MeasureField::kMeasure);
    if (p.name.empty()) p.name = text(m, MeasureField::kIssue);
    if (p.name.empty()) continue;
    p.responsible = text(m, MeasureField::kResponsible);
    ProjectDetail d;
    if (std::string o = companion(m, MeasureField::kObjective); !o.empty()) d.objectives = DetailItems(o);
    if (std::string how = text(m, MeasureField::kMethod); !how.empty()) d.method = DetailItems(how);
    d.period = m.period;
    d.target = companion(m, MeasureField::kTarget);
    d.budget_text = companion(m, MeasureField::kBudget);
    if (!d.budget_text.empty()) d.budget_baht = thai::ParseAmountBaht(d.budget_text);
    // A column a year: each year's amount ("-" is none planned); a cell that holds no amount is
    // left out rather than guessed.
    for (const auto& [year, cell] : m.by_year)
      if (auto baht = thai::ParseAmountBaht(cell)) p.budget[year] = *baht;
    d.responsible = p.responsible;
    if (std::string out = text(m, MeasureField::kOutput); !out.empty()) d.outputs = DetailItems(out);
    if (std::string out = text(m, MeasureField::kOutcome); !out.empty()) d.outcomes = DetailItems(out);
    d.pages = m.provenance.pages;
    p.detail = d;
    projects.push_back(std::move(p));
  }
  return projects;
}

std::optional<std::pair<int, int>> PlanYearsOf(const std::vector<std::string>& lines) {
  static const RE2 range("พ\\s*\\.?\\s*ศ\\s*\\.?\\s*(25[0-9][0-9])\\s*(?:-|–|—|ถึง)\\s*(25[0-9][0-9])");
  for (const std::string& l : lines) {
    std::string digits = thai::ThaiDigitsToAscii(l);
    re2::StringPiece input(digits);
    std::string a, b;
    while (RE2::FindAndConsume(&input, range, &a, &b)) {
      // A plan's span is a few years, forwards, in the ITA era; anything else is a misreading
      // ("2561 - 2513" from a scanned cover) and is passed over, not emitted.
      int from = std::stoi(a), to = std::stoi(b);
      if (from >= kFirstPlausibleYear && to <= kLastPlausibleYear && to >= from && to - from <= 10)
        return std::make_pair(from, to);
    }
  }
  return std::nullopt;
}

std::optional<ActionPlan> BuildActionPlan(const std::vector<Table>& tables,
                                          const std::vector<ProseLine>& prose,
                                          const std::vector<std::string>& title_lines) {
  ActionPlan plan;
  if (auto years = PlanYearsOf(title_lines)) {
    plan.year_from = years->first;
    plan.year_to = years->second;
  }
  SummaryState state;
  for (const Table& t : tables) {
    if (auto rc = RiskHeader(t)) {
      ReadRisks(t, *rc, plan.risks);
      continue;
    }
    if (auto sc = SummaryHeader(t)) ReadSummary(t, *sc, plan, state);
  }
  bool found = !plan.projects.empty() || !plan.risks.empty() || !plan.missions.empty();
  if (!found) return plan.year_from ? std::optional<ActionPlan>(plan) : std::nullopt;
  // Details, matched to projects by name (then by order for the rest).
  std::vector<NamedDetail> details = ReadProjectDetails(prose);
  std::vector<bool> used(details.size(), false);
  for (Project& p : plan.projects) {
    int best = -1;
    double best_sim = 0.6;
    for (size_t i = 0; i < details.size(); ++i) {
      if (used[i]) continue;
      double sim = NameSimilarity(p.name, details[i].name);
      if (sim > best_sim) {
        best_sim = sim;
        best = static_cast<int>(i);
      }
    }
    if (best >= 0) {
      used[best] = true;
      p.detail = details[best].detail;
    }
  }
  return plan;
}

}  // namespace ita
