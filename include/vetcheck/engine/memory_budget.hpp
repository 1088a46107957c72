#pragma once

#include <cstddef>

#include "vetcheck/pack/limits.hpp"

namespace vetcheck {

// What one plan file within `limits` may take while it is read and checked, at most: its text,
// and its tree of values (aliases expanded) up to --max-nodes. docs/limits.md gives the figures.
size_t plan_memory_budget(const Limits& limits);

// What a batch may take: half the machine's memory, or half the address space or data size the
// process is allowed (ulimit -v, -d), whichever is least.
size_t batch_memory_budget();

// How many plans may be checked at once so that `jobs` of them, each at its budget, stay within the
// batch's: -j 16 must not multiply a plan's memory past the machine. Never below 1; the output is
// the same for any number of jobs.
unsigned jobs_within_memory(unsigned jobs, const Limits& limits);

}  // namespace vetcheck
