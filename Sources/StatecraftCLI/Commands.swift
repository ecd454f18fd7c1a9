import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

/// Refuses a sample count below 1 or above ``StatecraftCommand/maxSamples``, saying what would do.
func validateSamples(_ samples: Int?) throws {
  guard let samples else { return }
  guard samples >= 1 else { throw ValidationError("--samples must be at least 1, got \(samples).") }
  guard samples <= StatecraftCommand.maxSamples else {
    throw ValidationError("--samples \(samples) cannot finish: at most \(StatecraftCommand.maxSamples) (1,000 to 10,000 give intervals to two or three digits).")
  }
}

/// The `statecraft` command line.
public struct StatecraftCommand: ParsableCommand {
  /// The command's name, help, version and subcommands.
  public static let configuration = CommandConfiguration(
    commandName: "statecraft",
    abstract: "Model geopolitical relationships as a graph: who matters, how A reaches B, what if.",
    discussion: "Reads world files (.yaml, see Graphs/README.md) or CSV edge lists.",
    version: versionLine,
    subcommands: [
      Validate.self, Info.self, Rank.self, Path.self, Communities.self, Balance.self,
      Brokerage.self, Influence.self, ScenarioRun.self, Report.self, Serve.self, Leverage.self, Robustness.self, Timeline.self, Sweep.self, Render.self, LayoutChild.self, LayoutWorkerChild.self, Convert.self, Import.self, Export.self,
    ]
  )

  /// The root command, as ArgumentParser creates it.
  public init() {}

  /// The most Monte Carlo samples a command accepts: a million PageRanks of a 100-actor world
  /// take minutes; more could not finish in a working day on a large world.
  static let maxSamples = 1_000_000

  /// The release, as `--version` prints it and the briefing's methods appendix names it.
  public static let version = "0.10.0"
  /// `Statecraft 0.10.0`.
  public static let versionLine = "Statecraft \(version)"
}

extension StatecraftCommand {
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check world files; print every problem as file:line:column: message.")

    @Argument(help: "World files in any format other commands read: .yaml, .csv, .graphml, .gexf, .json, .dot.")
    var files: [String]
    @Flag(help: "Read CSV edge lists as undirected.") var undirected = false

