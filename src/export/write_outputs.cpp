#include "chronograph/exporters.hpp"

#include "model/memory.hpp"
#include "model/memory_trace.hpp"
#include "timeline_layout.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

namespace chronograph {
namespace {

void write_file(const std::filesystem::path& path, const std::function<void(std::ostream&)>& body) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    trace_memory((path.filename().string() + " begun").c_str());
    body(out);
    out.flush();
    if (!out) throw std::runtime_error("error while writing " + path.string());
    // What the writer freed (its text, its buffers) is handed back before the next file:
    // the C library keeps it in this thread's arena, where the other writers, on other
    // threads, would not reuse it (10k corpus: the writing's peak 380 -> 366 MB).
    give_back_free_memory();
    trace_memory(path.filename().c_str());
}

/// Runs the tasks on `threads` threads, each taking the next task in list order; rethrows
/// the error of the first task (in list order) that failed, whatever the timing.
void run_tasks(const std::vector<std::function<void()>>& tasks, unsigned threads) {
    std::vector<std::exception_ptr> errors(tasks.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < tasks.size();) {
            try {
                tasks[i]();
            } catch (...) {
                errors[i] = std::current_exception();
            }
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
    }
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

/// Counts a file drawn from something made for several (the graph, the layout) as done
/// when it goes, however it ends; the last one drops it.
class LastUser {
public:
    template <class T>
    LastUser(std::atomic<int>& users, std::optional<T>& shared) : users_(users), drop_([&shared] { shared.reset(); }) {}
    ~LastUser() {
        if (--users_ == 0) drop_();
    }
    LastUser(const LastUser&) = delete;
    LastUser& operator=(const LastUser&) = delete;

private:
    std::atomic<int>& users_;
    std::function<void()> drop_;
};

}  // namespace

void write_outputs(const Story& story, const std::string& out_dir, unsigned threads, const Progress& progress) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw std::runtime_error("cannot create output folder " + out_dir + ": " + ec.message());
    const fs::path dir(out_dir);
    // The graph and the timeline layout are made once, each by a task of its own, waited
    // for by the files drawn from them, and dropped after the last of those (a big
    // corpus's are some hundreds of MB). Files go longest first, but graph.svg last: it
    // waits while graph.dot holds Graphviz. events.json, which needs neither, comes second
    // so that on two threads graph.dot, the longest, is taken by the thread that made the
    // graph as soon as it is made (after the layout, the quicker, it waited for it).
    std::promise<void> graph_made, layout_made;
    const std::shared_future<void> graph_ready = graph_made.get_future().share(), layout_ready = layout_made.get_future().share();
    std::optional<StoryGraph> graph;
    std::optional<views::TimelineLayout> layout;
    std::atomic<int> graph_files{0}, layout_files{0};  // files still to draw from each
    // Each file written is counted to the progress hook, one call at a time.
    std::size_t files = 0, files_written = 0;
    std::mutex files_mutex;
    auto write = [&](const char* name, const std::function<void(std::ostream&)>& body) {
        write_file(dir / name, body);
        if (!progress.files) return;
        const std::lock_guard lock(files_mutex);
        progress.files(++files_written, files);
    };
    auto alone = [&](const char* name, void (*body)(const Story&, std::ostream&)) {
        ++files;
        return [&, name, body] { write(name, [&](std::ostream& o) { body(story, o); }); };
    };
    auto with_graph = [&](const char* name, std::function<void(const StoryGraph&, std::ostream&)> body) {
        ++graph_files;
        ++files;
        return [&, name, body] {
            const LastUser last(graph_files, graph);
            graph_ready.get();
            write(name, [&](std::ostream& o) { body(*graph, o); });
        };
    };
    auto with_layout = [&](const char* name, void (*body)(const Story&, const views::TimelineLayout&, std::ostream&)) {
        ++layout_files;
        ++files;
        return [&, name, body] {
            const LastUser last(layout_files, layout);
            layout_ready.get();
            write(name, [&](std::ostream& o) { body(story, *layout, o); });
        };
    };
    auto made = [](std::promise<void>& done, const std::function<void()>& make) {
        try {
            make();
            done.set_value();
        } catch (...) {
            done.set_exception(std::current_exception());
            throw;
        }
    };
    const std::vector<std::function<void()>> tasks = {
        // (What making the graph and the layout held for a while is handed back, as after
        // a file: 100,000 articles, some tens of MB each.)
        [&] { made(graph_made, [&] { graph.emplace(story); give_back_free_memory(); trace_memory("graph made"); }); },
        alone("events.json", write_events_json),
        with_graph("graph.dot", [](const StoryGraph& g, std::ostream& o) { write_graph_dot(g, o); }),
        [&] { made(layout_made, [&] { layout = views::layout_timeline(story); give_back_free_memory(); trace_memory("timeline laid out"); }); },
        with_layout("timeline.html", views::write_timeline_html),
        with_graph("graph.graphml", [](const StoryGraph& g, std::ostream& o) { g.write_graphml(o); }),
        with_layout("timelinejs.json", views::write_timelinejs_json),
        with_layout("timeline.svg", views::write_timeline_svg),
        alone("events.csv", write_events_csv),
        with_graph("graph.svg", [](const StoryGraph& g, std::ostream& o) { o << graph_svg(g); }),
    };
    if (progress.files) progress.files(0, files);
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    run_tasks(tasks, std::min<unsigned>(threads, 4));
}

}  // namespace chronograph
