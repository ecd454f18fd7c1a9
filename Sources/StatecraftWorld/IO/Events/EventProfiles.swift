import Foundation

/// What a profile makes of one line of its files.
enum RowOutcome {
  /// An event.
  case event(EventRecord)
  /// A line that is no event row: the file's header.
  case skip
  /// The line is part of a record that continues on the next line (a quoted CSV field).
  case pending
}

/// Reads one source's rows: a header when the source has one, then events.
protocol EventRowParser {
  /// Reads one line (the first line of a file may be its header); a malformed row throws.
  mutating func parse(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(RowProblem) -> RowOutcome
  /// Whether parties need their names and places (actor level); without, parsers may skip them.
  var detail: Bool { get set }
}

extension EventImport.Profile {
  /// A fresh parser for one file of this profile.
  func makeParser(detail: Bool) -> any EventRowParser {
    var parser: any EventRowParser =
      switch self {
      case .gdelt, .gdeltMentions: GDELTRowParser()
      case .phoenix: PhoenixRowParser()
      case .polecat: POLECATRowParser()
      case .acled: ACLEDRowParser()
      }
    parser.detail = detail
    return parser
  }

  /// The relation type an event type id stands for (polarity, mode, description).
  func relationType(_ id: String) -> RelationType {
    if id.hasPrefix("cameo-"), let root = Int(id.dropFirst(6)), (1 ... 20).contains(root) {
      return RelationType(
        id: id, polarity: root == 1 ? .neutral : root <= 8 ? .cooperative : .hostile,
        mode: (1 ... 5).contains(root) || (9 ... 13).contains(root) ? .verbal : .material,
        description: "CAMEO \(String(format: "%02d", root)): \(CAMEO.rootCategories[root - 1])")
    }
    if let plover = PLOVER.types.first(where: { "plover-" + $0.name.lowercased() == id }) {
      return RelationType(
        id: id, polarity: plover.score > 0 ? .cooperative : plover.score < 0 ? .hostile : .neutral,
        mode: plover.material ? .material : .verbal, description: "PLOVER \(plover.name) (score \(plover.score))")
    }
    if let acled = ACLED.eventTypes.first(where: { ACLED.typeID($0.name) == id }) {
      return RelationType(
        id: id, polarity: acled.score > 0 ? .cooperative : acled.score < 0 ? .hostile : .neutral,
        mode: acled.material ? .material : .verbal, description: "ACLED \(acled.name)")
    }
    return RelationType(id: id, polarity: .neutral, mode: .verbal, description: id)
  }
}

/// The first line of a file says which source wrote it; used to say "this looks like an ACLED
/// export" when a file is given under the wrong profile.
enum EventSourceSniffer {
  /// The profile whose files start like `line`, if any.
  static func profile(ofFirstLine line: ArraySlice<UInt8>) -> EventImport.Profile? {
    let text = String(decoding: line.prefix(400), as: UTF8.self).lowercased()
    if text.hasPrefix("event_id_cnty") || text.contains(",event_date,") || text.contains("\"event_id_cnty\"") { return .acled }
    if text.contains("event id\t") || text.hasPrefix("event id") || text.contains("\tevent type\t") { return .polecat }
    let tabs = line.reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) }
    if tabs == 60 { return .gdelt }
    if tabs == 15 { return .gdeltMentions }
    if tabs == 25 { return .phoenix }
    return nil
  }

  /// A sentence for a first line that does not fit `profile`.
  static func hint(_ line: ArraySlice<UInt8>, for profile: EventImport.Profile) -> String {
    guard let other = Self.profile(ofFirstLine: line), other != profile else { return "" }
    if profile == .gdeltMentions && other == .gdelt { return "" }
    return "; it looks like \(other.displayName) data: use --profile \(other.rawValue)"
  }
}

// MARK: - GDELT 2.0

