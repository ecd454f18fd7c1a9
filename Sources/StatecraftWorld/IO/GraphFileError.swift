/// A problem in a graph file, located by line and column so a user can fix it.
///
///     Graphs/pakistan-2025.yaml:41:13: relation target "CHN2" is not an actor; did you mean "CHN"?
public enum GraphFileError: Error, Equatable, Sendable {
  /// One located problem.
  public struct Problem: Equatable, Sendable, CustomStringConvertible {
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    /// What is wrong, as printed after `line:column:`.
    public var message: String

    /// A problem at a 1-based line and column (0 when unknown).
    public init(line: Int, column: Int, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
  }

  /// The file could not be read at all.
  case unreadable(file: String, reason: String)
  /// The file was read and has these problems (every one found, in file order).
  case invalid(file: String, problems: [Problem])

  /// The problems, each as `file:line:column: message`.
  public var lines: [String] {
    switch self {
    case let .unreadable(file, reason): ["\(file): \(reason)"]
    case let .invalid(file, problems): problems.map { "\(file):\($0)" }
    }
  }
}

extension GraphFileError: CustomStringConvertible {
  public var description: String { lines.joined(separator: "\n") }
}

