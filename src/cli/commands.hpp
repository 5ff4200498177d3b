// The subcommands of the chronograph command line, called by main once the options are
// parsed. Each returns the process exit code (documented in README.md).
#pragma once

#include "chronograph/queries.hpp"

#include <optional>
#include <string>
#include <vector>

namespace chronograph::cli {

constexpr int kOk = 0;            // outputs written; some inputs may have been skipped (see stderr)
constexpr int kUsage = 2;         // bad command line
constexpr int kNothingRead = 3;   // no input could be read: nothing written
constexpr int kOutputFailed = 4;  // outputs could not be written
constexpr int kNotFound = 5;      // timeline: no entity of that name

struct RunOptions {
    std::optional<Day> dct;
    unsigned threads = 0;
    bool quiet = false;
    StoryFilter filter;
};

int build(const std::vector<std::string>& inputs, const std::string& out_dir, const RunOptions& opt);
int extract(const std::vector<std::string>& inputs, const std::string& part_path, const RunOptions& opt);
int merge(const std::vector<std::string>& parts, const std::string& out_dir, const RunOptions& opt);
int timeline(const std::vector<std::string>& inputs, const std::string& entity, bool json, const RunOptions& opt);
int inspect(const std::string& path, const RunOptions& opt);

}  // namespace chronograph::cli