/// GDELT 2.0 event exports: 61 tab-separated columns, no header (GDELT 2.0 Event Codebook).
///
/// Columns (0-based): GLOBALEVENTID 0, SQLDATE 1, Actor1Code 5, Actor1Name 6, Actor1CountryCode 7,
/// Actor2Code 15, Actor2Name 16, Actor2CountryCode 17, EventCode 26, EventRootCode 28,
/// QuadClass 29, GoldsteinScale 30, NumMentions 31, Actor1Geo_FullName 36, Actor1Geo_Lat 40,
/// Actor1Geo_Long 41, Actor2Geo_FullName 44, Actor2Geo_Lat 48, Actor2Geo_Long 49, SOURCEURL 60.
struct GDELTRowParser: EventRowParser {
  private var fields = TabFields()
  var detail = true

  mutating func parse(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(RowProblem) -> RowOutcome {
    try fields.split(line, columns: 61, of: .gdelt, lineNumber: lineNumber)
    let day = try fields.day(1, named: "SQLDATE", in: line)
    let goldstein = try fields.goldstein(30, named: "GoldsteinScale", in: line)
    guard let mentions = fields[31].decimalInteger, mentions >= 0 else {
      throw RowProblem(column: fields.column(31, in: line), "NumMentions \"\(fields.text(31))\" is not a count")
    }
    let root = try fields.cameoRoot(28, in: line)
    var a = EventRecord.Party(actor: fields.text(5), country: fields.text(7))
    var b = EventRecord.Party(actor: fields.text(15), country: fields.text(17))
    if detail {
      (a.name, a.latitude, a.longitude, a.place) = (fields[6], fields[40], fields[41], fields[36])
      (b.name, b.latitude, b.longitude, b.place) = (fields[16], fields[48], fields[49], fields[44])
    }
    return .event(EventRecord(
      day: day, sources: [a], targets: [b], type: CAMEO.typeIDs[root - 1], score: goldstein,
      mentions: Double(mentions), id: fields[0], url: fields[60]))
  }
}

/// The checks GDELT and Phoenix rows share: a fixed column count, a YYYYMMDD day, a Goldstein
/// score and a CAMEO root code, each failing with its column.
extension TabFields {
  /// Splits `line` and requires `columns` fields; on a file's first line, a row shaped like
  /// another source's names that source (and stops the import: every row would fail).
  mutating func split(_ line: ArraySlice<UInt8>, columns: Int, of profile: EventImport.Profile, lineNumber: Int) throws(RowProblem) {
    split(line)
    guard count == columns else {
      let hint = lineNumber == 1 ? EventSourceSniffer.hint(line, for: profile) : ""
      throw RowProblem("has \(count) tab-separated columns, not the \(columns) of a \(profile.displayName) file" + hint, wrongFile: !hint.isEmpty)
    }
  }

  /// Field `i` as a YYYYMMDD calendar day.
  func day(_ i: Int, named name: String, in line: ArraySlice<UInt8>) throws(RowProblem) -> Int {
    guard let day = self[i].decimalInteger, EventCalendar.isDay(day) else {
      throw RowProblem(column: column(i, in: line), "\(name) \"\(text(i))\" is not a calendar day written YYYYMMDD")
    }
    return day
  }

  /// Field `i` as a Goldstein score, a decimal number in −10 … 10.
  func goldstein(_ i: Int, named name: String, in line: ArraySlice<UInt8>) throws(RowProblem) -> Double {
    guard let score = self[i].decimalNumber, (-10 ... 10).contains(score) else {
      throw RowProblem(column: column(i, in: line), "\(name) \"\(text(i))\" is not a number in -10 … 10")
    }
    return score
  }

