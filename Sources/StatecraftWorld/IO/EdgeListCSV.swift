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
    var problems: [GraphFileError.Problem] = []
    let declaredNodes = try nodeTable.map { try parseNodes($0.text, file: $0.file) }
    let declaredIDs = declaredNodes.map { ScalarKeySet($0.map(\.id.rawValue)) }
    var lines = Records(text, file: file)
    guard let headerLine = lines.next(), !headerLine.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else {
      if let failure = lines.failure { throw failure }
      throw GraphFileError.invalid(
        file: file, problems: [.init(line: 1, column: 1, message: "the file is empty; the first line must be a header such as `source,target,weight`")])
    }
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

    var actors: [Actor] = []
    var relationIDs = ScalarKeySet([])
    var relations = RelationStore()
    try forEachRow(&lines, width: header.fields.count, report: { problems.append($0) }) { lineNumber, row in
      func field(_ name: String) -> (String, Int)? {
        column[name].map { (row.fields[$0], row.columns[$0]) }
      }
      var ok = true
      let (s, scol) = (row.fields[sc], row.columns[sc])
      let (t, tcol) = (row.fields[tc], row.columns[tc])
      if s.isEmpty { problems.append(.init(line: lineNumber, column: scol, message: "the source is empty")); ok = false }
      if t.isEmpty { problems.append(.init(line: lineNumber, column: tcol, message: "the target is empty")); ok = false }
      for (id, col) in [(s, scol), (t, tcol)] where !id.isEmpty {
        if let problem = Actor.ID.problem(in: id) { problems.append(.init(line: lineNumber, column: col, message: problem)); ok = false }
      }
      var weight = 1.0
      if let (w, col) = field("weight") {
        if let value = Double(decimal: w), value.isFinite, value > 0 {
          weight = value
        } else {
          problems.append(.init(line: lineNumber, column: col, message: "weight \"\(w)\" must be a positive decimal number such as 0.5 (no hexadecimal, no nan or inf)"))
          ok = false
        }
      }
      var sign = Sign.cooperative
      if let (text, col) = field("sign"), !text.isEmpty {
        if let parsed = Sign(spelling: text) { sign = parsed } else {
          problems.append(.init(line: lineNumber, column: col, message: "sign \"\(text)\" is not one of cooperative, hostile, neutral (or +, -, 0)"))
          ok = false
        }
      }
      let type = field("type").map(\.0).flatMap { $0.isEmpty ? nil : $0 } ?? "tie"
      var mutual = undirected
      if let (text, col) = field("mutual"), !text.isEmpty {
        switch text.lowercased() {
        case "true", "yes", "1": mutual = true
        case "false", "no", "0": mutual = undirected
        default:
          problems.append(.init(line: lineNumber, column: col, message: "mutual \"\(text)\" must be true or false"))
          ok = false
        }
      }
      var dates: [PartialDate?] = [nil, nil]
      for (k, key) in ["since", "until"].enumerated() {
        guard let (text, col) = field(key), !text.isEmpty else { continue }
        if let d = PartialDate(text) { dates[k] = d } else {
          problems.append(.init(line: lineNumber, column: col, message: "\(key) \"\(text)\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"))
          ok = false
        }
      }
      if let since = dates[0], let until = dates[1], PartialDate.reversed(since: since, until: until), let (_, col) = field("until") {
        problems.append(.init(line: lineNumber, column: col, message: "until \(until) is before since \(since); swap them or fix the dates"))
        ok = false
      }
      guard ok else { return }
      if let declaredIDs {
        for id in [s, t] where !declaredIDs.contains(id) {
          problems.append(.init(line: lineNumber, column: id == s ? scol : tcol, message: "\"\(id)\" is not in the node table; add it there or fix the id"))
        }
      }
      let citation = field("citation").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
      let note = field("note").map(\.0).flatMap { $0.isEmpty ? nil : $0 }
      var id: String?
      if let (text, col) = field("id"), !text.isEmpty {
        guard relationIDs.insert(text) else {
          problems.append(.init(line: lineNumber, column: col, message: "duplicate relation id \"\(text)\"; ids must be unique"))
          return
        }
        id = text
      }
      let known = relations.actorTable.count
      relations.append(Relation(
        from: Actor.ID(s), to: Actor.ID(t), type: type, weight: weight, sign: sign, mutual: mutual,
        since: dates[0], until: dates[1], source: citation, note: note, id: id))
      // Actors appear in order of first mention: the ids the store has just interned.
      if declaredNodes == nil {
        for symbol in known ..< relations.actorTable.count { actors.append(Actor(id: relations.actorTable[symbol])) }
      }
    }
    if !problems.isEmpty { throw GraphFileError.invalid(file: file, problems: problems) }
    let citations = relations.sourceKeys().sorted().map { Source(id: $0, title: $0) }
    return World(
      name: name, directed: !undirected, actors: declaredNodes ?? actors, store: relations,
      types: relations.typeTable.map { RelationType(id: $0, polarity: .cooperative) }, sources: citations)
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
    let utf8: String.UTF8View
    let file: String
    var position: String.Index
    var line = 1
    /// Set when a record is over ``maxRecordBytes``; iteration then stops.
    var failure: GraphFileError?
    let progress = WorkProgress.current
    var unreported = 0

    init(_ text: String, file: String) {
      utf8 = text.utf8
      self.file = file
      position = utf8.startIndex
      progress?.begin(utf8.count)
    }

    mutating func next() -> Substring? {
      guard failure == nil, position < utf8.endIndex || (position == utf8.endIndex && line > 0) else { return nil }
      if position == utf8.endIndex {
        line = 0  // the last (possibly empty) record has been returned once
        return Substring(utf8[position ..< position])
      }
      let start = position, startLine = line
      var quoted = false
      var length = 0
      var i = position
      while i < utf8.endIndex {
        let b = utf8[i]
        if b == 0x22 {
          quoted.toggle()
        } else if b == 0x0A {
          line += 1
          if !quoted { break }
        }
        length += 1
        if length > maxRecordBytes {
          failure = .invalid(file: file, problems: [.init(
            line: startLine, column: 1,
            message: "this record is over \(maxRecordBytes / 1_048_576) MiB" + (quoted ? " (a quoted field is never closed)" : "")
              + "; the most a CSV line may hold. Check for a missing newline or quote, or move long text to a YAML world")])
          return nil
        }
        i = utf8.index(after: i)
      }
      let record = Substring(utf8[start ..< i])
      if i < utf8.endIndex {
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
    _ body: (Int, (fields: [String], columns: [Int], error: String?)) -> Void
  ) throws {
    var next = 2  // the header is line 1; a record may span several lines
    while let raw = lines.next() {
      let lineNumber = next
      next += 1 + raw.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
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
  static func splitFields(_ line: Substring) -> (fields: [String], columns: [Int], error: String?) {
    let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    var fields: [String] = []
    var columns: [Int] = []
    var current: [UInt8] = []
    var quoted = false
    var atFieldStart = true
    var column = 0
    var fieldStart = 1
    var afterQuote = false
    func finish() {
      var lo = 0
      var hi = current.count
      if !afterQuote {
        while lo < hi && (current[lo] == space || current[lo] == tab) { lo += 1 }
        while hi > lo && (current[hi - 1] == space || current[hi - 1] == tab) { hi -= 1 }
      }
      fields.append(String(decoding: current[lo ..< hi], as: UTF8.self))
      columns.append(fieldStart)
      current.removeAll(keepingCapacity: true)
    }
    let bytes = Array(line.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      if b & 0xC0 != 0x80 { column += 1 }
      if atFieldStart && (b == space || b == tab) && !quoted {
        i += 1
        continue
      }
      if atFieldStart {
        fieldStart = column
        atFieldStart = false
        afterQuote = false
        if b == quote {
          quoted = true
          i += 1
          continue
        }
      }
      if quoted {
        if b == quote {
          if i + 1 < bytes.count && bytes[i + 1] == quote {
            current.append(quote)
            i += 2
            column += 1
            continue
          }
          quoted = false
          afterQuote = true
        } else {
          current.append(b)
        }
      } else if b == comma {
        finish()
        atFieldStart = true
      } else if !(afterQuote && (b == space || b == tab)) {
        current.append(b)
      }
      i += 1
    }
    if quoted { return (fields, columns + [fieldStart], "a quoted field is not closed; add the closing \"") }
    if atFieldStart { fieldStart = column + 1 }
    finish()
    return (fields, columns, nil)
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
