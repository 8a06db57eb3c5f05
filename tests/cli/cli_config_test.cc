// The CLI runs what ships: `extract` with no reading options builds ShippedEngineConfig(), the
// configuration the end-to-end tests read the samples with; its options change only what
// they name.
#include <gtest/gtest.h>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/engine_config.h"
#include "pipeline/batch/batch.h"

namespace ita::cli {
namespace {

TEST(CliConfig, ExtractWithoutOptionsRunsWhatShips) {
  EngineConfig shipped = ShippedEngineConfig();
  EXPECT_EQ(ExtractEngineConfig({"extract", "report.pdf"}).ToLine(), shipped.ToLine());
  // The project's numeric model is found from a build tree, as a user's run finds it.
  EXPECT_FALSE(shipped.tesseract.numeric_model_dir.empty());
}

TEST(CliConfig, OptionsChangeOnlyWhatTheyName) {
  EngineConfig shipped = ShippedEngineConfig();
  EngineConfig dpi = ExtractEngineConfig({"extract", "report.pdf", "--ocr-dpi", "200"});
  EXPECT_EQ(dpi.ocr_dpi, 200);
  dpi.ocr_dpi = shipped.ocr_dpi;
  EXPECT_EQ(dpi.ToLine(), shipped.ToLine());
  EngineConfig no_model = ExtractEngineConfig({"extract", "report.pdf", "--no-numeric-model"});
  EXPECT_TRUE(no_model.tesseract.numeric_model_dir.empty());
  EXPECT_FALSE(ExtractEngineConfig({"extract", "report.pdf", "--no-ocr"}).ocr);
}

// What ApplyEngineConfig turns on for the shipped configuration: every second reading the
// pipeline has, the word lists and the ITA items table.
TEST(CliConfig, ShippedConfigurationTurnsOnEverySecondReading) {
  BatchOptions options;
  ApplyEngineConfig(ShippedEngineConfig(), nullptr, &options);
  EXPECT_TRUE(options.extract.page.ocr.numeric_pass);
  EXPECT_TRUE(options.extract.page.ocr.latin_pass);
  EXPECT_TRUE(options.extract.page.ocr.latin_words_pass);
  EXPECT_TRUE(static_cast<bool>(options.extract.page.ocr.picture_share));
  EXPECT_NE(options.extract.validation.ita_items, nullptr);
  EXPECT_EQ(options.extract.page.ocr.dpi, ShippedEngineConfig().ocr_dpi);
}

}  // namespace
}  // namespace ita::cli
