#include "pipeline/io/ita_items.h"

#include <nlohmann/json.hpp>

#include "pipeline/io/schema_validator.h"

namespace ita {

std::optional<Family> FamilyFromName(const std::string& name) {
  for (Family f : {Family::kMeasuresPlan, Family::kMeasuresReport, Family::kItaAnalysis,
                   Family::kActionPlan, Family::kUnknown}) {
    if (FamilyName(f) == name) return f;
  }
  return std::nullopt;
}

std::optional<MeasureField> MeasureFieldFromName(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(MeasureField::kFollowUp); ++i) {
    auto f = static_cast<MeasureField>(i);
    if (MeasureFieldName(f) == name) return f;
  }
  return std::nullopt;
}

Result<ItaItems> ParseItaItems(const std::string& json_text) {
  ItaItems items;
  try {
    nlohmann::json j = nlohmann::json::parse(json_text);
    for (const auto& [year, families] : j.at("years").items()) {
      for (const auto& [family_name, rule_json] : families.items()) {
        auto family = FamilyFromName(family_name);
        if (!family) return Fail(ErrorCode::kInternal, "ita_items: unknown family " + family_name);
        ItaItemRule rule;
        rule.item = rule_json.at("item").get<std::string>();
        for (const auto& f : rule_json.value("required_fields", nlohmann::json::array())) {
          auto field = MeasureFieldFromName(f.get<std::string>());
          if (!field) return Fail(ErrorCode::kInternal, "ita_items: unknown field " + f.dump());
          rule.required_fields.push_back(*field);
        }
        items.Add(std::stoi(year), *family, rule);
      }
    }
  } catch (const std::exception& e) {
    return Fail(ErrorCode::kInternal, std::string("ita_items: ") + e.what());
  }
  return items;
}

const ItaItems& BuiltInItaItems() {
  static const ItaItems items = [] {
    auto it = EmbeddedSchemas().find("ita_items");
    if (it == EmbeddedSchemas().end()) return ItaItems{};
    auto parsed = ParseItaItems(it->second);
    return parsed ? *parsed : ItaItems{};
  }();
  return items;
}

}  // namespace ita
