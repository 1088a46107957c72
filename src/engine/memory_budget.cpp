#include "vetcheck/engine/memory_budget.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

namespace vetcheck {

namespace {

// Measured (docs/limits.md): a tree of two million values, the default --max-nodes, peaks at about
// 160 bytes a value while it is read and copied into a plan (316 MB for 2,000,000).
constexpr size_t kBytesPerNode = 160;

size_t saturating_add(size_t a, size_t b) {
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}
size_t saturating_mul(size_t a, size_t b) {
    return b && a > SIZE_MAX / b ? SIZE_MAX : a * b;
}

size_t half_of_limit(int resource) {
    struct rlimit limit {};
    if (::getrlimit(resource, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
    return static_cast<size_t>(limit.rlim_cur / 2);
}

}  // namespace

size_t plan_memory_budget(const Limits& limits) {
    // The text is held while its tree is built; a CSV's rows are documents of their own, no larger.
    return saturating_add(saturating_mul(limits.yaml.max_nodes, kBytesPerNode),
                          saturating_mul(limits.max_file_bytes, 2));
}

size_t batch_memory_budget() {
    long pages = ::sysconf(_SC_PHYS_PAGES);
    long page_size = ::sysconf(_SC_PAGESIZE);
    size_t physical = pages > 0 && page_size > 0 ? saturating_mul(static_cast<size_t>(pages),
                                                                  static_cast<size_t>(page_size))
                                                 : SIZE_MAX;
    return std::min({physical / 2, half_of_limit(RLIMIT_AS), half_of_limit(RLIMIT_DATA)});
}

unsigned jobs_within_memory(unsigned jobs, const Limits& limits) {
    size_t fit = batch_memory_budget() / std::max<size_t>(plan_memory_budget(limits), 1);
    return static_cast<unsigned>(std::clamp<size_t>(fit, 1, std::max(jobs, 1u)));
}

}  // namespace vetcheck
