#include "pipeline/page/second_readings.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <iterator>
#include <memory>

#include <re2/re2.h>

#include "pipeline/layout/raster_cleanup.h"
#include "pipeline/layout/text_lines.h"
#include "pipeline/ocr/english_words.h"
#include "pipeline/ocr/ocr_pool.h"
#include "pipeline/tables/table_builder.h"
#include "pipeline/thai/dates.h"
#include "pipeline/thai/dictionary.h"
#include "pipeline/thai/numerals.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

// One line of a cell, read across the whole cell: OCR line boxes can stop short of the last
// glyph.
Box LineAcrossCell(const Cell& c, const TextLine& l) {
  return Box{c.box.x0 + 1.5, l.box.y0 - 3, c.box.x1 - 1.5, l.box.y1 + 3};
}

// The engine's cost grows with the width it reads, and a wide cell often holds a short line or
// a lone digit: a second reading's region is narrowed to the ink inside it, with white around
// the letters of half their height (the engine needs a margin). An empty cell narrows both
// ways; a line band only across (its height is the line's).
Box NarrowToInk(const Raster& raster, const Box& region, bool both_ways) {
  constexpr int kInk = 160;  // grey strokes of a faint scan count: narrowing must not cut them
  std::optional<Box> ink = InkExtent(raster, region, kInk);
  if (!ink) return region;
  double margin = std::max(1.5, 0.5 * ink->Height());
  Box out = region;
  out.x0 = std::max(region.x0, ink->x0 - margin);
  out.x1 = std::min(region.x1, ink->x1 + margin);
  if (both_ways) {
    out.y0 = std::max(region.y0, ink->y0 - margin);
    out.y1 = std::min(region.y1, ink->y1 + margin);
  }
  return out;
}

double LowestConfidence(const std::vector<TextLine>& lines) {
  double confidence = 1.0;
  for (const TextLine& l : lines) confidence = std::min(confidence, l.confidence);
  return confidence;
}

// Second readings of a page are read in rounds, in the page's order, while they pay: after a
// round in which no reading paid (`pays`), the rest are left unread. A page whose empty cells
// hold signatures and ticks, or whose Thai-looking tokens are the specks of handwriting and
// photographs, stops after one round; a page whose second readings find what they look for
// reads them all. Returns the lines of each request read (none where the engine failed or read
// nothing), a prefix of `requests`, and adds the seconds in the engine to `seconds`.
std::vector<std::vector<TextLine>> ReadWhileTheyPay(
    const PendingOcr& pending, std::vector<OcrRequest> requests, const PageOptions& options,
    const std::function<bool(const std::vector<TextLine>&)>& pays, double* seconds) {
  std::vector<std::vector<TextLine>> readings;
  size_t round = std::max<size_t>(1, options.ocr.reread_round);
  for (size_t from = 0; from < requests.size();) {
    size_t to = std::min(requests.size(), from + round);
    std::vector<OcrRequest> part(std::make_move_iterator(requests.begin() + from),
                                 std::make_move_iterator(requests.begin() + to));
    OcrPool::Output output = options.ocr.pool->Submit(pending.raster, std::move(part)).get();
    *seconds += output.seconds;
    bool paid = false;
    for (const auto& r : output.results) {
      readings.push_back(r && !r->empty() ? AssembleLines(*r) : std::vector<TextLine>{});
      paid = paid || pays(readings.back());
    }
    from = to;
    if (!paid) break;
  }
  return readings;
}

// The Latin model's reading of a region as one line (spaces collapsed); nullopt where it read
// nothing or more than one line.
std::optional<TextLine> LatinLine(const std::vector<TextLine>& lines) {
  if (lines.size() != 1) return std::nullopt;
  TextLine line = lines[0];
  line.text = thai::CollapseSpaces(line.text);
  return line;
}

// The Latin model's line reading of each region, while readings are `accepted` (see
// ReadWhileTheyPay); nullopt where it read nothing, more than one line, or was not asked.
std::vector<std::optional<TextLine>> ReadLatinLines(const PendingOcr& pending, std::vector<OcrRequest> requests,
                                                    const PageOptions& options,
                                                    const std::function<bool(const TextLine&)>& accepted,
                                                    double* seconds) {
  for (OcrRequest& r : requests) {
    r.layout = OcrLayout::kLine;
    r.model = OcrModel::kLatin;
  }
  std::vector<std::optional<TextLine>> readings(requests.size());
  if (requests.empty()) return readings;
  auto pays = [&](const std::vector<TextLine>& lines) {
    std::optional<TextLine> line = LatinLine(lines);
    return line && accepted(*line);
  };
  std::vector<std::vector<TextLine>> read = ReadWhileTheyPay(pending, std::move(requests), options, pays, seconds);
  for (size_t k = 0; k < read.size(); ++k) readings[k] = LatinLine(read[k]);
  return readings;
}

