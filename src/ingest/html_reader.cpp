// HTML: libxml2's HTML parser builds the tree (entities decoded, broken markup repaired);
// we keep the article text only. The content of <article> (the largest one), else <main>,
// else <body>; scripts, navigation, forms, share widgets and other chrome are dropped
// (data/en/ingest/html.tsv). Block elements become paragraphs separated by a blank line in
// Document::text. Every walk over the tree is iterative (parent links), never recursive:
// libxml2 also caps the depth at 256 and text nodes at 10 MB (its default limits, kept on
// purpose).
#include "ingest/ingest_internal.hpp"

#include "chronograph/text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace chronograph::ingest {
namespace {

std::string_view name_of(const xmlNode* n) {
    return n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view{};
}

std::string attr(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (!a->name || !iequals(reinterpret_cast<const char*>(a->name), name)) continue;
        xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }
    return {};
}

bool has_attr(const xmlNode* n, const char* name) {
    for (const xmlAttr* a = n->properties; a; a = a->next)
        if (a->name && iequals(reinterpret_cast<const char*>(a->name), name)) return true;
    return false;
}

std::string content_of(const xmlNode* n) {
    xmlChar* c = xmlNodeGetContent(n);
    std::string out = c ? squash_space(reinterpret_cast<const char*>(c)) : "";
    xmlFree(c);
    return out;
}

