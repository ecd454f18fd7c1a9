#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* Agdirected & co. are extern globals, which Swift 6 rejects as shared mutable state. */
static inline Agdesc_t cgv_directed(void) { return Agdirected; }
static inline Agdesc_t cgv_undirected(void) { return Agundirected; }

/* agtail/aghead are function-like macros: they do not import into Swift. */
static inline Agnode_t *cgv_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *cgv_head(Agedge_t *e) { return aghead(e); }
/* AGSEQ is a macro over a bitfield: the creation order of a node or edge. */
static inline unsigned long cgv_seq(void *obj) { return (unsigned long)AGSEQ(obj); }
#endif