// A token of the Thai model's reading that is probably a Latin word it has no letters for
// ("โกเอณ์เณ" for "Integrity", "ลก4" for "and", "1171)" for "IIT)", "“0๒0๕๑๓" for "“Open"):
//   - Thai letters mixed with Latin letters, or both digit sets in one token;
//   - Thai letters of which the dictionary makes no words (after the Thai repair);
//   - a reading the Thai model itself is unsure of (below `unsure`) that holds no Thai word.
// Whether it is replaced is decided by the Latin reading (RereadLatinWords), so a real number
// or Thai word sent here by mistake comes back unchanged.
bool LooksLikeMisreadLatin(const Word& word, const thai::ThaiDictionary& dict, double unsure) {
  std::u32string text = thai::DecodeUtf8(thai::RepairThai(word.utf8));
  int thai_letters = 0, latin_letters = 0, thai_digits = 0, arabic_digits = 0;
  for (char32_t c : text) {
    thai_letters += thai::IsThaiLetter(c);
    latin_letters += (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
    thai_digits += c >= U'๐' && c <= U'๙';
    arabic_digits += c >= U'0' && c <= U'9';
  }
  if (thai_letters + latin_letters + thai_digits + arabic_digits < 2) return false;
  if (thai_letters > 0 && latin_letters > 0) return true;
  if (thai_digits > 0 && arabic_digits > 0) return true;
  if (thai_letters + latin_letters == 0) {
    // Digits alone are the numeric pass's: Thai digits look like no Latin letter, and digits
    // around a decimal point or a thousands comma are a number. Arabic digits alone may be
    // a Latin code the Thai model has no letters for ("114" for "ITA").
    static const RE2 number("[0-9][.,][0-9]");
    if (arabic_digits == 0 || RE2::PartialMatch(thai::EncodeUtf8(text), number)) return false;
  }
  int letters = 0, covered = 0;
  for (const std::u32string& run : thai::ThaiRuns(text)) {
    if (run.size() < 2) continue;
    letters += static_cast<int>(run.size());
    covered += dict.Segment(run).in_long_words;
  }
  // Three letters or more, under half of them in words: not Thai as the dictionary knows it.
  if (letters >= 3 && covered * 2 < letters) return true;
  return word.confidence < unsure && covered == 0 && latin_letters == 0;
}

// A Latin word as it appears inside Thai prose: a word with optional brackets and trailing
// punctuation ("(Internal", "Assessment", "ITA)", "e-mail:") that is a code, a name or an
// English word (IsPlausibleLatinText: not "aun." for "อปท."), or a web or mail address.
bool IsLatinWord(const std::string& reading, const EnglishWords* english) {
  // Two letters at least: "85.18" has the shape of an address and is a number.
  if (std::count_if(reading.begin(), reading.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }) < 2)
    return false;
  static const RE2 word(R"([(\["'“‘]?[A-Za-z][A-Za-z'&-]*[A-Za-z][)\]"',.:;”’]*)");
  static const RE2 address(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|(https?://)?(www\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(/\S*)?)");
  if (RE2::FullMatch(reading, word)) return IsPlausibleLatinText(reading, english);
  return RE2::FullMatch(reading, address);
}

}  // namespace

// A cell's area inside its rulings, where its text is read.
Box CellInner(const Cell& c) { return Box{c.box.x0 + 1.5, c.box.y0 + 1.5, c.box.x1 - 1.5, c.box.y1 - 1.5}; }

// Cells left empty by the page OCR that hold ink (lone digits in a sequence column are what
// page-level OCR misses most), read alone as one line, while the readings are sure (at least
// `reread_accept`; see ReadWhileTheyPay). Returns the seconds in the engine.
double FillEmptyCells(const PendingOcr& pending, std::vector<Table>& tables, const PageOptions& options) {
  std::vector<Cell*> cells;
  std::vector<OcrRequest> requests;
  for (Table& t : tables) {
    for (Cell& c : t.cells) {
      Box inner = CellInner(c);
      if (!c.text.empty() || inner.Width() < 3 || inner.Height() < 3) continue;
      if (InkShare(*pending.raster, inner) <= 0.002) continue;
      cells.push_back(&c);
      requests.push_back(OcrRequest{OcrLayout::kLine, NarrowToInk(*pending.raster, inner, true)});
    }
  }
  if (requests.empty()) return 0;
  double seconds = 0;
  auto sure = [&](const std::vector<TextLine>& lines) {
    return !lines.empty() && LowestConfidence(lines) >= options.ocr.reread_accept;
  };
  std::vector<std::vector<TextLine>> readings = ReadWhileTheyPay(pending, std::move(requests), options, sure, &seconds);
  for (size_t k = 0; k < cells.size() && k < readings.size(); ++k) {
    std::vector<TextLine>& lines = readings[k];
    if (lines.empty()) continue;
    Cell& cell = *cells[k];
    cell.text = JoinCellLines(lines);
    for (TextLine& l : lines) l.text = thai::RepairThai(l.text);
    cell.confidence = LowestConfidence(lines);
    cell.lines = std::move(lines);
  }
  return seconds;
}

