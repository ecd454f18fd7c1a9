import Foundation

/// Reads and writes CSV edge lists (and optional node tables), so existing data can be
/// ranked and drawn at once.
///
/// The first line is a header naming the columns, in any order and any letter case:
/// `source` and `target` are required; `weight` (a positive number, default 1), `type`
/// (default `tie`), `sign` (cooperative/hostile/neutral, `+`/`-`/`0`; default
/// cooperative), `mutual` (true/false), `since`, `until` (dates), `citation` (a source key)
/// and `note` are optional. Fields may be quoted with `"` (RFC 4180). Actors are created in
/// order of first appearance, with kind `other`, unless a node table declares them (columns
/// `id`, then optionally `name`, `kind` and any attribute columns). Edges are directed unless
/// `undirected`.
///
///     source,target,weight
///     USA,PAK,0.6
public enum EdgeListCSV {
  /// Parses CSV text into a world.
  ///
  /// - Throws: ``GraphFileError/invalid(file:problems:)`` listing every bad line.
  public static func parse(
    _ text: String, file: String, name: String, undirected: Bool = false,
    nodeTable: (text: String, file: String)? = nil
  ) throws -> World {
    let declaredNodes = try nodeTable.map { try parseNodes($0.text, file: $0.file) }
    var lines = Records(text, file: file)
    let header = try readHeader(&lines, file: file)
    let declaredIDs = declaredNodes.map { ScalarKeySet($0.map(\.id.rawValue)) }
    let pieces = lines.pieces(for: header.columns)
    var parts = try WorkUnits.map(pieces.count) { k in
      var records = pieces[k]
      var rows = EdgeRows(columns: header.columns, undirected: undirected, declaredIDs: declaredIDs)
      try forEachRow(&records, width: header.width, report: { rows.problems.append($0) }) { lineNumber, row in
        rows.read(row, line: lineNumber)
      }
      return rows
    }
    // Each piece interned its own actors and types; appending the pieces in file order interns
    // them in order of first mention, so the store is the one a single pass builds.
    // Each part is emptied as it is taken, so no column is held twice (or copied on write).
    var relations = RelationStore()
    var problems: [GraphFileError.Problem] = []
    for k in parts.indices {
      let part = parts[k].relations
      parts[k].relations = RelationStore()
      if k == 0 { relations = part } else { relations.append(contentsOf: part) }
      problems += parts[k].problems
    }
    if !problems.isEmpty { throw GraphFileError.invalid(file: file, problems: problems) }
    let citations = relations.sourceKeys().sorted().map { Source(id: $0, title: $0) }
    return World(
      name: name, directed: !undirected,
      actors: declaredNodes ?? relations.actorTable.map { Actor(id: $0) }, store: relations,
      types: relations.typeTable.map { RelationType(id: $0, polarity: .cooperative) }, sources: citations)
  }

  /// The columns an edge table's header names, and how many there are; throws every problem
  /// with the header (empty file, unknown or repeated column, no `source` or `target`).
  private static func readHeader(_ lines: inout Records, file: String) throws -> (columns: EdgeColumns, width: Int) {
    guard let headerLine = lines.next(), !headerLine.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else {
      if let failure = lines.failure { throw failure }
      throw GraphFileError.invalid(
        file: file, problems: [.init(line: 1, column: 1, message: "the file is empty; the first line must be a header such as `source,target,weight`")])
    }
    var problems: [GraphFileError.Problem] = []
    let known = ["source", "target", "weight", "type", "sign", "mutual", "since", "until", "citation", "note", "id"]
    var column: [String: Int] = [:]
    let header = splitFields(headerLine.trimmingCarriageReturn)
    for (i, field) in header.fields.enumerated() {
      let name = field.lowercased().filter { !$0.isWhitespace }
      if !known.contains(name) {
        problems.append(.init(line: 1, column: header.columns[i], message: "unknown column \"\(field)\"\(didYouMean(name, in: known)); columns are source, target and optionally weight, type, sign, mutual, since, until, citation, note, id"))
      } else if column[name] != nil {
        problems.append(.init(line: 1, column: header.columns[i], message: "column \"\(name)\" appears twice"))
      } else {
        column[name] = i
      }
    }
    for required in ["source", "target"] where column[required] == nil {
      problems.append(.init(line: 1, column: 1, message: "the header has no `\(required)` column; the first line must name the columns, e.g. `source,target,weight`"))
    }
    guard problems.isEmpty, let sc = column["source"], let tc = column["target"] else {
      throw GraphFileError.invalid(file: file, problems: problems)
    }
    let columns = EdgeColumns(
      source: sc, target: tc, weight: column["weight"], type: column["type"], sign: column["sign"],
      mutual: column["mutual"], since: column["since"], until: column["until"],
      citation: column["citation"], note: column["note"], id: column["id"])
    return (columns, header.fields.count)
  }

