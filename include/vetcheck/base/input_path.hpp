#pragma once

#include <string>

namespace vetcheck {

// An input's path as every report writes it (terminal, JSON, CSV, SARIF, JUnit, the database…):
// relative to the working directory and without "." steps ("./examples/a.yaml" and
// "examples/../examples/a.yaml" are both "examples/a.yaml"), an absolute path inside the working
// directory made relative, one outside it left absolute. A ".." step is folded only when the
// folded path is the same file (through a link it may not be); "-" (standard input) stays "-".
// The result opens the same file as `given`, so it is also the name the input is read by.
std::string shown_input_path(const std::string& given);

}  // namespace vetcheck