    func run() throws {
      var failed = false
      for file in files {
        do {
          var notes = ConversionNotes()
          let world = try WorldIO.load(file, undirected: undirected, notes: &notes)
          reportNotes(notes, for: file)
          print(Reports.validSummary(world, file: file))
        } catch let error as GraphFileError {
          failed = true
          FileHandle.standardError.write(Data((error.description + "\n").utf8))
        }
      }
      if failed { throw ExitCode.failure }
    }
  }

  struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Summarize a world: actors, relations, types, sources, components.")
    @OptionGroup var graph: GraphOptions
    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func run() throws {
      if format == .csv { throw ValidationError("--format for info is table or json.") }
      let world = try graph.load()
      print(try Reports.info(world, lens: try graph.lens(for: world), format: format))
    }
  }

  struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rank actors by a centrality measure.",
      discussion: """
        Measures follow NetworkX: pagerank = nx.pagerank (weighted by strength); betweenness, \
        closeness, harmonic = nx.betweenness_centrality / closeness_centrality / \
        harmonic_centrality with length 1/strength (see --length); degree = nx.degree_centrality; \
        strength = weighted degree; eigenvector = nx.eigenvector_centrality; katz = \
        nx.katz_centrality (default alpha: half of 1/λmax); hubs, authorities = nx.hits. \
        Ties keep file order.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "The measure: \(Measure.allCases.map(\.rawValue).joined(separator: ", ")).")
    var measure: Measure = .pagerank
    @Option(parsing: .unconditional, help: "PageRank damping factor (NetworkX: alpha).") var damping = 0.85
    @Option(parsing: .unconditional, help: "Katz attenuation (NetworkX: alpha); must be below 1/λmax. Default: half of 1/λmax.")
    var alpha: Double?
    @Option(parsing: .unconditional, help: "Katz baseline (NetworkX: beta).") var beta = 1.0
    @Option(parsing: .unconditional, help: "Per-node tolerance of pagerank, eigenvector, katz, hubs and authorities (NetworkX: tol). Default: NetworkX's, 1e-6 (HITS: 1e-10).")
    var tolerance: Double?
    @Option(parsing: .unconditional, help: "Iteration limit of pagerank, eigenvector, katz, hubs and authorities (NetworkX: max_iter). Default: NetworkX's, 100 (katz 1000, HITS 10000).")
    var maxIterations: Int?
    @Option(help: "Path length for betweenness, closeness, harmonic: reciprocal (1/strength), hops or raw.")
    var length: Lens.PathLength = .reciprocal
    @Flag(help: "Raw counts instead of NetworkX's normalized betweenness and degree.")
    var raw = false
    @Flag(help: "Count path endpoints in betweenness (NetworkX: endpoints=True).") var endpoints = false
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show only the top N actors.") var top: Int?
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(parsing: .unconditional, help: "Monte Carlo over weight ranges (weight: 0.4..0.7): this many seeded samples; reports median, 90% interval and rank frequencies.")
    var samples: Int?
    @Option(help: "Seed for --samples and --sources; the same seed gives the same output whatever the core count.") var seed: UInt64 = 0
    @Option(parsing: .unconditional, help: "Betweenness only: estimate from this many sampled sources (Brandes–Pich), for worlds where exact betweenness is out of reach; adds each estimate's standard error.")
    var sources: Int?
    @Option(parsing: .unconditional, help: "Stop after this many seconds with an error that says what to try (exact betweenness on 20,000 actors takes minutes).")
    var timeLimit: Double?

    func validate() throws {
      try validateSamples(samples)
      try TimeLimit.validate(timeLimit)
      if let sources {
        guard sources >= 1 else { throw ValidationError("--sources must be at least 1, got \(sources).") }
        guard measure == .betweenness else { throw ValidationError("--sources samples betweenness; --measure is \(measure.rawValue).") }
        guard samples == nil else { throw ValidationError("choose --sources (sampled betweenness) or --samples (weight ranges), not both.") }
      }
      guard (0 ... 1).contains(damping) else {
        throw ValidationError("--damping must be between 0 and 1, got \(damping).")
      }
      if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
      if let alpha, !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number, got \(alpha).") }
      if let tolerance, !(tolerance > 0 && tolerance.isFinite) {
        throw ValidationError("--tolerance must be a positive number, got \(tolerance).")
      }
      if let maxIterations, maxIterations < 1 {
        throw ValidationError("--max-iterations must be at least 1, got \(maxIterations).")
      }
      if (tolerance != nil || maxIterations != nil) && !measure.isIterative {
        throw ValidationError("--tolerance and --max-iterations apply to pagerank, eigenvector, katz, hubs and authorities; \(measure.rawValue) is computed exactly.")
      }
    }

    func run() throws {
      TimeLimit.start(
        seconds: timeLimit, what: "\(measure.rawValue)",
        hint: measure == .betweenness ? "estimate it from sampled sources instead (--sources 500)" : "raise --time-limit, or look at fewer actors (--types, --date)")
      var settings = Measure.Settings()
      settings.damping = damping
      settings.length = length
      settings.normalized = !raw
      settings.endpoints = endpoints
      settings.katzAlpha = alpha
      settings.katzBeta = beta
      settings.tolerance = tolerance
      settings.maxIterations = maxIterations
      if let sources {
        let world = try graph.load()
        let g = try world.through(try graph.lens(for: world))
        let estimate = try ProgressBar.reporting("sources", quiet: graph.quiet) {
          try g.approximateBetweenness(samples: sources, seed: seed, length: length, normalized: !raw, endpoints: endpoints)
        }
        print(try SampledBetweenness(estimate, in: world, sources: min(sources, world.actors.count), seed: seed, top: top).rendered(format))
        return
      }
      if let samples {
        let world = try graph.load()
        let lens = try graph.lens(for: world)
        let bar = ProgressBar(total: samples, label: "sampling", quiet: graph.quiet)
        let result = try world.uncertainty(samples: samples, seed: seed, progress: bar.update) { [measure, settings] w in
          try w.scores(measure, lens: lens, settings: settings)
        }
        bar.finish()
        print(try UncertaintyReport(what: measure.rawValue, uncertainty: result, top: top).rendered(format))
        return
      }
      let world = try graph.load()
      let lens = try graph.lens(for: world)
      let report = try ProgressBar.reporting("sources", quiet: graph.quiet) {
        try Reports.rank(world, lens: lens, measure: measure, settings: settings, top: top, format: format.rawValue)
      }
      print(report)
    }
  }

  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find how one actor reaches another, explained relation by relation.",
      discussion: """
        shortest = least total length (1/strength per tie by default; nx.dijkstra_path); \
        widest = strongest weakest tie; strongest = largest product of strengths. With -k, \
        the k best loopless paths (Yen; nx.shortest_simple_paths).
        """)

    @OptionGroup var graph: GraphOptions
    @Argument(help: "The actor paths start from.") var from: String
    @Argument(help: "The actor paths lead to; without it, the best value to every actor FROM reaches (nx.single_source_dijkstra_path_length for shortest), best first.")
    var to: String?
    @Option(parsing: .unconditional, help: "Without TO: show only the N best.") var top: Int?
    @Option(help: "shortest, widest or strongest.") var kind: PathKind = .shortest
    @Option(name: .short, parsing: .unconditional, help: "How many loopless paths, best first.") var k = 1
    @Option(help: ArgumentHelp("Actors no path may pass through.", discussion: idListHelp))
    var avoid: [String] = []
    @Option(help: "Tie length for shortest paths: reciprocal (1/strength), hops or raw.")
    var length: Lens.PathLength = .reciprocal
    @Flag(help: "Walk relations in either direction (who is connected to whom, not who acts on whom).")
    var anyDirection = false
    @Flag(help: "List every shortest path (nx.all_shortest_paths) instead of the k best.")
    var all = false
    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func validate() throws {
      guard k >= 1 else { throw ValidationError("-k must be at least 1, got \(k).") }
      if format == .csv && to != nil { throw ValidationError("--format for paths is table or json (csv lists the values to every actor, without TO).") }
      if to == nil && (k != 1 || all || !avoid.isEmpty) {
        throw ValidationError("without TO, path lists the best value to every actor; -k, --all and --avoid need TO.")
      }
      if all && (kind != .shortest || k != 1 || anyDirection || !avoid.isEmpty) {
        throw ValidationError("--all lists shortest paths along the relations; drop --kind, -k, --any-direction and --avoid.")
      }
    }

    func run() throws {
      let world = try graph.load()
      var lens = try graph.lens(for: world)
      lens.pathLength = length
      let avoided = try parseList(avoid, option: "--avoid").map(Actor.ID.init(rawValue:))
      guard let to else {
        print(try Reports.pathValues(
          world, from: Actor.ID(from), kind: kind, lens: lens, direction: anyDirection ? .either : .along, top: top,
          format: format.rawValue))
        return
      }
      print(try Reports.paths(
        world, from: Actor.ID(from), to: Actor.ID(to), count: k, kind: kind, lens: lens,
        avoiding: avoided, direction: anyDirection ? .either : .along, allShortest: all, format: format.rawValue))
    }
  }

  struct Communities: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find communities with Louvain and report their modularity.",
      discussion: "Louvain on the lens's strengths, directed ties made undirected; modularity as nx.community.modularity.")

    @OptionGroup var graph: GraphOptions
    @Option(parsing: .unconditional, help: "Resolution (γ); above 1 favours smaller communities.") var resolution = 1.0
    @Option(help: "Seed for the node order; the same seed gives the same partition.") var seed: UInt64 = 0
    @Option(help: "Output format: table, json (actor → community) or csv.") var format: OutputStyle = .table

    func validate() throws {
      guard Digraph.resolutionRange.contains(resolution) else {
        throw ValidationError("--resolution must be positive and at most 1e6 (0.1–10 is usual), got \(ReportText.tableNumber(resolution)).")
      }
    }

    func run() throws {
      let world = try graph.load()
      print(try Reports.communities(world, lens: try graph.lens(for: world), resolution: resolution, seed: seed, format: format.rawValue))
    }
  }

  struct Balance: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Structural balance: triangle indices, frustration index, the two camps and what breaks them.")

    @OptionGroup var graph: GraphOptions
    @Option(parsing: .unconditional, help: "Search camp assignments exactly (branch and bound) up to this many actors; above, or when that search runs out of time, the frustration index is proven with an integer program (GLPK).") var exactLimit = 30
    @Option(parsing: .unconditional, help: "Stop proving the frustration index after this many seconds (default 60) and report the best split found, within how much of optimal.")
    var timeLimit: Double?
    @Flag(help: "Do not prove the frustration index: report the local search's split and a triangle lower bound at once.")
    var heuristic = false

    static let defaultTimeLimit = 60.0

    func validate() throws {
      if graph.sign != .absolute {
        throw ValidationError(
          "balance reads both signs at once: a triangle is balanced or not by the signs of its three ties, so --sign \(graph.sign.rawValue) would leave nothing to balance. Drop --sign; use --types or --date to choose which relations count.")
      }
    }

    @Option(help: "Output format: table or json.") var format: OutputStyle = .table

    func run() throws {
      if format == .csv { throw ValidationError("--format for balance is table or json.") }
      try TimeLimit.validate(timeLimit)
      let world = try graph.load()
      let lens = try graph.lens(for: world)
      let report = try ProgressBar.reporting("frustration search, millionths of splits settled", quiet: graph.quiet) {
        try Reports.balance(
          world, lens: lens, exactLimit: exactLimit,
          timeLimit: .milliseconds(Int64((timeLimit ?? Self.defaultTimeLimit) * 1000)), prove: !heuristic, format: format.rawValue)
      }
      print(report)
    }
  }

  struct Brokerage: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Gould–Fernandez brokerage roles of each actor, with groups from an attribute.")

    @OptionGroup var graph: GraphOptions
    @Option(help: "The actor attribute that defines groups (e.g. bloc).") var by: String
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table

    func run() throws {
      let world = try graph.load()
      guard world.actors.contains(where: { $0.attributes[by] != nil }) else {
        throw ValidationError("no actor has the attribute \"\(by)\".")
      }
      print(try Reports.brokerage(world, lens: try graph.lens(for: world), by: by, format: format.rawValue))
    }
  }

  struct Influence: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Pairwise influence: who sways an actor (--over), whom an actor sways (--of).",
      discussion: """
        fj: Friedkin–Johnsen total influence V = (I − ΛW)⁻¹(I − Λ); an arc j → i means i heeds j; \
        susceptibility λ from the actor attribute `susceptibility` (default 0.5). walk: walk sums \
        Σ αᵏ Aᵏ (Katz, pairwise). Each answer is one sparse solve (time linear in relations per \
        sweep, memory linear in actors), so any world size works.
        """)

    @OptionGroup var graph: GraphOptions
    @Option(help: "Show who sways this actor or group (A+B, or attr=value such as bloc=west: the members' mean).")
    var over: String?
    @Option(help: "Show whom this actor or group sways (A+B or attr=value: the members together).") var of: String?
    @Option(name: .shortAndLong, parsing: .unconditional, help: "Show only the top N actors.") var top: Int?
    @Option(help: "fj (Friedkin–Johnsen on cooperative ties), signed (hostile ties repel: Altafini) or walk (walk sums along every tie).") var model: InfluenceModel = .fj
    @Option(parsing: .unconditional, help: "Walk attenuation (default: half of 1/λmax).") var alpha: Double?
    @Option(help: "Output format: table, json or csv.") var format: OutputStyle = .table
    @Option(parsing: .unconditional, help: "Monte Carlo over weight ranges: this many seeded samples (median, 90% interval, rank frequencies).")
    var samples: Int?
    @Option(help: "Seed for --samples.") var seed: UInt64 = 0

    func validate() throws {
      try validateSamples(samples)
      if over != nil && of != nil && samples != nil { throw ValidationError("--samples takes --over or --of, not both.") }
      if let top, top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
      if let alpha, !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number, got \(alpha).") }
    }

    func run() throws {
      if let samples {
        let world = try graph.load()
        let lens = try graph.lens(for: world)
        let query: InfluenceQuery = over.map { .over(Actor.ID($0)) } ?? of.map { .of(Actor.ID($0)) } ?? .total
        let bar = ProgressBar(total: samples, label: "sampling", quiet: graph.quiet)
        let result = try world.uncertainty(samples: samples, seed: seed, progress: bar.update) { [model, alpha] w in
          try w.influence(query, model: model, lens: lens, alpha: alpha)
        }
        bar.finish()
        print(try UncertaintyReport(what: "influence (\(model.rawValue))", uncertainty: result).rendered(format))
        return
      }
      let world = try graph.load()
      if let over, let of {
        // One number: how much the source (or group) sways the target (or group).
        let pair = InfluencePair(source: Actor.ID(of), target: Actor.ID(over))
        print(try world.influenceShare(pair, model: model, lens: try graph.lens(for: world), alpha: alpha).rendered(format))
        return
      }
      print(try Reports.influence(
        world, lens: try graph.lens(for: world), over: over.map { Actor.ID($0) }, of: of.map { Actor.ID($0) },
        model: model, alpha: alpha, top: top, format: format.rawValue))
    }
  }

  struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Convert a world between YAML, CSV, GraphML, GEXF, node-link JSON and DOT.",
      discussion: """
        Formats come from the extensions (.yaml .csv .graphml .gexf .json .dot) or --from/--to. \
        GraphML and JSON are NetworkX's (nx.read_graphml, nx.node_link_graph); GEXF 1.3 is \
        Gephi's, with dated relations as spells; DOT is read by Graphviz's own parser. CSV \
        output writes OUT and a node table beside it (world.csv and world.nodes.csv). Whatever the target cannot hold is listed on stderr.
        """)

    @Argument(help: "The input file.") var input: String
    @Argument(help: "The output file.") var output: String
    @Option(help: "Input format (yaml, csv, graphml, gexf, json, dot).") var from: WorldIO.Format?
    @Option(help: "Output format (yaml, csv, graphml, gexf, json, dot).") var to: WorldIO.Format?
    @Flag(help: "Read a CSV edge list as undirected.") var undirected = false
    @Option(help: "For a CSV input: a node table.") var nodes: String?
    @Flag(help: "No progress bar on stderr.") var quiet = false

    func validate() throws {
      if from == nil && WorldIO.Format(path: input) == nil {
        throw ValidationError("cannot tell the format of \"\(input)\" from its extension; pass --from.")
      }
      if to == nil && WorldIO.Format(path: output) == nil {
        throw ValidationError("cannot tell the format of \"\(output)\" from its extension; pass --to.")
      }
    }

    func run() throws {
      var readNotes = ConversionNotes()
      let world = try ProgressBar.reporting("reading", quiet: quiet) {
        try WorldIO.load(input, format: from, undirected: undirected, nodes: nodes, notes: &readNotes)
      }
      reportNotes(readNotes, for: input)
      var writeNotes = ConversionNotes()
      let written = try ProgressBar.reporting("writing", quiet: quiet) {
        try WorldIO.save(world, to: output, format: to, notes: &writeNotes)
      }
      reportNotes(writeNotes, for: output)
      StandardOutput.status("wrote \(written.joined(separator: " and ")) (\(world.actors.count) actors, \(world.relations.count) relations)", writing: written)
    }
  }

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