  /// One split line of a CSV file: its fields, the 1-based column each starts at, and the
  /// reason it did not split cleanly, if any.
  typealias Row = (fields: [String], columns: [Int], error: String?)

  /// An actor id as a row gives it, and the 1-based column it starts at.
  typealias Cell = (id: String, column: Int)

  /// Where each column of an edge table is in a row (`nil`: the header does not name it).
  struct EdgeColumns {
    /// The `source` column (required).
    var source: Int
    /// The `target` column (required).
    var target: Int
    /// The optional columns, each where the header names it.
    var weight, type, sign, mutual, since, until, citation, note, id: Int?
  }

  /// The row phase of ``parse(_:file:name:undirected:nodeTable:)``: reads each data row by
  /// field group (ends, strength, direction, dates, identity) into relations, collecting
  /// every problem with its line and column.
  private struct EdgeRows {
    let columns: EdgeColumns
    let undirected: Bool
    /// The node table's ids, when there is one; every end must be among them.
    let declaredIDs: ScalarKeySet?
    var problems: [GraphFileError.Problem] = []
    var relationIDs = ScalarKeySet([])
    var relations = RelationStore()

    init(columns: EdgeColumns, undirected: Bool, declaredIDs: ScalarKeySet?) {
      self.columns = columns
      self.undirected = undirected
      self.declaredIDs = declaredIDs
    }

    /// The field in `column` of `row` and where it starts, if the header names the column.
    @inline(__always)
    private func field(_ row: Row, _ column: Int?) -> (String, Int)? {
      column.map { (row.fields[$0], row.columns[$0]) }
    }

    /// The field in `column`, or `nil` when the column is absent or the field empty.
    @inline(__always)
    private func text(_ row: Row, _ column: Int?) -> String? {
      field(row, column).map(\.0).flatMap { $0.isEmpty ? nil : $0 }
    }

    @inline(__always)
    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
      problems.append(.init(line: line, column: column, message: message))
    }

    /// Reads one data row; a row with a problem adds none.
    mutating func read(_ row: Row, line: Int) {
      var ok = true
      let ends = self.ends(row, line, ok: &ok)
      let (weight, sign) = strength(row, line, ok: &ok)
      let mutual = mutual(row, line, ok: &ok)
      let dates = dates(row, line, ok: &ok)
      guard ok else { return }
      if let declaredIDs {
        for id in [ends.source.id, ends.target.id] where !declaredIDs.contains(id) {
          report(line, id == ends.source.id ? ends.source.column : ends.target.column, "\"\(id)\" is not in the node table; add it there or fix the id")
        }
      }
      guard let id = relationID(row, line) else { return }
      relations.append(Relation(
        from: Actor.ID(ends.source.id), to: Actor.ID(ends.target.id), type: text(row, columns.type) ?? "tie",
        weight: weight, sign: sign, mutual: mutual, since: dates.since, until: dates.until,
        source: text(row, columns.citation), note: text(row, columns.note), id: id))
    }

    /// The source and target, each with its column; both must be non-empty valid ids.
    private mutating func ends(_ row: Row, _ line: Int, ok: inout Bool) -> (source: Cell, target: Cell) {
      let (s, scol) = (row.fields[columns.source], row.columns[columns.source])
      let (t, tcol) = (row.fields[columns.target], row.columns[columns.target])
      if s.isEmpty { report(line, scol, "the source is empty"); ok = false }
      if t.isEmpty { report(line, tcol, "the target is empty"); ok = false }
      for (id, col) in [(s, scol), (t, tcol)] where !id.isEmpty {
        if let problem = Actor.ID.problem(in: id) { report(line, col, problem); ok = false }
      }
      return ((s, scol), (t, tcol))
    }

