#include "pipeline/cli/commands.h"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <nlohmann/json.hpp>

#include "extractors/poppler_pdf_source.h"
#include "extractors/tesseract_ocr_engine.h"
#include "pipeline/io/ita_items.h"
#include "pipeline/run/batch.h"
#include "pipeline/run/revalidate.h"
#include "pipeline/run/vowel_pass.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/text_repair.h"

namespace ita::cli {
namespace {

// The first folder of ITA_MODEL_DIRS (set by CMake: installed, then source tree) holding the
// numeric OCR model; empty when none does.
std::string DefaultNumericModelDir() {
  std::string dirs = ITA_MODEL_DIRS;
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    std::error_code ec;
    if (!dir.empty() && std::filesystem::is_regular_file(dir + "/thd.traineddata", ec)) return dir;
    start = end + 1;
  }
  return "";
}

constexpr char kExtractHelp[] = R"(usage: ita-extract extract INPUT... [--out DIR] [options]

Reads Thai ITA report PDFs and writes one contract JSON (thai-ita-extract/1) per PDF.

INPUT    a PDF file, a folder (searched recursively for *.pdf), or @LIST (a text file
         with one path per line; blank lines and lines starting with # are ignored)

options:
  --out DIR         output folder (default: out); NAME.pdf -> DIR/NAME.json, names that
                    collide get a short hash suffix
  --jobs N          documents processed in parallel (default: number of cores)
  --resume          skip inputs whose output file already exists
  --max-mb N        files larger than N MiB get a too_large error record (default 512)
  --max-pages N     documents longer than N pages get a too_large record (default 2000)
  --quiet           no per-document lines, only the summary
  --no-ocr          do not OCR pages without a usable text layer (they are recorded as
                    "ocr" with a diagnostic)
  --ocr-dpi N       render resolution for OCR (default 300)
  --ocr-cells       OCR each table cell on its own instead of whole pages (slower)
  --tessdata DIR    Tesseract language data folder (default: the system's)
  --ocr-lang LANGS  Tesseract languages (default tha; tha+eng measured worse, see bench/)
  --numeric-model DIR  folder with thd.traineddata, the model for Thai and Arabic digits
                    (tools/digits/train.sh); default: the project's models/ folder. Lines
                    of scanned pages that hold digits are read again with it
  --no-numeric-model   read scanned pages with the main model only
  --timings         print per-page timings (seconds by stage) to stderr

exit codes:
  0  every document was processed (validation findings do not count as failures)
  1  at least one document could not be processed and got an error record
     (not_pdf, empty, corrupt, encrypted, too_large, …); the others were processed
  2  bad arguments (unknown option, no input, missing path)
  3  fatal: output folder not writable, or the built-in schemas failed to load
)";

constexpr char kToolHelp[] = R"(usage: ita-extract tool repair TEXT
       ita-extract tool period TEXT [--fiscal-year BE]
       ita-extract tool dates TEXT
       ita-extract tool tables FILE.pdf [--page N] [--numeric-model DIR]
       ita-extract tool trust FILE.pdf

repair   prints TEXT after Thai repair (PUA glyphs, SARA AM, mark order, spaces)
period   prints {"text","start","end"} (and "reason" when unreadable) as JSON
dates    prints the ISO dates mentioned in TEXT as a JSON array
tables   prints each page's text source, ruled tables (cells with spans) and free text lines
trust    prints each page's text-layer measures (garbage, symbol soup, dictionary coverage of
         its Thai) and whether they send the page to OCR
)";

bool ParseInt(const std::string& s, long long* out) {
  try {
    size_t used = 0;
    *out = std::stoll(s, &used);
    return used == s.size();
  } catch (...) {
    return false;
  }
}

