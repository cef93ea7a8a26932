#include "finish/document_language.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <filesystem>
#include <stdexcept>

namespace plaquette::finish {

void set_document_language(const std::string& path, const std::string& language) {
  const std::string rewritten = path + ".lang";
  try {
    {
      QPDF pdf;
      pdf.processFile(path.c_str());
      pdf.getRoot().replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(language));
      QPDFWriter writer(pdf, rewritten.c_str());
      writer.setDeterministicID(true);  // reproducible bytes, and the /ID that print workflows expect
      writer.write();
    }
    std::filesystem::rename(rewritten, path);
  } catch (const std::exception& e) {
    std::error_code ignored;
    std::filesystem::remove(rewritten, ignored);
    throw std::runtime_error(std::string("cannot finish the PDF: ") + e.what());
  }
}

}  // namespace plaquette::finish
