// zlib (Debian: zlib1g-dev), to read the zipped and gzipped event files GDELT and Phoenix publish.
#include <zlib.h>
