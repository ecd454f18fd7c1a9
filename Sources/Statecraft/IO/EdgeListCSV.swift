/// Reads a plain CSV edge list into a world, so existing data can be ranked and drawn at once.
///
/// The first line is a header naming the columns, in any order and any letter case:
/// `source` and `target` are required; `weight` (a positive number, default 1), `type`
/// (default `tie`) and `sign` (cooperative/hostile/neutral, `+`/`-`/`0`; default
/// cooperative) are optional. Fields may be quoted with `"` (RFC 4180). Actors are created in
/// order of first appearance, with kind `other`. Edges are directed unless `undirected`.
///
///     source,target,weight
///     USA,PAK,0.6
public enum EdgeListCSV {
  /// Parses CSV text into a world.
  ///
  /// - Throws: ``GraphFileError/invalid(file:problems:)`` listing every bad line.
  public static func parse(
    _ text: String, file: String, name: String, undirected: Bool = false
  ) throws -> World {
    var problems: [GraphFileError.Problem] = []
    // "\r\n" is one Character in Swift, so split on it as well as on "\n".
    var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
      .makeIterator()
    guard let headerLine = lines.next(), !headerLine.allSatisfy(\.isWhitespace) else {
      throw GraphFileError.invalid(
        file: file, problems: [.init(line: 1, column: 1, message: "the file is empty; the first line must be a header such as `source,target,weight`")])
    }
    let known = ["source", "target", "weight", "type", "sign"]
    var column: [String: Int] = [:]
    let header = splitFields(headerLine.trimmingCarriageReturn)
    for (i, field) in header.fields.enumerated() {
      let name = field.lowercased().filter { !$0.isWhitespace }
      if !known.contains(name) {
        problems.append(.init(line: 1, column: header.columns[i], message: "unknown column \"\(field)\"\(didYouMean(name, in: known)); columns are source, target and optionally weight, type, sign"))
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
    var actorIndex: [String: Int] = [:]
    var typeOrder: [String] = []
    var relations: [Relation] = []
    var lineNumber = 1
    while let raw = lines.next() {
      lineNumber += 1
      let line = raw.trimmingCarriageReturn
      if line.allSatisfy(\.isWhitespace) { continue }
      let row = splitFields(line)
      if let message = row.error {
        problems.append(.init(line: lineNumber, column: row.columns.last ?? 1, message: message))
        continue
      }
      guard row.fields.count == header.fields.count else {
        problems.append(.init(line: lineNumber, column: 1, message: "this line has \(row.fields.count) fields but the header has \(header.fields.count)"))
        continue
      }
      func field(_ name: String) -> (String, Int)? {
        column[name].map { (row.fields[$0], row.columns[$0]) }
      }
      var ok = true
      let (s, scol) = (row.fields[sc], row.columns[sc])
      let (t, tcol) = (row.fields[tc], row.columns[tc])
      if s.isEmpty { problems.append(.init(line: lineNumber, column: scol, message: "the source is empty")); ok = false }
      if t.isEmpty { problems.append(.init(line: lineNumber, column: tcol, message: "the target is empty")); ok = false }
      var weight = 1.0
      if let (w, col) = field("weight") {
        if let value = Double(w), value.isFinite, value > 0 {
          weight = value
        } else {
          problems.append(.init(line: lineNumber, column: col, message: "weight \"\(w)\" must be a positive number"))
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
      guard ok else { continue }
      for id in [s, t] where actorIndex[id] == nil {
        actorIndex[id] = actors.count
        actors.append(Actor(id: Actor.ID(id)))
      }
      if !typeOrder.contains(type) { typeOrder.append(type) }
      relations.append(Relation(from: Actor.ID(s), to: Actor.ID(t), type: type, weight: weight, sign: sign, mutual: undirected))
    }
    if !problems.isEmpty { throw GraphFileError.invalid(file: file, problems: problems) }
    return World(
      name: name, actors: actors, relations: relations,
      types: typeOrder.map { RelationType(id: $0, polarity: .cooperative) })
  }

  /// Splits one CSV line into fields with their 1-based starting columns.
  static func splitFields(_ line: Substring) -> (fields: [String], columns: [Int], error: String?) {
    var fields: [String] = []
    var columns: [Int] = []
    var current = ""
    var quoted = false
    var atFieldStart = true
    var col = 0
    var fieldStart = 1
    var chars = line.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
      pending = nil
      col += 1
      if atFieldStart {
        fieldStart = col
        atFieldStart = false
        if c == "\"" { quoted = true; continue }
      }
      if quoted {
        if c == "\"" {
          if let next = chars.next() {
            if next == "\"" { current.append("\""); col += 1; continue }
            quoted = false
            pending = next
            continue
          }
          quoted = false
          continue
        }
        current.append(c)
      } else if c == "," {
        fields.append(current.trimmingSpaces)
        columns.append(fieldStart)
        current = ""
        atFieldStart = true
      } else {
        current.append(c)
      }
    }
    if quoted { return (fields, columns + [fieldStart], "a quoted field is not closed; add the closing \"") }
    fields.append(current.trimmingSpaces)
    columns.append(atFieldStart ? col + 1 : fieldStart)
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
