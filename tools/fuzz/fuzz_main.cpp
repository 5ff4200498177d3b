// One libFuzzer target: built once per entry point of targets.hpp, with
// CHRONOGRAPH_FUZZ_TARGET naming it (see tools/fuzz/CMakeLists.txt).
#include "fuzz/targets.hpp"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    chronograph::fuzz::CHRONOGRAPH_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
