// The export tables as one SQLite database (libsqlite3): typed columns, primary keys, foreign
// keys to documents(id), written in one transaction to a temporary file renamed over PATH.
#pragma once

#include <string>
#include <vector>

#include "pipeline/io/export.h"

namespace ita {

bool WriteSqlite(const std::vector<ExportTable>& tables, const std::string& path, std::string* error);

}  // namespace ita