int DumpTables(const Args& args) {
  int only_page = -1;
  ExtractOptions options;
  TesseractOptions tesseract;
  tesseract.numeric_model_dir = DefaultNumericModelDir();
  options.numeric_pass = !tesseract.numeric_model_dir.empty();
  options.latin_pass = true;
  options.dictionary = thai::ThaiDictionary::System();
  for (size_t i = 2; i + 1 < args.size(); i += 2) {
    long long n = 0;
    if (args[i] == "--numeric-model") {
      tesseract.numeric_model_dir = args[i + 1];
      options.numeric_pass = true;
      continue;
    }
    if (args[i] != "--page" || !ParseInt(args[i + 1], &n)) {
      std::cerr << kToolHelp;
      return kExitUsage;
    }
    only_page = static_cast<int>(n) - 1;
  }
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(args[1], &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  OcrPool pool(TesseractEngineFactory(tesseract), 1);
  options.ocr = &pool;
  // The vowel repair is decided from the whole document's text layer, so every page is read
  // first (OCR only for the pages shown).
  std::vector<PageResult> pages;
  for (int p = 0; p < pdf->PageCount(); ++p) {
    bool shown = only_page < 0 || p == only_page;
    pages.push_back(shown ? ReadPage(*pdf, p, options) : AnalyzePage(*pdf, p, options));
  }
  if (options.dictionary != nullptr) {
    std::string repaired = DescribeVowelPass(RepairDocumentVowels(pages, *options.dictionary));
    if (!repaired.empty()) std::cout << "! repair: " << repaired << "\n";
  }
  for (int p = 0; p < pdf->PageCount(); ++p) {
    if (only_page >= 0 && p != only_page) continue;
    const PageResult& page = pages[p];
    std::cout << "=== page " << p + 1 << " ("
              << (page.page.source == TextSource::kText ? "text" : "ocr") << ")\n";
    for (const std::string& d : page.page.diagnostics) std::cout << "! " << d << "\n";
    for (const TextLine& l : page.free_lines) std::cout << "  | " << l.text << "\n";
    for (size_t t = 0; t < page.tables.size(); ++t) {
      const Table& table = page.tables[t];
      std::cout << "  table " << t + 1 << ": " << table.Rows() << " rows x " << table.Cols()
                << " cols\n";
      for (const Cell& c : table.cells) {
        std::string text = c.text;
        for (char& ch : text) ch = ch == '\n' ? '/' : ch;
        std::cout << "    [" << c.row << "," << c.col << "]";
        if (c.row_span > 1 || c.col_span > 1) std::cout << " span " << c.row_span << "x" << c.col_span;
        std::cout << " " << text << "\n";
      }
    }
  }
  return kExitOk;
}

// Each page's text-layer measures and the route they choose.
int DumpTrust(const Args& args) {
  Error error;
  std::unique_ptr<PdfSource> pdf = OpenPopplerPdf(args[1], &error);
  if (!pdf) {
    std::cerr << "ita-extract: " << ErrorCodeName(error.code) << ": " << error.message << "\n";
    return kExitDocumentFailed;
  }
  ExtractOptions options;
  const thai::ThaiDictionary* dict = thai::ThaiDictionary::System();
  for (int p = 0; p < pdf->PageCount(); ++p) {
    auto words = pdf->Words(p);
    auto render = pdf->Render(p, options.layout_dpi);
    static const Raster kNone;
    TextSourceDecision d = ChooseTextSource(words ? *words : std::vector<Word>{},
                                            render ? *render : kNone, options.text_source, dict);
    char line[400];
    std::snprintf(line, sizeof line,
                  "page %d: %s chars %d garbage %.2f junk %.2f thai_letters %d coverage %.2f: %s\n",
                  p + 1, d.source == TextSource::kText ? "text" : "ocr ", d.trust.chars,
                  d.trust.garbage, d.trust.junk, d.trust.thai_letters, d.trust.thai_coverage,
                  d.reason.c_str());
    std::cout << line;
  }
  return kExitOk;
}

}  // namespace

const std::vector<Command>& Commands() {
  static const std::vector<Command> commands = {
      {"extract", Extract, "PDFs to contract JSON, one file per PDF"},
      {"tool", Tool, "debugging tools: repair, period, dates"},
      {"validate", Validate, "re-check existing JSON; completeness per document and organization"},
      {"schemas", Schemas, "print the built-in JSON Schema of a family"},
  };
  return commands;
}

std::string Usage() {
  std::string s = "usage: ita-extract COMMAND [ARGS]\n\ncommands:\n";
  for (const Command& c : Commands()) {
    char line[160];
    std::snprintf(line, sizeof line, "  %-9s %s\n", c.name, c.summary);
    s += line;
  }
  s += "\n'ita-extract COMMAND --help' for a command's options and exit codes.\n";
  return s;
}

