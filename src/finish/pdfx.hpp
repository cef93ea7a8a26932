// PDF/X-4 identification: the output intent (the CMYK profile of the print condition, embedded),
// GTS_PDFXVersion and Trapped in the Info dictionary and in XMP metadata, PDF 1.6. The content
// itself must already be print-ready (exact CMYK, CMYK images, no annotations): the rest of the
// finish stage and the print render see to it.
#pragma once
#include <string>

class QPDF;

namespace plaquette::finish {

struct PdfxInfo {
  std::string profile_path;      // CMYK output profile (ICC) to embed
  std::string condition = "FOGRA39";  // OutputConditionIdentifier
  std::string condition_text = "Offset commercial printing, coated paper (ISO 12647-2:2004/Amd1, FOGRA39)";
  std::string title;
  std::string date;              // ISO 8601 (YYYY-MM-DD or full); the document's edition date
};

// "2026-11-25" (or a full ISO 8601 timestamp) → "D:20261125000000Z", a PDF date.
std::string pdf_date_of(const std::string& date);

// Adds the output intent, Info and XMP entries, and blends transparency in CMYK.
void make_pdfx4(QPDF& pdf, const PdfxInfo& info);

}  // namespace plaquette::finish
