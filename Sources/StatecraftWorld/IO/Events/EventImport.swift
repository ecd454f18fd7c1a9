import Foundation

/// Builds a dated world from event data — GDELT 2.0 exports (with or without its Mentions
/// table), Phoenix, POLECAT and ACLED — by aggregating events into relations per actor pair,
/// event type and time window. Files are read plain, zipped or gzipped, one file per core (a big
/// plain GDELT or Phoenix file in byte ranges on all cores), and streamed: memory grows with the
/// number of relations, not of events.
///
/// ## The aggregation
/// Each event names one or more acting parties and one or more parties acted upon (POLECAT's
/// and ACLED's list-valued actors: every source–target pair counts the event once). Events
/// are grouped by directed pair, at the chosen ``Level``, by time ``Window`` and by the event
/// type its profile maps it to (`cameo-NN`, `plover-…`, `acled-…`). For a group with events
/// e, each with its signed intensity sₑ on −10 … 10 (its ``Profile``'s rule) and strength
/// wₑ (ln(1 + NumMentions) for GDELT, ln(1 + distinct sources) · mean Confidence / 100 for
/// GDELT with Mentions, 1 otherwise):
///
///     score  = Σₑ sₑ · wₑ · dₑ        dₑ = 0.5^(ageₑ / halfLife), 1 without a half-life
///     sign   = sign(score)             (0: neutral)
///     weight = |score|                 --weight score (a zero score: Σₑ wₑ · dₑ)
///            = Σₑ dₑ                   --weight count
///            = Σₑ mentionsₑ · dₑ       --weight mentions (GDELT: NumMentions; with Mentions: distinct sources)
///            = Σₑ confidenceₑ · dₑ     --weight confidence (mean Confidence / 100; GDELT with Mentions)
///            = Σₑ fatalitiesₑ · dₑ     --weight fatalities (ACLED; a group without deaths is dropped)
///
/// where ageₑ counts days from the event to the reference date (``to``, or the latest event).
/// Each relation carries `since`/`until` of its window (so ``World`` timelines read it
/// directly), and a note with its event count, score, first and last day, the files its
/// events came from with their row counts (the first three, and how many more), and the ids and
/// source URLs of its three most reported events (most mentions; the first seen on a tie).
///
/// Results do not depend on the number of cores: files (and ranges) are aggregated separately
/// and merged in the order given.
public struct EventImport: Sendable {
  /// Which source wrote the files, and so how rows are read and scored.
  public enum Profile: String, CaseIterable, Sendable {
    /// GDELT 2.0 event exports: Goldstein scale × ln(1 + NumMentions).
    case gdelt
    /// GDELT 2.0 event exports joined with their Mentions table (give both kinds of file):
    /// Goldstein × ln(1 + distinct sources) × mean Confidence.
    case gdeltMentions = "gdelt-mentions"
    /// Phoenix daily files (CAMEO-coded, Goldstein scores).
    case phoenix
    /// POLECAT weekly files (PLOVER event types, scored by ``PLOVER/types``).
    case polecat
    /// ACLED exports (event types scored by ``ACLED/eventTypes``; deaths as `fatalities`).
    case acled

    /// The source's name in messages.
    public var displayName: String {
      switch self {
      case .gdelt: "GDELT 2.0 export"
      case .gdeltMentions: "GDELT 2.0 Mentions"
      case .phoenix: "Phoenix"
      case .polecat: "POLECAT"
      case .acled: "ACLED"
      }
    }

    /// The weights this source can give.
    public var weights: [Weight] {
      switch self {
      case .gdelt: [.score, .count, .mentions]
      case .gdeltMentions: [.score, .count, .mentions, .confidence]
      case .phoenix, .polecat: [.score, .count]
      case .acled: [.score, .count, .fatalities]
      }
    }

    /// The source every relation cites.
    var source: Source {
      switch self {
      case .gdelt, .gdeltMentions:
        Source(id: "gdelt-2", title: "GDELT 2.0 Event Database export" + (self == .gdeltMentions ? " and Mentions table" : ""),
               publisher: "The GDELT Project", url: "http://data.gdeltproject.org/gdeltv2/")
      case .phoenix:
        Source(id: "phoenix", title: "Phoenix event data", publisher: "Open Event Data Alliance", url: "https://openeventdata.github.io/")
      case .polecat:
        Source(id: "polecat", title: "POLECAT event data (PLOVER ontology)", publisher: "Harvard Dataverse",
               url: "https://dataverse.harvard.edu/dataverse/POLECAT")
      case .acled:
        Source(id: "acled", title: "ACLED event export", publisher: "Armed Conflict Location & Event Data", url: "https://acleddata.com/")
      }
    }
  }

