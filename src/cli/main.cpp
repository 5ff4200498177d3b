// chronograph command line: parses options and calls the library.
#include "chronograph/exporters.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/queries.hpp"
#include "chronograph/timex.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// Exit codes (documented in README.md).
constexpr int kOk = 0;            // outputs written; some inputs may have been skipped (see stderr)
constexpr int kUsage = 2;         // bad command line
constexpr int kNothingRead = 3;   // no input could be read: nothing written
constexpr int kOutputFailed = 4;  // outputs could not be written
constexpr int kNotFound = 5;      // timeline: no entity of that name

void print_diagnostics(const chronograph::Story& story) {
    for (const auto& d : story.diagnostics)
        std::cerr << "chronograph: " << (d.severity == chronograph::Diagnostic::Severity::Error ? "error" : "warning")
                  << ": " << d.path << ": " << d.message << '\n';
}

int run_build(const std::vector<std::string>& inputs, const std::string& out_dir, const std::string& dct_text,
              unsigned threads, const chronograph::StoryFilter& filter) {
    chronograph::BuildOptions opt;
    opt.threads = threads;
    if (!dct_text.empty()) {
        opt.dct = chronograph::parse_day(dct_text);
        if (!opt.dct) {
            std::cerr << "chronograph: --dct " << dct_text << ": not a date of the form YYYY-MM-DD\n";
            return kUsage;
        }
        if (inputs.size() != 1) {
            std::cerr << "chronograph: --dct applies to a single article, " << inputs.size() << " given\n";
            return kUsage;
        }
    }
    try {
        const chronograph::Pipeline pipeline;
        const chronograph::Story full = pipeline.build(inputs, opt);
        print_diagnostics(full);
        if (full.documents.empty()) {
            std::cerr << "chronograph: no article could be read; nothing written\n";
            return kNothingRead;
        }
        const chronograph::Story story = chronograph::filter_story(full, filter);
        chronograph::write_outputs(story, out_dir);
        std::cerr << "chronograph: " << story.documents.size() << " documents, " << story.events.size() << " events, "
                  << story.entities.size() << " entities, " << story.conflicts.size() << " conflicts -> " << out_dir
                  << '\n';
    } catch (const std::exception& e) {
        std::cerr << "chronograph: " << e.what() << '\n';
        return kOutputFailed;
    }
    return kOk;
}

int run_timeline(const std::vector<std::string>& inputs, const std::string& name, bool json, unsigned threads) {
    chronograph::BuildOptions opt;
    opt.threads = threads;
    const chronograph::Pipeline pipeline;
    const chronograph::Story story = pipeline.build(inputs, opt);
    print_diagnostics(story);
    if (story.documents.empty()) {
        std::cerr << "chronograph: no article could be read\n";
        return kNothingRead;
    }
    const auto entities = chronograph::find_entities(story, name);
    if (entities.empty()) {
        std::cerr << "chronograph: no entity called \"" << name << "\" in these articles\n";
        return kNotFound;
    }
    chronograph::write_entity_timeline(story, entities, std::cout, json);
    return kOk;
}

int run_inspect(const std::string& path, const std::string& dct_text) {
    chronograph::ReadOptions opt;
    if (!dct_text.empty() && !(opt.dct = chronograph::parse_day(dct_text))) {
        std::cerr << "chronograph: --dct " << dct_text << ": not a date of the form YYYY-MM-DD\n";
        return kUsage;
    }
    const chronograph::Resources& res = chronograph::Resources::standard();
    chronograph::ReadResult r = chronograph::read_document(path, res, opt);
    for (const auto& d : r.diagnostics) std::cerr << "chronograph: " << d.path << ": " << d.message << '\n';
    if (!r.document) return kNothingRead;
    const chronograph::Pipeline pipeline(res);
    chronograph::write_analysis_text(pipeline.analyse(std::move(*r.document)), std::cout);
    return kOk;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"chronograph: news articles to a source-cited timeline and actor-event-place graph"};
    app.set_version_flag("--version", std::string("chronograph ") + CHRONOGRAPH_VERSION);
    app.require_subcommand(1);

    auto* build = app.add_subcommand("build", "Read articles and write events.json, graph.dot, graph.svg, timeline.svg, timeline.html");
    std::vector<std::string> inputs;
    std::string out_dir;
    std::string dct_text;
    unsigned threads = 0;
    build->add_option("articles", inputs, "Article files or folders (plain text, HTML, TimeML)")->required();
    build->add_option("-o,--out", out_dir, "Output folder")->required();
    build->add_option("--dct", dct_text, "Publication date YYYY-MM-DD (only with a single article)");
    build->add_option("-j,--threads", threads, "Worker threads (default: all cores)");
    std::string from_text, to_text;
    chronograph::StoryFilter filter;
    build->add_option("--from", from_text, "Only events on or after this date (YYYY-MM-DD)");
    build->add_option("--to", to_text, "Only events on or before this date (YYYY-MM-DD)");
    build->add_option("--actor", filter.actors, "Only events involving this actor (repeatable)");
    build->add_option("--place", filter.places, "Only events at this place (repeatable)");
    build->add_option("--type", filter.types, "Only events of this type, e.g. attack, construction (repeatable)");
    build->add_option("--min-sources", filter.min_sources, "Only events reported by at least N documents");

    auto* timeline = app.add_subcommand("timeline", "Print the events involving one entity, in date order (undated last)");
    std::string entity_name;
    std::vector<std::string> timeline_inputs;
    bool timeline_json = false;
    timeline->add_option("--entity", entity_name, "Entity name or alias (e.g. \"Putin\")")->required();
    timeline->add_option("articles", timeline_inputs, "Article files or folders")->required();
    timeline->add_flag("--json", timeline_json, "JSON instead of tab-separated lines");
    timeline->add_option("-j,--threads", threads, "Worker threads (default: all cores)");

    auto* inspect = app.add_subcommand("inspect", "Show what each stage finds in one article, sentence by sentence");
    std::string inspect_path;
    inspect->add_option("article", inspect_path, "Article file")->required();
    inspect->add_option("--dct", dct_text, "Publication date YYYY-MM-DD");

    auto* timeml = app.add_subcommand("timeml", "Tag temporal expressions in TimeML (a file, or a folder of *.tml) and write TimeML with TIMEX3");
    std::string timeml_in, timeml_out;
    timeml->add_option("input", timeml_in, "TimeML file or folder")->required();
    timeml->add_option("-o,--out", timeml_out, "Output file (default: standard output) or folder");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }

    if (*timeml) return chronograph::timeml_command(timeml_in, timeml_out, std::cout, std::cerr);
    if (*inspect) return run_inspect(inspect_path, dct_text);
    if (*timeline) return run_timeline(timeline_inputs, entity_name, timeline_json, threads);
    for (auto [text, day] : {std::pair{&from_text, &filter.from}, std::pair{&to_text, &filter.to}}) {
        if (text->empty()) continue;
        *day = chronograph::parse_day(*text);
        if (!*day) {
            std::cerr << "chronograph: " << *text << ": not a date of the form YYYY-MM-DD\n";
            return kUsage;
        }
    }
    return run_build(inputs, out_dir, dct_text, threads, filter);
}
