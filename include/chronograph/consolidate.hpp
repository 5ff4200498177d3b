// Stage 6, consolidate: the per-document analyses become one Story: document ids,
// corpus-wide entities, events merged across documents, conflicting claims.
#pragma once

#include "chronograph/analysis.hpp"
#include "chronograph/analysis_store.hpp"
#include "chronograph/entities.hpp"
#include "chronograph/progress.hpp"
#include "chronograph/resources.hpp"
#include "chronograph/story.hpp"

#include <vector>

namespace chronograph {

/// For each document without a publication date, the date of the dated document most
/// like it (shared names and words), when one is alike enough; nullopt otherwise.
/// Indices match `docs`.
std::vector<std::optional<Day>> infer_dcts(const std::vector<DocumentAnalysis>& docs,
                                           const Resources& res = Resources::standard());
/// The same, from analyses kept aside (read back only when some document has no date and
/// some has one; only then is the step named to `progress.step`).
std::vector<std::optional<Day>> infer_dcts(const AnalysisStore& docs, const Resources& res = Resources::standard(),
                                           unsigned threads = 1, const Progress& progress = {});

/// Builds the Story. `docs` must be sorted by path (document ids follow that order).
/// Independent parts run on `threads` threads (0: one per core); the same Story whatever
/// the count. Each step is named to `progress.step` as it begins.
Story consolidate(const std::vector<DocumentAnalysis>& docs, const Resources& res = Resources::standard(),
                  unsigned threads = 1, const Progress& progress = {});
/// The same Story, from analyses kept aside: each step reads back the parts of each
/// document it needs, so that a large corpus's analyses are never all in memory.
Story consolidate(const AnalysisStore& docs, const Resources& res = Resources::standard(), unsigned threads = 1,
                  const Progress& progress = {});

}  // namespace chronograph
