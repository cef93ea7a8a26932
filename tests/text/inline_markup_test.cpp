#include "text/inline_markup.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace plaquette::text;

namespace {

// Parses and expects no error.
InlineText parse_ok(std::string_view source) {
  auto r = parse_inline_markup(source);
  for (const auto& e : r.errors) ADD_FAILURE() << "unexpected error at " << e.offset << ": " << e.message;
  return r.inline_text;
}

std::string covered(const InlineText& t, const InlineSpan& s) { return t.text.substr(s.start, s.end - s.start); }

}  // namespace

TEST(MarkupInline, PlainTextIsUnchanged) {
  auto t = parse_ok("Le terril de Loos-en-Gohelle, l’été.");
  EXPECT_EQ(t.text, "Le terril de Loos-en-Gohelle, l’été.");
  EXPECT_TRUE(t.spans.empty());
}

TEST(MarkupInline, AngleBracketsAndAmpersandAreLiteral) {
  auto t = parse_ok("a < b & c > d &amp; <b>pas gras</b>");
  EXPECT_EQ(t.text, "a < b & c > d &amp; <b>pas gras</b>");
  EXPECT_TRUE(t.spans.empty());
}

TEST(MarkupInline, Bold) {
  auto t = parse_ok("un **grand** terril");
  EXPECT_EQ(t.text, "un grand terril");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(t.spans[0].kind, SpanKind::Bold);
  EXPECT_EQ(covered(t, t.spans[0]), "grand");
}

TEST(MarkupInline, ItalicWithStarOrUnderscore) {
  for (std::string src : {"la *Gohelle* ici", "la _Gohelle_ ici"}) {
    auto t = parse_ok(src);
    EXPECT_EQ(t.text, "la Gohelle ici");
    ASSERT_EQ(t.spans.size(), 1u) << src;
    EXPECT_EQ(t.spans[0].kind, SpanKind::Italic);
    EXPECT_EQ(t.spans[0].start, 3u);
    EXPECT_EQ(t.spans[0].end, 10u);
  }
}

TEST(MarkupInline, SpanOffsetsAreBytesOfTheOutputWithMultiByteText) {
  auto t = parse_ok("été **œuvre** fin");
  EXPECT_EQ(t.text, "été œuvre fin");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(t.spans[0].start, std::string("été ").size());
  EXPECT_EQ(covered(t, t.spans[0]), "œuvre");
}

TEST(MarkupInline, Link) {
  auto t = parse_ok("voir [le site](https://example.org/a_b?x=1) ici");
  EXPECT_EQ(t.text, "voir le site ici");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(t.spans[0].kind, SpanKind::Link);
  EXPECT_EQ(t.spans[0].value, "https://example.org/a_b?x=1");
  EXPECT_EQ(covered(t, t.spans[0]), "le site");
}

TEST(MarkupInline, LinkUrlWithParentheses) {
  auto t = parse_ok("[Terril](https://fr.wikipedia.org/wiki/Terril_(mine)).");
  EXPECT_EQ(t.text, "Terril.");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(t.spans[0].value, "https://fr.wikipedia.org/wiki/Terril_(mine)");
}

TEST(MarkupInline, CharacterStyle) {
  auto t = parse_ok("le [11/19]{chiffre-cle} de Loos");
  EXPECT_EQ(t.text, "le 11/19 de Loos");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(t.spans[0].kind, SpanKind::CharStyle);
  EXPECT_EQ(t.spans[0].value, "chiffre-cle");
  EXPECT_EQ(covered(t, t.spans[0]), "11/19");
}

TEST(MarkupInline, Nesting) {
  auto t = parse_ok("**gras *et italique* encore** puis [**lien gras**](https://x.org)");
  EXPECT_EQ(t.text, "gras et italique encore puis lien gras");
  ASSERT_EQ(t.spans.size(), 4u);
  // Sorted by start, the outer span first.
  EXPECT_EQ(t.spans[0].kind, SpanKind::Bold);
  EXPECT_EQ(covered(t, t.spans[0]), "gras et italique encore");
  EXPECT_EQ(t.spans[1].kind, SpanKind::Italic);
  EXPECT_EQ(covered(t, t.spans[1]), "et italique");
  EXPECT_EQ(t.spans[2].kind, SpanKind::Link);
  EXPECT_EQ(covered(t, t.spans[2]), "lien gras");
  EXPECT_EQ(t.spans[3].kind, SpanKind::Bold);
  EXPECT_EQ(covered(t, t.spans[3]), "lien gras");
}

TEST(MarkupInline, BoldItalicTogether) {
  auto t = parse_ok("***fort***");
  EXPECT_EQ(t.text, "fort");
  ASSERT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.spans[0].end - t.spans[0].start, 4u);
  EXPECT_EQ(t.spans[1].end - t.spans[1].start, 4u);
}

