/// The JSON every report prints: the `Encodable` encoding of its result value, with keys in
/// the order the value encodes them (a ranking's object lists actors best first) and numbers
/// printed as ``ReportText/jsonNumber(_:)`` prints them (shortest round-trip; `null` when
/// not finite).
///
/// Foundation's `JSONEncoder` orders keys by hash unless told to sort them, so a ranking
/// encoded as an object would come out in a different order on every run; this encoder keeps
/// the order, and so the same value prints the same bytes.
///
///     print(try ReportJSON.encode(try world.ranking(.pagerank)))
///
/// Layout: objects one key per line, indented by two spaces; arrays of scalars on one line;
/// arrays holding objects or arrays one element per line.
public enum ReportJSON {
  /// The value's encoding as text.
  ///
  /// - Complexity: O(size of the encoding).
  public static func encode(_ value: some Encodable) throws -> String {
    try encode(value, compact: false)
  }

  /// The value's encoding as text; `compact`, on one line without spaces (what a page's script
  /// reads: the seed briefing's data is a third smaller).
  ///
  /// - Complexity: O(size of the encoding).
  public static func encode(_ value: some Encodable, compact: Bool) throws -> String {
    let root = Node()
    try value.encode(to: TreeEncoder(node: root, codingPath: []))
    var out: [UInt8] = []
    if compact { root.printCompact(into: &out) } else { root.print(into: &out, depth: 0) }
    return String(decoding: out, as: UTF8.self)
  }

  /// One JSON value being built: a scalar's text, a string (quoted when printed, straight
  /// into the output), or an array's or object's children.
  final class Node {
    enum Kind { case empty, scalar, string, array, object }
    var kind = Kind.empty
    /// A scalar's text, or a string's unquoted value.
    var scalar = "null"
    var keys: [String] = []
    var children: [Node] = []
    /// Each key's position, once an object has more keys than a scan is quick for (an object
    /// keyed by 100,000 actor ids made `rank --format json` quadratic: 10 s on the M graph).
    var positions: [String: Int]?

    func set(_ text: String) {
      kind = .scalar
      scalar = text
    }

    /// Holds a string value (quoted as it is printed: quoting into a `String` first, then
    /// copying it out, was a fifth of encoding an explorer answer's data).
    func set(string: String) {
      kind = .string
      scalar = string
    }

    /// Holds a number as ``ReportText/jsonNumber(_:)`` prints it.
    func set(double: Double) { set(ReportText.jsonNumber(double)) }
    /// Holds an integer.
    func set(int: Int) { set(String(int)) }
    /// Holds `true` or `false`.
    func set(bool: Bool) { set(bool ? "true" : "false") }

    /// Becomes an object, keeping the keys of an object it already is (a superclass's and a
    /// subclass's keyed containers write into one object).
    func becomeObject() {
      if kind != .object { (kind, keys, children, positions) = (.object, [], [], nil) }
    }

    func becomeArray() {
      if kind != .array { (kind, keys, children, positions) = (.array, [], [], nil) }
    }

    /// The child for `key` (a key encoded twice keeps its first position, new value).
    func child(_ key: String) -> Node {
      if positions == nil && keys.count >= 32 {
        var index: [String: Int] = [:]
        for (i, k) in keys.enumerated() where index[k] == nil { index[k] = i }
        positions = index
      }
      if let i = positions.map({ $0[key] }) ?? keys.firstIndex(of: key) {
        children[i] = Node()
        return children[i]
      }
      let node = Node()
      positions?[key] = keys.count
      keys.append(key)
      children.append(node)
      return node
    }

    /// Becomes an array of `elements`, each written into its node by `set`.
    func fill<E>(_ elements: [E], _ set: (Node, E) -> Void) {
      becomeArray()
      children.reserveCapacity(elements.count)
      for e in elements {
        let node = Node()
        set(node, e)
        children.append(node)
      }
    }

    func append() -> Node {
      let node = Node()
      children.append(node)
      return node
    }