int Extract(const Args& args) {
  BatchOptions options;
  std::vector<std::string> inputs;
  bool quiet = false;
  bool ocr = true;
  bool timings = false;
  bool numeric_model = true;
  TesseractOptions tesseract;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](long long* out) {
      if (i + 1 >= args.size() || !ParseInt(args[i + 1], out) || *out < 0) {
        std::cerr << "ita-extract: " << a << " needs a non-negative number\n";
        return false;
      }
      ++i;
      return true;
    };
    long long n = 0;
    if (a == "--help" || a == "-h") {
      std::cout << kExtractHelp;
      return kExitOk;
    } else if (a == "--out" || a == "-o") {
      if (i + 1 >= args.size()) {
        std::cerr << "ita-extract: --out needs a folder\n";
        return kExitUsage;
      }
      options.out_dir = args[++i];
    } else if (a == "--jobs" || a == "-j") {
      if (!value(&n)) return kExitUsage;
      options.jobs = static_cast<int>(n);
    } else if (a == "--max-mb") {
      if (!value(&n)) return kExitUsage;
      options.max_bytes = static_cast<uint64_t>(n) << 20;
    } else if (a == "--max-pages") {
      if (!value(&n)) return kExitUsage;
      options.extract.max_pages = static_cast<int>(n);
    } else if (a == "--resume") {
      options.resume = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--no-ocr") {
      ocr = false;
    } else if (a == "--ocr-cells") {
      options.extract.ocr_strategy = OcrStrategy::kCells;
    } else if (a == "--ocr-dpi") {
      if (!value(&n) || n < 50 || n > 1200) {
        std::cerr << "ita-extract: --ocr-dpi needs a number from 50 to 1200\n";
        return kExitUsage;
      }
      options.extract.ocr_dpi = static_cast<double>(n);
    } else if (a == "--ocr-lang") {
      if (i + 1 >= args.size()) {
        std::cerr << "ita-extract: --ocr-lang needs languages, e.g. tha+eng\n";
        return kExitUsage;
      }
      tesseract.languages = args[++i];
    } else if (a == "--numeric-model") {
      if (i + 1 >= args.size()) {
        std::cerr << "ita-extract: --numeric-model needs a folder\n";
        return kExitUsage;
      }
      tesseract.numeric_model_dir = args[++i];
    } else if (a == "--no-numeric-model") {
      numeric_model = false;
    } else if (a == "--tessdata") {
      if (i + 1 >= args.size()) {
        std::cerr << "ita-extract: --tessdata needs a folder\n";
        return kExitUsage;
      }
      tesseract.tessdata_dir = args[++i];
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      std::cerr << "ita-extract: unknown option " << a << " (see ita-extract extract --help)\n";
      return kExitUsage;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) {
    std::cerr << "ita-extract: no INPUT given (see ita-extract extract --help)\n";
    return kExitUsage;
  }
  if (!numeric_model) tesseract.numeric_model_dir.clear();
  else if (tesseract.numeric_model_dir.empty()) tesseract.numeric_model_dir = DefaultNumericModelDir();
  options.extract.numeric_pass = !tesseract.numeric_model_dir.empty();
  options.extract.latin_pass = true;
  options.extract.dictionary = thai::ThaiDictionary::System();
  if (options.extract.dictionary == nullptr) {
    std::cerr << "ita-extract: warning: no Thai word list found (/usr/share/libthai/thbrk.tri, "
                 "/usr/share/hunspell/th_TH.dic; Debian libthai-data, hunspell-th): vowel repair "
                 "and the text-layer trust check are off\n";
  }
  std::vector<std::string> problems;
  std::vector<std::string> pdfs = ExpandInputs(inputs, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: " << p << "\n";
  if (!problems.empty()) return kExitUsage;
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract: " << validator.error().message << "\n";
    return kExitFatal;
  }
  options.extract.validation.ita_items = &BuiltInItaItems();
  // One OCR engine per worker thread, shared by every document of the batch; engines are
  // created on first use, so a batch without scans never loads Tesseract.
  int workers = options.jobs > 0 ? options.jobs : static_cast<int>(std::thread::hardware_concurrency());
  std::unique_ptr<OcrPool> pool;
  if (ocr) {
    pool = std::make_unique<OcrPool>(TesseractEngineFactory(tesseract), std::max(1, workers));
    options.extract.ocr = pool.get();
  }
  BatchSummary summary = RunBatch(pdfs, OpenPopplerPdf, **validator, options,
                                  [quiet, timings](const DocumentOutcome& o) {
    if (timings) {
      for (const PageTiming& t : o.timings) {
        char line[256];
        std::snprintf(line, sizeof line,
                      "timing %s p%d %s text %.3f ocr_prepare %.3f ocr_wait %.3f ocr_recognize %.3f\n",
                      o.input.c_str(), t.page, t.source == TextSource::kText ? "text" : "ocr", t.text,
                      t.ocr_prepare, t.ocr_wait, t.ocr_recognize);
        std::cerr << line;
      }
    }
    if (o.error) {
      std::cerr << "error  " << o.input << ": " << ErrorCodeName(o.error->code) << ": "
                << o.error->message << "\n";
      return;
    }
    if (quiet) return;
    char line[512];
    if (o.skipped) {
      std::snprintf(line, sizeof line, "skip   %s (output exists)\n", o.input.c_str());
    } else {
      std::snprintf(line, sizeof line, "ok     %s: %s, %d pages (%d OCR), %zu measures, complete %.0f%%, %.2fs\n",
                    o.input.c_str(), o.family.c_str(), o.pages, o.ocr_pages, o.measures,
                    o.completeness * 100, o.seconds);
    }
    std::cout << line << std::flush;
  });
  char line[256];
  std::snprintf(line, sizeof line,
                "%d documents: %d ok, %d failed, %d skipped; %d pages, %zu measures; %.1fs -> %s\n",
                summary.documents, summary.ok, summary.failed + summary.write_failed,
                summary.skipped, summary.pages, summary.measures, summary.seconds,
                options.out_dir.c_str());
  std::cout << line;
  if (summary.write_failed > 0) return kExitFatal;
  return summary.failed > 0 ? kExitDocumentFailed : kExitOk;
}

