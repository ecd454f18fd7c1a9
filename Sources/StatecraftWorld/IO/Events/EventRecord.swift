import Foundation

/// One event as a profile reads it from a row: the day, who acted on whom, what kind of event,
/// how intense and how well attested. Byte fields point into the row (no copy per event).
struct EventRecord {
  /// One side of an event: an actor's code (or name), its country, and where the event put it.
  struct Party {
    /// The actor at actor level (a CAMEO code, a PLOVER actor name, an ACLED actor).
    var actor: String
    /// The actor at country level (ISO or CAMEO country code); empty when unknown.
    var country: String
    /// The source's own display name for the actor, when it has one apart from the code.
    var name: ArraySlice<UInt8> = []
    /// Where the event put this actor (decimal degrees and a place name), when the source says.
    var latitude: ArraySlice<UInt8> = []
    var longitude: ArraySlice<UInt8> = []
    var place: ArraySlice<UInt8> = []
    /// What sort of actor the source says this is, when it says.
    var kind: Actor.Kind?
    /// Another code `--countries` may name the country by (ACLED: its ISO number beside its name).
    var countryCode = ""
  }

  /// The event's day as YYYYMMDD.
  var day: Int
  /// The acting side; several parties for list-valued sources (every pair is a relation).
  var sources: [Party]
  /// The side acted upon.
  var targets: [Party]
  /// The relation type id the event counts towards (`cameo-14`, `plover-assault`, `acled-battles`).
  var type: String
  /// The event's signed intensity on −10 … 10 (Goldstein, the PLOVER table, ACLED's table).
  var score: Double
  /// How many reports the source says the event had (GDELT's NumMentions); 1 when it says nothing.
  var mentions: Double = 1
  /// The mean confidence of its reports on 0 … 1 (GDELT Mentions), else 1.
  var confidence: Double = 1
  /// Deaths reported with the event (ACLED), else 0.
  var fatalities: Double = 0
  /// The source's id of the event.
  var id: ArraySlice<UInt8>
  /// A source URL of the event, when the source gives one.
  var url: ArraySlice<UInt8> = []
}

/// A problem with one row: its 1-based column (0 for the whole row) and what is wrong.
struct RowProblem: Error {
  var column: Int
  var message: String
  /// The whole file is of another kind (a header or row shape from another source): the import
  /// stops even with `skipBadRows`, since every row would be skipped.
  var wrongFile = false
  init(column: Int = 0, _ message: String, wrongFile: Bool = false) {
    self.column = column
    self.message = message
    self.wrongFile = wrongFile
  }
}

/// The fields of a tab-separated row, split without copying: the row and where each field
/// starts (one array of offsets reused across rows, so a row costs no allocation and no
/// reference counting per field).
struct TabFields {
  private var line: ArraySlice<UInt8> = []
  /// Start of each field, and one past the end of the row, as indices into `line`.
  private var starts: [Int] = []

  /// Splits `line` on tabs (empty fields kept).
  mutating func split(_ line: ArraySlice<UInt8>) {
    self.line = line
    starts.removeAll(keepingCapacity: true)
    starts.append(line.startIndex)
    var found: [Int] = []
    swap(&found, &starts)
    line.withUnsafeBufferPointer { (bytes: UnsafeBufferPointer<UInt8>) -> Void in
      guard let base = bytes.baseAddress else { return }
      var offset = 0
      while offset < bytes.count {
        guard let hit = memchr(base + offset, 0x09, bytes.count - offset) else { break }
        let position: Int = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
        found.append(line.startIndex + position + 1)
        offset = position + 1
      }
    }
    swap(&found, &starts)
    starts.append(line.endIndex + 1)
  }

  /// The number of fields.
  var count: Int { starts.count - 1 }
  /// Field `i` as bytes.
  subscript(_ i: Int) -> ArraySlice<UInt8> { line[starts[i] ..< starts[i + 1] - 1] }
  /// Field `i` as text.
  func text(_ i: Int) -> String {
    line.withUnsafeBufferPointer { b in
      String(decoding: UnsafeBufferPointer(rebasing: b[(starts[i] - line.startIndex) ..< (starts[i + 1] - 1 - line.startIndex)]), as: UTF8.self)
    }
  }
  /// The 1-based column (in bytes) where field `i` starts, for messages.
  func column(_ i: Int, in line: ArraySlice<UInt8>) -> Int { starts[i] - line.startIndex + 1 }
}

extension ArraySlice where Element == UInt8 {
  /// The bytes as a decimal integer (an optional sign, then digits), or `nil`.
  var decimalInteger: Int? {
    var i = startIndex
    var negative = false
    if i < endIndex && (self[i] == 0x2D || self[i] == 0x2B) { negative = self[i] == 0x2D; i += 1 }
    guard i < endIndex, endIndex - i <= 18 else { return nil }
    var value = 0
    while i < endIndex {
      let d = Int(self[i]) - 48
      guard d >= 0 && d <= 9 else { return nil }
      value = value * 10 + d
      i += 1
    }
    return negative ? -value : value
  }

  /// The bytes as a finite number written in decimal (``Swift/Double/init(decimal:)``: no
  /// hexadecimal, `nan` or `inf`), or `nil`.
  var decimalNumber: Double? {
    if let n = decimalInteger { return Double(n) }
    guard !isEmpty, count <= 64 else { return nil }
    guard let d = Double(decimal: String(decoding: self, as: UTF8.self)), d.isFinite else { return nil }
    return d
  }
}
