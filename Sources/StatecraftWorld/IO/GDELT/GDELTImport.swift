import Foundation

/// Builds a world from GDELT 2.0 event export files (tab-separated, 61 columns), streaming
/// them line by line so memory grows with the number of dyads, not of events.
///
/// ## Columns used (0-based, GDELT 2.0 Event Codebook)
/// GLOBALEVENTID 0, SQLDATE 1 (event day, YYYYMMDD), Actor1Code 5, Actor1CountryCode 7,
/// Actor2Code 15, Actor2CountryCode 17, EventCode 26 (kept as text: "0251" is not 251),
/// EventRootCode 28, QuadClass 29, GoldsteinScale 30, NumMentions 31, AvgTone 34,
/// DATEADDED 59, SOURCEURL 60.
///
/// ## The aggregation
/// Events are grouped by directed dyad (Actor1 → Actor2, at country or full-actor level),
/// time window (month, week, year or all) and CAMEO root category (01 … 20). For a group
/// with events e:
///
///     score  = Σₑ Goldsteinₑ · ln(1 + NumMentionsₑ) · 0.5^(ageₑ / halfLife)
///     volume = Σₑ              ln(1 + NumMentionsₑ) · 0.5^(ageₑ / halfLife)
///
/// where ageₑ is the number of days from the event to the reference date (the `to` date,
/// or the latest event) and the decay factor is 1 without a half-life. The relation's sign
/// is the sign of `score` and its weight |score|; a group whose Goldstein scores cancel
/// exactly becomes a neutral relation weighted by `volume`. Each relation keeps its event
/// count, score, first and last event days, and up to three GLOBALEVENTIDs and SOURCEURLs in
/// its note; its type is `cameo-NN` (polarity from the category: 01 neutral, 02–08
/// cooperative, 09–20 hostile; 01–05 and 09–13 verbal).
public struct GDELTImport: Sendable {
  /// What the actors of the world are: countries or full CAMEO actor codes.
  public typealias Level = EventImport.Level
  /// The time window events are grouped by.
  public typealias Window = EventImport.Window
  /// What the import read, kept and rejected.
  public typealias Report = EventImport.Report

  /// Keep only events on or after the first day of this date (`nil`: no lower bound).
  public var from: PartialDate?
  /// Keep only events on or before the last day of this date (`nil`: no upper bound); also the
  /// reference date for the half-life decay.
  public var to: PartialDate?
  /// Keep only events whose two actors both pass (country codes or code prefixes).
  public var actors: Set<String>?
  /// Whether actors are countries (the default) or full actor codes.
  public var level: Level = .country
  /// The time window relations are aggregated over (a month by default).
  public var window: Window = .month
  /// Half-life in days of the weight decay by event age (see the type's notes); `nil`: no decay.
  public var halfLifeDays: Double?

  /// An import at country level by month, without date or actor filters and without decay.
  public init() {}

  /// The same import as ``EventImport`` with the `gdelt` profile, counting malformed rows
  /// instead of stopping at the first.
  public var eventImport: EventImport {
    var importer = EventImport(profile: .gdelt)
    importer.from = from
    importer.to = to
    importer.actors = actors
    importer.level = level
    importer.window = window
    importer.halfLifeDays = halfLifeDays
    importer.skipBadRows = true
    return importer
  }

  /// Imports event files into a world.
  ///
  /// - Throws: ``GraphFileError/unreadable(file:reason:)`` for missing or damaged files.
  ///   Malformed rows never throw: they are counted in the report with their line numbers.
  public func run(files: [String], name: String) throws -> (World, Report) {
    try eventImport.run(files: files, name: name)
  }

  static func name(of code: String, gdeltNames: [String: Int]?) -> String {
    let country = CAMEO.countries[String(code.prefix(3))]
    var rest = code.count > 3 ? String(code.dropFirst(3)) : ""
    if country == nil { rest = code }
    var roles: [String] = []
    while rest.count >= 3 {
      let chunk = String(rest.prefix(3))
      guard let role = CAMEO.roles[chunk] else { break }
      roles.append(role)
      rest = String(rest.dropFirst(3))
    }
    if let country, rest.isEmpty { return ([country] + roles).joined(separator: " ") }
    if country == nil && rest.isEmpty && !roles.isEmpty { return roles.joined(separator: " ") }
    // Codes the table does not cover: GDELT's own most frequent name for the code.
    if let best = gdeltNames?.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key })?.key, !best.isEmpty {
      return best.capitalized
    }
    return code
  }

  static func kind(of code: String, level: Level) -> Actor.Kind {
    let prefix = String(code.prefix(3))
    if level == .country { return CAMEO.regions.contains(prefix) || CAMEO.countries[prefix] == nil ? .other : .state }
    let suffix = code.count >= 6 ? String(code.suffix(3)) : ""
    switch suffix {
    case "GOV", "LEG", "JUD", "COP", "SPY", "MIL": return .organization
    case "REB", "INS", "SEP", "UAF", "IMG", "RAD": return .armedGroup
    case "BUS", "MNC": return .company
    default: return CAMEO.countries[prefix] != nil && code.count == 3 && !CAMEO.regions.contains(prefix) ? .state : .other
    }
  }
}
