// Bad input never throws or crashes: an error diagnostic naming the file and the problem,
// no document, and the rest of the corpus goes on. Files are written under the build folder.
#include "test_ingest_util.hpp"

#include "ingest/ingest_internal.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

using namespace chronograph;
using namespace ingest_test;
namespace fs = std::filesystem;

namespace {

/// The error read_document gives for `path` (and checks it names the path).
std::string read_error(const std::string& path) {
    const ReadResult r = read_document(path, Resources::embedded());
    CHECK_FALSE(r.document);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK(r.diagnostics[0].severity == Diagnostic::Severity::Error);
    CHECK(r.diagnostics[0].path == path);
    return r.diagnostics[0].message;
}

bool has_message(const std::vector<Diagnostic>& ds, Diagnostic::Severity sev, const std::string& part) {
    return std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.severity == sev && d.message.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("files that cannot be read give clear errors", "[ingest]") {
    const fs::path dir = temp_dir("errors");
    CHECK_THAT(read_error((dir / "missing.txt").string()), Catch::Contains("no such file"));
    CHECK_THAT(read_error(dir.string()), Catch::Contains("is a folder"));
    fs::create_symlink(dir / "nowhere.txt", dir / "dangling.txt");
    CHECK_THAT(read_error((dir / "dangling.txt").string()), Catch::Contains("broken symbolic link"));
    const std::string fifo = (dir / "pipe.txt").string();
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THAT(read_error(fifo), Catch::Contains("not a regular file"));  // and it did not block

    const std::string locked = write_file(dir / "locked.txt", "The bridge opened.\n");
    ::chmod(locked.c_str(), 0);
    if (::geteuid() != 0) CHECK_THAT(read_error(locked), Catch::Contains("permission denied"));
    CHECK(ingest::describe_errno(EACCES, locked) == "permission denied");  // root reads anything: check the wording
}

TEST_CASE("bytes that are not an article give clear errors", "[ingest]") {
    const fs::path dir = temp_dir("bytes");
    CHECK_THAT(read_error(write_file(dir / "empty.txt", "")), Catch::Contains("empty (0 bytes)"));
    CHECK_THAT(read_error(write_file(dir / "blank.txt", " \n\t\r\n  \n")), Catch::Contains("only white space"));
    CHECK_THAT(read_error(write_file(dir / "nul.txt", std::string("text\0more", 9))), Catch::Contains("NUL byte at byte 4"));
    CHECK_THAT(read_error(write_file(dir / "ctl.txt", std::string(100, '\x01') + "abc")), Catch::Contains("control characters"));
    CHECK_THAT(read_error(write_file(dir / "latin1.txt", "Line one.\nCaf\xE9 au lait.\n")),
               Catch::Contains("not valid UTF-8 at byte 13 (line 2)"));
    CHECK_THAT(read_error(write_file(dir / "utf16.txt", "\xFF\xFEH\0i\0")), Catch::Contains("UTF-16"));
    CHECK_THAT(read_error(write_file(dir / "doc.pdf", "%PDF-1.7 ...")), Catch::Contains("PDF"));
    CHECK_THAT(read_error(write_file(dir / "bad.tml", "<TimeML><TEXT>unclosed</TimeML>")), Catch::Contains("not well-formed TimeML"));
}

TEST_CASE("a bad file does not stop the corpus", "[ingest]") {
    const fs::path dir = temp_dir("corpus");
    write_file(dir / "a.txt", "The bridge opened on Monday.\n");
    write_file(dir / "b.txt", "");
    write_file(dir / "c.txt", std::string("\0\0\0", 3));
    write_file(dir / "d.html", "<html><body><p>The ministry confirmed it.</p></body></html>");
    std::vector<Diagnostic> ds;
    const std::vector<std::string> files = collect_inputs({dir.string()}, ds);
    REQUIRE(files.size() == 4);
    std::size_t documents = 0, errors = 0;
    for (const std::string& f : files) {
        const ReadResult r = read_document(f, Resources::embedded());
        documents += r.document.has_value();
        errors += !r.diagnostics.empty() && r.diagnostics[0].severity == Diagnostic::Severity::Error;
    }
    CHECK(documents == 2);
    CHECK(errors == 2);
}

TEST_CASE("collect_inputs walks folders sorted, skips hidden entries and loops", "[ingest]") {
    const fs::path dir = temp_dir("collect");
    fs::create_directories(dir / "b" / "inner");
    fs::create_directories(dir / ".hidden");
    write_file(dir / "z.txt", "z");
    write_file(dir / "a.txt", "a");
    write_file(dir / ".secret.txt", "s");
    write_file(dir / ".hidden" / "x.txt", "x");
    write_file(dir / "b" / "inner" / "c.html", "c");
    write_file(dir / "b" / "photo.jpg", "jpg");
    write_file(dir / "b" / "notes~", "an editor's backup");
    write_file(dir / "b" / "notes", "no extension: the content decides");
    fs::create_directory_symlink(dir, dir / "b" / "loop");     // back to the top
    fs::create_directory_symlink(dir / "b", dir / "b" / "self");  // to itself
    REQUIRE(::mkfifo((dir / "b" / "fifo.txt").c_str(), 0600) == 0);

    std::vector<Diagnostic> ds;
    const std::vector<std::string> files = collect_inputs({dir.string(), (dir / "missing").string(), (dir / "a.txt").string()}, ds);
    const std::string top = dir.string() + "/";
    CHECK(files == std::vector<std::string>{top + "a.txt", top + "b/inner/c.html", top + "b/notes", top + "z.txt", top + "a.txt"});
    CHECK(has_message(ds, Diagnostic::Severity::Error, "no such file or folder"));
    CHECK(std::any_of(ds.begin(), ds.end(), [&](const Diagnostic& d) { return d.path == (dir / "missing").string(); }));
    CHECK(has_message(ds, Diagnostic::Severity::Warning, "symbolic link loop"));
    CHECK(has_message(ds, Diagnostic::Severity::Warning, "not a regular file"));
    CHECK(has_message(ds, Diagnostic::Severity::Warning, "skipped 2 file(s) that cannot be articles"));
}

TEST_CASE("huge inputs are read in linear time", "[ingest]") {
    // 100 MB on one line: no quadratic scan, no recursion.
    std::string line;
    line.reserve(100u << 20);
    const std::string words = "the bridge will span one kilometre and take eighteen months to build, officials said ";
    while (line.size() + words.size() < (100u << 20)) line += words;
    const ReadResult r = parse_document("huge.txt", std::move(line), Resources::embedded());
    REQUIRE(r.document);
    REQUIRE(r.document->paragraphs.size() == 1);
    CHECK(r.document->text.size() > (99u << 20));
    // Only the first 10 MB are analysed (memory stays bounded), cut at a space, with a warning.
    const Span analysed = r.document->paragraphs[0].span;
    CHECK(analysed.size() > (9u << 20));
    CHECK(analysed.end <= (10u << 20));
    CHECK(r.document->text[analysed.end] == ' ');
    CHECK(has_message(r.diagnostics, Diagnostic::Severity::Warning, "only the first 10 MB of its 99 MB of text are analysed"));
    CHECK(r.document->title.size() < 120);
}

TEST_CASE("broken rule files are reported, not thrown", "[ingest]") {
    const fs::path dir = temp_dir("data");
    fs::copy(CHRONOGRAPH_SOURCE_DIR "/data", dir / "data", fs::copy_options::recursive);
    write_file(dir / "data" / "en" / "ingest" / "boilerplate.tsv", "# header\nboilerplate\tline\tadvertisement\nexplode\tline\tx\n");
    const Resources res = Resources::from_directory((dir / "data").string());
    const ReadResult r = parse_document("a.txt", "The bridge opened.\n", res);
    CHECK_FALSE(r.document);
    REQUIRE_FALSE(r.diagnostics.empty());
    CHECK_THAT(r.diagnostics[0].message, Catch::Contains("en/ingest/boilerplate.tsv line 3"));
    std::vector<Diagnostic> ds;
    CHECK(collect_inputs({CHRONOGRAPH_SOURCE_DIR "/samples"}, ds, res).size() == 5);
    CHECK(has_message(ds, Diagnostic::Severity::Warning, "boilerplate.tsv line 3"));
}
