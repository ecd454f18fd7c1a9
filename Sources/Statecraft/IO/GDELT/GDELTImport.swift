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
public struct GDELTImport {
  /// What the actors of the world are: countries or full CAMEO actor codes.
  public enum Level: String, CaseIterable, Sendable {
    /// Actors are countries (Actor1CountryCode / Actor2CountryCode).
    case country
    /// Actors are full CAMEO actor codes (Actor1Code / Actor2Code), e.g. PAKGOV.
    case actor
  }

  /// The time window events are grouped by: a calendar month, a week (from Monday), a calendar
  /// year, or one window for all events.
  public enum Window: String, CaseIterable, Sendable { case month, week, year, all }

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

  /// What the import read, kept and rejected.
  public struct Report: Sendable {
    /// Non-empty lines read, over all files.
    public var rows = 0
    /// Events that were well-formed and passed the filters, and so were aggregated.
    public var kept = 0
    /// Rows outside the dates or actor filter, or without both actors.
    public var filtered = 0
    /// Malformed rows: (file, line, what was wrong).
    public var malformed: [(file: String, line: Int, reason: String)] = []

    /// Throws unless the import is worth writing: an import that kept no event, or whose rows
    /// are mostly malformed (a world file given as an export: `import gdelt world.yaml -o
    /// world.yaml` replaced the world with an empty one), is an error, and nothing is written.
    public func requireUsable() throws {
      if rows > 0 && malformed.count * 2 > rows {
        let first = malformed[0]
        throw GraphFileError.invalid(file: first.file, problems: [.init(
          line: first.line, column: 1,
          message: "\(malformed.count) of \(rows) rows are malformed (this one: \(first.reason)); this is not a GDELT 2.0 export, so nothing was written")])
      }
      if kept == 0 {
        throw GraphFileError.unreadable(
          file: malformed.first?.file ?? "the input",
          reason: "no event was kept (\(rows) rows read, \(filtered) filtered, \(malformed.count) malformed), so nothing was written; widen --from/--to or --actors")
      }
    }
  }

  struct Group {
    var count = 0
    /// Σ Goldstein·ln(1+mentions) and Σ ln(1+mentions) per event day (decay is applied per
    /// day once the reference date is known).
    var byDay: [Int: (score: Double, volume: Double)] = [:]
    var first = Int.max
    var last = Int.min
    var eventIDs: [String] = []
    var urls: [String] = []
  }

  struct Key: Hashable {
    var from: String
    var to: String
    var window: String
    var root: Int
  }