    var isContainer: Bool { kind == .array || kind == .object }

    /// Appends the value's text on one line, with no space after `,` or `:`.
    func printCompact(into out: inout [UInt8]) {
      switch kind {
      case .empty: out += "null".utf8
      case .scalar: out += scalar.utf8
      case .string: appendJSONQuoted(scalar, to: &out)
      case .array:
        out.append(UInt8(ascii: "["))
        for (i, c) in children.enumerated() {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          c.printCompact(into: &out)
        }
        out.append(UInt8(ascii: "]"))
      case .object:
        out.append(UInt8(ascii: "{"))
        for (i, c) in children.enumerated() {
          if i > 0 { out.append(UInt8(ascii: ",")) }
          appendJSONQuoted(keys[i], to: &out)
          out.append(UInt8(ascii: ":"))
          c.printCompact(into: &out)
        }
        out.append(UInt8(ascii: "}"))
      }
    }

    /// Appends the value's text, its lines indented two spaces per level below `depth`
    /// (bytes, not a String: key by key concatenation was a quarter of an explorer answer's
    /// data on 1,000 actors).
    func print(into out: inout [UInt8], depth: Int) {
      func indent(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
      switch kind {
      case .empty: out += "null".utf8
      case .scalar: out += scalar.utf8
      case .string: appendJSONQuoted(scalar, to: &out)
      case .array:
        if children.isEmpty { out += "[]".utf8; return }
        if !children.contains(where: \.isContainer) {
          out.append(UInt8(ascii: "["))
          for (i, c) in children.enumerated() {
            if i > 0 { out += ", ".utf8 }
            c.print(into: &out, depth: depth)
          }
          out.append(UInt8(ascii: "]"))
          return
        }
        out += "[\n".utf8
        for (i, c) in children.enumerated() {
          indent(depth + 1)
          c.print(into: &out, depth: depth + 1)
          out += (i == children.count - 1 ? "\n" : ",\n").utf8
        }
        indent(depth)
        out.append(UInt8(ascii: "]"))
      case .object:
        if children.isEmpty { out += "{}".utf8; return }
        out += "{\n".utf8
        for (i, c) in children.enumerated() {
          indent(depth + 1)
          appendJSONQuoted(keys[i], to: &out)
          out += ": ".utf8
          c.print(into: &out, depth: depth + 1)
          out += (i == children.count - 1 ? "\n" : ",\n").utf8
        }
        indent(depth)
        out.append(UInt8(ascii: "}"))
      }
    }
  }

  /// Writes a scalar or recurses into a nested value; `key`, when given, ends its coding path
  /// (the path is only built for a nested value's encoder, not for every scalar).
  ///
  /// Scalars, optional scalars and arrays of them are told apart by their type's identity (a
  /// pointer comparison) rather than by casts: six dynamic casts before every nested value
  /// were a tenth of the encoding, and an array of optional scores made an encoder and a
  /// container per element.
  static func store<T: Encodable>(_ value: T, in node: Node, codingPath: [CodingKey], key: CodingKey? = nil) throws {
    if T.self == Double.self {
      node.set(double: unsafeBitCast(value, to: Double.self))
    } else if T.self == String.self {
      node.set(string: unsafeBitCast(value, to: String.self))
    } else if T.self == Int.self {
      node.set(int: unsafeBitCast(value, to: Int.self))
    } else if T.self == Bool.self {
      node.set(bool: unsafeBitCast(value, to: Bool.self))
    } else if T.self == Float.self {
      node.set(double: Double(unsafeBitCast(value, to: Float.self)))
    } else if T.self == UInt64.self {
      node.set(String(unsafeBitCast(value, to: UInt64.self)))
    } else if T.self == Double?.self {
      if let v = unsafeBitCast(value, to: Double?.self) { node.set(double: v) } else { node.set("null") }
    } else if T.self == String?.self {
      if let v = unsafeBitCast(value, to: String?.self) { node.set(string: v) } else { node.set("null") }
    } else if T.self == Int?.self {
      if let v = unsafeBitCast(value, to: Int?.self) { node.set(int: v) } else { node.set("null") }
    } else if T.self == [Double].self {
      node.fill(unsafeBitCast(value, to: [Double].self)) { $0.set(double: $1) }
    } else if T.self == [Double?].self {
      node.fill(unsafeBitCast(value, to: [Double?].self)) { if let v = $1 { $0.set(double: v) } else { $0.set("null") } }
    } else if T.self == [Int].self {
      node.fill(unsafeBitCast(value, to: [Int].self)) { $0.set(int: $1) }
    } else if T.self == [String].self {
      node.fill(unsafeBitCast(value, to: [String].self)) { $0.set(string: $1) }
    } else {
      try value.encode(to: TreeEncoder(node: node, codingPath: key.map { codingPath + [$0] } ?? codingPath))
    }
  }

