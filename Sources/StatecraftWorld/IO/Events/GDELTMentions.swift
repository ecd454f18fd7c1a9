import Foundation

/// How well attested each GDELT event is, from the GDELT 2.0 Mentions table: one row per
/// article mentioning an event, 16 tab-separated columns, no header (GDELT 2.0 Event Codebook,
/// "Mentions table").
///
/// Columns used (0-based): GLOBALEVENTID 0, MentionSourceName 4, Confidence 11 (0–100, how
/// sure GDELT's parser was of this mention), MentionDocTranslationInfo 14 (empty for
/// English-language reports, `srclc:…` for machine-translated ones). Mentions of an event can
/// arrive in later 15-minute files than the event itself, so all Mentions files are read
/// before the exports.
struct MentionTable {
  /// What the mentions of one event say.
  struct Attestation {
    /// Stable 64-bit hashes of the distinct MentionSourceNames, sorted.
    var sources: [UInt64] = []
    var confidenceSum = 0.0
    var mentions = 0
    /// Whether every mention came from a translated report.
    var translatedOnly = true

    /// The mean Confidence of the mentions, 0 … 100.
    var meanConfidence: Double { mentions == 0 ? 0 : confidenceSum / Double(mentions) }

    mutating func merge(_ o: Attestation) {
      for s in o.sources { insert(s) }
      confidenceSum += o.confidenceSum
      mentions += o.mentions
      translatedOnly = translatedOnly && o.translatedOnly
    }

    mutating func insert(_ source: UInt64) {
      var lo = 0, hi = sources.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if sources[mid] < source { lo = mid + 1 } else { hi = mid }
      }
      if lo == sources.count || sources[lo] != source { sources.insert(source, at: lo) }
    }
  }

  /// Per GLOBALEVENTID.
  var events: [Int: Attestation] = [:]
  /// Rows read from the Mentions files.
  var report = EventImport.Report()

  /// Whether `file` is a Mentions file (16 columns) rather than an export (61 columns), from
  /// its first line.
  static func isMentionsFile(_ file: String) throws -> Bool {
    struct Stop: Error {}
    var tabs = -1
    do {
      try EventFileLines(path: file).forEachLine(progress: nil) { _, _, line in
        tabs = line.reduce(0) { $0 + ($1 == 0x09 ? 1 : 0) }
        throw Stop()
      }
    } catch is Stop {}
    return tabs == 15 || (file as NSString).lastPathComponent.lowercased().contains(".mentions.")
  }

  /// Reads Mentions files, one per core, merged in the order given.
  static func read(_ files: [String], skipBadRows: Bool) throws -> MentionTable {
    let parts = ChunkSlots<Result<MentionTable, Error>>(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      parts.set(i, Result { try readOne(files[i], skipBadRows: skipBadRows) })
    }
    var table = MentionTable()
    for i in files.indices {
      let part = try parts.get(i)!.get()  // the first file's failure, in file order
      for (id, a) in part.events { table.events[id, default: Attestation()].merge(a) }
      table.report.add(part.report)
    }
    table.report.mentionFiles = files.count
    return table
  }

  private static func readOne(_ file: String, skipBadRows: Bool) throws -> MentionTable {
    var table = MentionTable()
    var fields = TabFields()
    try EventFileLines(path: file).forEachLine(progress: nil) { place, lineNumber, line in
      table.report.mentionRows += 1
      fields.split(line)
      let problem: RowProblem?
      if fields.count != 16 {
        problem = RowProblem("has \(fields.count) tab-separated columns, not the 16 of a GDELT 2.0 Mentions file")
      } else if fields[0].decimalInteger == nil {
        problem = RowProblem(column: 1, "GLOBALEVENTID \"\(fields.text(0))\" is not a number")
      } else if let c = fields[11].decimalNumber, (0 ... 100).contains(c) {
        problem = nil
      } else {
        problem = RowProblem(column: fields.column(11, in: line), "Confidence \"\(fields.text(11))\" is not a number in 0 … 100")
      }
      if let problem {
        guard skipBadRows else {
          throw GraphFileError.invalid(file: place, problems: [.init(
            line: lineNumber, column: max(1, problem.column),
            message: problem.message + "; fix the row, or give --skip-bad-rows to count and skip such rows")])
        }
        table.report.malformedRows += 1
        if table.report.malformed.count < EventImport.Report.malformedKept {
          table.report.malformed.append((place, lineNumber, problem.column, problem.message))
        }
        return
      }
      let id = fields[0].decimalInteger!
      var a = table.events[id] ?? Attestation()
      a.insert(fnv1a(fields[4]))
      a.confidenceSum += fields[11].decimalNumber!
      a.mentions += 1
      a.translatedOnly = a.translatedOnly && !fields[14].isEmpty
      table.events[id] = a
    }
    return table
  }

  /// FNV-1a, 64-bit: a hash that is the same in every run (Swift's `Hasher` is seeded per process).
  static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }
}

/// Where the events put each actor: a Misra–Gries summary of its event locations (at most
/// ``capacity`` counters per actor), so memory stays bounded however many distinct places a
/// month of events names; any place holding more than 1/(capacity + 1) of an actor's events is
/// kept, and the most frequent kept place (the first seen on a tie) is the actor's place.
/// Deterministic: the same files in the same order give the same places.
struct EventPlaces {
  /// Counters per actor.
  static let capacity = 16
  /// Per actor code: (location key, count, name), in the order first counted.
  private var counts: [String: [(key: String, count: Int, name: String)]] = [:]

  /// Counts the location (`latitude`, `longitude` in decimal degrees, `name`) for `code`, when
  /// both coordinates are given and in range (sources leave them empty without geography).
  mutating func count(_ code: String, latitude: ArraySlice<UInt8>, longitude: ArraySlice<UInt8>, name: ArraySlice<UInt8>) {
    guard !latitude.isEmpty, !longitude.isEmpty else { return }
    let lat = String(decoding: latitude, as: UTF8.self), lon = String(decoding: longitude, as: UTF8.self)
    guard GeoAttributes.problem(attribute: "lat", value: lat) == nil, GeoAttributes.problem(attribute: "lon", value: lon) == nil
    else { return }
    add(code, key: lat + "," + lon, count: 1, name: { String(decoding: name, as: UTF8.self) })
  }

  private mutating func add(_ code: String, key: String, count: Int, name: () -> String) {
    var places = counts[code, default: []]
    defer { counts[code] = places }
    if let i = places.firstIndex(where: { $0.key == key }) {
      places[i].count += count
      return
    }
    places.append((key, count, name()))
    guard places.count > Self.capacity else { return }
    // Misra–Gries: take the smallest count off every counter and drop those at zero.
    let least = places.map(\.count).min()!
    places = places.compactMap { $0.count > least ? ($0.key, $0.count - least, $0.name) : nil }
  }

  /// Adds another file's counts (places it saw first come after this one's).
  mutating func merge(_ other: EventPlaces) {
    for (code, theirs) in other.counts.sorted(by: { $0.key < $1.key }) {
      for place in theirs { add(code, key: place.key, count: place.count, name: { place.name }) }
    }
  }

  /// The most frequent location of `code`'s events, as attribute texts.
  func mostFrequent(_ code: String) -> (lat: String, lon: String, name: String)? {
    guard let places = counts[code], var best = places.first else { return nil }
    for p in places.dropFirst() where p.count > best.count { best = p }
    let parts = best.key.split(separator: ",", maxSplits: 1)
    return (String(parts[0]), String(parts[1]), best.name)
  }
}
