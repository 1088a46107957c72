#pragma once

#include <string>
#include <string_view>

#include "vetcheck/base/i18n.hpp"

namespace vetcheck::lint_text {

// Every text `vetcheck packs lint` and the conflicts of a report show, in both languages, in one
// place (src/compile/lint_messages.cpp). Values arrive formatted ("≥1:350", "±10%", "2023").
LocalizedText advisory_where_required();
LocalizedText later_deadline(int parent, int child);
LocalizedText type_not_covered(std::string_view type);
LocalizedText level_not_checked(std::string_view level);
LocalizedText looser_comparison(std::string_view parent, std::string_view child);
LocalizedText weaker_threshold(std::string_view parent, std::string_view child,
                               std::string_view for_type);
LocalizedText tolerance_widened(std::string_view parent, std::string_view child,
                                std::string_view for_type);
LocalizedText centre_shifted(std::string_view parent, std::string_view child,
                             std::string_view for_type);
LocalizedText about_one_sided();
LocalizedText binds_region();
LocalizedText condition_added(std::string_view child);
LocalizedText condition_changed(std::string_view parent, std::string_view child);
LocalizedText measure_changed(std::string_view parent, std::string_view child);
// A weaker target under a new id: `what` is one of the texts above.
LocalizedText under_new_id(std::string_view parent_id, const LocalizedText& what);
LocalizedText drops_indicator();
LocalizedText conflict(std::string_view side_a, std::string_view side_b, std::string_view note);
LocalizedText explained(std::string_view why);
LocalizedText summary(std::string_view pack, size_t findings, size_t unexplained, size_t conflicts);

}  // namespace vetcheck::lint_text
