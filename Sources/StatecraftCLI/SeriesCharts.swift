import ArgumentParser
import Foundation
import Statecraft
import StatecraftRender

extension TimeStep: ExpressibleByArgument {}

/// Refuses a `--chart` path that does not end in `.svg`: charts are drawn as SVG, and a file
/// named `.png` holding SVG text would be a lie.
func validateChartPath(_ path: String?) throws {
  guard let path, path != "-" else { return }
  guard (path as NSString).pathExtension.lowercased() == "svg" else {
    throw ValidationError("--chart \"\(path)\": charts are written as SVG; end the file name in .svg (a browser or `rsvg-convert` turns it into PNG or PDF).")
  }
}

/// Writes a series chart as SVG (atomically) and says so on stderr.
func writeChart(_ set: SeriesSet, series: [Series]? = nil, title: String, lens: String? = nil, to path: String) throws {
  try AtomicFileStream.write(SeriesChart.svg(set, series: series, title: title, lens: lens), to: path)
  FileHandle.standardError.write(Data("wrote \(path)\n".utf8))
}

/// How `timeline --chart` draws: line charts of the top movers, or geographic small multiples.
enum ChartLayout: String, CaseIterable, ExpressibleByArgument {
  case lines, geo
}
