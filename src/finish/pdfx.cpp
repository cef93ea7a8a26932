#include "finish/pdfx.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

namespace plaquette::finish {

namespace {

// Info and XMP must say the same: the Info dictionary is rewritten with these.
constexpr const char* kCreator = "plaquette 0.1.0";
constexpr const char* kProducer = "plaquette 0.1.0 (own PDF writer, HarfBuzz, qpdf 11)";

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the output profile '" + path + "'");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// "2026-11-25" → "2026-11-25T00:00:00Z"; a full timestamp is kept.
std::string iso_date(const std::string& date) {
  if (date.size() == 10) return date + "T00:00:00Z";
  return date.empty() ? "2000-01-01T00:00:00Z" : date;
}

// "2026-11-25T00:00:00Z" → "D:20261125000000Z" (PDF date of the Info dictionary).
std::string pdf_date(const std::string& iso) {
  std::string digits;
  for (char c : iso.substr(0, 19))
    if (c >= '0' && c <= '9') digits += c;
  return "D:" + digits + "Z";
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

std::string xmp(const PdfxInfo& info, const std::string& date) {
  return fmt::format(R"(<?xpacket begin="{}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:title>
   <xmp:CreateDate>{}</xmp:CreateDate>
   <xmp:ModifyDate>{}</xmp:ModifyDate>
   <xmp:MetadataDate>{}</xmp:MetadataDate>
   <xmp:CreatorTool>{}</xmp:CreatorTool>
   <pdf:Producer>{}</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
   <xmpMM:DocumentID>uuid:plaquette-{}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:plaquette-{}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>)",
                     "\xEF\xBB\xBF", xml_escape(info.title), date, date, date, kCreator, kProducer, std::hash<std::string>{}(info.title + date),
                     std::hash<std::string>{}(info.title + date + "i"));
}

void blend_in_cmyk(QPDFObjectHandle group) {
  if (group.isDictionary() && group.getKey("/CS").isName())
    group.replaceKey("/CS", QPDFObjectHandle::newName("/DeviceCMYK"));
}

}  // namespace

std::string pdf_date_of(const std::string& date) { return pdf_date(iso_date(date)); }

void make_pdfx4(QPDF& pdf, const PdfxInfo& info) {
  const std::string date = iso_date(info.date);
  QPDFObjectHandle profile = pdf.newStream(read_all(info.profile_path));
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
  QPDFObjectHandle intent = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
  intent.replaceKey("/Type", QPDFObjectHandle::newName("/OutputIntent"));
  intent.replaceKey("/S", QPDFObjectHandle::newName("/GTS_PDFX"));
  intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString(info.condition));
  intent.replaceKey("/OutputCondition", QPDFObjectHandle::newString(info.condition_text));
  intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  intent.replaceKey("/Info", QPDFObjectHandle::newString(info.condition));
  intent.replaceKey("/DestOutputProfile", profile);
  QPDFObjectHandle root = pdf.getRoot();
  root.replaceKey("/OutputIntents", QPDFObjectHandle::newArray({intent}));

  QPDFObjectHandle metadata = pdf.newStream(xmp(info, date));
  metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
  metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
  root.replaceKey("/Metadata", metadata);

  QPDFObjectHandle trailer = pdf.getTrailer();
  QPDFObjectHandle docinfo = trailer.getKey("/Info");
  if (!docinfo.isDictionary()) {
    docinfo = pdf.makeIndirectObject(QPDFObjectHandle::newDictionary());
    trailer.replaceKey("/Info", docinfo);
  }
  docinfo.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-4"));
  docinfo.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
  docinfo.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(date)));
  docinfo.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(date)));
  if (!info.title.empty()) docinfo.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(info.title));
  docinfo.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(kCreator));
  docinfo.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(kProducer));

  for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
    blend_in_cmyk(page.getObjectHandle().getKey("/Group"));
    page.forEachFormXObject(true, [&](QPDFObjectHandle& xobject, QPDFObjectHandle&, std::string const&) {
      blend_in_cmyk(xobject.getDict().getKey("/Group"));
    });
  }
}

}  // namespace plaquette::finish
