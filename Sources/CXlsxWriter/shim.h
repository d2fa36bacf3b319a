#ifndef CXLSXWRITER_SHIM_H
#define CXLSXWRITER_SHIM_H

// Umbrella for the system libxlsxwriter (Debian: libxlsxwriter-dev).
#include <xlsxwriter.h>

#endif