  /// Imports event files into a world.
  ///
  /// - Throws: ``GraphFileError/unreadable(file:reason:)`` for missing files. Malformed
  ///   rows never throw: they are counted in the report with their line numbers.
  public func run(files: [String], name: String) throws -> (World, Report) {
    var report = Report()
    var groups: [Key: Group] = [:]
    var keyOrder: [Key] = []
    var names: [String: [String: Int]] = [:]  // code -> GDELT actor name -> count
    var places = EventPlaces()
    let fromKey = from?.firstDayKey ?? Int.min
    let toKey = to?.lastDayKey ?? Int.max
    var latest = Int.min

    for file in files {
      try forEachLine(of: file) { lineNumber, line in
        report.rows += 1
        let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        func bad(_ reason: String) { report.malformed.append((file, lineNumber, reason)) }
        guard fields.count == 61 else { return bad("has \(fields.count) tab-separated columns, not 61") }
        func text(_ i: Int) -> String { String(decoding: fields[i], as: UTF8.self) }
        // A real calendar day: 20251340 (month 13) and 20250230 are refused, not read as dates.
        guard let day = Int(text(1)), day >= 1_000_01_01, day <= 9_999_12_31,
          PartialDate(Self.isoDay(day)) != nil
        else { return bad("SQLDATE \"\(text(1))\" is not a calendar day written YYYYMMDD") }
        guard let goldstein = Double(text(30)), (-10 ... 10).contains(goldstein) else { return bad("GoldsteinScale \"\(text(30))\" is not a number in -10 … 10") }
        guard let mentions = Int(text(31)), mentions >= 0 else { return bad("NumMentions \"\(text(31))\" is not a count") }
        guard let root = Int(text(28)), (1 ... 20).contains(root) else { return bad("EventRootCode \"\(text(28))\" is not 01 … 20") }
        let a1 = text(level == .country ? 7 : 5)
        let a2 = text(level == .country ? 17 : 15)
        guard !a1.isEmpty, !a2.isEmpty, a1 != a2, day >= fromKey, day <= toKey else {
          report.filtered += 1
          return
        }
        if let actors, !(actors.contains { a1.hasPrefix($0) } && actors.contains { a2.hasPrefix($0) }) {
          report.filtered += 1
          return
        }
        report.kept += 1
        latest = max(latest, day)
        if level == .actor {
          names[a1, default: [:]][text(6), default: 0] += 1
          names[a2, default: [:]][text(16), default: 0] += 1
          places.count(a1, fields, latitude: 40, longitude: 41, name: 36)
          places.count(a2, fields, latitude: 48, longitude: 49, name: 44)
        }
        let key = Key(from: a1, to: a2, window: windowLabel(day), root: root)
        if groups[key] == nil { keyOrder.append(key) }
        var g = groups[key, default: Group()]
        g.count += 1
        g.first = min(g.first, day)
        g.last = max(g.last, day)
        let strength = log(1 + Double(mentions))
        let previous = g.byDay[day] ?? (0, 0)
        g.byDay[day] = (previous.score + goldstein * strength, previous.volume + strength)
        if g.eventIDs.count < 3 { g.eventIDs.append(text(0)) }
        let url = text(60)
        if g.urls.count < 3 && !url.isEmpty && !g.urls.contains(url) { g.urls.append(url) }
        groups[key] = g
      }
    }

    // Half-life decay relative to the reference date (the `to` date, or the latest event).
    let reference = Self.dayNumber(to.map { $0.lastDayKey } ?? latest)
    func decay(_ day: Int) -> Double {
      guard let h = halfLifeDays else { return 1 }
      return pow(0.5, Double(max(0, reference - Self.dayNumber(day))) / h)
    }

    var world = World(name: name, title: "GDELT events, \(level.rawValue) level", actors: [], relations: [])
    world.sources = [Source(
      id: "gdelt-2", title: "GDELT 2.0 Event Database export", publisher: "The GDELT Project",
      url: "http://data.gdeltproject.org/gdeltv2/")]
    var actorIDs: [String] = []
    var seenActors = ScalarKeySet([])  // membership by hash: a scan per dyad was quadratic in actors
    var relations = RelationStore()
    var usedRoots = Set<Int>()
    for key in keyOrder {
      let g = groups[key]!
      for code in [key.from, key.to] where seenActors.insert(code) { actorIDs.append(code) }
      var score = 0.0
      var volume = 0.0
      for day in g.byDay.keys.sorted() {
        let (s, v) = g.byDay[day]!
        score += s * decay(day)
        volume += v * decay(day)
      }
      let sign: Sign = score > 0 ? .cooperative : score < 0 ? .hostile : .neutral
      let weight = score != 0 ? abs(score) : volume
      guard weight > 0, weight.isFinite else { continue }  // every event had 0 mentions: no signal
      usedRoots.insert(key.root)
      let (since, until) = windowBounds(key.window, first: g.first, last: g.last)
      var note = "\(g.count) event\(g.count == 1 ? "" : "s"), Goldstein-weighted score \(String(format: "%.3f", score))"
      note += "; events \(Self.isoDay(g.first)) to \(Self.isoDay(g.last)); ids \(g.eventIDs.joined(separator: ", "))"
      if !g.urls.isEmpty { note += "; urls \(g.urls.joined(separator: " "))" }
      relations.append(Relation(
        from: Actor.ID(key.from), to: Actor.ID(key.to), type: String(format: "cameo-%02d", key.root),
        weight: weight, sign: sign, since: since, until: until, source: "gdelt-2", note: note))
    }
    world.actors = actorIDs.map { code in
      var attributes = CAMEO.countries[String(code.prefix(3))].map { ["country": $0] } ?? [:]
      // Where the events put the actor (its most frequent event location), else, for an
      // actor code under a country (PAKGOV), that country; a country-level actor is placed
      // by its code already.
      if level == .actor {
        if let place = places.mostFrequent(code) {
          attributes["lat"] = place.lat
          attributes["lon"] = place.lon
          if !place.name.isEmpty { attributes["place-name"] = place.name }
        } else if code.count > 3, let iso = GeoAttributes.isoCountry(String(code.prefix(3))) {
          attributes["place"] = iso
        }
      }
      return Actor(id: Actor.ID(code), name: Self.name(of: code, gdeltNames: names[code]), kind: Self.kind(of: code, level: level),
            attributes: attributes)
    }
    world.types = usedRoots.sorted().map { root in
      RelationType(
        id: String(format: "cameo-%02d", root),
        polarity: root == 1 ? .neutral : root <= 8 ? .cooperative : .hostile,
        mode: (1 ... 5).contains(root) || (9 ... 13).contains(root) ? .verbal : .material,
        description: "CAMEO \(String(format: "%02d", root)): \(CAMEO.rootCategories[root - 1])")
    }
    world.relations = relations
    if let from, let to { world.date = to; world.description = "Events from \(from) to \(to)" }
    return (world, report)
  }

  // MARK: - Helpers