    /// The weight (a positive decimal, default 1) and the sign (default cooperative).
    private mutating func strength(_ row: Row, _ line: Int, ok: inout Bool) -> (weight: Double, sign: Sign) {
      var weight = 1.0
      if let (w, col) = field(row, columns.weight) {
        if let value = Double(decimal: w), value.isFinite, value > 0 {
          weight = value
        } else {
          report(line, col, "weight \"\(w)\" must be a positive decimal number such as 0.5 (no hexadecimal, no nan or inf)")
          ok = false
        }
      }
      var sign = Sign.cooperative
      if let (text, col) = field(row, columns.sign), !text.isEmpty {
        if let parsed = Sign(spelling: text) { sign = parsed } else {
          report(line, col, "sign \"\(text)\" is not one of cooperative, hostile, neutral (or +, -, 0)")
          ok = false
        }
      }
      return (weight, sign)
    }

    /// Whether the relation is mutual: the `mutual` field, else whether the graph is undirected.
    private mutating func mutual(_ row: Row, _ line: Int, ok: inout Bool) -> Bool {
      guard let (text, col) = field(row, columns.mutual), !text.isEmpty else { return undirected }
      switch text.lowercased() {
      case "true", "yes", "1": return true
      case "false", "no", "0": return undirected
      default:
        report(line, col, "mutual \"\(text)\" must be true or false")
        ok = false
        return undirected
      }
    }

    /// `since` and `until`, each a partial date, `until` not before `since`.
    private mutating func dates(_ row: Row, _ line: Int, ok: inout Bool) -> (since: PartialDate?, until: PartialDate?) {
      var dates: [PartialDate?] = [nil, nil]
      for (k, (key, column)) in [("since", columns.since), ("until", columns.until)].enumerated() {
        guard let (text, col) = field(row, column), !text.isEmpty else { continue }
        if let d = PartialDate(text) { dates[k] = d } else {
          report(line, col, "\(key) \"\(text)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
          ok = false
        }
      }
      if let since = dates[0], let until = dates[1], PartialDate.reversed(since: since, until: until),
        let (_, col) = field(row, columns.until)
      {
        report(line, col, "until \(until) is before since \(since); swap them or fix the dates")
        ok = false
      }
      return (dates[0], dates[1])
    }

    /// The relation's id: `.some(nil)` when the row gives none, `nil` when it repeats an
    /// earlier row's (reported).
    private mutating func relationID(_ row: Row, _ line: Int) -> String?? {
      guard let (text, col) = field(row, columns.id), !text.isEmpty else { return .some(nil) }
      guard relationIDs.insert(text) else {
        report(line, col, "duplicate relation id \"\(text)\"; ids must be unique")
        return nil
      }
      return text
    }
  }