  /// Field `i` as a CAMEO root code: two digits, 01 … 20.
  func cameoRoot(_ i: Int, in line: ArraySlice<UInt8>) throws(RowProblem) -> Int {
    guard self[i].count == 2, self[i].allSatisfy({ (0x30 ... 0x39).contains($0) }), let root = self[i].decimalInteger, (1 ... 20).contains(root) else {
      throw RowProblem(column: column(i, in: line), "EventRootCode \"\(text(i))\" is not 01 … 20")
    }
    return root
  }
}

extension CAMEO {
  /// The relation type id of each root category, `cameo-01` … `cameo-20`.
  static let typeIDs = (1 ... 20).map { String(format: "cameo-%02d", $0) }
}

// MARK: - Phoenix

/// Phoenix (Open Event Data Alliance) daily files: 26 tab-separated columns, no header.
///
/// Columns (0-based): EventID 0, Date 1 (YYYYMMDD), SourceActorFull 5, SourceActorEntity 6,
/// TargetActorFull 9, TargetActorEntity 10, EventCode 13, EventRootCode 14, PentaClass 15,
/// GoldsteinScore 16, Lat 18, Lon 19, LocationName 20, URLs 24 (comma-separated).
struct PhoenixRowParser: EventRowParser {
  private var fields = TabFields()
  var detail = true
  static let columns = 26