  /// Days since 1970-01-01 of a YYYYMMDD key (proleptic Gregorian).
  static func dayNumber(_ key: Int) -> Int {
    var y = key / 10_000
    let m = (key / 100) % 100
    let d = key % 100
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func isoDay(_ key: Int) -> String { String(format: "%04d-%02d-%02d", key / 10_000, (key / 100) % 100, key % 100) }

  func windowLabel(_ day: Int) -> String {
    switch window {
    case .all: return "all"
    case .year: return String(day / 10_000)
    case .month: return String(format: "%04d-%02d", day / 10_000, (day / 100) % 100)
    case .week:
      // Weeks start on Monday; 1970-01-05 was a Monday.
      let n = Self.dayNumber(day)
      return String(n - ((n - 4) % 7 + 7) % 7)
    }
  }

  func windowBounds(_ label: String, first: Int, last: Int) -> (PartialDate?, PartialDate?) {
    switch window {
    case .all: return (PartialDate(Self.isoDay(first)), PartialDate(Self.isoDay(last)))
    case .year, .month: return (PartialDate(label), PartialDate(label))
    case .week:
      let start = Int(label)!
      return (PartialDate(Self.isoFromDayNumber(start)), PartialDate(Self.isoFromDayNumber(start + 6)))
    }
  }

  static func isoFromDayNumber(_ z0: Int) -> String {
    // Howard Hinnant's civil_from_days.
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", y, m, d)
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

  /// The longest line an export may have: GDELT rows are about 1 KB, so a longer one means
  /// the file is not an export (a file without newlines was read as one ever-growing line).
  static let maxLineBytes = 1 << 20

  /// Calls `body` with each line (1-based number, bytes without the newline), reading the
  /// file in 1 MiB chunks; each byte is looked at once.
  ///
  /// - Throws: ``GraphFileError`` for a file that cannot be read or a line over ``maxLineBytes``.
  func forEachLine(of file: String, _ body: (Int, ArraySlice<UInt8>) -> Void) throws {
    let input = try InputFile(file)
    let progress = Progress.current
    progress?.begin(input.size ?? 0)
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var carry: [UInt8] = []
    var lineNumber = 0
    func emit(_ line: ArraySlice<UInt8>) {
      lineNumber += 1
      var line = line
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      if !line.isEmpty { body(lineNumber, line) }
    }
    while true {
      let n = try input.read(into: &chunk)
      if n == 0 { break }
      progress?.advance(n)
      var start = 0
      while let newline = chunk[start ..< n].firstIndex(of: UInt8(ascii: "\n")) {
        if carry.isEmpty {
          emit(chunk[start ..< newline])
        } else {
          carry.append(contentsOf: chunk[start ..< newline])
          emit(carry[...])
          carry.removeAll(keepingCapacity: true)
        }
        start = newline + 1
      }
      carry.append(contentsOf: chunk[start ..< n])
      if carry.count > Self.maxLineBytes {
        throw GraphFileError.invalid(file: file, problems: [.init(
          line: lineNumber + 1, column: 1,
          message: "this line is over \(Self.maxLineBytes / 1_048_576) MiB without a line break; a GDELT export has one event of about 1 KB per line, so this is not an export")])
      }
    }
    if !carry.isEmpty { emit(carry[...]) }
  }
}

/// Where the events put each actor: the GDELT `ActorNGeo_Lat`/`_Long` of every event it is
/// in, counted per actor, and the most frequent one (first seen on a tie).
struct EventPlaces {
  /// Per actor code: each location's text key, its count and the order it was first seen.
  private var counts: [String: [String: (count: Int, order: Int, name: String)]] = [:]

  /// Counts the location in `fields[latitude]`, `fields[longitude]` for `code`, when both are
  /// decimal degrees in range (GDELT leaves them empty when the event has no geography).
  mutating func count(_ code: String, _ fields: [ArraySlice<UInt8>], latitude: Int, longitude: Int, name: Int) {
    let lat = String(decoding: fields[latitude], as: UTF8.self), lon = String(decoding: fields[longitude], as: UTF8.self)
    guard !lat.isEmpty, !lon.isEmpty,
      GeoAttributes.problem(attribute: "lat", value: lat) == nil, GeoAttributes.problem(attribute: "lon", value: lon) == nil
    else { return }
    let key = lat + "," + lon
    var places = counts[code, default: [:]]
    let old = places[key] ?? (0, places.count, String(decoding: fields[name], as: UTF8.self))
    places[key] = (old.count + 1, old.order, old.name)
    counts[code] = places
  }

  /// The most frequent location of `code`'s events, as attribute texts.
  func mostFrequent(_ code: String) -> (lat: String, lon: String, name: String)? {
    guard let best = counts[code]?.max(by: { ($0.value.count, -$0.value.order) < ($1.value.count, -$1.value.order) }) else { return nil }
    let parts = best.key.split(separator: ",", maxSplits: 1)
    return (String(parts[0]), String(parts[1]), best.value.name)
  }
}
