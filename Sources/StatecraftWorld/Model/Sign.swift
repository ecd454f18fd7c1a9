/// The polarity of a relation: cooperative (+1), neutral (0) or hostile (−1).
///
/// Sign is meaning, not arithmetic: measures that need non-negative strengths see one
/// layer chosen by the ``Lens``; signed-aware measures use it directly.
public enum Sign: Int, CaseIterable, Hashable, Sendable, Comparable {
  case hostile = -1
  case neutral = 0
  case cooperative = 1

  /// Parses the spellings a world file accepts: `cooperative`/`positive`/`+`/`+1`,
  /// `hostile`/`negative`/`-`/`-1`, `neutral`/`0`.
  public init?(spelling: String) {
    switch spelling.lowercased() {
    case "cooperative", "positive", "+", "+1", "1": self = .cooperative
    case "hostile", "negative", "-", "-1": self = .hostile
    case "neutral", "0": self = .neutral
    default: return nil
    }
  }

  /// The word used in files and reports.
  public var word: String {
    switch self {
    case .hostile: "hostile"
    case .neutral: "neutral"
    case .cooperative: "cooperative"
    }
  }

  /// Orders by raw value: hostile < neutral < cooperative.
  public static func < (a: Sign, b: Sign) -> Bool { a.rawValue < b.rawValue }
}