bool listed(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

/// A class or id value names one of `words`: a whole token, or a part of it between - and _
/// ("share-tools" -> "share", "tools").
bool names_token(std::string_view value, const std::vector<std::string>& words) {
    if (value.empty()) return false;
    const std::string v = lower_ascii(value);
    const std::string_view all(v);
    std::size_t start = 0;
    while (start < all.size()) {
        std::size_t end = all.find_first_of(" \t\n\r\f", start);
        if (end == std::string_view::npos) end = all.size();
        const std::string_view token = all.substr(start, end - start);
        if (!token.empty()) {
            if (listed(words, token)) return true;
            for (std::size_t from = 0; from <= token.size();) {
                const std::size_t to = std::min(token.find_first_of("-_", from), token.size());
                if (to > from && to - from < token.size() && listed(words, token.substr(from, to - from))) return true;
                from = to + 1;
            }
        }
        start = end + 1;
    }
    return false;
}

/// Visits every node below `root` in document order without recursion: enter(node) returns
/// whether to go inside an element; leave(node) follows for every element entered.
template <class Enter, class Leave>
void walk(xmlNode* root, Enter enter, Leave leave) {
    xmlNode* n = root ? root->children : nullptr;
    while (n) {
        const bool inside = enter(n);
        if (inside && n->children) {
            n = n->children;
            continue;
        }
        if (inside) leave(n);
        while (n) {
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (!n || n == root) {
                n = nullptr;
                break;
            }
            leave(n);
        }
    }
}

bool is_element(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
bool is_text(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }
std::size_t text_size(const xmlNode* n) { return n->content ? std::strlen(reinterpret_cast<const char*>(n->content)) : 0; }

/// What one pass over the whole page finds: sizes of text, candidate roots, metadata.
struct PageFacts {
    std::unordered_map<const xmlNode*, std::size_t> text_bytes;  // visible text below each element
    std::vector<xmlNode*> articles;
    xmlNode* main = nullptr;
    xmlNode* body = nullptr;
    xmlNode* first_h1 = nullptr;
    std::string title;
    std::vector<std::pair<std::string, std::string>> metas;  // lower-case key, value
    std::vector<std::string> json_ld;
    std::vector<xmlNode*> times;
};

PageFacts survey(xmlNode* top, const HtmlRules& rules) {
    PageFacts f;
    std::vector<std::size_t> acc{0};
    // <head> is chrome for the text, but holds the title and the metadata.
    auto skipped_by_name = [&](std::string_view name) { return name != "head" && listed(rules.skip_elements, name); };
    auto enter = [&](xmlNode* n) {
        if (is_text(n)) {
            acc.back() += text_size(n);
            return false;
        }
        if (!is_element(n)) return false;
        const std::string_view name = name_of(n);
        if (name == "meta") {
            const std::string content = attr(n, "content");
            for (const char* key : {"property", "name", "itemprop", "http-equiv"})
                if (const std::string k = attr(n, key); !k.empty()) f.metas.emplace_back(lower_ascii(k), content);
            return false;
        }
        if (name == "title" && f.title.empty()) f.title = content_of(n);
        if (name == "script") {
            if (iequals(attr(n, "type"), "application/ld+json")) f.json_ld.push_back(content_of(n));
            return false;
        }
        if (const std::string ip = lower_ascii(attr(n, "itemprop")); !ip.empty() && listed(rules.date_meta, ip)) {
            std::string v = attr(n, "datetime");
            if (v.empty()) v = attr(n, "content");
            if (v.empty()) v = content_of(n);
            f.metas.emplace_back(ip, v);
        }
        if (name == "time") f.times.push_back(n);
        if (skipped_by_name(name)) return false;
        if (name == "article") f.articles.push_back(n);
        if (!f.main && (name == "main" || iequals(attr(n, "role"), "main"))) f.main = n;
        if (!f.body && name == "body") f.body = n;
        if (!f.first_h1 && name == "h1") f.first_h1 = n;
        acc.push_back(0);
        return true;
    };
    auto leave = [&](xmlNode* n) {
        const std::size_t bytes = acc.back();
        acc.pop_back();
        acc.back() += bytes;
        f.text_bytes[n] = bytes;
    };
    // The top element itself is entered too (its siblings are comments or DTD nodes).
    if (enter(top)) {
        walk(top, enter, leave);
        leave(top);
    }
    return f;
}

/// Removes a site name after the headline: "Bridge work begins | Reuters" -> "Bridge work begins".
std::string without_site_name(std::string title) {
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
        const std::size_t at = title.rfind(sep);
        if (at == std::string::npos) continue;
        const std::string_view site = std::string_view(title).substr(at + sep.size());
        if (word_count(site) <= 4 && word_count(std::string_view(title).substr(0, at)) >= 3) {
            title.resize(at);
            break;
        }
    }
    return title;
}

/// The value of "datePublished" in JSON-LD, found as text (the JSON may be broken).
std::string json_ld_date(const std::string& json) {
    const std::size_t key = json.find("\"datePublished\"");
    if (key == std::string::npos) return {};
    std::size_t p = json.find(':', key);
    if (p == std::string::npos) return {};
    p = json.find('"', p);
    if (p == std::string::npos) return {};
    const std::size_t e = json.find('"', p + 1);
    return e == std::string::npos ? std::string{} : json.substr(p + 1, e - p - 1);
}

bool below(const xmlNode* n, const xmlNode* root) {
    for (const xmlNode* p = n; p; p = p->parent)
        if (p == root) return true;
    return false;
}

std::optional<Day> metadata_date(const PageFacts& f, const xmlNode* root, const Rules& rules) {
    for (const std::string& key : rules.html.date_meta) {
        if (key == "json-ld") {
            for (const std::string& j : f.json_ld)
                if (auto d = parse_date_value(json_ld_date(j), rules.dates)) return d;
        } else if (key == "time") {
            for (const xmlNode* t : f.times)
                if (below(t, root) && has_attr(t, "datetime")) return parse_date_value(attr(t, "datetime"), rules.dates);
        } else {
            for (const auto& [k, v] : f.metas)
                if (k == key)
                    if (auto d = parse_date_value(v, rules.dates)) return d;
        }
    }
    return std::nullopt;
}

/// Builds Document::text and its blocks from the text nodes, in order.
class TextBuilder {
public:
    TextBuilder(std::string& text, std::vector<Block>& blocks) : text_(text), blocks_(blocks) {}

    void add(std::string_view s, bool caption, bool heading) {
        for (const char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space();
                continue;
            }
            if (soft_break_) {
                // <br> inside a sentence ("take 18 months<br>to complete") is a line wrap.
                soft_break_ = false;
                const std::string_view para = std::string_view(text_).substr(start_);
                if (c >= 'a' && c <= 'z' && !ends_like_sentence(para)) pending_space_ = true;
                else paragraph_break();
            }
            if (!open_) {
                if (!text_.empty()) text_ += "\n\n";
                start_ = text_.size();
                open_ = true;
                caption_ = heading_ = false;
            } else if (pending_space_) {
                text_ += ' ';
            }
            pending_space_ = false;
            caption_ = caption_ || caption;
            heading_ = heading_ || heading;
            text_ += c;
        }
    }
    void line_break() { soft_break_ = open_; }
    void space() { pending_space_ = open_; }
    void paragraph_break() {
        soft_break_ = false;
        if (open_) {
            Block b;
            b.span = Span{start_, text_.size()};
            b.caption = caption_;
            b.heading = heading_;
            blocks_.push_back(b);
        }
        open_ = pending_space_ = false;
    }

private:
    std::string& text_;
    std::vector<Block>& blocks_;
    bool open_ = false, pending_space_ = false, soft_break_ = false, caption_ = false, heading_ = false;
    std::size_t start_ = 0;
};

