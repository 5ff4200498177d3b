// event-dump: runs the per-document pipeline over NewsReader CAT files and prints every
// event mention with its participants, with CAT token ids. Used by tools/participant-eval.
//   event-dump FILE...
// Output, one line per (event, participant):
//   file <TAB> event t_ids <TAB> type <TAB> status <TAB> time value <TAB> role <TAB> entity t_ids <TAB> entity name
// role is agent, patient, place or source; an event without participants gives one line
// with role "-".
#include "cat_document.hpp"

#include "chronograph/pipeline.hpp"

#include <iostream>

using namespace chronograph;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: event-dump CAT-FILE...\n";
        return 2;
    }
    const Resources& res = Resources::standard();
    const Pipeline pipeline(res);
    for (int i = 1; i < argc; ++i) {
        const std::string path = argv[i];
        std::vector<tools::CatToken> tokens;
        std::optional<Document> doc = tools::cat_document(path, res, tokens);
        if (!doc) {
            std::cerr << path << ": cannot be read\n";
            continue;
        }
        const DocumentAnalysis a = pipeline.analyse(std::move(*doc));
        for (const EventMention& ev : a.events) {
            const std::string head = path + '\t' + tools::token_ids(tokens, ev.trigger) + '\t' + ev.type + '\t' +
                                     to_string(ev.status) + '\t' + (ev.time.value.empty() ? "-" : ev.time.value);
            bool any = false;
            auto print = [&](const char* role, const std::vector<std::size_t>& ids) {
                for (std::size_t e : ids) {
                    std::cout << head << '\t' << role << '\t' << tools::token_ids(tokens, a.entities[e].span) << '\t'
                              << a.entities[e].name << '\n';
                    any = true;
                }
            };
            print("agent", ev.agents);
            print("patient", ev.patients);
            print("place", ev.places);
            print("source", ev.sources);
            if (!any) std::cout << head << "\t-\t-\t-\n";
        }
    }
}
