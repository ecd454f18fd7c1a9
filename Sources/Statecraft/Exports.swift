// The graph core is part of the library's public face: `import Statecraft` sees `Digraph`,
// `PathLength` and the algorithms without a second import.
@_exported import StatecraftGraph