  /// Reads a node table: `id` (required), `name`, `kind`, and any other columns as attributes.
  public static func parseNodes(_ text: String, file: String) throws -> [Actor] {
    var lines = Records(text, file: file)
    guard let headerLine = lines.next(), !headerLine.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else {
      if let failure = lines.failure { throw failure }
      throw GraphFileError.invalid(file: file, problems: [.init(line: 1, column: 1, message: "the node table is empty; its first line must be a header such as `id,name,kind`")])
    }
    let header = splitFields(headerLine.trimmingCarriageReturn).fields.map { $0.trimmingSpaces }
    guard let idColumn = header.firstIndex(where: { $0.lowercased() == "id" }) else {
      throw GraphFileError.invalid(file: file, problems: [.init(line: 1, column: 1, message: "the node table has no `id` column")])
    }
    var problems: [GraphFileError.Problem] = []
    var actors: [Actor] = []
    var seen = ScalarKeySet([])
    try forEachRow(&lines, width: header.count, report: { problems.append($0) }) { lineNumber, row in
      let id = row.fields[idColumn]
      guard !id.isEmpty, seen.insert(id) else {
        problems.append(.init(line: lineNumber, column: row.columns[idColumn], message: id.isEmpty ? "the id is empty" : "duplicate id \"\(id)\""))
        return
      }
      var actor = Actor(id: Actor.ID(id))
      for (i, column) in header.enumerated() where i != idColumn && !row.fields[i].isEmpty {
        switch column.lowercased() {
        case "name": actor.name = row.fields[i]
        case "kind":
          guard let kind = Actor.Kind(rawValue: row.fields[i]) else {
            problems.append(.init(line: lineNumber, column: row.columns[i], message: "kind \"\(row.fields[i])\" is not one of \(Actor.Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
            continue
          }
          actor.kind = kind
        default:
          if let problem = GeoAttributes.problem(attribute: column, value: row.fields[i]) {
            problems.append(.init(line: lineNumber, column: row.columns[i], message: problem))
          }
          actor.attributes[column] = row.fields[i]
        }
      }
      if let half = GeoAttributes.unpaired(actor.attributes) {
        problems.append(.init(line: lineNumber, column: row.columns[idColumn], message: "actor \(id): \(half.message)"))
      }
      actors.append(actor)
    }
    if !problems.isEmpty { throw GraphFileError.invalid(file: file, problems: problems) }
    return actors
  }

  /// Writes a world as an edge table and a node table; what CSV cannot hold (the world's
  /// title, date, types' polarity and colours, sources' titles) is listed in `notes`.
  public static func write(
    _ world: World, edges: inout some TextOutputStream, nodes: inout some TextOutputStream,
    notes: inout ConversionNotes
  ) {
    let ids = world.relations.contains { $0.id != nil }
    edges.write("source,target,type,weight,sign,mutual,since,until,citation,note" + (ids ? ",id\n" : "\n"))
    for r in WorkProgress.tracking(world.relations) {
      var fields = [
        r.from.rawValue, r.to.rawValue, r.type, "\(r.weight)", r.sign.word, r.mutual ? "true" : "false",
        r.since?.description ?? "", r.until?.description ?? "", r.source ?? "", r.note ?? "",
      ]
      if ids { fields.append(r.id ?? "") }
      edges.write(fields.map(csvQuoted).joined(separator: ",") + "\n")
    }
    let attributeNames = world.actorAttributeNames
    nodes.write((["id", "name", "kind"] + attributeNames).map(csvQuoted).joined(separator: ",") + "\n")
    for a in world.actors {
      nodes.write(([a.id.rawValue, a.name, a.kind.rawValue] + attributeNames.map { a.attributes[$0] ?? "" }).map(csvQuoted).joined(separator: ",") + "\n")
    }
    if world.title != world.name || world.date != nil || world.description != nil {
      notes.add("CSV keeps no world title, date or description")
    }
    if world.types.contains(where: { $0.polarity != .cooperative || $0.mode != .material || $0.color != nil || $0.description != nil }) {
      notes.add("CSV keeps relation types by name only: polarity, mode, colour and description dropped (each relation keeps its sign)")
    }
    if world.sources.contains(where: { $0.title != $0.id || $0.publisher != nil || $0.url != nil }) {
      notes.add("CSV keeps citation keys only: source titles, publishers, dates and URLs dropped")
    }
  }

  /// A CSV field, quoted (RFC 4180) when it holds a comma, quote or line break.
  public static func csvQuoted(_ s: String) -> String {
    // Also quoted: a field with spaces or tabs at either end (the reader trims unquoted fields).
    let padded = s.first.map { $0 == " " || $0 == "\t" } == true || s.last.map { $0 == " " || $0 == "\t" } == true
    return padded || s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
  }

  /// The records of a text, one at a time: split on newline bytes outside double quotes, so
  /// a quoted field may hold line breaks (RFC 4180; the CSV writer quotes them). Working on
  /// UTF-8 bytes (splitting on `Character`s would run grapheme breaking over the whole file)
  /// and lazily (an array of ten million substrings cost 320 MB on the L graph).
  struct Records: IteratorProtocol {
    let text: String
    let utf8: String.UTF8View
    let file: String
    var position: String.Index
    /// Where these records end: the end of the text, or of a piece of it.
    let end: String.Index
    var line = 1
    /// The line breaks inside the record ``next()`` returned last (quoted fields may hold them).
    private(set) var innerNewlines = 0
    /// Set when a record is over ``maxRecordBytes``; iteration then stops.
    var failure: GraphFileError?
    let progress: WorkProgress?
    var unreported = 0

    init(_ text: String, file: String) {
      // Contiguous UTF-8 once here, so every record below reads the bytes in place.
      var text = text
      text.makeContiguousUTF8()
      self.text = text
      utf8 = text.utf8
      self.file = file
      position = utf8.startIndex
      end = utf8.endIndex
      progress = WorkProgress.current
      progress?.begin(utf8.count)
    }

    /// The records of `text` from `start` to `end`, the first on line `line`, reporting to
    /// `progress` without starting a phase (the whole text's reader started it).
    private init(_ text: String, file: String, from start: String.Index, to end: String.Index, line: Int, progress: WorkProgress?) {
      self.text = text
      utf8 = text.utf8
      self.file = file
      position = start
      self.end = end
      self.line = line
      self.progress = progress
    }

    /// The rest of the records split into pieces that can be read on separate cores, in file
    /// order: one per worker when the rest is over ``pieceBytes`` bytes, holds no quote (a
    /// quoted field may hold a newline, so only then is every newline a record's end) and the
    /// edge table has no `id` column (duplicate ids are found across the whole file);
    /// otherwise this reader alone. Each piece starts after a newline, knows its first line's
    /// number, and reports its progress here.
    func pieces(for columns: EdgeColumns) -> [Records] {
      let length = utf8.distance(from: position, to: end)
      let count = WorkUnits.workers
      guard count > 1, length >= Self.pieceBytes, columns.id == nil else { return [self] }
      var text = self.text
      let start = utf8.distance(from: utf8.startIndex, to: position)
      let cuts: [(offset: Int, line: Int)]? = text.withUTF8 { bytes in
        guard let base = bytes.baseAddress, memchr(base + start, 0x22, length) == nil else { return nil }
        // Each cut is just after the first newline at or past an equal share of the bytes.
        var cuts = [(offset: start, line: line)]
        for k in 1 ..< count {
          let target = Swift.max(start + length * k / count, cuts[k - 1].offset)
          guard target < start + length, let hit = memchr(base + target, 0x0A, start + length - target) else { break }
          let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
          if offset > cuts[k - 1].offset { cuts.append((offset, 0)) }
        }
        // Lines before each cut, counted on all cores.
        let ends = cuts.dropFirst().map(\.offset) + [start + length]
        let newlines = (try? WorkUnits.map(cuts.count) { k in
          UnsafeBufferPointer(rebasing: bytes[cuts[k].offset ..< ends[k]]).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }) ?? []
        for k in 1 ..< cuts.count { cuts[k].line = cuts[k - 1].line + newlines[k - 1] }
        return cuts
      }
      guard let cuts, cuts.count > 1 else { return [self] }
      let ends = cuts.dropFirst().map { utf8.index(utf8.startIndex, offsetBy: $0.offset) } + [end]
      return cuts.indices.map { k in
        var piece = Records(self.text, file: file, from: utf8.index(utf8.startIndex, offsetBy: cuts[k].offset), to: ends[k], line: cuts[k].line, progress: progress)
        if k == 0 { piece.unreported = unreported }  // the header's bytes
        return piece
      }
    }

    /// The smallest rest of a file ``pieces(for:)`` splits: below it, starting threads costs
    /// more than they save.
    static let pieceBytes = 1 << 20

    mutating func next() -> Substring? {
      guard failure == nil, position < end || (position == end && line > 0) else { return nil }
      if position == end {
        line = 0  // the last (possibly empty) record has been returned once
        innerNewlines = 0
        progress?.advance(unreported)
        unreported = 0
        return Substring(utf8[position ..< position])
      }
      let start = position, startLine = line
      let from = utf8.distance(from: utf8.startIndex, to: start)
      let available = utf8.distance(from: start, to: end)
      // The record's length and the newlines it holds (more than one only inside quotes).
      let (length, newlines, closed, quoted) = text.utf8.withContiguousStorageIfAvailable {
        Self.measure(UnsafeBufferPointer(rebasing: $0[from ..< from + available]))
      } ?? Array(utf8[start ..< end]).withUnsafeBufferPointer { Self.measure($0) }
      guard length <= maxRecordBytes else {
        failure = .invalid(file: file, problems: [.init(
          line: startLine, column: 1,
          message: "this record is over \(maxRecordBytes / 1_048_576) MiB" + (quoted ? " (a quoted field is never closed)" : "")
            + "; the most a CSV line may hold. Check for a missing newline or quote, or move long text to a YAML world")])
        return nil
      }
      line += newlines
      innerNewlines = closed ? newlines - 1 : newlines
      let i = utf8.index(start, offsetBy: length)
      let record = Substring(utf8[start ..< i])
      if closed {
        position = utf8.index(after: i)
        unreported += length + 1
      } else {
        position = i
        line = 0  // no newline at the end: this was the last record
      }
      if unreported >= 1 << 16 || line == 0 {
        progress?.advance(unreported)
        unreported = 0
      }
      return record
    }

    /// The first record of `bytes`: its length without the newline that ends it, the newlines
    /// it spans (its own included), whether a newline ends it, and whether a quote was open
    /// where it stopped. `memchr` finds the newline; only a line holding a quote is walked
    /// byte by byte. Stops counting past ``maxRecordBytes``.
    private static func measure(_ bytes: UnsafeBufferPointer<UInt8>) -> (length: Int, newlines: Int, closed: Bool, quoted: Bool) {
      guard let base = bytes.baseAddress, !bytes.isEmpty else { return (0, 0, false, false) }
      let limit = Swift.min(bytes.count, maxRecordBytes + 1)
      if let hit = memchr(base, 0x0A, limit) {
        let length = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        if memchr(base, 0x22, length) == nil { return (length, 1, true, false) }
      } else if memchr(base, 0x22, limit) == nil {
        return (limit, 0, false, false)  // the last record, or one too long (no quote to report)
      }
      var quoted = false
      var newlines = 0
      for i in 0 ..< limit {
        let b = bytes[i]
        if b == 0x22 {
          quoted.toggle()
        } else if b == 0x0A {
          newlines += 1
          if !quoted { return (i, newlines, true, false) }
        }
      }
      return (limit, newlines, false, quoted)
    }
  }

  /// The longest CSV record (line, or lines joined by a quoted field) the reader accepts.
  public static let maxRecordBytes = 16 * 1_048_576

  /// Calls `body` with each non-blank data line after the header (1-based line number and
  /// its fields); lines that do not split cleanly or have the wrong number of fields go to
  /// `report` instead.
  ///
  /// - Throws: The records' failure (an over-long record) when iteration stopped on one.
  static func forEachRow(
    _ lines: inout Records, width: Int, report: (GraphFileError.Problem) -> Void,
    _ body: (Int, Row) -> Void
  ) throws {
    var next = lines.line  // the line the first record starts on; a record may span several lines
    while let raw = lines.next() {
      let lineNumber = next
      next += 1 + lines.innerNewlines
      let line = raw.trimmingCarriageReturn
      if line.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let row = splitFields(line)
      if let message = row.error {
        report(.init(line: lineNumber, column: row.columns.last ?? 1, message: message))
      } else if row.fields.count != width {
        report(.init(line: lineNumber, column: 1, message: "this line has \(row.fields.count) fields but the header has \(width)"))
      } else {
        body(lineNumber, row)
      }
    }
    if let failure = lines.failure { throw failure }
  }

  /// Splits one CSV line into fields with their 1-based starting columns (counted in
  /// Unicode scalars), working on UTF-8 bytes; fields are trimmed of spaces and tabs.
  static func splitFields(_ line: Substring) -> Row {
    line.utf8.withContiguousStorageIfAvailable { splitFields($0) }
      ?? Array(line.utf8).withUnsafeBufferPointer { splitFields($0) }
  }

  /// ``splitFields(_:)`` over a line's bytes: a line without quotes is cut at its commas
  /// (`memchr`), any other goes through the RFC 4180 state machine (``splitQuoted(_:)``).
  static func splitFields(_ bytes: UnsafeBufferPointer<UInt8>) -> Row {
    guard let base = bytes.baseAddress, memchr(base, 0x22, bytes.count) == nil else { return splitQuoted(bytes) }
    let blank = { (b: UInt8) in b == 0x20 || b == 0x09 }
    var fields: [String] = []
    var columns: [Int] = []
    var start = 0
    var scalars = 0  // Unicode scalars before `start`
    while true {
      let comma = memchr(base + start, 0x2C, bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
      let end = comma ?? bytes.count
      var lo = start, hi = end
      while lo < hi && blank(bytes[lo]) { lo += 1 }
      while hi > lo && blank(bytes[hi - 1]) { hi -= 1 }
      // A field starts at its first non-blank scalar; an empty one where its comma (or the
      // line's end) is. Blanks are one byte each.
      columns.append(scalars + (lo < hi ? lo - start : end - start) + 1)
      fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[lo ..< hi]), as: UTF8.self))
      for i in start ..< end where bytes[i] & 0xC0 != 0x80 { scalars += 1 }
      guard comma != nil else { break }
      scalars += 1
      start = end + 1
    }
    return (fields, columns, nil)
  }

