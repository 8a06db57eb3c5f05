#include "pipeline/layout/text_lines.h"

#include <algorithm>
#include <cmath>

#include "pipeline/thai/numerals.h"
#include "pipeline/thai/text_repair.h"
#include "pipeline/thai/utf8.h"

namespace ita {
namespace {

bool IsMarkOnly(const std::string& utf8) {
  std::u32string s = thai::DecodeUtf8(utf8);
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), thai::IsThaiCombining);
}

bool StartsWithMark(const std::string& utf8) {
  std::u32string s = thai::DecodeUtf8(utf8.substr(0, 4));
  return !s.empty() && thai::IsThaiCombining(s[0]);
}

double VerticalOverlap(const Box& a, const Box& b) {
  double overlap = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  double smaller = std::min(a.Height(), b.Height());
  if (smaller <= 0) return 0;
  return overlap / smaller;
}

Box Union(const Box& a, const Box& b) {
  return Box{std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1),
             std::max(a.y1, b.y1)};
}

struct LineBuild {
  Box box;
  std::vector<Word> words;
};

char32_t LastChar(const std::string& s) {
  std::u32string u = thai::DecodeUtf8(s.substr(s.size() >= 4 ? s.size() - 4 : 0));
  return u.empty() ? 0 : u.back();
}

char32_t FirstChar(const std::string& s) {
  std::u32string u = thai::DecodeUtf8(s.substr(0, 4));
  return u.empty() ? 0 : u.front();
}

bool IsThaiText(char32_t c) {
  return thai::IsThaiLetter(c) || thai::IsThaiCombining(c) || c == 0x0E33;
}

bool IsDigit(char32_t c) { return (c >= U'0' && c <= U'9') || thai::IsThaiDigit(c); }

}  // namespace

std::vector<TextLine> AssembleLines(const std::vector<Word>& words, const LineOptions& options) {
  std::vector<Word> bases;
  std::vector<Word> marks;
  for (const Word& w : words) {
    if (w.utf8.empty()) continue;
    (IsMarkOnly(w.utf8) ? marks : bases).push_back(w);
  }
  std::sort(bases.begin(), bases.end(), [](const Word& a, const Word& b) {
    return a.box.CenterY() < b.box.CenterY() ||
           (a.box.CenterY() == b.box.CenterY() && a.box.x0 < b.box.x0);
  });
  std::vector<LineBuild> lines;
  for (const Word& w : bases) {
    LineBuild* target = nullptr;
    // Recent lines only: lines are built top to bottom.
    for (auto it = lines.rbegin(); it != lines.rend() && it - lines.rbegin() < 3; ++it) {
      if (VerticalOverlap(it->box, w.box) >= options.line_overlap) {
        target = &*it;
        break;
      }
    }
    if (target == nullptr) {
      lines.push_back(LineBuild{w.box, {w}});
    } else {
      target->box = Union(target->box, w.box);
      target->words.push_back(w);
    }
  }
  for (LineBuild& line : lines) {
    std::sort(line.words.begin(), line.words.end(),
              [](const Word& a, const Word& b) { return a.box.x0 < b.box.x0; });
  }
  // A mark belongs to the fragment whose right edge is nearest at or before the mark's origin.
  for (const Word& m : marks) {
    LineBuild* best_line = nullptr;
    double best_overlap = 0;
    for (LineBuild& line : lines) {
      double o = VerticalOverlap(line.box, m.box);
      if (o > best_overlap) {
        best_overlap = o;
        best_line = &line;
      }
    }
    if (best_line == nullptr) continue;
    double tolerance = std::max(1.0, m.box.Height() * 0.6);
    Word* owner = nullptr;
    double best = tolerance;
    for (Word& w : best_line->words) {
      double d = m.box.x0 - w.box.x1;
      if (d >= -0.5 * std::max(1.0, m.box.Height() * 0.2) && std::abs(d) < best) {
        best = std::abs(d);
        owner = &w;
      }
    }
    if (owner == nullptr) {
      // Else the fragment whose box contains the mark.
      for (Word& w : best_line->words) {
        if (m.box.x0 >= w.box.x0 && m.box.x0 <= w.box.x1) owner = &w;
      }
    }
    if (owner != nullptr) owner->utf8 += m.utf8;
  }

  std::vector<TextLine> out;
  out.reserve(lines.size());
  for (const LineBuild& line : lines) {
    TextLine t;
    t.box = line.box;
    // The font size from the line's height: PDF word boxes are line boxes already, and OCR
    // ink boxes of clusters without ascenders would make spaces look wide.
    double em = std::max(1.0, line.box.Height() * options.em_per_box_height);
    const Word* prev = nullptr;
    for (const Word& w : line.words) {
      if (prev != nullptr) {
        double gap = w.box.x0 - prev->box.x1;
        bool space = gap > options.space_gap_em * em && !StartsWithMark(w.utf8);
        if (space) t.text += ' ';
      }
      t.text += w.utf8;
      t.confidence = std::min(t.confidence, w.confidence);
      if (w.origin == Origin::kOcr) t.origin = Origin::kOcr;
      prev = &w;
    }
    out.push_back(std::move(t));
  }
  return out;
}

bool StartsNewItem(const std::string& line) {
  static const char* kBullets[] = {"-", "•", "\u2013", "\u25CF", "\u25AA", "\u27A2", "\u2022",
                                   "*", "\u25E6", "\u2713", "\u0E4F"};
  for (const char* b : kBullets) {
    if (line.rfind(b, 0) == 0) return true;
  }
  return thai::LeadingEnumerator(line.substr(0, 12)).has_value() &&
         line.find_first_of(".)") < 8;
}

void AppendWrapped(std::string& text, const std::string& next) {
  if (next.empty()) return;
  if (!text.empty()) {
    char32_t last = LastChar(text);
    char32_t first = FirstChar(next);
    bool digits = IsDigit(last) && IsDigit(first);
    if (StartsNewItem(next)) {
      text += '\n';
    } else if (!(IsThaiText(last) && IsThaiText(first)) && !digits) {
      text += ' ';
    }
  }
  text += next;
}

std::string JoinCellLines(const std::vector<TextLine>& lines) {
  std::string joined;
  for (const TextLine& line : lines) AppendWrapped(joined, thai::CollapseSpaces(line.text));
  return thai::RepairThai(joined);
}

}  // namespace ita