int Tool(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kToolHelp;
    return args.empty() ? kExitUsage : kExitOk;
  }
  const std::string& what = args[0];
  if (args.size() < 2) {
    std::cerr << kToolHelp;
    return kExitUsage;
  }
  const std::string& text = args[1];
  if (what == "repair") {
    std::cout << thai::RepairThai(text) << "\n";
    return kExitOk;
  }
  if (what == "period") {
    thai::DateContext context;
    for (size_t i = 2; i < args.size(); ++i) {
      long long fy = 0;
      if (args[i] == "--fiscal-year" && i + 1 < args.size() && ParseInt(args[i + 1], &fy)) {
        context.fiscal_year_be = static_cast<int>(fy);
        ++i;
      } else {
        std::cerr << "ita-extract: tool period: unexpected " << args[i] << "\n";
        return kExitUsage;
      }
    }
    Period p = thai::ParsePeriod(text, context);
    nlohmann::ordered_json j;
    j["text"] = p.text;
    j["start"] = p.start.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.start);
    j["end"] = p.end.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(p.end);
    if (p.start.empty()) j["reason"] = p.reason;
    std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  if (what == "tables") return DumpTables(args);
  if (what == "trust") return DumpTrust(args);
  if (what == "dates") {
    nlohmann::json j = thai::FindDates(text);
    std::cout << j.dump() << "\n";
    return kExitOk;
  }
  std::cerr << "ita-extract: unknown tool " << what << "\n" << kToolHelp;
  return kExitUsage;
}

constexpr char kValidateHelp[] = R"(usage: ita-extract validate PATH... [--json] [--update]

Re-checks contract JSON files (PATH: files or folders, searched recursively for *.json)
against the current schemas, required values and ITA item table, without re-extracting,
and prints completeness per document and per organization.

options:
  --json     print the report as JSON (documents and organizations) instead of tables
  --update   rewrite each file's "validation" block in place (atomically)

exit codes: 0 all documents valid; 1 some documents invalid or unreadable; 2 bad arguments
)";

