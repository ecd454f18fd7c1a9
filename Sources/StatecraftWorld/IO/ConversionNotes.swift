/// What a conversion had to drop or guess, for the user (written to stderr by `convert`).
public struct ConversionNotes: Sendable {
  /// The distinct notes in the order first recorded, without counts (see ``lines``).
  public private(set) var messages: [String] = []
  private var counts: [String: Int] = [:]

  /// No notes yet.
  public init() {}

  /// Records a note once per distinct message, counting repeats.
  public mutating func add(_ message: String) {
    if let n = counts[message] {
      counts[message] = n + 1
    } else {
      counts[message] = 1
      messages.append(message)
    }
  }

  /// The notes, each with its count when it happened more than once.
  public var lines: [String] {
    messages.map { m in counts[m]! > 1 ? "\(m) (\(counts[m]!) times)" : m }
  }
}
