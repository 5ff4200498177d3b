// chronograph command line: parses the options and calls the subcommand.
#include "chronograph/timex.hpp"
#include "cli/commands.hpp"
#include "model/memory.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

using chronograph::cli::RunOptions;

/// Options every subcommand that reads articles has.
void add_reading_options(CLI::App* cmd, RunOptions& opt) {
    cmd->add_option("-j,--threads", opt.threads, "Worker threads (default: all cores)");
    cmd->add_flag("-q,--quiet", opt.quiet, "No progress line, no summary");
}

/// The filters of build and merge: they apply to every output.
void add_filters(CLI::App* cmd, RunOptions& opt, std::string& from, std::string& to) {
    cmd->add_option("--from", from, "Only events on or after this date (YYYY-MM-DD)");
    cmd->add_option("--to", to, "Only events on or before this date (YYYY-MM-DD)");
    cmd->add_option("--actor", opt.filter.actors, "Only events involving this actor (repeatable)");
    cmd->add_option("--place", opt.filter.places, "Only events at this place (repeatable)");
    cmd->add_option("--type", opt.filter.types, "Only events of this type, e.g. attack, construction (repeatable)");
    cmd->add_option("--min-sources", opt.filter.min_sources, "Only events reported by at least N documents");
}

/// "" -> nothing; a date -> it; anything else -> false (and a message).
bool parse_date_option(const char* name, const std::string& text, std::optional<chronograph::Day>& day) {
    if (text.empty()) return true;
    day = chronograph::parse_day(text);
    if (!day) std::cerr << "chronograph: " << name << ' ' << text << ": not a date of the form YYYY-MM-DD\n";
    return day.has_value();
}

}  // namespace

int main(int argc, char** argv) {
    namespace cli = chronograph::cli;
    chronograph::keep_large_blocks_apart();
    CLI::App app{"chronograph: news articles to a source-cited timeline and actor-event-place graph"};
    app.set_version_flag("--version", std::string("chronograph ") + CHRONOGRAPH_VERSION);
    app.require_subcommand(1);

    RunOptions opt;
    std::vector<std::string> inputs;
    std::string out, dct, from, to, entity, timeml_in;
    bool json = false;

    auto* build = app.add_subcommand("build", "Read articles and write events.json, graph.dot, graph.svg, timeline.svg, timeline.html and more");
    build->add_option("articles", inputs, "Article files or folders (plain text, HTML, TimeML)")->required();
    build->add_option("-o,--out", out, "Output folder")->required();
    build->add_option("--dct", dct, "Publication date YYYY-MM-DD (only with a single article)");
    add_reading_options(build, opt);
    add_filters(build, opt, from, to);

    auto* extract = app.add_subcommand("extract", "Analyse articles and write per-document results (JSON Lines) for merge");
    extract->add_option("articles", inputs, "Article files or folders")->required();
    extract->add_option("-o,--out", out, "Part file to write (- for standard output)")->required();
    extract->add_option("--dct", dct, "Publication date YYYY-MM-DD (only with a single article)");
    add_reading_options(extract, opt);

    auto* merge = app.add_subcommand("merge", "Consolidate part files of extract into the outputs of one build");
    merge->add_option("parts", inputs, "Part files written by extract")->required();
    merge->add_option("-o,--out", out, "Output folder")->required();
    add_reading_options(merge, opt);
    add_filters(merge, opt, from, to);

    auto* timeline = app.add_subcommand("timeline", "Print the events involving one entity, in date order (undated last)");
    timeline->add_option("--entity", entity, "Entity name or alias (e.g. \"Putin\")")->required();
    timeline->add_option("articles", inputs, "Article files or folders")->required();
    timeline->add_flag("--json", json, "JSON instead of tab-separated lines");
    add_reading_options(timeline, opt);

    auto* inspect = app.add_subcommand("inspect", "Show what each stage finds in one article, sentence by sentence");
    inspect->add_option("article", timeml_in, "Article file")->required();
    inspect->add_option("--dct", dct, "Publication date YYYY-MM-DD");

    auto* timeml = app.add_subcommand("timeml", "Tag temporal expressions in TimeML (a file, or a folder of *.tml) and write TimeML with TIMEX3");
    timeml->add_option("input", timeml_in, "TimeML file or folder")->required();
    timeml->add_option("-o,--out", out, "Output file (default: standard output) or folder");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? cli::kOk : cli::kUsage;
    }
    if (!parse_date_option("--dct", dct, opt.dct) || !parse_date_option("--from", from, opt.filter.from) ||
        !parse_date_option("--to", to, opt.filter.to))
        return cli::kUsage;
    if (opt.dct && (*build || *extract) && inputs.size() != 1) {
        std::cerr << "chronograph: --dct applies to a single article, " << inputs.size() << " given\n";
        return cli::kUsage;
    }

    if (*timeml) return chronograph::timeml_command(timeml_in, out, std::cout, std::cerr);
    if (*inspect) return cli::inspect(timeml_in, opt);
    if (*timeline) return cli::timeline(inputs, entity, json, opt);
    if (*extract) return cli::extract(inputs, out, opt);
    if (*merge) return cli::merge(inputs, out, opt);
    return cli::build(inputs, out, opt);
}
