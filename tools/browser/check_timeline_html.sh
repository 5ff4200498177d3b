#!/usr/bin/env bash
# Real-browser check of timeline.html with Debian's chromium (headless): the page loads
# with no console error, a filter changes what is shown, and a screenshot is saved.
#   check_timeline_html.sh VIEWS_BENCH OUT_DIR
# Exits 77 (ctest: skipped) when chromium is not installed; `setup.sh --with-tests`
# installs it.
set -euo pipefail
bench=$1
out=$2
command -v chromium >/dev/null 2>&1 || { echo "chromium not installed: skipped"; exit 77; }
mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

chrome() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --window-size=1400,1000 "$@"
}
fail() { echo "FAIL: $*"; exit 1; }
# Console messages from the page (errors and uncaught exceptions) come as CONSOLE lines.
console_errors() { grep -E 'CONSOLE|Uncaught' "$1" || true; }

"$bench" sample "$out/sample" >/dev/null
"$bench" synthetic 10000 "$out/synthetic" >/dev/null
"$bench" hostile "$out/hostile" >/dev/null
"$bench" crowded "$out/crowded" >/dev/null
page="file://$(cd "$out/sample" && pwd)/timeline.html"

chrome --screenshot="$out/timeline-html.png" "$page#event=ev13" >/dev/null 2>"$out/screenshot.log" || fail "chromium could not take a screenshot"
[ -s "$out/timeline-html.png" ] || fail "no screenshot"
chrome --dump-dom "$page" >"$out/all.html" 2>"$out/all.log" || fail "chromium could not load the page"
chrome --dump-dom "$page#status=planned" >"$out/planned.html" 2>"$out/planned.log" || fail "chromium could not load the filtered page"
chrome --dump-dom "$page#q=Kyiv" >"$out/search.html" 2>"$out/search.log" || fail "chromium could not load the searched page"
synthetic="file://$(cd "$out/synthetic" && pwd)/timeline.html"
chrome --dump-dom "$synthetic" >"$out/synthetic.html" 2>"$out/synthetic.log" || fail "chromium could not load 10,000 events"
chrome --dump-dom "$synthetic#view=0.80,0.83" >"$out/synthetic-zoom.html" 2>"$out/synthetic-zoom.log" || fail "chromium could not zoom into 10,000 events"

hostile="file://$(cd "$out/hostile" && pwd)/timeline.html"
chrome --dump-dom "$hostile#event=ev13" >"$out/hostile.html" 2>"$out/hostile.log" || fail "chromium could not load the hostile page"
chrome --dump-dom "$page#event=ev13" >"$out/selected.html" 2>"$out/selected.log" || fail "chromium could not load the page with an event selected"
crowded="file://$(cd "$out/crowded" && pwd)/timeline.html"
chrome --dump-dom "$crowded#event=ev13" >"$out/crowded.html" 2>"$out/crowded.log" || fail "chromium could not load the page with a crowded event selected"

for log in screenshot all planned search synthetic synthetic-zoom hostile selected crowded; do
  errors=$(console_errors "$out/$log.log")
  [ -z "$errors" ] || fail "console messages in $log: $errors"
done

count() { grep -o 'Showing [0-9,]* of [0-9,]* events' "$1" | head -1; }
marks() { grep -o 'class="mark"' "$1" | wc -l; }
all=$(count "$out/all.html"); planned=$(count "$out/planned.html"); search=$(count "$out/search.html")
echo "no filter: $all ($(marks "$out/all.html") marks drawn)"
echo "status=planned: $planned ($(marks "$out/planned.html") marks drawn)"
echo "q=Kyiv: $search ($(marks "$out/search.html") marks drawn)"
render_ms() { grep -o 'data-render-ms="[0-9.]*"' "$1" | grep -o '[0-9.]*'; }
echo "10,000 events: $(count "$out/synthetic.html"), drawn in $(render_ms "$out/synthetic.html") ms ($(marks "$out/synthetic.html") marks); zoomed to 3%: $(render_ms "$out/synthetic-zoom.html") ms ($(marks "$out/synthetic-zoom.html") marks)"
[ "$all" = "Showing 20 of 20 events" ] || fail "unexpected count without filter: $all"
[ "$planned" = "Showing 1 of 20 events" ] || fail "the status filter did not apply: $planned"
[ "$(marks "$out/planned.html")" -lt "$(marks "$out/all.html")" ] || fail "the status filter drew as many marks as no filter"
[ "$search" = "Showing 1 of 20 events" ] || fail "the search did not apply: $search"
[ "$(count "$out/synthetic.html")" = "Showing 10,000 of 10,000 events" ] || fail "10,000 events did not load"
# Article text stays text: the hostile page has exactly the page's own two script elements.
[ "$(grep -o '<script' "$out/hostile.html" | wc -l)" = 2 ] || fail "a script element was injected"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$out/hostile.html" || fail "the hostile text was not shown as text"
# A selected event shows its evidence with the date expression highlighted.
grep -q '<mark>On Thursday</mark>' "$out/selected.html" || fail "no highlighted date expression in the evidence"
# An event with more evidence than the page holds, and its conflict with more claims, say so.
grep -q 'Evidence (40)' "$out/crowded.html" || fail "the crowded event does not count all its evidence"
grep -q 'Here the first 25 of 40 sentences (events.json has every one)' "$out/crowded.html" || fail "the crowded event does not say what is shown"
grep -q 'ceremony: On Thursday vs B vs C vs D; here the first 25 of 30 claims (events.json has every one)' "$out/crowded.html" ||
  fail "the crowded conflict does not name each wording once and say what is shown"
grep -q '5 more claims in events.json' "$out/crowded.html" || fail "the conflicts panel does not count the claims left out"
echo "screenshot: $out/timeline-html.png"
echo "1 passed, 0 failed"
