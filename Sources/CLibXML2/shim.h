#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian builds libxml2 with ICU; its headers would pull the system's ICU into Swift, where it
   clashes with Foundation's own copy. Nothing here needs ICU (only opaque pointers to the
   encoding handler), so hide it before the other headers read the flag. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

/* Parser options as plain ints (the enum imports as a struct in Swift). */
static inline int cxml_reader_options(void) {
  /* No network, no DTD loading or entity substitution, huge documents allowed (no 10 MB cap),
     compact text nodes. */
  return XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_COMPACT | XML_PARSE_NOWARNING;
}

/* A structured error handler that records nothing: errors are read with xmlGetLastError(),
   and libxml2 must not print to the user's terminal. */
static void cxml_silent(void *ctx, xmlErrorPtr error) { (void)ctx; (void)error; }
static inline void cxml_silence(xmlTextReaderPtr reader) {
  xmlTextReaderSetStructuredErrorHandler(reader, cxml_silent, NULL);
}
#endif
