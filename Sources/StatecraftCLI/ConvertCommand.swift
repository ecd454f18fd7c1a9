import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension StatecraftCommand {
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
}
