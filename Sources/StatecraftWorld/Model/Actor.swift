/// A party to relations: a state, a company, an armed group, an organization, a person, …
///
/// Actors are identified by a short stable code (``ID``, for example `"PAK"`); the
/// ``name`` is for display only. Free ``attributes`` (bloc, region, ISO code, …) are kept as
/// strings and drive clustering and colouring on maps.
public struct Actor: Hashable, Sendable, Identifiable {
  /// A short, stable actor code such as `"PAK"`.
  public struct ID: RawRepresentable, Hashable, Comparable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
  {
    /// The code as written.
    public var rawValue: String
    /// An id with this code.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// An id with this code.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// An id from a string literal, such as `"PAK"`.
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    /// Ids are equal when their Unicode scalars are: "Café" (precomposed é) and "Café"
    /// (e + combining accent) are two actors, as in NetworkX. Swift's `String ==` would
    /// merge them (canonical equivalence).
    public static func == (a: ID, b: ID) -> Bool { ScalarKey.equal(a.rawValue, b.rawValue) }
    public func hash(into hasher: inout Hasher) { ScalarKey.hash(rawValue, into: &hasher) }
    /// Orders by Unicode scalar values (UTF-8 byte order).
    public static func < (a: ID, b: ID) -> Bool {
      a.rawValue.utf8.lexicographicallyPrecedes(b.rawValue.utf8)
    }
  }

  /// What sort of actor this is; maps draw each kind with its own shape.
  public enum Kind: String, CaseIterable, Hashable, Sendable {
    case state
    /// A sub-national territory: a province, a region, a disputed area.
    case region
    case company
    case armedGroup = "armed-group"
    /// An international body, ministry, agency or other institution.
    case organization
    case person
    /// A project or physical asset: a mine, a corridor, a pipeline.
    case project
    case other
  }

  /// The actor's stable code.
  public var id: ID
  /// A display name (defaults to the id).
  public var name: String
  /// What sort of actor it is; maps draw each kind with its own shape.
  public var kind: Kind
  /// Free attributes. Emit them sorted by key: dictionary order is not stable.
  public var attributes: [String: String]

  /// An actor; `name` defaults to the id's code and `kind` to `other`.
  public init(id: ID, name: String? = nil, kind: Kind = .other, attributes: [String: String] = [:]) {
    self.id = id
    self.name = name ?? id.rawValue
    self.kind = kind
    self.attributes = attributes
  }
}

extension Actor.ID {
  /// What is wrong with an id as written, or `nil` when every format can carry it: one rule
  /// for every reader, so a world that reads in one format writes and reads back in all.
  ///
  /// Refused: the empty id, control characters (NUL included: "A" and "A␀" printed alike),
  /// the byte-order mark U+FEFF (invisible; YAML dropped it, so "\u{FEFF}B" became "B") and
  /// Unicode noncharacters such as U+FFFE (XML cannot carry them). Spaces and commas are
  /// allowed (NetworkX's "Washington, D.C."); lists on the command line quote them.
  public static func problem(in id: String) -> String? {
    if id.isEmpty { return "an actor id is empty; give every actor a code such as PAK" }
    for c in id.unicodeScalars {
      if let bad = refusal(of: c) { return "actor id \(ReportText.jsonString(id)) holds \(bad), which no file format carries; remove it" }
    }
    return nil
  }

  /// What a scalar is when no id may hold it (see ``problem(in:)``), or `nil`.
  static func refusal(of c: Unicode.Scalar) -> String? {
    let v = c.value
    if v < 0x20 || (0x7F ... 0x9F).contains(v) { return "a control character (U+\(String(format: "%04X", v)))" }
    if v == 0xFEFF { return "a byte-order mark (U+FEFF, invisible)" }
    if (0xFDD0 ... 0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE { return "the noncharacter U+\(String(format: "%04X", v))" }
    return nil
  }
}