TEST(MarkupInline, ItalicInsideStyleSpan) {
  auto t = parse_ok("[*Vue* du terril]{legende}");
  EXPECT_EQ(t.text, "Vue du terril");
  ASSERT_EQ(t.spans.size(), 2u);
  EXPECT_EQ(t.spans[0].kind, SpanKind::CharStyle);
  EXPECT_EQ(t.spans[1].kind, SpanKind::Italic);
  EXPECT_EQ(covered(t, t.spans[1]), "Vue");
}

TEST(MarkupInline, Escapes) {
  auto t = parse_ok("\\*pas italique\\* \\_ni ça\\_ \\[ni lien\\] \\\\ fin");
  EXPECT_EQ(t.text, "*pas italique* _ni ça_ [ni lien] \\ fin");
  EXPECT_TRUE(t.spans.empty());
}

TEST(MarkupInline, OtherBackslashesAreLiteral) {
  auto t = parse_ok("C:\\dossier\\n");
  EXPECT_EQ(t.text, "C:\\dossier\\n");
}

TEST(MarkupInline, ForcedLineBreakAndFoldedNewlines) {
  auto t = parse_ok("Première ligne\\\n  deuxième ligne\nmême ligne");
  EXPECT_EQ(t.text, "Première ligne\u2028deuxième ligne même ligne");
  // Windows line ends too, and no doubled space when one was typed before the newline.
  EXPECT_EQ(parse_ok("a\\\r\nb \nc\r\nd").text, "a\u2028b c d");
}

TEST(MarkupInline, TrailingNewlinesAndBreaksAreDropped) {
  EXPECT_EQ(parse_ok("fin du bloc\n").text, "fin du bloc");
  EXPECT_EQ(parse_ok("fin du bloc\\\n").text, "fin du bloc");
  EXPECT_EQ(parse_ok("barre \\\\\n").text, "barre \\");
}

TEST(MarkupInline, LoneStarsAreLiteral) {
  EXPECT_EQ(parse_ok("5 * 3 = 15").text, "5 * 3 = 15");
  EXPECT_EQ(parse_ok("5*3 = 15").text, "5*3 = 15");
  EXPECT_EQ(parse_ok("****").text, "****");
  EXPECT_EQ(parse_ok("a ** b").text, "a ** b");
}

TEST(MarkupInline, UnderscoresInsideWordsAreLiteral) {
  EXPECT_EQ(parse_ok("snake_case_name").text, "snake_case_name");
  EXPECT_EQ(parse_ok("https://example.org/a_b_c").text, "https://example.org/a_b_c");
  EXPECT_EQ(parse_ok("Nom : ______").text, "Nom : ______");
  EXPECT_EQ(parse_ok("l_été_").text, "l_été_");
  auto t = parse_ok("_mot_composé_");
  EXPECT_EQ(t.text, "mot_composé");
  ASSERT_EQ(t.spans.size(), 1u);
}

TEST(MarkupInline, StarsInsideWordsAreEmphasis) {
  auto t = parse_ok("un**mot**ici");
  EXPECT_EQ(t.text, "unmotici");
  ASSERT_EQ(t.spans.size(), 1u);
  EXPECT_EQ(covered(t, t.spans[0]), "mot");
}

TEST(MarkupErrors, UnclosedBold) {
  auto r = parse_inline_markup("un **grand terril");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, 3u);
  EXPECT_NE(r.errors[0].message.find("**"), std::string::npos);
  EXPECT_EQ(r.inline_text.text, "un **grand terril");  // the marker stays visible
  EXPECT_TRUE(r.inline_text.spans.empty());
}

TEST(MarkupErrors, UnclosedItalic) {
  auto r = parse_inline_markup("ab *cd");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, 3u);
  auto u = parse_inline_markup("ab _cd");
  ASSERT_EQ(u.errors.size(), 1u);
  EXPECT_EQ(u.errors[0].offset, 3u);
}

TEST(MarkupErrors, InnerUnclosedMarkerInsideClosedOne) {
  auto r = parse_inline_markup("**gras *pas fermé**");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, 7u);
  EXPECT_EQ(r.inline_text.text, "gras *pas fermé");
  ASSERT_EQ(r.inline_text.spans.size(), 1u);
  EXPECT_EQ(r.inline_text.spans[0].kind, SpanKind::Bold);
}

TEST(MarkupErrors, BracketWithoutTarget) {
  auto r = parse_inline_markup("voir [sic] et [lien](https://x.org)");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, 5u);
  EXPECT_EQ(r.inline_text.text, "voir [sic] et lien");
  ASSERT_EQ(r.inline_text.spans.size(), 1u);
  EXPECT_EQ(r.inline_text.spans[0].kind, SpanKind::Link);

  auto unclosed = parse_inline_markup("ab [cd");
  ASSERT_EQ(unclosed.errors.size(), 1u);
  EXPECT_EQ(unclosed.errors[0].offset, 3u);

  auto no_paren = parse_inline_markup("[x](https://x.org");
  ASSERT_EQ(no_paren.errors.size(), 1u);
  EXPECT_EQ(no_paren.errors[0].offset, 0u);
}

