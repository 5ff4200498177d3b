#include "cli/commands.hpp"

#include "chronograph/exporters.hpp"
#include "chronograph/ingest.hpp"
#include "chronograph/pipeline.hpp"
#include "chronograph/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace chronograph::cli {
namespace {

using Phase = ProgressLine::Phase;

/// The width of the terminal on stderr, 0 if unknown.
std::size_t terminal_width() {
    winsize size{};
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

/// The progress line on stderr, when it is a terminal and --quiet is not given (and not
/// when the command writes its lines to that same terminal as it goes), drawn again each
/// second while a long step goes on.
ProgressLine progress_line(const RunOptions& opt, std::vector<Phase> phases, bool writing_to_terminal = false) {
    return ProgressLine(std::cerr, !opt.quiet && !writing_to_terminal && isatty(STDERR_FILENO), std::move(phases),
                        terminal_width, std::chrono::seconds(1));
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics, ProgressLine& progress) {
    for (const auto& d : diagnostics) progress.say(diagnostic_line(d));
}

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const auto& d : diagnostics) std::cerr << diagnostic_line(d) << '\n';
}

/// The options of a run: its progress on the line, each problem with an input printed as
/// it is found (--quiet or not).
BuildOptions build_options(const RunOptions& opt, ProgressLine& progress) {
    BuildOptions b;
    b.dct = opt.dct;
    b.threads = opt.threads;
    b.progress = progress.hooks();
    b.progress.problem = [&progress](const Diagnostic& d) { progress.say(diagnostic_line(d)); };
    return b;
}

/// Whether the story's diagnostics were printed as the inputs were read (build, timeline)
/// or are still to print (merge: its parts' problems were found where they were made).
enum class Problems { Told, ToTell };

int write(const Story& full, const std::string& out_dir, const RunOptions& opt, ProgressLine& progress, Problems problems) {
    if (problems == Problems::ToTell) print_diagnostics(full.diagnostics, progress);
    if (full.documents.empty()) {
        progress.clear();
        std::cerr << "chronograph: no article could be read; nothing written\n";
        return kNothingRead;
    }
    try {
        // Without a filter the story is written as it is: a copy of a large one costs
        // seconds (every evidence sentence) and its memory.
        std::optional<Story> filtered;
        if (!opt.filter.empty()) filtered = filter_story(full, opt.filter);
        const Story& story = filtered ? *filtered : full;
        write_outputs(story, out_dir, opt.threads, progress.hooks());
        progress.clear();
        if (!opt.quiet)
            std::cerr << "chronograph: " << story.documents.size() << " documents, " << story.events.size() << " events, "
                      << story.entities.size() << " entities, " << story.conflicts.size() << " conflicts -> " << out_dir
                      << '\n';
    } catch (const std::exception& e) {
        progress.say(std::string("chronograph: ") + e.what());
        return kOutputFailed;
    }
    return kOk;
}

}  // namespace

int build(const std::vector<std::string>& inputs, const std::string& out_dir, const RunOptions& opt) {
    ProgressLine progress = progress_line(opt, {Phase::Reading, Phase::Consolidating, Phase::Writing});
    Story story;
    {
        const Pipeline pipeline;
        story = pipeline.build(inputs, build_options(opt, progress));
    }
    return write(story, out_dir, opt, progress, Problems::Told);
}

int extract(const std::vector<std::string>& inputs, const std::string& part_path, const RunOptions& opt) {
    std::ofstream file;
    const bool to_stdout = part_path == "-";
    if (!to_stdout) {
        file.open(part_path, std::ios::binary | std::ios::trunc);
        if (!file) {
            std::cerr << "chronograph: cannot write " << part_path << '\n';
            return kOutputFailed;
        }
    }
    std::ostream& out = to_stdout ? std::cout : file;
    std::size_t documents = 0;
    {
        ProgressLine progress = progress_line(opt, {Phase::Reading}, to_stdout && isatty(STDOUT_FILENO));
        const Pipeline pipeline;
        pipeline.extract_lines(inputs, build_options(opt, progress), [&](PartLine&& line) {
            documents += line.document;
            out << line.json << '\n';
        });
    }
    out.flush();
    if (!out) {
        std::cerr << "chronograph: error while writing " << part_path << '\n';
        return kOutputFailed;
    }
    if (documents == 0) {
        std::cerr << "chronograph: no article could be read\n";
        return kNothingRead;
    }
    if (!opt.quiet) std::cerr << "chronograph: " << documents << " documents -> " << part_path << '\n';
    return kOk;
}

int merge(const std::vector<std::string>& part_files, const std::string& out_dir, const RunOptions& opt) {
    ProgressLine progress = progress_line(opt, {Phase::Reading, Phase::Consolidating, Phase::Writing});
    GatheredParts parts;  // (the analyses kept aside as they are read)
    std::size_t total = 0, done = 0;
    for (const std::string& path : part_files) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        if (!ec) total += static_cast<std::size_t>(size);
    }
    for (const std::string& path : part_files) {
        const std::vector<Diagnostic> problems = parts.read_file(path, opt.threads, [&](std::size_t bytes) {
            done += bytes;  // (a line's newline counted where the file's last has none)
            progress.part_bytes(done, std::max(total, done));
        });
        print_diagnostics(problems, progress);
    }
    Story story;
    {
        const Pipeline pipeline;
        story = pipeline.merge(parts, build_options(opt, progress));
    }
    return write(story, out_dir, opt, progress, Problems::ToTell);
}

int timeline(const std::vector<std::string>& inputs, const std::string& name, bool json, const RunOptions& opt) {
    ProgressLine progress = progress_line(opt, {Phase::Reading, Phase::Consolidating});
    const Pipeline pipeline;
    const Story story = pipeline.build(inputs, build_options(opt, progress));
    progress.clear();  // (before the timeline on stdout, the same terminal)
    if (story.documents.empty()) {
        std::cerr << "chronograph: no article could be read\n";
        return kNothingRead;
    }
    const auto entities = find_entities(story, name);
    if (entities.empty()) {
        std::cerr << "chronograph: no entity called \"" << name << "\" in these articles\n";
        return kNotFound;
    }
    write_entity_timeline(story, entities, std::cout, json);
    return kOk;
}

int inspect(const std::string& path, const RunOptions& opt) {
    ReadOptions read;
    read.dct = opt.dct;
    const Resources& res = Resources::standard();
    ReadResult r = read_document(path, res, read);
    print_diagnostics(r.diagnostics);
    if (!r.document) return kNothingRead;
    const Pipeline pipeline(res);
    write_analysis_text(pipeline.analyse(std::move(*r.document)), std::cout);
    return kOk;
}

}  // namespace chronograph::cli
