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

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A Graphviz context with only the core renderers (SVG, DOT, JSON…) and the dot and neato
   layouts, and no text-layout plugin: Graphviz then sizes text from its built-in Helvetica,
   Times and Courier widths instead of asking Pango and fontconfig (a third of a small map's
   layout). The plugins are loaded from `dir` (where libgvc keeps them; the caller finds it)
   without reading Graphviz's configuration. NULL when a plugin is missing (the caller then
   measures text as usual). No _GNU_SOURCE here: it changes glibc's struct definitions, and
   another module's view of them would no longer match this one's. */
static inline GVC_t *cgv_context_estimating_text(const char *dir) {
#ifdef __APPLE__
    static const char *names[3][2] = {
        {"libgvplugin_core.6.dylib", "gvplugin_core_LTX_library"},
        {"libgvplugin_dot_layout.6.dylib", "gvplugin_dot_layout_LTX_library"},
        {"libgvplugin_neato_layout.6.dylib", "gvplugin_neato_layout_LTX_library"},
    };
#else
    static const char *names[3][2] = {
        {"libgvplugin_core.so.6", "gvplugin_core_LTX_library"},
        {"libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"},
        {"libgvplugin_neato_layout.so.6", "gvplugin_neato_layout_LTX_library"},
    };
#endif
    static lt_symlist_t builtins[4];
    for (int i = 0; i < 3; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, names[i][0]);
        void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        void *symbol = library ? dlsym(library, names[i][1]) : NULL;
        if (!symbol) return NULL;
        builtins[i].name = names[i][1];
        builtins[i].address = symbol;
    }
    builtins[3].name = NULL;
    builtins[3].address = NULL;
    return gvContextPlugins(builtins, 0);
}
#endif
