#ifndef CGRAPHVIZ_SHIM_H
#define CGRAPHVIZ_SHIM_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr */
#endif
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
   layout). The plugins are loaded from where libgvc looks for them (GVBINDIR, else the
   "graphviz" folder beside libgvc), as gvContext would, without reading its configuration.
   NULL when a plugin is missing. */
static inline GVC_t *cgv_context_estimating_text(void) {
    static const char *names[3][2] = {
        {"libgvplugin_core.so.6", "gvplugin_core_LTX_library"},
        {"libgvplugin_dot_layout.so.6", "gvplugin_dot_layout_LTX_library"},
        {"libgvplugin_neato_layout.so.6", "gvplugin_neato_layout_LTX_library"},
    };
    static lt_symlist_t builtins[4];
    char dir[4096];
    const char *env = getenv("GVBINDIR");
    if (env && *env) {
        snprintf(dir, sizeof dir, "%s", env);
    } else {
        Dl_info info;
        if (!dladdr((void *)&gvContext, &info) || !info.dli_fname) return NULL;
        snprintf(dir, sizeof dir, "%s", info.dli_fname);
        char *slash = strrchr(dir, '/');
        if (!slash) return NULL;
        snprintf(slash, sizeof dir - (size_t)(slash - dir), "/graphviz");
    }
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
