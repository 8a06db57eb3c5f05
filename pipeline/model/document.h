// Plain value types that flow through the pipeline, from PDF words to records.
//
// Everything here is a value: copyable, no pointers between levels (indices instead),
// no library types. One coordinate system throughout: PDF points, top-left origin.
// Thread-safety: values; share const, copy to mutate.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ita {

// An axis-aligned rectangle in PDF points, top-left origin (y grows downwards).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  double Width() const { return x1 - x0; }
  double Height() const { return y1 - y0; }
  double CenterX() const { return (x0 + x1) / 2; }
  double CenterY() const { return (y0 + y1) / 2; }
  bool Contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

// Where a piece of text came from.
enum class Origin { kPdfText, kOcr };

// One word (or word fragment) as the PDF text layer or the OCR engine reports it.
struct Word {
  std::string utf8;
  Box box;
  double confidence = 1.0;  // 0..1; 1 for the PDF text layer
  Origin origin = Origin::kPdfText;
};

// An 8-bit grayscale raster of a page (0 = black, 255 = white), row-major.
struct Raster {
  int width = 0;
  int height = 0;
  double dpi = 72;
  std::vector<unsigned char> pixels;

  unsigned char At(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

// Which text a page's words came from, as recorded in `source.page_sources`.
enum class TextSource { kText, kOcr };

// One page after text extraction.
struct Page {
  int index = 0;  // 0-based
  double width_pt = 0;
  double height_pt = 0;
  TextSource source = TextSource::kText;
  int rotation = 0;  // degrees the scan's text was turned clockwise; read after turning back
  std::vector<Word> words;
  std::vector<std::string> diagnostics;  // what went wrong on this page, if anything
};

// One line of text rebuilt from words (pipeline/layout/text_lines.h).
struct TextLine {
  Box box;
  std::string text;
  double confidence = 1.0;  // lowest word confidence
  Origin origin = Origin::kPdfText;
};

// A line of running text outside tables, with the page it is on (0-based).
struct ProseLine {
  ProseLine() = default;
  ProseLine(int page_index, std::string line_text, Box line_box = {}, Origin line_origin = Origin::kPdfText,
            double line_confidence = 1.0)
      : page(page_index), text(std::move(line_text)), box(line_box), origin(line_origin),
        confidence(line_confidence) {}

  int page = 0;
  std::string text;
  Box box;  // where the line stands on its page
  Origin origin = Origin::kPdfText;
  double confidence = 1.0;
};

// One cell of a ruled table. `row`/`col` index the table's grid; spans cover merged cells.
struct Cell {
  int row = 0;
  int col = 0;
  int row_span = 1;
  int col_span = 1;
  Box box;
  std::string text;          // repaired, lines joined per the output contract
  std::vector<TextLine> lines;  // the cell's repaired lines with their boxes
  double confidence = 1.0;   // lowest word confidence in the cell
  Origin origin = Origin::kPdfText;
};

// A ruled table on one page. `cells` are in reading order (row, then column).
struct Table {
  int page = 0;
  Box box;
  std::vector<double> row_edges;  // rows+1 horizontal rule positions (points)
  std::vector<double> col_edges;  // cols+1 vertical rule positions (points)
  std::vector<Cell> cells;

  int Rows() const { return row_edges.empty() ? 0 : static_cast<int>(row_edges.size()) - 1; }
  int Cols() const { return col_edges.empty() ? 0 : static_cast<int>(col_edges.size()) - 1; }

  // The cell covering grid position (row, col), or nullptr. Linear: for small tables.
  const Cell* CellAt(int row, int col) const {
    for (const Cell& c : cells) {
      if (row >= c.row && row < c.row + c.row_span && col >= c.col && col < c.col + c.col_span)
        return &c;
    }
    return nullptr;
  }
};

// Why a document could not be processed. `code` is one of the contract's error codes.
// kCrashed: the worker process reading the document died (a library crashed);
// kNotFound: a path listed as input does not exist.
enum class ErrorCode {
  kNotPdf, kCorrupt, kEncrypted, kEmpty, kTooLarge, kTimeout, kIo, kInternal, kCrashed, kNotFound
};
inline constexpr ErrorCode kAllErrorCodes[] = {
    ErrorCode::kNotPdf,  ErrorCode::kCorrupt, ErrorCode::kEncrypted, ErrorCode::kEmpty,
    ErrorCode::kTooLarge, ErrorCode::kTimeout, ErrorCode::kIo,       ErrorCode::kInternal,
    ErrorCode::kCrashed, ErrorCode::kNotFound};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

std::string ErrorCodeName(ErrorCode code);
// The error in Thai, for messages beside the English ones ("ไฟล์ถูกเข้ารหัส" for encrypted).
std::string ErrorCodeThai(ErrorCode code);
// The code a contract record names ("corrupt"); kInternal for a name it does not know.
ErrorCode ErrorCodeFromName(std::string_view name);

// ---------------------------------------------------------------- records

enum class Family { kMeasuresPlan, kMeasuresReport, kItaAnalysis, kActionPlan, kUnknown };
std::string FamilyName(Family family);
// Families whose output carries `measures` (an ITA analysis ends with its measures table).
inline bool IsMeasuresFamily(Family f) {
  return f == Family::kMeasuresPlan || f == Family::kMeasuresReport || f == Family::kItaAnalysis;
}

// A date span read from text. `start`/`end` are ISO dates, empty when unreadable; `reason`
// then says why.
struct Period {
  std::string text;
  std::string start;
  std::string end;
  std::string reason;
};

struct Question {
  std::string code;  // "I1", "E11", … ; empty when the line has no code
  std::string text;
};

// What a measures-table column holds. The values up to kFollowUp are the contract's Measure
// fields; the rest are companion columns real forms carry (target group, objective, remarks,
// counts, budget, statistics, tick columns for done / in progress / not done and for quarters
// or months). Companions make a header recognisable and feed `status` and `period`; they are
// not written as fields of their own.
enum class MeasureField {
  kSeq,
  kIssue,
  kQuestions,
  kFindings,
  kMeasure,
  kMethod,
  kResponsible,
  kPeriod,
  kOutput,
  kOutcome,
  kSuggestion,
  kFollowUp,
  // Companions (not contract fields).
  kTarget,
  kObjective,
  kRemark,
  kQuantity,
  kBudget,
  kStatistic,
  kStatus,      // a column that holds the state of work in words, or heads tick columns
  kDone,        // tick column: done
  kInProgress,  // tick column: in progress
  kNotDone,     // tick column: not done (yet)
  kPeriodTick,  // tick column headed by a quarter or a month
};
std::string MeasureFieldName(MeasureField field);
inline bool IsContractField(MeasureField f) { return f <= MeasureField::kFollowUp; }

// Where a record came from, for diagnostics and `pages`.
struct Provenance {
  std::vector<int> pages;   // 1-based
  Origin origin = Origin::kPdfText;
  double min_confidence = 1.0;
};

// Where one field of a measure was read: the first cell that gave it text (page 1-based, box
// in points), whether from the text layer or OCR, and the lowest OCR confidence of its cells.
struct FieldSource {
  int page = 0;
  Box box;
  Origin origin = Origin::kPdfText;
  double confidence = 1.0;
};

// One row of a measures table after continuation rows are merged.
// `columns` holds a value for every field whose column exists; an empty string is an empty cell.
struct Measure {
  std::optional<int> seq;
  std::map<MeasureField, std::string> columns;
  std::vector<Question> questions;  // parsed from columns[kQuestions]
  std::optional<Period> period;     // parsed from columns[kPeriod]
  std::vector<std::string> dates;   // ISO dates mentioned in output/outcome
  Provenance provenance;
  std::map<MeasureField, double> confidence;  // per field, lowest OCR confidence (absent: text)
  std::map<MeasureField, FieldSource> sources;  // per field with text (output: "provenance")
  // Contract extensions (docs/output-contract.md):
  std::string group;               // the heading row (strategy, แนวทาง) the measure stands under
  std::vector<std::string> items;  // numbered sub-items of the measure cell ("1.1 ประกาศ…")
  std::optional<std::string> status;  // "done" | "in_progress" | "not_done"; set when the table
                                      // has tick columns for it ("" = no tick in the row)
  // Companion columns' text (target group, objective, budget, remarks…): not contract fields,
  // read by the families that have a use for them (an action plan's projects).
  std::map<MeasureField, std::string> companions;
  // A plan's year columns ("ปี 2566 งบประมาณ"): each year's cell text, by BE year.
  std::map<int, std::string> by_year;
  std::string measure_heading;  // the measure column's header as printed (not written)

  bool Has(MeasureField f) const { return columns.contains(f); }
};

enum class OrganizationType { kThesabanNakhon, kThesabanMueang, kThesabanTambon, kSao, kPao, kOther };
std::string OrganizationTypeName(OrganizationType type);

struct Organization {
  std::string name;  // empty: not found
  OrganizationType type = OrganizationType::kOther;
  std::string district;
  std::string province;
};

struct DocumentInfo {
  Family family = Family::kUnknown;
  std::string title;
  Organization organization;
  std::optional<int> fiscal_year;  // BE
  std::string ita_item;            // e.g. "O43"; empty when unknown
};

// ----------------------------------------------------------- ITA score analysis

struct IndicatorScore {
  int no = 0;                       // 1..10
  std::string tool;                 // IIT (1-5), EIT (6-8), OIT (9-10)
  std::string name;
  std::optional<double> score;      // the assessed year
  std::optional<double> previous;   // the year before, when the table gives it
};

struct YearScore {
  int year = 0;                     // BE
  std::optional<double> total;
  std::string grade;                // AA, A, B, C, D, E, F; empty when not given
};

struct ItaScores {
  YearScore current;
  std::optional<YearScore> previous;
  std::vector<IndicatorScore> indicators;  // in indicator order
};

// ------------------------------------------------------------- action plan

struct Risk {
  std::optional<int> seq;
  std::string process;
  std::string risk;
  std::string level;     // ต่ำ / ปานกลาง / สูง as written; empty when not given
  std::string controls;
};

struct Mission {
  int dimension = 0;
  std::string code;                 // "2.1"
  std::string name;
  std::map<int, double> budget;     // BE year -> baht (0 for "-")
};

struct ProjectDetail {
  std::string rationale;
  std::vector<std::string> objectives;
  std::string target;
  std::vector<std::string> method;
  std::optional<Period> period;
  std::string budget_text;
  std::optional<double> budget_baht;
  std::string responsible;
  std::vector<std::string> outputs;
  std::vector<std::string> outcomes;
  std::vector<int> pages;
};

struct Project {
  int seq = 0;
  int dimension = 0;
  std::string mission;              // mission code
  std::string name;
  std::string responsible;          // empty: not given
  std::optional<ProjectDetail> detail;
  std::map<int, double> budget{};   // BE year -> baht, from a table with a column a year
};

struct ActionPlan {
  std::optional<int> year_from;     // BE
  std::optional<int> year_to;
  std::vector<Risk> risks;
  std::vector<Mission> missions;
  std::vector<Project> projects;
  std::optional<int> stated_projects;       // "จำนวน ๒๕ โครงการ" on the grand-total row
  std::map<int, double> stated_budget;      // the grand-total row's amounts per year
  std::vector<std::string> set_aside;       // amounts not taken, and why (diagnostics)
};

struct ValidationIssue {
  std::string path;
  std::string code;
  std::string message;
};

struct Validation {
  std::string schema;
  bool valid = true;
  // False for a document that was not read (an error record) or not classified (unknown):
  // nothing to be complete against, so it is never valid and its completeness is null.
  bool assessed = true;
  double completeness = 1.0;
  std::vector<ValidationIssue> errors;
};

struct SourceInfo {
  std::string file;
  std::string sha256;
  int pages = 0;
  std::vector<TextSource> page_sources;
  std::string extractor_version;  // the program that wrote the record (resume checks it)
};

// Where one page's time went, in seconds (for --timings and the benchmark).
struct PageTiming {
  int page = 0;                // 1-based
  TextSource source = TextSource::kText;
  double text = 0;             // text layer, low-resolution render, policy, tables
  double ocr_prepare = 0;      // render at OCR resolution, clean-up, deskew, grids
  double ocr_wait = 0;         // from submit to result: queueing plus recognition
  double ocr_recognize = 0;    // inside the engine
  double ocr_reread = 0;       // second readings, wall: from the first reading's words to the last
  // Second readings inside the engine, by kind: empty cells, lines with digits (numeric
  // model), Latin words in Thai lines, Latin codes in cells.
  double reread_cells = 0, reread_digits = 0, reread_latin_words = 0, reread_latin_codes = 0;
};

// Everything one run learns about one PDF; the JSON writer turns it into the contract.
struct Extraction {
  SourceInfo source;
  std::optional<DocumentInfo> document;  // empty when `error` is set
  std::vector<Measure> measures;
  std::optional<ItaScores> ita_scores;
  std::optional<ActionPlan> action_plan;
  Validation validation;
  std::optional<Error> error;
  std::vector<std::string> diagnostics;
  std::vector<PageTiming> timings;  // not part of the contract JSON
};

}  // namespace ita
