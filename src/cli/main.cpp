// chronograph command line: parses options and calls the library.
#include "chronograph/exporters.hpp"
#include "chronograph/pipeline.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// Exit codes (documented in README.md).
constexpr int kOk = 0;            // outputs written; some inputs may have been skipped (see stderr)
constexpr int kUsage = 2;         // bad command line
constexpr int kNothingRead = 3;   // no input could be read: nothing written
constexpr int kOutputFailed = 4;  // outputs could not be written

void print_diagnostics(const chronograph::Story& story) {
    for (const auto& d : story.diagnostics)
        std::cerr << "chronograph: " << (d.severity == chronograph::Diagnostic::Severity::Error ? "error" : "warning")
                  << ": " << d.path << ": " << d.message << '\n';
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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    }

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
        const chronograph::Story story = pipeline.build(inputs, opt);
        print_diagnostics(story);
        if (story.documents.empty()) {
            std::cerr << "chronograph: no article could be read; nothing written\n";
            return kNothingRead;
        }
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