int Validate(const Args& args) {
  std::vector<std::string> paths;
  bool json = false, update = false;
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      std::cout << kValidateHelp;
      return kExitOk;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--update") {
      update = true;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "ita-extract: unknown option " << a << "\n" << kValidateHelp;
      return kExitUsage;
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty()) {
    std::cerr << kValidateHelp;
    return kExitUsage;
  }
  auto validator = SchemaValidator::Create();
  if (!validator) {
    std::cerr << "ita-extract: " << validator.error().message << "\n";
    return kExitFatal;
  }
  ValidationOptions options;
  options.ita_items = &BuiltInItaItems();
  std::vector<std::string> problems;
  std::vector<DocumentReport> docs = RevalidateFiles(paths, **validator, options, update, &problems);
  for (const std::string& p : problems) std::cerr << "ita-extract: " << p << "\n";
  if (!problems.empty() && docs.empty()) return kExitUsage;
  std::vector<OrganizationReport> orgs = ByOrganization(docs);
  bool all_valid = true;
  for (const DocumentReport& d : docs) all_valid = all_valid && d.problem.empty() && d.validation.valid;
  auto missing_text = [](const std::map<std::string, int>& m) {
    std::string s;
    for (const auto& [field, n] : m) s += (s.empty() ? "" : ", ") + field + " " + std::to_string(n);
    return s.empty() ? std::string("-") : s;
  };
  if (json) {
    nlohmann::ordered_json out;
    out["documents"] = nlohmann::ordered_json::array();
    for (const DocumentReport& d : docs) {
      nlohmann::ordered_json e;
      e["file"] = d.path;
      e["family"] = d.family.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.family);
      e["organization"] = d.organization;
      e["province"] = d.province;
      e["fiscal_year"] = d.fiscal_year ? nlohmann::ordered_json(*d.fiscal_year) : nlohmann::ordered_json(nullptr);
      e["measures"] = d.measures;
      e["valid"] = d.problem.empty() && d.validation.valid;
      e["completeness"] = d.validation.completeness;
      e["errors"] = d.validation.errors.size();
      e["missing"] = d.missing_by_field;
      e["errors_by_code"] = d.errors_by_code;
      if (!d.problem.empty()) e["problem"] = d.problem;
      out["documents"].push_back(e);
    }
    out["organizations"] = nlohmann::ordered_json::array();
    for (const OrganizationReport& o : orgs) {
      out["organizations"].push_back({{"organization", o.organization}, {"province", o.province},
                                      {"documents", o.documents}, {"invalid", o.invalid},
                                      {"measures", o.measures}, {"completeness", o.completeness},
                                      {"missing", o.missing_by_field}});
    }
    std::cout << out.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
    return all_valid ? kExitOk : kExitDocumentFailed;
  }
  std::cout << "เอกสาร / documents\n";
  std::cout << "ครบถ้วน/complete  ถูกต้อง/valid  มาตรการ/measures  ขาด/missing  ข้อผิดพลาด/errors  ไฟล์/file\n";
  for (const DocumentReport& d : docs) {
    char line[64];
    std::snprintf(line, sizeof line, "%6.1f%%  %-5s  %4zu  ", d.validation.completeness * 100,
                  d.problem.empty() && d.validation.valid ? "yes" : "no", d.measures);
    std::cout << line << missing_text(d.missing_by_field) << "  " << missing_text(d.errors_by_code)
              << "  " << d.path;
    if (!d.problem.empty()) std::cout << "  [" << d.problem << "]";
    std::cout << "\n";
  }
  std::cout << "\nหน่วยงาน / organizations\n";
  std::cout << "ครบถ้วน/complete  เอกสาร/docs  ไม่ผ่าน/invalid  มาตรการ/measures  ขาด/missing  หน่วยงาน/organization\n";
  for (const OrganizationReport& o : orgs) {
    char line[64];
    std::snprintf(line, sizeof line, "%6.1f%%  %3d  %3d  %4zu  ", o.completeness * 100, o.documents,
                  o.invalid, o.measures);
    std::cout << line << missing_text(o.missing_by_field) << "  " << o.organization
              << (o.province.empty() ? "" : " (" + o.province + ")") << "\n";
  }
  return all_valid ? kExitOk : kExitDocumentFailed;
}

int Schemas(const Args& args) {
  const auto& schemas = EmbeddedSchemas();
  if (args.empty() || args[0] == "--help") {
    std::cout << "usage: ita-extract schemas NAME\n\nbuilt-in schemas:";
    for (const auto& [name, text] : schemas) std::cout << " " << name;
    std::cout << "\n";
    return args.empty() ? kExitUsage : kExitOk;
  }
  auto it = schemas.find(args[0]);
  if (it == schemas.end()) {
    std::cerr << "ita-extract: no schema named " << args[0] << "\n";
    return kExitUsage;
  }
  std::cout << it->second;
  return kExitOk;
}

}  // namespace ita::cli