  mutating func parse(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(RowProblem) -> RowOutcome {
    try fields.split(line, columns: Self.columns, of: .phoenix, lineNumber: lineNumber)
    let day = try fields.day(1, named: "Date", in: line)
    let goldstein = try fields.goldstein(16, named: "GoldsteinScore", in: line)
    let root = try fields.cameoRoot(14, in: line)
    func party(_ full: Int, _ entity: Int) -> EventRecord.Party {
      let code = fields.text(full)
      // The country is the full code's first three letters when they are a CAMEO country.
      let prefix = String(code.prefix(3))
      let country = CAMEO.countries[prefix] != nil ? prefix : ""
      return EventRecord.Party(actor: code, country: country, latitude: fields[18], longitude: fields[19], place: fields[20])
    }
    let urls = fields[24]
    let firstURL = urls.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: true).first ?? []
    return .event(EventRecord(
      day: day, sources: [party(5, 6)], targets: [party(9, 10)], type: CAMEO.typeIDs[root - 1], score: goldstein,
      id: fields[0], url: ArraySlice(firstURL)))
  }
}

// MARK: - Calendar

/// Days as YYYYMMDD integers, and the day numbers windows are computed on.
package enum EventCalendar {
  /// YYYY-MM-DD as a YYYYMMDD key, when it is a calendar day.
  static func key(iso text: String) -> Int? {
    let parts = text.prefix(10).split(separator: "-")
    guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
    let key = y * 10_000 + m * 100 + d
    return isDay(key) ? key : nil
  }

  /// Whether `key` (YYYYMMDD) is a real calendar day: 20251340 and 20250230 are not.
  static func isDay(_ key: Int) -> Bool {
    guard key >= 1_000_01_01, key <= 9_999_12_31 else { return false }
    let m = (key / 100) % 100, d = key % 100
    guard (1 ... 12).contains(m), d >= 1 else { return false }
    return d <= daysIn(month: m, year: key / 10_000)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 of a YYYYMMDD key (proleptic Gregorian; Howard Hinnant's
  /// days_from_civil).
  package static func dayNumber(_ key: Int) -> Int {
    var y = key / 10_000
    let m = (key / 100) % 100
    let d = key % 100
    y -= m <= 2 ? 1 : 0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The YYYYMMDD key of a day number (Howard Hinnant's civil_from_days).
  package static func key(ofDayNumber z0: Int) -> Int {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return y * 10_000 + m * 100 + d
  }

  /// A YYYYMMDD key written as an ISO day, 2025-01-31.
  static func iso(_ key: Int) -> String {
    func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
    let year = String(key / 10_000)
    return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + two((key / 100) % 100) + "-" + two(key % 100)
  }
}

// MARK: - Header-named columns

/// Columns found by name in a header line, with a clear error when one is missing.
struct NamedColumns {
  private var index: [String: Int] = [:]
  /// The header's column count.
  private(set) var width = 0

  /// Reads a header: names are compared lower-cased, without surrounding spaces or a leading `#!`.
  init(_ names: [String]) {
    width = names.count
    for (i, raw) in names.enumerated() {
      var name = raw.trimmingCharacters(in: .whitespaces).lowercased()
      if i == 0 && name.hasPrefix("#!") { name = String(name.dropFirst(2)).trimmingCharacters(in: .whitespaces) }
      if index[name] == nil { index[name] = i }
    }
  }

  /// The first of `names` the header has, or `nil`.
  func optional(_ names: String...) -> Int? { names.lazy.compactMap { index[$0] }.first }

  /// The column called `name` (or one of its `aliases`), or an error naming what is missing.
  func required(_ name: String, _ aliases: String..., source: String, line: ArraySlice<UInt8>, profile: EventImport.Profile) throws(RowProblem) -> Int {
    if let i = index[name] ?? aliases.lazy.compactMap({ index[$0] }).first { return i }
    throw RowProblem(
      column: 1, "the header has no \"\(name)\" column, so this is not \(source) data\(EventSourceSniffer.hint(line, for: profile)); \(source) files start with a header line naming their columns",
      wrongFile: true)
  }
}

// MARK: - POLECAT

/// The PLOVER ontology POLECAT codes events in: 16 event types, each with its quad and its
/// score on −10 … +10.
///
/// Scores are the base row, and the per-mode rows, of the table "Numeric conflict/cooperation
/// scores" (`tab:ploverscores`) in the PLOVER manual (openeventdata/PLOVER, `PLOVER_MANUAL.tex`,
/// draft 2.0, 2024; CC BY-SA 4.0), a rescaled average of two expert-derived sets seeded from
/// CAMEO's Goldstein weights. One deviation: the manual prints ACCUSE's base score as 3 while
/// every ACCUSE mode is negative (−2 … −3.5); Statecraft uses −3, the modes' mean rounded.
public enum PLOVER {
  /// One event type: its name, whether it is material (else verbal), its base score and its
  /// modes' scores.
  public struct EventType: Sendable {
    /// The type's name, upper case (`ASSAULT`).
    public let name: String
    /// Material cooperation or conflict (else verbal), from its quad.
    public let material: Bool
    /// The base score, −10 … +10.
    public let score: Double
    /// Scores of the type's modes (lower case), where the manual gives them.
    public let modes: [String: Double]
  }

  /// The 16 PLOVER event types.
  public static let types: [EventType] = [
    .init(name: "AGREE", material: false, score: 2.5, modes: [:]),
    .init(name: "CONSULT", material: false, score: 2.5, modes: ["visit": 4, "third-party": 1, "multilateral": 4, "phone": 1.5]),
    .init(name: "SUPPORT", material: false, score: 5, modes: [:]),
    .init(name: "CONCEDE", material: false, score: 4.5, modes: [:]),
    .init(name: "COOPERATE", material: true, score: 9.5, modes: [:]),
    .init(name: "AID", material: true, score: 10, modes: [:]),
    .init(name: "RETREAT", material: true, score: 6.5, modes: ["withdraw": 8, "release": 6.5, "disarm": 10, "ceasefire": 7.5, "access": 6.5, "resign": 4.5]),
    .init(name: "REQUEST", material: false, score: 0, modes: ["assist": 0.5, "change": -1, "yield": -1, "meet": 0]),
    .init(name: "ACCUSE", material: false, score: -3, modes: ["disapprove": -2, "investigate": -3.5, "allege": -3.5]),
    .init(name: "REJECT", material: false, score: -2, modes: ["assist": -1.5, "change": -2, "yield": -2, "meet": -2]),
    .init(name: "THREATEN", material: false, score: -3.5, modes: ["restrict": -3, "arrest": -3.5, "relations": -3.5, "expel": -3.5, "territory": -4, "violence": -3.5]),
    .init(name: "PROTEST", material: true, score: -5, modes: ["demo": -5, "riot": -7, "strike": -5, "hunger": -4.5, "boycott": -4.5, "obstruct": -4.5]),
    .init(name: "SANCTION", material: true, score: -6, modes: ["convict": -6, "expel": -5.5, "withdraw": -6, "discontinue": -6]),
    .init(name: "MOBILIZE", material: true, score: -5.5, modes: ["troops": -6.5, "weapons": -6.5, "police": -5.5, "militia": -6]),
    .init(name: "COERCE", material: true, score: -7, modes: [
      "seize": -7, "restrict": -7, "censor": -6.5, "curfew": -6.5, "martial-law": -7.5, "arrest": -7, "deport": -7,
      "withhold": -7, "misinformation": -6.5, "cyber": -7,
    ]),
    .init(name: "ASSAULT", material: true, score: -9, modes: [
      "abduct": -8.5, "beat": -7.5, "torture": -8.5, "sexual": -8.5, "targeted": -9.5, "destroy": -8.5, "primitive": -8,
      "firearms": -9, "explosives": -9, "suicide-attack": -9.5, "aerial": -9.5, "drone": -9.5, "heavy-weapons": -9.5,
      "crowd-control": -7.5, "unconventional": -10,
    ]),
  ]

  /// The type called `name` (any case).
  static func type(named name: String) -> EventType? {
    let upper = name.uppercased()
    return types.first { $0.name == upper }
  }
}

/// POLECAT weekly files: tab-separated with a header line (40 columns; `Intensity` in some
/// files, `Event Intensity` in others; some carry extra columns). Missing values are `None`;
/// actor and recipient names, countries and sectors may list several values separated by `;`.
///
/// Columns used, by name: Event ID, Event Date (YYYY-MM-DD), Event Type, Event Mode,
/// Actor Name, Actor Country, Primary Actor Sector, Recipient Name, Recipient Country,
/// Primary Recipient Sector, Latitude, Longitude, Placename.
struct POLECATRowParser: EventRowParser {
  private var fields = TabFields()
  var detail = true
  private var columns: (id: Int, date: Int, type: Int, mode: Int?, actor: Int, actorCountry: Int, actorSector: Int?,
    recipient: Int, recipientCountry: Int, recipientSector: Int?, lat: Int?, lon: Int?, place: Int?)?

  mutating func parse(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(RowProblem) -> RowOutcome {
    fields.split(line)
    guard let c = columns else {
      let header = NamedColumns((0 ..< fields.count).map { fields.text($0) })
      func need(_ name: String, _ aliases: String...) throws(RowProblem) -> Int {
        if let i = aliases.isEmpty ? header.optional(name) : header.optional(name, aliases[0]) { return i }
        return try header.required(name, source: "POLECAT", line: line, profile: .polecat)
      }
      columns = (
        try need("event id"), try need("event date"), try need("event type"), header.optional("event mode"),
        try need("actor name"), try need("actor country"), header.optional("primary actor sector"),
        try need("recipient name"), try need("recipient country"), header.optional("primary recipient sector"),
        header.optional("latitude"), header.optional("longitude"), header.optional("placename"))
      return .skip
    }
    let last = [c.id, c.date, c.type, c.actor, c.actorCountry, c.recipient, c.recipientCountry].max()!
    guard fields.count > last else {
      throw RowProblem("has \(fields.count) tab-separated columns, fewer than the header names")
    }
    let dateText = fields.text(c.date)
    guard let day = EventCalendar.key(iso: dateText) else {
      throw RowProblem(column: fields.column(c.date, in: line), "Event Date \"\(dateText)\" is not a calendar day written YYYY-MM-DD")
    }
    let typeName = fields.text(c.type)
    guard let type = PLOVER.type(named: typeName) else {
      let suggestion = didYouMean(typeName.uppercased(), in: PLOVER.types.map(\.name))
      let hint = suggestion.isEmpty ? "; PLOVER has \(PLOVER.types.map(\.name).joined(separator: ", "))" : suggestion
      throw RowProblem(column: fields.column(c.type, in: line), "Event Type \"\(typeName)\" is not a PLOVER event type\(hint)")
    }
    let mode = c.mode.map { fields.text($0).lowercased() } ?? ""
    let score = type.modes[mode] ?? type.score
    func value(_ i: Int?) -> ArraySlice<UInt8> {
      guard let i, i < fields.count, !fields[i].elementsEqual("None".utf8) else { return [] }
      return fields[i]
    }
    func parties(_ names: Int, _ countries: Int, _ sector: Int?) -> [EventRecord.Party] {
      let nameList = Self.list(value(names))
      let countryList = Self.list(value(countries))
      let sectors = Self.list(value(sector))
      return nameList.enumerated().map { i, name in
        let country = countryList.count == nameList.count ? countryList[i] : countryList.first ?? ""
        return EventRecord.Party(
          actor: name, country: country, latitude: value(c.lat), longitude: value(c.lon), place: value(c.place),
          kind: Self.kind(sector: sectors.count == nameList.count ? sectors[i] : sectors.first ?? "", name: name, country: country))
      }
    }
    return .event(EventRecord(
      day: day, sources: parties(c.actor, c.actorCountry, c.actorSector),
      targets: parties(c.recipient, c.recipientCountry, c.recipientSector),
      type: "plover-" + type.name.lowercased(), score: score, id: fields[c.id]))
  }

  /// A `;`-separated list of values, trimmed, without empties and `None`.
  static func list(_ bytes: ArraySlice<UInt8>) -> [String] {
    bytes.split(separator: UInt8(ascii: ";")).map { String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty && $0 != "None" }
  }

  /// An actor's kind from its POLECAT sector (Government, Military, Rebel, Business, …).
  static func kind(sector: String, name: String, country: String) -> Actor.Kind {
    let s = sector.lowercased()
    if s.contains("rebel") || s.contains("insurgent") || s.contains("militia") || s.contains("terror") { return .armedGroup }
    if s.contains("business") || s.contains("corporat") { return .company }
    if s.contains("government") || s.contains("military") || s.contains("police") || s.contains("legislat") || s.contains("judic")
      || s.contains("ngo") || s.contains("igo") || s.contains("party") { return .organization }
    if name.lowercased() == country.lowercased() || GeoAttributes.isoCountry(name) != nil { return .state }
    return .other
  }
}

// MARK: - ACLED

/// ACLED's event types and how Statecraft scores them.
///
/// ACLED codes political violence and protest, not cooperation, so most scores are hostile.
/// Each sub-event type is scored on Goldstein's −10 … +10 by the CAMEO category closest to it
/// (Goldstein 1992 weights as GDELT uses them): armed clashes and remote violence are CAMEO 19–20
/// (−10), violence against civilians 18 (−9), peaceful protest 14 (−6.5), violent
/// demonstrations and protests met by force 145 (−7.5), excessive force against protesters
/// 175 (−9.5), arrests 173 (−5), agreements 057 (+8); sub-events without a CAMEO analogue
/// (a change of group, "Other") score 0 and become neutral relations.
public enum ACLED {
  /// One ACLED event type: its name, its sub-event types' scores, and whether it is material.
  public struct EventType: Sendable {
    /// The type's name as ACLED writes it (`Battles`).
    public let name: String
    /// The score of an event whose sub-event type is not listed.
    public let score: Double
    /// Scores of its sub-event types (lower case).
    public let subTypes: [String: Double]
    /// Material (else verbal).
    public let material: Bool
  }

  /// ACLED's six event types and 25 sub-event types (ACLED Codebook, 2023).
  public static let eventTypes: [EventType] = [
    .init(name: "Battles", score: -10, subTypes: [
      "armed clash": -10, "government regains territory": -10, "non-state actor overtakes territory": -10,
    ], material: true),
    .init(name: "Explosions/Remote violence", score: -10, subTypes: [
      "chemical weapon": -10, "air/drone strike": -10, "suicide bomb": -10, "shelling/artillery/missile attack": -10,
      "remote explosive/landmine/ied": -10, "grenade": -10,
    ], material: true),
    .init(name: "Violence against civilians", score: -9, subTypes: [
      "sexual violence": -9, "attack": -9, "abduction/forced disappearance": -9,
    ], material: true),
    .init(name: "Protests", score: -6.5, subTypes: [
      "peaceful protest": -6.5, "protest with intervention": -7.5, "excessive force against protesters": -9.5,
      "excessive force against protestors": -9.5,
    ], material: true),
    .init(name: "Riots", score: -7.5, subTypes: ["violent demonstration": -7.5, "mob violence": -7.5], material: true),
    .init(name: "Strategic developments", score: 0, subTypes: [
      "agreement": 8, "arrests": -5, "change to group/activity": 0, "disrupted weapons use": -7,
      "headquarters or base established": -7, "looting/property destruction": -7, "non-violent transfer of territory": 0,
      "other": 0,
    ], material: true),
  ]

  /// The relation type id of an event type: `acled-` and its name in lower case, words joined by `-`.
  static func typeID(_ name: String) -> String {
    "acled-" + name.lowercased().split(whereSeparator: { !$0.isLetter }).joined(separator: "-")
  }

  /// An actor's kind from its ACLED `inter` code, numeric (1–8) or text (`State Forces`).
  static func kind(inter: String) -> Actor.Kind {
    let t = inter.lowercased()
    if t == "1" || t.hasPrefix("state forces") { return .organization }
    if t == "2" || t == "3" || t.hasPrefix("rebel") || t.contains("militia") { return .armedGroup }
    return .other
  }

  static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

  /// An ACLED event date as a YYYYMMDD key: `2022-06-30` (API), `30 June 2022` (the export
  /// tool) or `30-06-2022`.
  static func day(_ text: String) -> Int? {
    if let key = EventCalendar.key(iso: text) { return key }
    let words = text.split(separator: " ")
    if words.count == 3, let d = Int(words[0]), let m = months.firstIndex(of: words[1].lowercased()), let y = Int(words[2]) {
      let key = y * 10_000 + (m + 1) * 100 + d
      return EventCalendar.isDay(key) ? key : nil
    }
    let parts = text.split(separator: "-")
    if parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
      let key = y * 10_000 + m * 100 + d
      return EventCalendar.isDay(key) ? key : nil
    }
    return nil
  }
}

/// ACLED exports: comma-separated with a header line, quoted fields (actor names hold commas;
/// notes may hold line breaks); associated actors listed with `; `.
///
/// Columns used, by name: event_id_cnty, event_date, event_type, sub_event_type, actor1,
/// assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, country, iso, location, latitude,
/// longitude, fatalities. The acting side is actor1 with its associated actors, the side acted
/// upon actor2 with its; an event without actor2 (most protests) makes no relation.
struct ACLEDRowParser: EventRowParser {
  var detail = true
  private var pending: [UInt8] = []
  private var columns: [String: Int]?
  private var width = 0

  mutating func parse(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(RowProblem) -> RowOutcome {
    guard let (raw, split) = try gather(line) else { return .pending }
    let fields = split.fields
    guard let c = columns else {
      try readHeader(fields, line: raw)
      return .skip
    }
    guard fields.count == width else {
      throw RowProblem("has \(fields.count) comma-separated fields but the header has \(width)")
    }
    func text(_ name: String) -> String { c[name].map { fields[$0] } ?? "" }
    func column(_ name: String) -> Int { c[name].map { split.columns[$0] } ?? 1 }
    guard let day = ACLED.day(text("event_date")) else {
      throw RowProblem(column: column("event_date"), "event_date \"\(text("event_date"))\" is not a day (YYYY-MM-DD or 30 June 2022)")
    }
    let typeName = text("event_type")
    guard let type = ACLED.eventTypes.first(where: { $0.name.lowercased() == typeName.lowercased() }) else {
      let names = ACLED.eventTypes.map(\.name)
      let suggestion = didYouMean(typeName, in: names)
      let hint = suggestion.isEmpty ? "; ACLED has \(names.joined(separator: ", "))" : suggestion
      throw RowProblem(column: column("event_type"), "event_type \"\(typeName)\" is not an ACLED event type\(hint)")
    }
    let sub = text("sub_event_type").lowercased()
    guard sub.isEmpty || type.subTypes[sub] != nil else {
      throw RowProblem(column: column("sub_event_type"), "sub_event_type \"\(text("sub_event_type"))\" is not one of \(type.name)'s (\(type.subTypes.keys.sorted().joined(separator: "; ")))")
    }
    let fatalitiesText = text("fatalities")
    guard let fatalities = fatalitiesText.isEmpty ? 0 : Int(fatalitiesText), fatalities >= 0 else {
      throw RowProblem(column: column("fatalities"), "fatalities \"\(fatalitiesText)\" is not a count")
    }
    let country = text("country")
    func bytes(_ name: String) -> ArraySlice<UInt8> { ArraySlice(text(name).utf8) }
    func side(_ actor: String, _ associates: String, _ inter: String) -> [EventRecord.Party] {
      let names = [text(actor)] + text(associates).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      return names.filter { !$0.isEmpty }.map { name in
        EventRecord.Party(
          actor: name, country: country, latitude: bytes("latitude"), longitude: bytes("longitude"), place: bytes("location"),
          kind: name == text(actor) ? ACLED.kind(inter: text(inter)) : nil, countryCode: text("iso"))
      }
    }
    var event = EventRecord(
      day: day, sources: side("actor1", "assoc_actor_1", "inter1"), targets: side("actor2", "assoc_actor_2", "inter2"),
      type: ACLED.typeID(type.name), score: type.subTypes[sub] ?? type.score, id: bytes("event_id_cnty"))
    event.fatalities = Double(fatalities)
    return .event(event)
  }

  /// Adds a line to the record being gathered: the whole record (its bytes and its fields)
  /// once its quotes balance, `nil` while a quoted field is still open.
  private mutating func gather(_ line: ArraySlice<UInt8>) throws(RowProblem) -> (ArraySlice<UInt8>, EdgeListCSV.Row)? {
    // A quoted field may span lines: gather until the quotes balance.
    pending.append(contentsOf: line)
    if pending.reduce(0, { $0 + ($1 == 0x22 ? 1 : 0) }) % 2 == 1 {
      pending.append(0x0A)
      return nil
    }
    let record = String(decoding: pending, as: UTF8.self)
    let raw = pending[...]
    pending.removeAll(keepingCapacity: true)
    let split = EdgeListCSV.splitFields(Substring(record))
    if let error = split.error { throw RowProblem(column: split.columns.last ?? 1, error) }
    return (raw, split)
  }

  /// The header phase: finds the columns by name (the required ones, then the optional
  /// places) and the row width every later row must have.
  private mutating func readHeader(_ fields: [String], line: ArraySlice<UInt8>) throws(RowProblem) {
    let header = NamedColumns(fields)
    var found: [String: Int] = [:]
    for name in ["event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
                 "actor2", "assoc_actor_2", "inter2", "fatalities"] {
      found[name] = try header.required(name, source: "ACLED", line: line, profile: .acled)
    }
    for name in ["country", "iso", "location", "latitude", "longitude"] { found[name] = header.optional(name) }
    columns = found
    width = fields.count
  }
}
