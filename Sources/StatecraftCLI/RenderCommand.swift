import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a relationship map with Graphviz (in-process) to SVG, PNG, PDF or DOT.")

    enum Engine: String, ExpressibleByArgument, CaseIterable {
      case auto, dot, neato, fdp, sfdp, circo, twopi
    }

    @OptionGroup var graph: GraphOptions
    @Option(name: .shortAndLong, help: "Output file (default: Output/<world>.<format>).")
    var output: String?
    @Option(help: "Layout engine; auto picks dot for small sparse maps and sfdp beyond.")
    var engine: Engine = .auto
    @Option(help: "Output format: svg, png, pdf or dot (default: from the output file's extension, else svg).")
    var format: String?
    @Option(help: "Size nodes by a measure (\(Measure.allCases.map(\.rawValue).joined(separator: ", ")), or none).")
    var sizeBy: String = "pagerank"
    @Option(help: "Box actors into clusters by this attribute (e.g. bloc, region).")
    var clusterBy: String?
    @Flag(inversion: .prefixedNo, help: "Print relation types on edges (default: when at most 60 relations).")
    var edgeLabels: Bool?
    @Option(help: "Highlight the shortest path between two actors, e.g. USA,BSG.")
    var highlightPath: String?
    @Flag(help: "Colour actors by Louvain community.") var colorCommunities = false
    @Flag(help: "Colour actors by structural-balance camp (the frustration-minimizing split).")
    var colorCamps = false
    @Flag(help: "Emphasize the ties of unbalanced triangles.") var markUnbalanced = false
    @Option(help: "Which sources the map lists under its title: none, cited (those the drawn relations cite) or all.")
    var sources: SourceListing = .cited
    @Option(parsing: .unconditional, help: "Stop a layout that runs longer than this many seconds (layouts run in a child process, so a crash or a runaway layout is an error, not a dead CLI).")
    var layoutTimeout = IsolatedLayout.defaultDeadline
    @Option(help: "graph (a layout of the relations) or geo (actors at their coordinates on a world outline, Equal Earth projection; SVG only).")
    var layout: MapLayout = .graph
    @Option(help: "For --layout geo: the longitudes and latitudes to show, lon1,lat1,lon2,lat2 (default: fitted to the actors).")
    var extent: String?
    @Option(parsing: .unconditional, help: "Draw only the N most important actors by the size measure (PageRank when --size-by none), with the ties among them. Worlds of more than \(Self.defaultCapAbove) actors are capped at \(Self.defaultCap) unless --top is given; the caption says what was left out. Geographic maps draw every actor and at most 800 of the strongest ties.")
    var top: Int?

    static let defaultCapAbove = 2_000
    static let defaultCap = 500

    func validate() throws {
      if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
      guard layoutTimeout > 0, layoutTimeout <= 31_536_000 else {
        throw ValidationError("--layout-timeout must be a positive number of seconds up to a year (31536000), got \(layoutTimeout).")
      }
      if let format, OutputFormat(rawValue: format.lowercased()) == nil {
        throw ValidationError("--format must be one of svg, png, pdf, dot; got \"\(format)\".")
      }
      if sizeBy != "none" && Measure(rawValue: sizeBy) == nil {
        throw ValidationError("--size-by must be none or one of \(Measure.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(sizeBy)\".")
      }
      if colorCommunities && colorCamps { throw ValidationError("choose --color-communities or --color-camps, not both.") }
      if highlightPath != nil && markUnbalanced { throw ValidationError("choose --highlight-path or --mark-unbalanced, not both.") }
      if let highlightPath, try parseList([highlightPath], option: "--highlight-path").count != 2 {
        throw ValidationError("--highlight-path takes two actor ids, FROM,TO (quote an id that holds a comma); got \"\(highlightPath)\".")
      }
      if layout == .geo {
        let chosen = format ?? output.map { ($0 as NSString).pathExtension } ?? "svg"
        guard chosen.lowercased() == "svg" || output == "-" else {
          throw ValidationError("--layout geo draws SVG (the outline is SVG paths); end the output in .svg.")
        }
        _ = try parsedExtent()
      } else if extent != nil {
        throw ValidationError("--extent is for --layout geo.")
      }
      // Standard output (`-o -`, `/dev/stdout`) without --format is SVG, as the README says.
      if let output, format == nil, !StandardOutput.isStandardOutput(output),
        OutputFormat(fileExtension: (output as NSString).pathExtension) == nil
      {
        throw ValidationError("cannot tell the format from \"\(output)\"; end it in .svg, .png, .pdf or .dot, or pass --format.")
      }
    }

    func run() throws {
      var world = try graph.load()
      let chosen = format.flatMap { OutputFormat(rawValue: $0.lowercased()) }
        ?? output.flatMap { OutputFormat(fileExtension: ($0 as NSString).pathExtension) } ?? .svg
      let path = output ?? "Output/\(world.fileStem).\(chosen.rawValue)"
      let shown = try MapComposition.capped(
        world, lens: try graph.lens(for: world), measure: Measure(rawValue: sizeBy), cap: top,
        // Geographic maps pin every actor at its point (no layout to grow), so they draw
        // every actor and thin the ties instead (GeoMap.tieLimit).
        defaultCap: world.actors.count > Self.defaultCapAbove && layout == .graph ? Self.defaultCap : nil)
      world = shown.world
      let (note, sizeScores, shownRelations) = (shown.note, shown.sizeScores, shown.relationCount)
      if let attribute = clusterBy, !world.actors.contains(where: { $0.attributes[attribute] != nil }) {
        throw ValidationError("no actor has the attribute \"\(attribute)\"; attributes in this world: \(attributeNames(world)).")
      }
      let lens = try graph.lens(for: world)
      if layout == .geo {
        try renderGeo(world, lens: lens, path: path, note: note, sizeScores: sizeScores)
        return
      }
      let result = try ProgressBar.reporting("layout, seconds of \(Int(layoutTimeout))", quiet: graph.quiet) {
        try MapRendering.render(
          world, lens: lens, to: path, format: chosen,
          engine: engine == .auto ? nil : LayoutEngine(rawValue: engine.rawValue),
          sizeBy: Measure(rawValue: sizeBy), clusterBy: clusterBy, edgeLabels: edgeLabels,
          highlight: try highlightPath.map { p in
            let ends = try parseList([p], option: "--highlight-path").map(Actor.ID.init(rawValue:))
            return (ends[0], ends[1])
          },
          colorByCommunities: colorCommunities, colorByCamps: colorCamps, markUnbalanced: markUnbalanced, note: note, sizeScores: sizeScores,
          sources: sources, isolatedDeadline: layoutTimeout)
      }
      let message = ("wrote \(result.path) (\(result.format.rawValue), engine \(result.engine.rawValue), \(world.actors.count) actors, \(shownRelations) relations)")
      StandardOutput.status(message, writing: [path])
    }

    /// The `--extent` option as bounds, or `nil` to fit the actors.
    func parsedExtent() throws -> (lonMin: Double, latMin: Double, lonMax: Double, latMax: Double)? {
      guard let extent else { return nil }
      let v = extent.split(separator: ",").compactMap { Double(decimal: $0.trimmingSpaces) }
      guard v.count == 4, (-180 ... 180).contains(v[0]), (-180 ... 180).contains(v[2]), (-90 ... 90).contains(v[1]), (-90 ... 90).contains(v[3]),
        v[0] < v[2], v[1] < v[3]
      else {
        throw ValidationError("--extent \"\(extent)\" must be lon1,lat1,lon2,lat2 in degrees, west < east and south < north (for example 30,10,80,45).")
      }
      return (v[0], v[1], v[2], v[3])
    }

    /// A geographic map: the same composition as the graph map, drawn on geography.
    func renderGeo(_ world: World, lens: Lens, path: String, note: String?, sizeScores: NodeScores?) throws {
      let options = try MapComposition.options(
        world, lens: lens, sizeBy: Measure(rawValue: sizeBy), clusterBy: nil, edgeLabels: edgeLabels, engine: .neato,
        highlight: try highlightPath.map { p in
          let ends = try parseList([p], option: "--highlight-path").map(Actor.ID.init(rawValue:))
          return (ends[0], ends[1])
        },
        colorByCommunities: colorCommunities, colorByCamps: colorCamps, markUnbalanced: markUnbalanced, note: note,
        sizeScores: sizeScores, sources: sources)
      let map = GeoMap(options: options, extent: try parsedExtent())
      let timeout = layoutTimeout
      let svg = try ProgressBar.reporting("layout, seconds of \(Int(layoutTimeout))", quiet: graph.quiet) {
        try map.svg(world) { dot, engine in try IsolatedLayout.render(dot: dot, engine: engine, format: .svg, deadline: timeout) }
      }
      try AtomicFileStream.write(svg, to: path)
      let message = "wrote \(path) (svg, geographic, \(world.actors.count) actors)"
      StandardOutput.status(message, writing: [path])
    }

    func attributeNames(_ world: World) -> String {
      let names = world.actorAttributeNames
      return names.isEmpty ? "none" : names.joined(separator: ", ")
    }
  }
}