  /// ``splitFields(_:)`` for a line with quotes (or any line: tests compare both ways).
  static func splitQuoted(_ bytes: UnsafeBufferPointer<UInt8>) -> Row {
    var splitter = FieldSplitter()
    var i = 0
    while i < bytes.count { i = splitter.take(bytes, at: i) }
    return splitter.finished()
  }

  /// The state of ``splitFields(_:)`` between bytes: the fields so far, the one being read,
  /// and whether the cursor is inside quotes, at a field's start or after its closing quote.
  private struct FieldSplitter {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    var fields: [String] = []
    var columns: [Int] = []
    var current: [UInt8] = []
    var quoted = false
    var atFieldStart = true
    var column = 0
    var fieldStart = 1
    var afterQuote = false

    @inline(__always)
    static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }

    /// Takes the byte at `i` (and the next one, for a doubled quote); returns where to go on.
    @inline(__always)
    mutating func take(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
      let b = bytes[i]
      if b & 0xC0 != 0x80 { column += 1 }
      if atFieldStart && Self.isBlank(b) && !quoted { return i + 1 }
      if atFieldStart {
        fieldStart = column
        atFieldStart = false
        afterQuote = false
        if b == Self.quote {
          quoted = true
          return i + 1
        }
      }
      if quoted { return takeQuoted(bytes, at: i) }
      if b == Self.comma {
        finish()
        atFieldStart = true
      } else if !(afterQuote && Self.isBlank(b)) {
        current.append(b)
      }
      return i + 1
    }

