import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

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
}