class Extractor {
public:
    Extractor(const HtmlRules& rules, const PageFacts& facts, xmlNode* root)
        : rules_(rules), facts_(facts), root_(root), in_article_(name_of(root) == "article") {
        const auto it = facts.text_bytes.find(root);
        root_bytes_ = it == facts.text_bytes.end() ? 0 : it->second;
    }

    void run(std::string& text, std::vector<Block>& blocks) {
        TextBuilder out(text, blocks);
        int caption = 0, heading = 0;
        std::vector<Role> open;  // roles of the elements entered, for leaving them
        auto enter = [&](xmlNode* n) {
            if (is_text(n)) {
                if (n->content) out.add(reinterpret_cast<const char*>(n->content), caption > 0, heading > 0);
                return false;
            }
            if (!is_element(n) || skipped(n)) return false;
            const Role r = role(n);
            if (r.block) out.paragraph_break();
            if (r.line_break) out.line_break();
            if (r.cell) out.space();
            caption += r.caption;
            heading += r.heading;
            open.push_back(r);
            return true;
        };
        auto leave = [&](xmlNode*) {
            const Role r = open.back();
            open.pop_back();
            if (r.block) out.paragraph_break();
            if (r.cell) out.space();
            caption -= r.caption;
            heading -= r.heading;
        };
        walk(root_, enter, leave);
        out.paragraph_break();
    }

private:
    struct Role {
        bool block = false, line_break = false, cell = false;
        int caption = 0, heading = 0;
    };
    const HtmlRules& rules_;
    const PageFacts& facts_;
    xmlNode* root_;
    bool in_article_;
    std::size_t root_bytes_ = 0;

    Role role(const xmlNode* n) const {
        const std::string_view name = name_of(n);
        Role r;
        r.block = listed(rules_.block_elements, name);
        r.line_break = listed(rules_.line_breaks, name);
        r.cell = listed(rules_.cell_elements, name);
        r.heading = listed(rules_.heading_elements, name) ? 1 : 0;
        r.caption = listed(rules_.caption_elements, name) || names_token(attr(n, "class"), rules_.caption_tokens) ? 1 : 0;
        return r;
    }

    bool skipped(const xmlNode* n) const {
        const std::string_view name = name_of(n);
        if (listed(rules_.skip_elements, name)) return true;
        if (!in_article_ && listed(rules_.skip_outside_article, name)) return true;
        if (has_attr(n, "hidden") || iequals(attr(n, "aria-hidden"), "true")) return true;
        std::string style = lower_ascii(attr(n, "style"));
        style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
        if (style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos) return true;
        if (listed(rules_.skip_roles, lower_ascii(attr(n, "role")))) return true;
        if (!names_token(attr(n, "class"), rules_.skip_tokens) && !names_token(attr(n, "id"), rules_.skip_tokens)) return false;
        // A class name is only a hint: an element holding most of the article is never dropped.
        const auto it = facts_.text_bytes.find(n);
        const std::size_t bytes = it == facts_.text_bytes.end() ? 0 : it->second;
        return !(root_bytes_ >= 500 && bytes * 2 >= root_bytes_);
    }
};

xmlNode* choose_root(const PageFacts& f, xmlNode* top) {
    constexpr std::size_t kMinArticleBytes = 140;
    constexpr std::size_t kSubstantialBytes = 250;
    const auto bytes = [&](const xmlNode* n) {
        const auto it = f.text_bytes.find(n);
        return it == f.text_bytes.end() ? std::size_t{0} : it->second;
    };
    xmlNode* container = f.main && bytes(f.main) > 0 ? f.main : f.body ? f.body : top;
    xmlNode* best = nullptr;
    std::size_t substantial = 0, substantial_bytes = 0;
    for (xmlNode* a : f.articles) {
        if (!best || bytes(a) > bytes(best)) best = a;
        if (bytes(a) >= kSubstantialBytes && (!a->parent || a->parent->type != XML_ELEMENT_NODE || name_of(a->parent) != "article")) {
            ++substantial;
            substantial_bytes += bytes(a);
        }
    }
    // An <article> holding only a headline while the story sits next to it, or a live blog
    // made of many articles: the container, not one article.
    if (!best || bytes(best) < kMinArticleBytes || bytes(best) * 4 < bytes(container)) return container;
    if (substantial >= 2 && bytes(best) * 2 < substantial_bytes) return container;
    return best;
}

