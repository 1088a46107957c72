// libFuzzer target: see harness.hpp.
#include <cstddef>
#include <cstdint>

#include "harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    vetcheck::fuzz::csv(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
