import Statecraft

extension WorldIO {
  /// Registers what the format registry needs from this module: the DOT reader (libcgraph's
  /// parser), the interchange DOT writer and the map style for GEXF. Call it once at start-up
  /// (the `statecraft` CLI does); calling it again is harmless.
  public static func registerRenderFormats() {
    register { plugins in
      plugins.readDOT = { text, file, notes in
        if let problem = DOTReader.preflight(text) { throw GraphFileError.invalid(file: file, problems: [problem]) }
        do {
          return try DOTReader.read(text, notes: &notes)
        } catch let RenderError.syntax(message) {
          // Graphviz names the line in its words ("syntax error in line 3 near ';'").
          throw GraphFileError.invalid(file: file, problems: [.init(line: DOTReader.lineNumber(in: message) ?? 0, column: 1, message: "DOT: \(message)")])
        }
      }
      plugins.writeDOT = { world in
        var options = MapOptions()
        options.interchange = true
        options.edgeLabels = true
        return try DOTWriter().write(world, options: options)
      }
      plugins.gexfStyle = { world in gexfStyle(world) }
    }
  }

  /// Node colours by `bloc` (the map's group palette), sizes by PageRank, edge colours by
  /// sign, as on the maps.
  static func gexfStyle(_ world: World) -> GEXFStyle {
    let style = MapStyle.default
    var groups: [String] = []
    let nodeColors = world.actors.map { a -> String in
      guard let bloc = a.attributes["bloc"] else { return "#9E9E9E" }
      if !groups.contains(bloc) { groups.append(bloc) }
      return style.groupBorders[groups.firstIndex(of: bloc)! % style.groupBorders.count]
    }
    let rank = (try? world.through().pageRank()) ?? Array(repeating: 0, count: world.actors.count)
    let top = rank.max() ?? 0
    let sizes = rank.map { top > 0 ? 10 + 40 * $0 / top : 10 }
    return GEXFStyle(nodeColors: nodeColors, nodeSizes: sizes, edgeColors: world.relations.map { style.color(for: $0, in: world) })
  }
}