  struct TreeEncoder: Encoder {
    let node: Node
    var codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      node.becomeObject()
      return KeyedEncodingContainer(Keyed<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
      node.becomeArray()
      return Unkeyed(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
  }

  struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).set("null") }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
      try ReportJSON.store(value, in: node.child(key.stringValue), codingPath: codingPath, key: key)
    }
    // The common scalars directly (without these, the generic method above implemented the
    // protocol's requirements for them and went through `store`).
    mutating func encode(_ value: Double, forKey key: Key) throws { node.child(key.stringValue).set(double: value) }
    mutating func encode(_ value: String, forKey key: Key) throws { node.child(key.stringValue).set(string: value) }
    mutating func encode(_ value: Int, forKey key: Key) throws { node.child(key.stringValue).set(int: value) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(key.stringValue).set(bool: value) }
    mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
      let child = node.child(key.stringValue)
      child.becomeObject()
      return KeyedEncodingContainer(Keyed<N>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
      let child = node.child(key.stringValue)
      child.becomeArray()
      return Unkeyed(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(node: node.child("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { TreeEncoder(node: node.child(key.stringValue), codingPath: codingPath + [key]) }
  }

  struct Unkeyed: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [CodingKey]
    var count: Int { node.children.count }

    mutating func encodeNil() throws { node.append().set("null") }
    mutating func encode(_ value: some Encodable) throws { try ReportJSON.store(value, in: node.append(), codingPath: codingPath) }
    mutating func encode(_ value: Double) throws { node.append().set(double: value) }
    mutating func encode(_ value: String) throws { node.append().set(string: value) }
    mutating func encode(_ value: Int) throws { node.append().set(int: value) }
    mutating func encode(_ value: Bool) throws { node.append().set(bool: value) }
    mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
      let child = node.append()
      child.becomeObject()
      return KeyedEncodingContainer(Keyed<N>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
      let child = node.append()
      child.becomeArray()
      return Unkeyed(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(node: node.append(), codingPath: codingPath) }
  }

  struct Single: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [CodingKey]
    mutating func encodeNil() throws { node.set("null") }
    mutating func encode(_ value: some Encodable) throws { try ReportJSON.store(value, in: node, codingPath: codingPath) }
    mutating func encode(_ value: Double) throws { node.set(double: value) }
    mutating func encode(_ value: String) throws { node.set(string: value) }
    mutating func encode(_ value: Int) throws { node.set(int: value) }
    mutating func encode(_ value: Bool) throws { node.set(bool: value) }
  }
}

/// A coding key made from any string: how a result encodes an object keyed by actor id.
public struct DynamicKey: CodingKey {
  /// The key's text.
  public var stringValue: String
  /// Always `nil`: these keys name object members, never array positions.
  public var intValue: Int? { nil }
  /// A key with this text.
  public init(_ string: String) { stringValue = string }
  public init(stringValue: String) { self.stringValue = stringValue }
  public init?(intValue: Int) { nil }
}
