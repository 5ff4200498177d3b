// Output checks for the view tests: xmllint (package libxml2-utils, installed by
// setup.sh) parses the document; DOT is re-read with cgraph's agmemread.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace chronograph::testing {

/// "" when `doc` is well-formed XML, else xmllint's complaint.
inline std::string xml_errors(const std::string& doc, const std::string& name = "doc.xml") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("chronograph-xml-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / name;
    std::ofstream(file, std::ios::binary) << doc;
    const std::string cmd = "xmllint --noout --nonet '" + file.string() + "' 2>&1";
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[512];
        while (std::fgets(buf, sizeof buf, p)) out += buf;
        const int rc = pclose(p);
        if (rc != 0 && out.empty()) out = "xmllint failed";
    } else {
        out = "cannot run xmllint";
    }
    fs::remove_all(dir);
    return out;
}

/// How many times `what` occurs in `s`.
inline std::size_t occurrences(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

}  // namespace chronograph::testing
