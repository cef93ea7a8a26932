#include <gtest/gtest.h>

#include "core/diag.hpp"

namespace plaquette {
namespace {

TEST(CoreDiag, FormatsLikeACompiler) {
  Diagnostic d{Severity::Error, Span{"content/plaquette.yaml", 42, 7}, "unknown style 'titre2'"};
  EXPECT_EQ(format_diagnostic(d), "content/plaquette.yaml:42:7: error: unknown style 'titre2'");
}

TEST(CoreDiag, LeavesOutWhatIsUnknown) {
  EXPECT_EQ(format_diagnostic({Severity::Warning, Span{"a.yaml", 3, 0}, "m"}), "a.yaml:3: warning: m");
  EXPECT_EQ(format_diagnostic({Severity::Note, Span{"a.yaml", 0, 0}, "m"}), "a.yaml: note: m");
  EXPECT_EQ(format_diagnostic({Severity::Error, Span{}, "m"}), "error: m");
  // Without a file the line means nothing.
  EXPECT_EQ(format_diagnostic({Severity::Error, Span{"", 4, 2}, "m"}), "error: m");
}

TEST(CoreDiag, SinkCountsErrorsOnlyAndKeepsOrder) {
  DiagnosticSink sink;
  EXPECT_FALSE(sink.has_errors());
  sink.warning(Span{"a.yaml", 1, 1}, "w");
  sink.note(Span{"a.yaml", 2, 1}, "n");
  EXPECT_FALSE(sink.has_errors());
  sink.error(Span{"a.yaml", 3, 1}, "e1");
  sink.add({Severity::Error, Span{"b.yaml", 4, 2}, "e2"});
  EXPECT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.error_count(), 2);
  ASSERT_EQ(sink.all().size(), 4u);
  EXPECT_EQ(sink.to_string(),
            "a.yaml:1:1: warning: w\na.yaml:2:1: note: n\na.yaml:3:1: error: e1\nb.yaml:4:2: error: e2\n");
}

TEST(CoreDiag, InputErrorCarriesTheLocatedDiagnostic) {
  InputError e(Span{"c.yaml", 5, 3}, "text does not fit");
  EXPECT_STREQ(e.what(), "c.yaml:5:3: error: text does not fit");
  EXPECT_EQ(e.diagnostic().span, (Span{"c.yaml", 5, 3}));
  EXPECT_EQ(e.diagnostic().severity, Severity::Error);
}

TEST(CoreDiag, DidYouMeanFindsTheClosestName) {
  std::vector<std::string> styles = {"corps", "titre-2", "legende", "intertitre"};
  EXPECT_EQ(did_you_mean("titre2", styles), " (did you mean 'titre-2'?)");
  EXPECT_EQ(closest_match("legend", styles), "legende");
  EXPECT_EQ(closest_match("Corps", styles), "corps");  // case does not count
  EXPECT_EQ(closest_match("intertitr", styles), "intertitre");
}

TEST(CoreDiag, DidYouMeanStaysQuietWhenNothingIsClose) {
  std::vector<std::string> styles = {"corps", "titre-2"};
  EXPECT_EQ(did_you_mean("zzz", styles), "");
  EXPECT_EQ(did_you_mean("anything", {}), "");
  // Short words allow one edit only: "ab" is not "xy".
  EXPECT_EQ(closest_match("ab", {"xy"}), "");
  EXPECT_EQ(closest_match("ab", {"ax"}), "ax");
}

}  // namespace
}  // namespace plaquette
