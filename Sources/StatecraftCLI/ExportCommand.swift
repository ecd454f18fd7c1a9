import ArgumentParser
import Foundation
import Statecraft

extension StatecraftCommand {
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a world for engines beyond one machine: Spark or Neo4j.",
      subcommands: [Spark.self, Neo4j.self])
  }
}

extension StatecraftCommand.Export {
  /// The world to export and the folder to write into.
  struct Target: ParsableArguments {
    @Argument(help: "The world file (any format other commands read).") var world: String
    @Argument(help: "The folder to write into (created if missing; files in it with the same names are replaced).")
    var folder: String
    @Flag(help: "Read a CSV edge list as undirected.") var undirected = false
    @Option(help: "For a CSV input: a node table.") var nodes: String?

    /// Loads the world, writes `files` into the folder (each atomically) and reports them.
    func write(_ files: (World) -> [GraphExport.File]) throws {
      var notes = ConversionNotes()
      let world = try WorldIO.load(self.world, undirected: undirected, nodes: nodes, notes: &notes)
      reportNotes(notes, for: self.world)
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw OutputFileError(path: folder, reason: "the folder cannot be created (\(error.localizedDescription))")
      }
      let paths = try files(world).map { file in
        let path = (folder as NSString).appendingPathComponent(file.name)
        try AtomicFileStream.write(file.text, to: path)
        return path
      }
      StandardOutput.status("wrote \(paths.joined(separator: ", ")) (\(world.actors.count) actors, \(world.relations.count) relations)", writing: paths)
    }
  }

  struct Spark: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write vertices.csv and edges.csv for Spark DataFrames (see Distributed/README.md).",
      discussion: """
        vertices.csv: id, name, kind, attributes. edges.csv: src, dst, weight, sign (+1/-1/0), type, \\
        since, until, mutual, source — one row per relation. Distributed/pagerank.py computes \\
        Statecraft's weighted PageRank on them (GraphX and GraphFrames PageRank ignore weights).
        """)
    @OptionGroup var target: Target
    func run() throws { try target.write(GraphExport.spark) }
  }

  struct Neo4j: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "neo4j",
      abstract: "Write neo4j-admin import CSVs and a Graph Data Science script (weighted PageRank, Louvain).",
      discussion: """
        nodes.csv (:ID, :LABEL), relationships.csv (:START_ID, :END_ID, :TYPE, weight:double), \\
        import.sh (neo4j-admin database import full) and analysis.cypher. Untested: no Neo4j \\
        server can be installed where Statecraft is built.
        """)
    @OptionGroup var target: Target
    func run() throws { try target.write(GraphExport.neo4j) }
  }
}
