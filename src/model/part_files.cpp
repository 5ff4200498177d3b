// Reading part files for merge (GatheredParts::read_file): parsing the JSON is most of a
// merge's reading, so a batch of lines is parsed on the threads, then added in order.
#include "chronograph/pipeline.hpp"
#include "model/parallel.hpp"

#include <filesystem>
#include <fstream>
#include <variant>

namespace chronograph {

std::vector<Diagnostic> GatheredParts::read_file(const std::string& path, unsigned threads,
                                                 const std::function<void(std::size_t bytes)>& read) {
    std::vector<Diagnostic> problems;
    auto problem = [&](std::string message) {
        problems.push_back({Diagnostic::Severity::Error, path, std::move(message)});
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        problem("a folder, not a part file");
        return problems;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem("cannot be read");
        return problems;
    }
    // Some MB of lines at a time: enough for the threads, little beside the records.
    constexpr std::size_t kBatchBytes = std::size_t{8} << 20, kBatchLines = 1024;
    std::vector<std::string> lines;
    std::vector<std::size_t> numbers;  // of the lines, from 1
    std::vector<std::variant<PartRecord, std::string>> parsed;  // a record or what is wrong
    std::size_t line_number = 0;
    for (bool more = true; more;) {
        lines.clear();
        numbers.clear();
        std::size_t bytes = 0;
        std::string line;
        while (bytes < kBatchBytes && lines.size() < kBatchLines && (more = static_cast<bool>(std::getline(in, line)))) {
            ++line_number;
            bytes += line.size() + 1;
            if (line.empty()) continue;
            lines.push_back(std::move(line));
            numbers.push_back(line_number);
        }
        parsed.assign(lines.size(), std::string());
        parallel_for(lines.size(), threads, [&](std::size_t k) {
            try {
                parsed[k] = from_json_line(lines[k]);
            } catch (const std::exception& e) {
                parsed[k] = std::string(e.what());
            }
        });
        for (std::size_t k = 0; k < parsed.size(); ++k) {
            if (auto* record = std::get_if<PartRecord>(&parsed[k])) add(std::move(*record));
            else problem("line " + std::to_string(numbers[k]) + ": " + std::get<std::string>(parsed[k]));
        }
        if (read && bytes > 0) read(bytes);
    }
    if (in.bad()) problem(line_number == 0 ? std::string("cannot be read") : "a read error after line " + std::to_string(line_number));
    return problems;
}

}  // namespace chronograph
