// The layers below are part of the library's public face: `import Statecraft` sees `World`,
// `Lens`, `WorldIO`, `Digraph`, `PathLength` and the algorithms without another import.
@_exported import StatecraftGraph
@_exported import StatecraftWorld
