import Foundation

/// A JSON reader on UTF-8 bytes that reports the line and column of any fault, reads nesting
/// of any depth up to ``maxDepth`` without recursion, and keeps ints, doubles and bools apart
/// (Foundation's decoder gave `0:0` positions and refused valid files nested 600 deep).
struct JSONReader {
  /// Deeper documents are refused: no graph needs more, and tearing down a deeper tree of
  /// values would recurse that deep.
  static let maxDepth = 5_000

  /// A value; objects keep their keys in file order and where they start.
  indirect enum Value {
    case string(String), int(Int), double(Double), bool(Bool), null
    case array([Value]), object([String: Value], keys: [String], line: Int, column: Int)
  }

  /// A fault, located.
  struct Fault: Error {
    var line: Int
    var column: Int
    var message: String
  }

  private let bytes: [UInt8]
  private var i = 0
  private var line = 1
  private var lineStart = 0
  /// Where ``trackedColumn()`` last counted to, and the column there: objects on one long
  /// line (what Python's `json.dump` writes) cost one pass over the line, not one per object.
  private var columnMark = (offset: 0, column: 1)

  /// Parses a whole document.
  static func parse(_ data: Data) throws -> Value {
    var reader = JSONReader(bytes: Array(data))
    return try reader.document()
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private var column: Int {
    // Columns count Unicode scalars: skip UTF-8 continuation bytes.
    var c = 1
    var k = lineStart
    while k < i {
      if bytes[k] & 0xC0 != 0x80 { c += 1 }
      k += 1
    }
    return c
  }

  /// ``column``, counted on from the last call on the same line (the reader only moves forward).
  private mutating func trackedColumn() -> Int {
    var (k, c) = columnMark.offset >= lineStart ? columnMark : (lineStart, 1)
    while k < i {
      if bytes[k] & 0xC0 != 0x80 { c += 1 }
      k += 1
    }
    columnMark = (k, c)
    return c
  }

  private func fault(_ message: String) -> Fault { Fault(line: line, column: column, message: message) }

  private mutating func skipSpace() {
    while i < bytes.count {
      switch bytes[i] {
      case 0x20, 0x09, 0x0D: i += 1
      case 0x0A:
        i += 1
        line += 1
        lineStart = i
      default: return
      }
    }
  }

  /// A container being filled. A class, so that appending to a list of a million edges
  /// mutates in place (an enum payload taken off the stack would be copied on every append).
  private final class Frame {
    let isArray: Bool
    var items: [Value] = []
    var fields: [String: Value] = [:]
    var keys: [String] = []
    var pendingKey: String?
    let line: Int
    let column: Int
    init(isArray: Bool, pendingKey: String? = nil, line: Int = 0, column: Int = 0) {
      self.isArray = isArray
      self.pendingKey = pendingKey
      self.line = line
      self.column = column
    }
  }

  /// Reads values one at a time, without recursion: each is either a container opened onto
  /// `stack` or a finished value attached to the innermost open container.
  private mutating func document() throws -> Value {
    var stack: [Frame] = []
    skipSpace()
    while true {
      guard let value = try valueOrOpening(&stack) else { continue }
      if let result = try attach(value, to: &stack) {
        skipSpace()
        guard i == bytes.count else { throw fault("text after the JSON value") }
        return result
      }
    }
  }

  /// Reads one value, or opens a container (pushed onto `stack`; then `nil`). Empty
  /// containers are values.
  private mutating func valueOrOpening(_ stack: inout [Frame]) throws -> Value? {
    guard i < bytes.count else { throw fault(stack.isEmpty ? "the file holds no JSON value" : "the file ends inside a list or object; it is truncated") }
    switch bytes[i] {
    case UInt8(ascii: "{"):
      guard stack.count < Self.maxDepth else { throw fault("lists and objects nest deeper than \(Self.maxDepth) levels") }
      let (l, c) = (line, trackedColumn())
      i += 1
      skipSpace()
      if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
        i += 1
        return .object([:], keys: [], line: l, column: c)
      }
      stack.append(Frame(isArray: false, pendingKey: try key(), line: l, column: c))
      skipSpace()
      return nil
    case UInt8(ascii: "["):
      guard stack.count < Self.maxDepth else { throw fault("lists and objects nest deeper than \(Self.maxDepth) levels") }
      i += 1
      skipSpace()
      if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
        i += 1
        return .array([])
      }
      stack.append(Frame(isArray: true))
      return nil
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    default: return try number()
    }
  }

  /// Attaches a finished value to the innermost open container, closing every container that
  /// ends here; returns the document's value once the outermost one closes (or was never open).
  private mutating func attach(_ value: Value, to stack: inout [Frame]) throws -> Value? {
    var finished = value
    while true {
      skipSpace()
      guard let top = stack.last else { return finished }
      guard let closed = try (top.isArray ? append(finished, to: top) : set(finished, in: top)) else { return nil }
      stack.removeLast()
      finished = closed
    }
  }

  /// Appends an item to a list, then reads `,` (more to come: `nil`) or `]` (the list, closed).
  private mutating func append(_ item: Value, to list: Frame) throws -> Value? {
    list.items.append(item)
    if i < bytes.count && bytes[i] == UInt8(ascii: ",") {
      i += 1
      skipSpace()
      return nil
    } else if i < bytes.count && bytes[i] == UInt8(ascii: "]") {
      i += 1
      return .array(list.items)
    }
    throw fault("expected , or ] in a list")
  }

  /// Sets the pending key's value in an object, then reads `,` and the next key (more to come:
  /// `nil`) or `}` (the object, closed).
  private mutating func set(_ value: Value, in object: Frame) throws -> Value? {
    if let pending = object.pendingKey, object.fields.updateValue(value, forKey: pending) == nil {
      object.keys.append(pending)
    }
    if i < bytes.count && bytes[i] == UInt8(ascii: ",") {
      i += 1
      skipSpace()
      object.pendingKey = try key()
      skipSpace()
      return nil
    } else if i < bytes.count && bytes[i] == UInt8(ascii: "}") {
      i += 1
      return .object(object.fields, keys: object.keys, line: object.line, column: object.column)
    }
    throw fault("expected , or } in an object")
  }

  /// `"key" :`
  private mutating func key() throws -> String {
    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fault("expected a quoted key") }
    let k = try string()
    skipSpace()
    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fault("expected : after a key") }
    i += 1
    skipSpace()
    return k
  }

  private mutating func literal(_ word: String) throws {
    let w = Array(word.utf8)
    guard i + w.count <= bytes.count, Array(bytes[i ..< i + w.count]) == w else { throw fault("not a JSON value") }
    i += w.count
  }

  private mutating func number() throws -> Value {
    let start = i
    var isInteger = true
    while i < bytes.count {
      let b = bytes[i]
      if (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
        i += 1
      } else if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
        isInteger = false
        i += 1
      } else {
        break
      }
    }
    let text = String(decoding: bytes[start ..< i], as: UTF8.self)
    guard !text.isEmpty else { throw fault("not a JSON value") }
    if isInteger, let n = Int(text) { return .int(n) }
    guard let d = Double(text), text.first != "+", !text.hasPrefix("-."), !text.hasPrefix(".") else {
      i = start
      throw fault("\"\(text)\" is not a JSON number")
    }
    return .double(d)
  }

  private mutating func string() throws -> String {
    i += 1  // the opening quote
    var out: [UInt8] = []
    while true {
      guard i < bytes.count else { throw fault("a string is not closed; add the closing \"") }
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "\""):
        i += 1
        return String(decoding: out, as: UTF8.self)
      case UInt8(ascii: "\\"):
        guard i + 1 < bytes.count else { throw fault("a string ends in a backslash") }
        let e = bytes[i + 1]
        i += 2
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hex4()
          if (0xD800 ... 0xDBFF).contains(scalar) {
            // A surrogate pair: the low half must follow.
            guard i + 1 < bytes.count, bytes[i] == 0x5C, bytes[i + 1] == UInt8(ascii: "u") else {
              throw fault("a \\u escape holds half of a surrogate pair")
            }
            i += 2
            let low = try hex4()
            guard (0xDC00 ... 0xDFFF).contains(low) else { throw fault("a \\u escape holds half of a surrogate pair") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else if (0xDC00 ... 0xDFFF).contains(scalar) {
            throw fault("a \\u escape holds half of a surrogate pair")
          }
          out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
          i -= 2
          throw fault("\\\\\(Character(Unicode.Scalar(e))) is not a JSON escape")
        }
      default:
        guard b >= 0x20 else { throw fault("a control character inside a string; write it as a \\u escape") }
        out.append(b)
        i += 1
      }
    }
  }

  private mutating func hex4() throws -> UInt32 {
    guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i ..< i + 4], as: UTF8.self), radix: 16) else {
      throw fault("a \\u escape needs four hex digits")
    }
    i += 4
    return v
  }
}