  /// What the actors of the world are: countries or the source's own actors.
  public enum Level: String, CaseIterable, Sendable {
    /// Actors are countries (GDELT's ActorNCountryCode, a CAMEO code's country, POLECAT's
    /// actor country).
    case country
    /// Actors are the source's actors: full CAMEO codes (PAKGOV), POLECAT and ACLED actor names.
    case actor
  }

  /// The time window events are grouped by: a day, a week (from Monday), a calendar month,
  /// quarter or year, or one window for all events.
  public enum Window: String, CaseIterable, Sendable { case day, week, month, quarter, year, all }

  /// What a relation's weight measures (see the type's notes).
  public enum Weight: String, CaseIterable, Sendable { case score, count, mentions, confidence, fatalities }

  /// The source the files come from.
  public var profile: Profile
  /// Keep only events on or after the first day of this date (`nil`: no lower bound).
  public var from: PartialDate?
  /// Keep only events on or before the last day of this date (`nil`: no upper bound); also the
  /// reference date for the half-life decay.
  public var to: PartialDate?
  /// Keep only events whose two actors both start with one of these codes (at the chosen level).
  public var actors: Set<String>?
  /// Keep only events whose two actors' countries are both among these codes.
  public var countries: Set<String>?
  /// Whether actors are countries (the default) or the source's own actors.
  public var level: Level = .country
  /// The time window relations are aggregated over (a month by default).
  public var window: Window = .month
  /// What the weights measure (the signed score by default).
  public var weight: Weight = .score
  /// Half-life in days of the weight decay by event age; `nil`: no decay.
  public var halfLifeDays: Double?
  /// Count malformed rows and go on (`true`), or stop at the first with its file and line.
  public var skipBadRows = false
  /// GDELT with Mentions: drop events all of whose mentions come from translated reports.
  public var dropTranslated = false

  /// An import of `profile` files at country level by month, stopping at a malformed row.
  public init(profile: Profile) { self.profile = profile }

  /// What the import read, kept and rejected.
  public struct Report: Sendable {
    /// Files read.
    public var files = 0
    /// Non-empty data lines read, over all files.
    public var rows = 0
    /// Events that were well-formed and passed the filters, and so were aggregated.
    public var kept = 0
    /// Rows outside the dates, actors or countries, without two distinct actors, or (with
    /// Mentions) without a mention read.
    public var filtered = 0
    /// Malformed rows, counted.
    public var malformedRows = 0
    /// Relations the import made (groups whose weight came out 0 make none).
    public var relations = 0
    /// GDELT with Mentions: Mentions files read.
    public var mentionFiles = 0
    /// Rows of the Mentions files.
    public var mentionRows = 0
    /// The first malformed rows (at most ``malformedKept``): file, line, column, what was wrong.
    public var malformed: [(file: String, line: Int, column: Int, reason: String)] = []
    /// How many malformed rows the report keeps by location.
    public static let malformedKept = 1_000

    mutating func add(_ other: Report) {
      files += other.files
      rows += other.rows
      kept += other.kept
      filtered += other.filtered
      malformedRows += other.malformedRows
      mentionFiles += other.mentionFiles
      mentionRows += other.mentionRows
      malformed += other.malformed.prefix(Self.malformedKept - malformed.count)
    }

    /// Throws unless the import is worth writing: an import that kept no event, or whose rows
    /// are mostly malformed (a world file given as an export), is an error, and nothing is written.
    public func requireUsable(profile: Profile) throws {
      if rows > 0 && malformedRows * 2 > rows, let first = malformed.first {
        throw GraphFileError.invalid(file: first.file, problems: [.init(
          line: first.line, column: max(1, first.column),
          message: "\(malformedRows) of \(rows) rows are malformed (this one: \(first.reason)); this is not a \(profile.displayName) file, so nothing was written")])
      }
      if kept == 0 {
        throw GraphFileError.unreadable(
          file: malformed.first?.file ?? "the input",
          reason: "no event was kept (\(rows) rows read, \(filtered) filtered, \(malformedRows) malformed), so nothing was written; widen --from/--to or --actors")
      }
      if relations == 0 {
        throw GraphFileError.unreadable(
          file: "the input",
          reason: "\(kept) events were kept but every relation weighed 0 (a half-life far shorter than the events' age, events without mentions, or --weight fatalities without deaths), so nothing was written")
      }
    }
  }