// Every OCR line holding digits, in cells and outside them, read again with the numeric model.
// A line that is a date, number or score (IsDateOrNumberText) takes its reading when at least
// `reread_accept` sure: the main model is sure of its wrong readings of the digits it lacks.
// Any other line takes only its digits (SpliceDigitRuns): the numeric model does not know the
// words. Lines, not cells: the model reads one line, and period cells wrap over several.
// Returns the seconds in the engine.
double RereadDigits(const PendingOcr& pending, PageResult& result, const PageOptions& options) {
  struct Target {
    TextLine* line;
    Cell* cell;      // the cell the line is in; null for a free line
    bool date_line;  // a date, number or score: read whole, not only where its digits are
  };
  std::vector<Target> targets;
  std::vector<OcrRequest> requests;
  auto add = [&](TextLine& l, Cell* cell) {
    if (!thai::HasDigit(l.text)) return;
    // A free line is read with a margin (its box can stop short of the last glyph).
    Box region = cell ? NarrowToInk(*pending.raster, LineAcrossCell(*cell, l), false)
                      : Box{l.box.x0 - 8, l.box.y0 - 3, l.box.x1 + 8, l.box.y1 + 3};
    bool date_line = thai::IsDateOrNumberText(l.text);
    if (!date_line) region = DigitSpan(l, region);
    targets.push_back({&l, cell, date_line});
    requests.push_back(OcrRequest{OcrLayout::kLine, region, OcrModel::kNumeric});
  };
  for (Table& t : result.tables)
    for (Cell& c : t.cells)
      for (TextLine& l : c.lines) add(l, &c);
  for (TextLine& l : result.free_lines) add(l, nullptr);
  if (requests.empty()) return 0;
  // The numeric model learned from crisp binary renders; scanned strokes are thin and grey.
  // Paper darker than the whitening level must stay white. A bilevel (fax) scan has no grey
  // ink: its render's greys are the smoothed edges of black, cut at the middle; a lighter cut
  // thickens its specks into strokes (๒๕๖๔ read as ๒๕๖๙).
  auto binary = std::make_shared<Raster>(*pending.raster);
  Binarize(*binary, result.bilevel_scan ? 128 : std::min(options.ocr.numeric_binarize_level, PaperLevel(*binary) - 30));
  OcrPool::Output output = options.ocr.pool->Submit(binary, requests).get();
  std::vector<Cell*> changed;
  for (size_t k = 0; k < targets.size() && k < output.results.size(); ++k) {
    if (!output.results[k] || output.results[k]->empty()) continue;
    std::vector<TextLine> lines = AssembleLines(*output.results[k]);
    std::string reading;
    for (const TextLine& l : lines) reading += (reading.empty() ? "" : " ") + thai::RepairThai(l.text);
    double confidence = LowestConfidence(lines);
    TextLine& line = *targets[k].line;
    std::string before = line.text;
    // The whole reading, unless it makes up letters the main model did not see: the numeric
    // model knows digits better and the date words worse ("พ.คศ.๒๕๖๕" for "พ.ศ.๒๕๖๕").
    if (targets[k].date_line && confidence >= options.ocr.reread_accept &&
        thai::StrayLetters(reading) <= thai::StrayLetters(line.text)) {
      line.text = reading;
      line.confidence = confidence;
    } else {
      line.text = thai::SpliceDigitRuns(line.text, reading);
    }
    // A cell's lines are targets in a row: each changed cell is listed once.
    Cell* cell = targets[k].cell;
    if (line.text != before && cell && (changed.empty() || changed.back() != cell)) changed.push_back(cell);
  }
  for (Cell* cell : changed) {
    cell->text = JoinCellLines(cell->lines);
    cell->confidence = std::min(cell->confidence, LowestConfidence(cell->lines));
  }
  return output.seconds;
}

