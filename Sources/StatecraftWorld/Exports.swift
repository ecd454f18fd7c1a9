// A world is seen as a `Digraph` (`World.through(_:)`): the graph core is part of this
// layer's public face.
@_exported import StatecraftGraph
