import Foundation

/// Loads a world from a file, choosing the format by extension: `.yaml`/`.yml` (Statecraft's
/// world format) or `.csv` (an edge list).
public enum WorldFile {
  /// File formats a world can be read from.
  public enum Format: String, CaseIterable, Sendable {
    case yaml, csv

    /// The format for a path's extension, or `nil` if unknown.
    public init?(path: String) {
      switch (path as NSString).pathExtension.lowercased() {
      case "yaml", "yml": self = .yaml
      case "csv": self = .csv
      default: return nil
      }
    }
  }

  /// Reads and validates a world file.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - undirected: For CSV edge lists: treat every edge as mutual.
  /// - Throws: ``GraphFileError`` naming the file, line and column of every problem.
  public static func load(_ path: String, format: Format? = nil, undirected: Bool = false) throws -> World {
    guard let format = format ?? Format(path: path) else {
      throw GraphFileError.unreadable(
        file: path, reason: "unknown file type; give a .yaml world file or a .csv edge list")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      let reason =
        FileManager.default.fileExists(atPath: path)
        ? "cannot be read; check its permissions" : "no such file; check the path"
      throw GraphFileError.unreadable(file: path, reason: reason)
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw GraphFileError.unreadable(file: path, reason: "is not UTF-8 text; save it as UTF-8")
    }
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    switch format {
    case .yaml: return try WorldYAML.parse(text, file: path, defaultName: stem)
    case .csv: return try EdgeListCSV.parse(text, file: path, name: stem, undirected: undirected)
    }
  }
}