bool inside(const xmlNode* n, const xmlNode* root) {
    for (; n; n = n->parent)
        if (n == root) return true;
    return false;
}

/// The page's headline when it stands outside the article text chosen (an <h1> in the
/// page header, above the <article>): a heading paragraph before the text, as a plain-text
/// article's first line is, so that its words are analysed too.
void prepend_headline(const PageFacts& f, const xmlNode* root, ReadState& st) {
    if (!f.first_h1 || inside(f.first_h1, root) || st.blocks.empty()) return;
    for (const Block& b : st.blocks)
        if (b.heading && !b.caption) return;  // the article has a headline of its own
    const std::string headline = squash_space(content_of(f.first_h1));
    if (headline.empty() || headline.size() > 400) return;
    const std::size_t shift = headline.size() + 2;
    st.doc.text.insert(0, headline + "\n\n");
    for (Block& b : st.blocks) b.span = Span{b.span.start + shift, b.span.end + shift};
    Block h;
    h.span = Span{0, headline.size()};
    h.heading = true;
    st.blocks.insert(st.blocks.begin(), h);
}

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
    void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};

}  // namespace

std::string declared_charset(std::string_view bytes) {
    const std::string head = lower_ascii(bytes.substr(0, 4096));
    for (std::size_t p = head.find("charset"); p != std::string::npos; p = head.find("charset", p + 7)) {
        std::size_t q = p + 7;
        while (q < head.size() && (head[q] == ' ' || head[q] == '"' || head[q] == '\'')) ++q;
        if (q >= head.size() || head[q] != '=') continue;
        ++q;
        while (q < head.size() && (head[q] == ' ' || head[q] == '"' || head[q] == '\'')) ++q;
        std::size_t e = q;
        while (e < head.size() && (is_alnum(head[e]) || head[e] == '-' || head[e] == '_' || head[e] == ':' || head[e] == '.')) ++e;
        if (e > q) return head.substr(q, e - q);
    }
    return {};
}

bool read_html(std::string_view bytes, const std::string& charset, const Rules& rules, ReadState& st) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    st.doc.format = DocFormat::Html;
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        st.error("HTML file too large for the HTML parser (more than 2 GB)");
        return false;
    }
    if (!charset.empty()) {
        // Only a check: the handler is allocated anew for iconv charsets (65 KB) and must be closed.
        xmlCharEncodingHandler* handler = xmlFindCharEncodingHandler(charset.c_str());
        if (!handler) {
            st.error("the page is in the character set \"" + charset + "\", which this system cannot convert; convert it to UTF-8");
            return false;
        }
        xmlCharEncCloseFunc(handler);
    }
    std::unique_ptr<htmlParserCtxt, CtxtFree> ctxt(htmlNewParserCtxt());
    if (!ctxt) {
        st.error("out of memory starting the HTML parser");
        return false;
    }
    const std::string encoding = charset.empty() ? "UTF-8" : charset;
    std::unique_ptr<xmlDoc, DocFree> doc(htmlCtxtReadMemory(
        ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding.c_str(),
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT |
            HTML_PARSE_IGNORE_ENC));  // we chose the encoding: <meta charset> must not switch it
    const std::string parser_error = ctxt->lastError.message ? std::string(trim(ctxt->lastError.message)) : std::string();
    xmlNode* top = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!top) {
        st.error("the HTML parser could not read the page" + (parser_error.empty() ? "" : ": " + squash_space(parser_error)));
        return false;
    }
    const PageFacts facts = survey(top, rules.html);
    xmlNode* root = choose_root(facts, top);
    Extractor(rules.html, facts, root).run(st.doc.text, st.blocks);
    prepend_headline(facts, root, st);
    if (st.blocks.empty()) {
        st.error("no article text found in the HTML page" + (parser_error.empty() ? "" : " (parser: " + squash_space(parser_error) + ")"));
        return false;
    }
    std::string title = facts.title;
    for (const auto& [k, v] : facts.metas)
        if (k == "og:title" && !squash_space(v).empty()) {
            title = v;
            break;
        }
    if (title.empty() && facts.first_h1) title = content_of(facts.first_h1);
    st.doc.title = without_site_name(squash_space(title));
    // libxml2 stops at 256 levels of nesting and cuts text nodes at 10 MB.
    if (ctxt->lastError.code == XML_ERR_INTERNAL_ERROR || ctxt->lastError.code == XML_ERR_NO_MEMORY)
        st.warning("HTML page partly read: " + squash_space(parser_error));
    st.metadata_dct = metadata_date(facts, root, rules);
    return true;
}

}  // namespace chronograph::ingest