    /// A byte inside quotes: a doubled quote is one quote, a single one closes the field's text.
    @inline(__always)
    private mutating func takeQuoted(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
      let b = bytes[i]
      if b == Self.quote {
        if i + 1 < bytes.count && bytes[i + 1] == Self.quote {
          current.append(Self.quote)
          column += 1
          return i + 2
        }
        quoted = false
        afterQuote = true
      } else {
        current.append(b)
      }
      return i + 1
    }

    /// Ends the current field: trimmed of spaces and tabs unless it was quoted.
    @inline(__always)
    private mutating func finish() {
      var lo = 0
      var hi = current.count
      if !afterQuote {
        while lo < hi && Self.isBlank(current[lo]) { lo += 1 }
        while hi > lo && Self.isBlank(current[hi - 1]) { hi -= 1 }
      }
      fields.append(String(decoding: current[lo ..< hi], as: UTF8.self))
      columns.append(fieldStart)
      current.removeAll(keepingCapacity: true)
    }

    /// The fields once the line has been taken, or the error of an unclosed quote.
    mutating func finished() -> Row {
      if quoted { return (fields, columns + [fieldStart], "a quoted field is not closed; add the closing \"") }
      if atFieldStart { fieldStart = column + 1 }
      finish()
      return (fields, columns, nil)
    }
  }
}

extension Substring {
  var trimmingCarriageReturn: Substring { last == "\r" ? dropLast() : self }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