  /// Imports event files into a world named `name`.
  ///
  /// - Throws: ``GraphFileError`` for a file that cannot be read or is damaged, a weight the
  ///   profile cannot give, and (without ``skipBadRows``) the first malformed row, located by
  ///   file, line and column.
  public func run(files: [String], name: String) throws -> (World, Report) {
    guard profile.weights.contains(weight) else {
      throw GraphFileError.unreadable(
        file: files.first ?? "the input",
        reason: "--weight \(weight.rawValue) is not something \(profile.displayName) files say; use \(profile.weights.map(\.rawValue).joined(separator: ", "))")
    }
    if profile == .acled && level == .country {
      throw GraphFileError.unreadable(
        file: files.first ?? "the input",
        reason: "ACLED names actors, not their countries; import it with --level actor (and filter with --countries, which ACLED matches against the event's country)")
    }
    var seen: [String: String] = [:]
    for file in files {
      let real = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
      if let first = seen[real] {
        throw GraphFileError.unreadable(file: file, reason: "is given twice (also as \(first)); each file is read once, or its events would count twice")
      }
      seen[real] = file
    }
    var eventFiles = files
    var mentions = MentionTable()
    if profile == .gdeltMentions {
      let kinds = try files.map { try MentionTable.isMentionsFile($0) }
      eventFiles = zip(files, kinds).filter { !$0.1 }.map(\.0)
      let mentionFiles = zip(files, kinds).filter { $0.1 }.map(\.0)
      guard !mentionFiles.isEmpty, !eventFiles.isEmpty else {
        throw GraphFileError.unreadable(
          file: files.first ?? "the input",
          reason: "--profile gdelt-mentions needs both export files (61 columns) and Mentions files (16 columns); \(mentionFiles.isEmpty ? "no Mentions file" : "no export file") was given")
      }
      mentions = try MentionTable.read(mentionFiles, skipBadRows: skipBadRows)
    }
    var importer = self
    importer.fileNames = eventFiles.map { ($0 as NSString).lastPathComponent }
    let merged = try importer.aggregate(eventFiles, mentions: mentions)
    var report = merged.report
    report.add(mentions.report)
    let world = importer.makeWorld(merged, name: name)
    report.relations = world.relations.count
    return (world, report)
  }

  // MARK: - Reading

  struct Key: Hashable {
    var from: String
    var to: String
    var window: Int
    var type: String
  }

  /// Sums over the events of one day (kept apart only when decay needs each day's age).
  struct Sums {
    var score = 0.0, volume = 0.0, count = 0.0, mentions = 0.0, confidence = 0.0, fatalities = 0.0

    mutating func add(_ o: Sums, scaled f: Double = 1) {
      score += o.score * f
      volume += o.volume * f
      count += o.count * f
      mentions += o.mentions * f
      confidence += o.confidence * f
      fatalities += o.fatalities * f
    }
  }

  struct Group {
    var events = 0
    var sums = Sums()
    var byDay: [Int: Sums]?
    var first = Int.max
    var last = Int.min
    /// The group's most reported events (by mentions; the first seen on a tie), at most three.
    var top: [(mentions: Double, id: String, url: String)] = []
    /// The first three files its events came from, with their event counts, in file order.
    var files: [(file: Int, events: Int)] = []
    /// How many files its events came from.
    var fileCount = 0
    /// The last file its events came from.
    var lastFile = -1

    /// Keeps `event` among the top three when it was reported more than one of them.
    mutating func offer(mentions: Double, id: String, url: String) {
      guard top.count < 3 || mentions > top[2].mentions else { return }
      let at = top.firstIndex { $0.mentions < mentions } ?? top.count
      top.insert((mentions, id, url), at: at)
      if top.count > 3 { top.removeLast() }
    }

