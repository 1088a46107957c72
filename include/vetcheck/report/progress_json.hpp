#pragma once

#include <string>

#include "vetcheck/base/i18n.hpp"
#include "vetcheck/engine/result.hpp"
#include "vetcheck/report/json_writer.hpp"

namespace vetcheck::report {

// Writes `"progress": {...}` into the open result object when the result has progress (on-track or
// behind); nothing otherwise. The fields are docs/schema/report.schema.json's `progress`.
// `exact` writes an exact number as the report does (json_reporter's exact_text, handed in so that
// this file does not depend on the reporter that calls it).
void write_progress_json(JsonWriter& w, const Result& r, Lang lang,
                         std::string (*exact)(const Rational&));

}  // namespace vetcheck::report
