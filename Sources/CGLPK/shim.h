// GLPK, the GNU Linear Programming Kit (Debian: libglpk-dev), for the exact frustration index.
#include <glpk.h>