    mutating func merge(_ o: Group) {
      events += o.events
      sums.add(o.sums)
      if let days = o.byDay {
        for (day, s) in days { byDay![day, default: Sums()].add(s) }
      }
      first = min(first, o.first)
      last = max(last, o.last)
      for t in o.top { offer(mentions: t.mentions, id: t.id, url: t.url) }
      // Ranges of one big file come one after the other: the same file, not another one.
      var theirs = o.files[...]
      if let first = theirs.first, first.file == lastFile {
        if let i = files.lastIndex(where: { $0.file == first.file }) { files[i].events += first.events }
        theirs = theirs.dropFirst()
        fileCount -= 1
      }
      files += theirs.prefix(3 - min(3, files.count))
      fileCount += o.fileCount
      lastFile = o.files.last?.file ?? lastFile
    }
  }

  /// What one file (or, once merged, all files) contributed.
  struct Partial {
    /// Each key's place in `groups` (one lookup per event).
    var index: [Key: Int] = [:]
    /// The groups in the order their first events came.
    var groups: [Group] = []
    var order: [Key] = []
    var report = Report()
    var names: [String: [String: Int]] = [:]
    var kinds: [String: Actor.Kind] = [:]
    var places = EventPlaces()
    var latest = Int.min
    /// The first malformed row when rows may not be skipped (its line counted within the part
    /// of the file read, as `report.malformed`'s are, until the merge numbers them in the file).
    var failure: (place: String, line: Int, column: Int, message: String)?
    /// Lines numbered while reading (a range of a big file; 0 for a whole file).
    var lines = 0

    mutating func merge(_ o: Partial) {
      for (key, g) in zip(o.order, o.groups) {
        if let i = index[key] {
          groups[i].merge(g)
        } else {
          index[key] = groups.count
          order.append(key)
          groups.append(g)
        }
      }
      report.add(o.report)
      for (code, counts) in o.names { names[code, default: [:]].merge(counts, uniquingKeysWith: +) }
      kinds.merge(o.kinds) { a, _ in a }
      places.merge(o.places)
      latest = max(latest, o.latest)
    }
  }

  /// A plain file of a headerless profile at least twice this big is read in ranges of about
  /// this many bytes, several at once (smaller in tests).
  var rangeBytes = 32 << 20

  /// Part of the work: a whole file, or a range of bytes of a big plain one.
  struct Unit {
    var file: Int
    var range: Range<Int>?
  }

  /// The units `files` are read in: a big plain file of a profile without a header line (GDELT,
  /// Phoenix) in ranges of about `rangeBytes`, every other file whole.
  func units(_ files: [String]) -> [Unit] {
    files.indices.flatMap { f -> [Unit] in
      guard profile == .gdelt || profile == .gdeltMentions || profile == .phoenix,
        let size = (try? FileManager.default.attributesOfItem(atPath: files[f]))?[.size] as? Int, size >= 2 * rangeBytes,
        let head = try? ByteInput(files[f]).peek(2), !head.elementsEqual([0x50, 0x4B]), !head.elementsEqual([0x1F, 0x8B])
      else { return [Unit(file: f)] }
      let parts = size / rangeBytes
      return (0 ..< parts).map { i in Unit(file: f, range: (i * size / parts) ..< ((i + 1) * size / parts)) }
    }
  }