TEST(MarkupErrors, EmptyLinkUrlOrStyle) {
  auto r = parse_inline_markup("un [lien]() ici");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].offset, 9u);
  EXPECT_NE(r.errors[0].message.find("URL"), std::string::npos);
  EXPECT_EQ(r.inline_text.text, "un lien ici");
  EXPECT_TRUE(r.inline_text.spans.empty());

  auto s = parse_inline_markup("[mot]{  }");
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].offset, 5u);
  EXPECT_EQ(s.inline_text.text, "mot");
}

TEST(MarkupErrors, SeveralErrorsSortedByOffset) {
  auto r = parse_inline_markup("*a **b [c");
  ASSERT_EQ(r.errors.size(), 3u);
  EXPECT_EQ(r.errors[0].offset, 0u);
  EXPECT_EQ(r.errors[1].offset, 3u);
  EXPECT_EQ(r.errors[2].offset, 7u);
  EXPECT_EQ(r.inline_text.text, "*a **b [c");
}

TEST(MarkupErrors, StrayClosingBracketIsLiteral) {
  auto t = parse_ok("a ] b");
  EXPECT_EQ(t.text, "a ] b");
}

TEST(MarkupBlocks, SingleParagraph) {
  auto b = split_blocks("Une phrase\nsur deux lignes.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].kind, BlockKind::Paragraph);
  EXPECT_EQ(b[0].source, "Une phrase\nsur deux lignes.");
  EXPECT_EQ(b[0].source_offset, 0u);
}

TEST(MarkupBlocks, BlankLineSeparatesParagraphs) {
  auto b = split_blocks("Premier.\n\n  Second.\n");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].source, "Premier.");
  EXPECT_EQ(b[1].source, "Second.");
  EXPECT_EQ(b[1].source_offset, 12u);
}

TEST(MarkupBlocks, Bullets) {
  std::string src = "- un\n• deux\n- trois";
  auto b = split_blocks(src);
  ASSERT_EQ(b.size(), 3u);
  for (const auto& item : b) EXPECT_EQ(item.kind, BlockKind::Bullet);
  EXPECT_EQ(b[0].source, "un");
  EXPECT_EQ(b[1].source, "deux");
  EXPECT_EQ(b[2].source, "trois");
  for (const auto& item : b) EXPECT_EQ(src.substr(item.source_offset, item.source.size()), item.source);
}

TEST(MarkupBlocks, NumberedKeepTheirNumber) {
  auto b = split_blocks("1. un\n2) deux\n10. dix");
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].kind, BlockKind::Numbered);
  EXPECT_EQ(b[0].number, 1);
  EXPECT_EQ(b[1].number, 2);
  EXPECT_EQ(b[1].source, "deux");
  EXPECT_EQ(b[2].number, 10);
}

TEST(MarkupBlocks, YearsStartingALineAreNotItems) {
  auto b = split_blocks("2012. Le bassin minier entre au patrimoine mondial.");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].kind, BlockKind::Paragraph);
  auto dash = split_blocks("-5 °C la nuit");
  ASSERT_EQ(dash.size(), 1u);
  EXPECT_EQ(dash[0].kind, BlockKind::Paragraph);
}

TEST(MarkupBlocks, ContinuationLines) {
  std::string src = "- un item\n  sur deux lignes\n- un autre\nqui continue\n- fin";
  auto b = split_blocks(src);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b[0].source, "un item\n  sur deux lignes");
  EXPECT_EQ(b[1].source, "un autre\nqui continue");
  EXPECT_EQ(b[2].source, "fin");
  // The source is folded into one line by the inline parser.
  EXPECT_EQ(parse_inline_markup(b[0].source).inline_text.text, "un item sur deux lignes");
}

TEST(MarkupBlocks, ParagraphFollowedByList) {
  std::string src = "Le site comprend :\n- deux terrils ;\n- une **base** de loisirs.\n\nAprès la liste.";
  auto b = split_blocks(src);
  ASSERT_EQ(b.size(), 4u);
  EXPECT_EQ(b[0].kind, BlockKind::Paragraph);
  EXPECT_EQ(b[0].source, "Le site comprend :");
  EXPECT_EQ(b[1].kind, BlockKind::Bullet);
  EXPECT_EQ(b[2].kind, BlockKind::Bullet);
  EXPECT_EQ(b[2].source, "une **base** de loisirs.");
  EXPECT_EQ(b[3].kind, BlockKind::Paragraph);
  EXPECT_EQ(b[3].source, "Après la liste.");
}

TEST(MarkupBlocks, BlankLineEndsAList) {
  auto b = split_blocks("- un\n\nplus dans la liste");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].kind, BlockKind::Paragraph);
}

TEST(MarkupBlocks, ErrorOffsetsMapBackToTheWholeSource) {
  std::string src = "Intro.\n- un *item";
  auto b = split_blocks(src);
  ASSERT_EQ(b.size(), 2u);
  auto r = parse_inline_markup(b[1].source);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(src[b[1].source_offset + r.errors[0].offset], '*');
}

TEST(MarkupBlocks, EmptyInput) {
  EXPECT_TRUE(split_blocks("").empty());
  EXPECT_TRUE(split_blocks("\n  \n").empty());
}