// A cell holding only a short line with letters ("โว", "1ว") is often the Thai model's reading of
// a Latin grade or code it has no letters for ("D", "IIT"). Such cells are read with the Latin
// model; a reading that is a Latin code ("D", "AA", "B+", "IIT") replaces the text when at least
// `reread_accept` sure. Short lines of longer cells are left alone: they are Thai words that
// wrapped ("ชอบ" of "ผู้รับผิดชอบ"), and the Latin model reads them as codes too. Returns the
// seconds in the engine.
double RereadLatin(const PendingOcr& pending, std::vector<Table>& tables, const PageOptions& options) {
  static const RE2 code("[A-Z][A-Z0-9+-]{0,3}");
  std::vector<std::pair<TextLine*, Cell*>> targets;
  std::vector<OcrRequest> requests;
  for (Table& t : tables) {
    for (Cell& c : t.cells) {
      if (c.lines.size() != 1) continue;  // a whole cell: a line of a longer cell is a word
      TextLine& l = c.lines[0];
      std::u32string shown;
      for (char32_t ch : thai::DecodeUtf8(l.text))
        if (ch != U' ') shown.push_back(ch);
      bool letters = std::any_of(shown.begin(), shown.end(), [](char32_t ch) {
        return thai::IsThaiLetter(ch) || thai::IsAsciiLetter(ch);
      });
      if (shown.empty() || shown.size() > 3 || !letters) continue;
      targets.push_back({&l, &c});
      requests.push_back(OcrRequest{OcrLayout::kLine, NarrowToInk(*pending.raster, LineAcrossCell(c, l), false)});
    }
  }
  double seconds = 0;
  auto is_code = [&](const TextLine& reading) {
    return RE2::FullMatch(reading.text, code) && reading.confidence >= options.ocr.reread_accept;
  };
  std::vector<std::optional<TextLine>> readings = ReadLatinLines(pending, std::move(requests), options, is_code, &seconds);
  for (size_t k = 0; k < targets.size(); ++k) {
    const std::optional<TextLine>& reading = readings[k];
    if (!reading || !is_code(*reading)) continue;
    auto [line, cell] = targets[k];
    line->text = reading->text;
    line->confidence = reading->confidence;
    cell->text = JoinCellLines(cell->lines);
    cell->confidence = std::min(cell->confidence, reading->confidence);
  }
  return seconds;
}

// Latin words inside Thai lines come out of the Thai model as Thai-looking junk: its character
// set has no Latin letters. Tokens that look so are read again, alone, with the Latin model;
// a sure reading that is a Latin word replaces the token. Thai words the dictionary knows are
// never sent, so the re-reading cannot break them. Returns the seconds in the engine.
double RereadLatinWords(const PendingOcr& pending, std::vector<Word>& words, const PageOptions& options) {
  if (options.dictionary == nullptr) return 0;
  // The page's text height: its tokens' median height. A token far shorter is a speck, a
  // ruling's remains or a dotted leader, not a word of a line.
  std::vector<double> heights;
  for (const Word& w : words) heights.push_back(w.box.Height());
  double text_height = 0;
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    text_height = heights[heights.size() / 2];
  }
  std::vector<size_t> targets;
  std::vector<OcrRequest> requests;
  for (size_t i = 0; i < words.size(); ++i) {
    const Box& b = words[i].box;
    if (b.Height() < options.ocr.latin_word_min_height * text_height) continue;
    if (!LooksLikeMisreadLatin(words[i], *options.dictionary, options.ocr.latin_word_unsure)) continue;
    double pad = std::max(1.0, b.Height() * 0.15);
    targets.push_back(i);
    requests.push_back(OcrRequest{OcrLayout::kLine, Box{b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad}});
  }
  double seconds = 0;
  auto is_word = [&](const TextLine& reading) {
    return reading.text.find(' ') == std::string::npos && IsLatinWord(reading.text, options.ocr.english) &&
           reading.confidence >= options.ocr.latin_word_accept;
  };
  std::vector<std::optional<TextLine>> readings = ReadLatinLines(pending, std::move(requests), options, is_word, &seconds);
  for (size_t k = 0; k < targets.size(); ++k) {
    const std::optional<TextLine>& reading = readings[k];
    if (!reading || !is_word(*reading)) continue;
    Word& w = words[targets[k]];
    w.utf8 = reading->text;
    w.confidence = reading->confidence;
  }
  return seconds;
}


Box DigitSpan(const TextLine& l, const Box& region) {
  std::u32string text = thai::DecodeUtf8(l.text);
  int units = 0, first = -1, last = -1;
  for (char32_t c : text) {
    if (thai::IsThaiCombining(c)) continue;
    if (thai::IsDigitOfEitherSet(c)) {
      if (first < 0) first = units;
      last = units;
    }
    ++units;
  }
  if (first < 0) return region;
  double from = std::max(0, first - 6), to = std::min(units, last + 3);
  if ((to - from) / units > 0.7) return region;
  double per_unit = l.box.Width() / units;
  return Box{std::max(region.x0, l.box.x0 + from * per_unit - 6), region.y0,
             std::min(region.x1, l.box.x0 + to * per_unit + 6), region.y1};
}

}  // namespace ita