  /// Reads every file (one per core; a big plain file in ranges) and merges their partial
  /// results in file order.
  func aggregate(_ files: [String], mentions: MentionTable) throws -> Partial {
    let progress = WorkProgress.current
    progress?.begin(files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) })
    let units = units(files)
    let merger = OrderedMerger(units: units.map(\.file))
    DispatchQueue.concurrentPerform(iterations: units.count) { index in
      guard !merger.failedBefore(index) else { return }
      do {
        merger.deliver(index, try read(files[units[index].file], index: units[index].file, range: units[index].range, mentions: mentions, progress: progress))
      } catch {
        merger.fail(index, error)
      }
    }
    return try merger.result()
  }

  /// Aggregates one file, or the lines of a plain file that start within `range`.
  func read(_ file: String, index: Int, range: Range<Int>? = nil, mentions: MentionTable, progress: WorkProgress?) throws -> Partial {
    var state = FileReading(
      parser: profile.makeParser(detail: level == .actor), file: index,
      days: (from?.firstDayKey ?? Int.min, to?.lastDayKey ?? Int.max))
    state.partial.report.files = range == nil || range!.lowerBound == 0 ? 1 : 0
    if let range {
      let lines = try EventFileLines(path: file).forEachLine(in: range, progress: progress) {
        take($0, $1, $2, mentions: mentions, into: &state)
      }
      state.partial.lines = lines
    } else {
      try EventFileLines(path: file).forEachLine(progress: progress) { take($0, $1, $2, mentions: mentions, into: &state) }
    }
    if state.pendingLine > 0 && state.partial.failure == nil {
      let problem = RowProblem("a quoted field opened on this line is never closed")
      state.partial.report.malformedRows += 1
      state.partial.report.malformed.append((file, state.pendingLine, 1, problem.message))
      if !skipBadRows { state.partial.failure = (file, state.pendingLine, 1, problem.message) }
    }
    return state.partial
  }

  /// What reading one file carries from line to line: its parser, what it has gathered, and
  /// the line a record spanning several lines (a quoted field) started on.
  struct FileReading {
    /// The profile's parser for this file (it keeps a header, or a record spanning lines).
    var parser: any EventRowParser
    /// What the file has contributed so far.
    var partial = Partial()
    /// The first line of a record still waiting for its closing quote (0: none).
    var pendingLine = 0
    /// The file's index in the import (groups remember the files they come from).
    let file: Int
    /// The first and last day key the import keeps.
    let days: (from: Int, to: Int)

    /// A reading at the file's start: nothing gathered, no record pending.
    init(parser: any EventRowParser, file: Int, days: (from: Int, to: Int)) {
      self.parser = parser
      self.file = file
      self.days = days
    }
  }

  /// Reads one line of a file: a row is counted, filtered or recorded as malformed; a header
  /// or the first part of a multi-line record only moves the state on.
  private func take(_ place: String, _ lineNumber: Int, _ line: ArraySlice<UInt8>, mentions: MentionTable, into state: inout FileReading) {
    if state.partial.failure != nil { return }
    let outcome: RowOutcome
    do throws(RowProblem) {
      outcome = try state.parser.parse(line, lineNumber: lineNumber)
    } catch {
      malformed(error, place, lineNumber, into: &state)
      return
    }
    switch outcome {
    case .pending:
      if state.pendingLine == 0 { state.pendingLine = lineNumber }
    case .skip:
      // A header line is no row; a well-formed row without two actors is filtered.
      state.pendingLine = 0
    case let .event(event):
      state.pendingLine = 0
      state.partial.report.rows += 1
      tally(event, mentions: mentions, into: &state)
    }
  }

  /// Records a malformed row (at the line its record started on), and stops the file there
  /// unless bad rows may be skipped.
  private func malformed(_ error: RowProblem, _ place: String, _ lineNumber: Int, into state: inout FileReading) {
    let rowLine = state.pendingLine > 0 ? state.pendingLine : lineNumber
    state.pendingLine = 0
    state.partial.report.rows += 1
    state.partial.report.malformedRows += 1
    if state.partial.report.malformed.count < Report.malformedKept {
      state.partial.report.malformed.append((place, rowLine, error.column, error.message))
    }
    if !skipBadRows || error.wrongFile {
      let advice = error.wrongFile ? "" : "; fix the row, or give --skip-bad-rows to count and skip such rows"
      state.partial.failure = (place, rowLine, max(1, error.column), error.message + advice)
    }
  }

  /// Counts an event between every acting and acted-upon party that pass the filters, or
  /// counts it as filtered (outside the dates, unattested, or no pair passes).
  private func tally(_ event: EventRecord, mentions: MentionTable, into state: inout FileReading) {
    var event = event
    guard event.day >= state.days.from, event.day <= state.days.to,
      let strength = strength(of: &event, mentions: mentions)
    else {
      state.partial.report.filtered += 1
      return
    }
    var counted = false
    for a in event.sources {
      for b in event.targets {
        let x = Self.cleanID(level == .country ? a.country : a.actor)
        let y = Self.cleanID(level == .country ? b.country : b.actor)
        guard !x.isEmpty, !y.isEmpty, x != y, admits(x, a), admits(y, b) else { continue }
        counted = true
        count(event, strength: strength, x, a, y, b, file: state.file, into: &state.partial)
      }
    }
    if counted {
      state.partial.report.kept += 1
      state.partial.latest = max(state.partial.latest, event.day)
    } else {
      state.partial.report.filtered += 1
    }
  }

  /// How much one event counts for: log(1 + mentions) for GDELT events, that times the mean
  /// confidence for events attested in a mentions table (whose counts it takes), 1 otherwise;
  /// `nil` for an event the mentions table does not attest (or only in translation, if so asked).
  @inline(__always)
  private func strength(of event: inout EventRecord, mentions: MentionTable) -> Double? {
    switch profile {
    case .gdelt: return log(1 + event.mentions)
    case .gdeltMentions:
      guard let id = event.id.decimalInteger, let attested = mentions.events[id],
        !(dropTranslated && attested.translatedOnly)
      else { return nil }
      event.mentions = Double(attested.sources.count)
      event.confidence = attested.meanConfidence / 100
      return log(1 + event.mentions) * event.confidence
    case .phoenix, .polecat, .acled: return 1.0
    }
  }

  /// Whether an actor (its code at the chosen level) passes the actor and country filters.
  private func admits(_ code: String, _ party: EventRecord.Party) -> Bool {
    if let actors, !actors.contains(where: { code.hasPrefix($0) }) { return false }
    if let countries, !countries.contains(party.country), !countries.contains(party.country.uppercased()),
      party.countryCode.isEmpty || !countries.contains(party.countryCode)
    { return false }
    return true
  }

  /// An actor code as an id: whitespace control characters (a tab or line break inside a quoted
  /// CSV name) become spaces, every other scalar no id may hold (``Actor/ID/problem(in:)``:
  /// controls, a byte-order mark, noncharacters) goes, and the ends are trimmed, so every
  /// world the import writes validates.
  static func cleanID(_ code: String) -> String {
    // Per event, so first only bytes are looked at: C0 controls and DEL, and the lead bytes of
    // C1 controls (0xC2), of U+FEFF and U+FDD0…U+FFFF (0xEF) and of the other planes (≥ 0xF0).
    guard code.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 >= 0xEF }) else { return code }
    var out = String.UnicodeScalarView()
    for u in code.unicodeScalars {
      if u == "\t" || u == "\n" || u == "\r" || u.value == 0x0B || u.value == 0x0C {
        out.append(" ")
      } else if Actor.ID.refusal(of: u) == nil {
        out.append(u)
      }
    }
    return String(out).trimmingCharacters(in: .whitespaces)
  }

  /// Adds one event between `x` and `y` to its group.
  private func count(
    _ e: EventRecord, strength: Double, _ x: String, _ a: EventRecord.Party, _ y: String, _ b: EventRecord.Party,
    file: Int, into p: inout Partial
  ) {
    if level == .actor {
      for (code, party) in [(x, a), (y, b)] {
        if !party.name.isEmpty { p.names[code, default: [:]][String(decoding: party.name, as: UTF8.self), default: 0] += 1 }
        if let kind = party.kind, p.kinds[code] == nil { p.kinds[code] = kind }
        p.places.count(code, latitude: party.latitude, longitude: party.longitude, name: party.place)
      }
    }
    let key = Key(from: x, to: y, window: windowKey(e.day), type: e.type)
    var sums = Sums()
    sums.score = e.score * strength
    sums.volume = strength
    sums.count = 1
    sums.mentions = e.mentions
    sums.confidence = e.confidence
    sums.fatalities = e.fatalities
    let i: Int
    if let found = p.index[key] {
      i = found
    } else {
      i = p.groups.count
      p.index[key] = i
      p.order.append(key)
      p.groups.append(Group(byDay: halfLifeDays == nil ? nil : [:], files: [(file, 0)], fileCount: 1, lastFile: file))
    }
    p.groups[i].events += 1
    p.groups[i].files[0].events += 1
    p.groups[i].sums.add(sums)
    if halfLifeDays != nil { p.groups[i].byDay![e.day, default: Sums()].add(sums) }
    p.groups[i].first = min(p.groups[i].first, e.day)
    p.groups[i].last = max(p.groups[i].last, e.day)
    let top = p.groups[i].top
    if top.count < 3 || e.mentions > top[2].mentions {
      p.groups[i].offer(mentions: e.mentions, id: String(decoding: e.id, as: UTF8.self), url: String(decoding: e.url, as: UTF8.self))
    }
  }

  // MARK: - Windows

  /// The window an event day falls in, as an integer key.
  func windowKey(_ day: Int) -> Int {
    switch window {
    case .day: return EventCalendar.dayNumber(day)
    case .week:
      // Weeks start on Monday; 1970-01-05 was a Monday.
      let n = EventCalendar.dayNumber(day)
      return n - ((n - 4) % 7 + 7) % 7
    case .month: return (day / 10_000) * 12 + (day / 100) % 100 - 1
    case .quarter: return (day / 10_000) * 4 + ((day / 100) % 100 - 1) / 3
    case .year: return day / 10_000
    case .all: return 0
    }
  }

  /// The dates a window runs over (`all`: the group's first and last event days).
  func windowBounds(_ key: Int, first: Int, last: Int) -> (since: PartialDate?, until: PartialDate?) {
    func day(_ k: Int) -> PartialDate? { PartialDate(EventCalendar.iso(k)) }
    func month(_ m: Int) -> PartialDate? { PartialDate(String(format: "%04d-%02d", m / 12, m % 12 + 1)) }
    switch window {
    case .day: return (day(EventCalendar.key(ofDayNumber: key)), day(EventCalendar.key(ofDayNumber: key)))
    case .week: return (day(EventCalendar.key(ofDayNumber: key)), day(EventCalendar.key(ofDayNumber: key + 6)))
    case .month: return (month(key), month(key))
    case .quarter: return (month(key / 4 * 12 + key % 4 * 3), month(key / 4 * 12 + key % 4 * 3 + 2))
    case .year: return (PartialDate(String(key)), PartialDate(String(key)))
    case .all: return (day(first), day(last))
    }
  }

  // MARK: - The world

  /// The world the merged groups make.
  func makeWorld(_ merged: Partial, name: String) -> World {
    let reference = EventCalendar.dayNumber(to.map { $0.lastDayKey } ?? merged.latest)
    func decayed(_ g: Group) -> Sums {
      guard let h = halfLifeDays, let days = g.byDay else { return g.sums }
      var total = Sums()
      for day in days.keys.sorted() {
        total.add(days[day]!, scaled: pow(0.5, Double(max(0, reference - EventCalendar.dayNumber(day))) / h))
      }
      return total
    }
    var world = World(name: name, title: "\(profile.displayName) events, \(level.rawValue) level", actors: [], relations: [])
    let source = profile.source
    world.sources = [source]
    var actorIDs: [String] = []
    var seenActors = ScalarKeySet([])
    var relations = RelationStore()
    var usedTypes: [String] = []
    var seenTypes = Set<String>()
    var bounds: [Int: (since: PartialDate?, until: PartialDate?)] = [:]  // a handful of windows, each computed once
    for (key, g) in zip(merged.order, merged.groups) {
      let s = decayed(g)
      let sign: Sign = s.score > 0 ? .cooperative : s.score < 0 ? .hostile : .neutral
      let weight: Double
      switch self.weight {
      case .score: weight = s.score != 0 ? abs(s.score) : s.volume
      case .count: weight = s.count
      case .mentions: weight = s.mentions
      case .confidence: weight = s.confidence
      case .fatalities: weight = s.fatalities
      }
      guard weight > 0, weight.isFinite else { continue }  // no signal (0 mentions, no deaths)
      for code in [key.from, key.to] where seenActors.insert(code) { actorIDs.append(code) }
      if seenTypes.insert(key.type).inserted { usedTypes.append(key.type) }
      let (since, until) = window == .all
        ? windowBounds(key.window, first: g.first, last: g.last)
        : bounds[key.window] ?? { let b = windowBounds(key.window, first: 0, last: 0); bounds[key.window] = b; return b }()
      relations.append(Relation(
        from: Actor.ID(key.from), to: Actor.ID(key.to), type: key.type, weight: weight, sign: sign,
        since: since, until: until, source: source.id, note: note(g, score: s.score, files: merged.report)))
    }
    world.actors = actorIDs.map { code in actor(code, merged) }
    world.types = usedTypes.sorted().map(profile.relationType)
    world.relations = relations
    if let from, let to {
      world.date = to
      world.description = "Events from \(from) to \(to)"
    }
    return world
  }

  /// The citation note of one relation.
  private func note(_ g: Group, score: Double, files: Report) -> String {
    var note = "\(g.events) event\(g.events == 1 ? "" : "s"), score "
    ReportText.appendFixed(score, places: 3, to: &note)
    note += "; events \(EventCalendar.iso(g.first)) to \(EventCalendar.iso(g.last))"
    let names = g.files.map { "\(fileNames[$0.file]) (\($0.events) row\($0.events == 1 ? "" : "s"))" }
    note += "; from " + names.joined(separator: ", ") + (g.fileCount > 3 ? " and \(g.fileCount - 3) more files" : "")
    let ids = g.top.map(\.id).filter { !$0.isEmpty }
    if !ids.isEmpty { note += "; \(ids.count == g.events ? "ids" : "most reported") \(ids.joined(separator: ", "))" }
    var urls: [String] = []
    for t in g.top where !t.url.isEmpty && !urls.contains(t.url) { urls.append(t.url) }
    if !urls.isEmpty { note += "; urls \(urls.joined(separator: " "))" }
    return note
  }

  /// The files' names as notes cite them (their last path component), set by `run`.
  var fileNames: [String] = []

  /// The actor a code stands for: its name, kind and place.
  private func actor(_ code: String, _ merged: Partial) -> Actor {
    let cameo = profile == .gdelt || profile == .gdeltMentions || profile == .phoenix
    var attributes: [String: String] = [:]
    if cameo, let country = CAMEO.countries[String(code.prefix(3))] { attributes["country"] = country }
    if level == .actor {
      if let place = merged.places.mostFrequent(code) {
        attributes["lat"] = place.lat
        attributes["lon"] = place.lon
        if !place.name.isEmpty { attributes["place-name"] = place.name }
      } else if cameo, code.count > 3, let iso = GeoAttributes.isoCountry(String(code.prefix(3))) {
        attributes["place"] = iso
      }
    }
    let name: String
    let kind: Actor.Kind
    if cameo {
      name = GDELTImport.name(of: code, gdeltNames: merged.names[code])
      kind = GDELTImport.kind(of: code, level: level == .country ? .country : .actor)
    } else {
      name = code
      kind = merged.kinds[code] ?? (level == .country && GeoAttributes.isoCountry(code) != nil ? .state : .other)
    }
    return Actor(id: Actor.ID(code), name: name, kind: kind, attributes: attributes)
  }
}

/// Collects per-file (or per-range) results as they finish and merges them strictly in order,
/// so the result is the same on any number of cores; numbers the lines of a file read in ranges
/// as lines of the file; after a failure, later units are not read.
final class OrderedMerger: @unchecked Sendable {
  private let lock = NSLock()
  private var waiting: [Int: EventImport.Partial] = [:]
  private var next = 0
  private var merged = EventImport.Partial()
  private var failure: (index: Int, error: Error)?
  /// The file of each unit, in order.
  private let files: [Int]
  /// Lines of the current file's earlier ranges.
  private var linesBefore = 0

  init(units files: [Int]) { self.files = files }

  /// Whether a unit before `index` failed (so `index` need not be read).
  func failedBefore(_ index: Int) -> Bool { lock.withLock { failure.map { $0.index < index } ?? false } }

  /// Records that unit `index` failed; the earliest failure is the one reported.
  func fail(_ index: Int, _ error: Error) {
    lock.withLock { record(index, error) }
  }

  private func record(_ index: Int, _ error: Error) {
    if failure == nil || failure!.index > index { failure = (index, error) }
  }

  /// Hands in unit `index`'s result; merges every result now next in order.
  func deliver(_ index: Int, _ partial: EventImport.Partial) {
    lock.withLock {
      waiting[index] = partial
      while failure.map({ $0.index > next }) ?? true, var p = waiting.removeValue(forKey: next) {
        if next > 0 && files[next - 1] != files[next] { linesBefore = 0 }
        for i in p.report.malformed.indices { p.report.malformed[i].line += linesBefore }
        if let f = p.failure {
          record(next, GraphFileError.invalid(file: f.place, problems: [.init(line: f.line + linesBefore, column: f.column, message: f.message)]))
          return
        }
        linesBefore += p.lines
        merged.merge(p)
        next += 1
      }
    }
  }

  /// The merged result, or the earliest unit's failure.
  func result() throws -> EventImport.Partial {
    try lock.withLock {
      if let failure { throw failure.error }
      return merged
    }
  }
}
