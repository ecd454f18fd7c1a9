/// The stable name of a relation without an `id:`: its endpoints, type and an ordinal.
///
/// The ordinal counts relations with the same from, to and type in file order, from 1, so
/// `USA→PAK tariff-threat` names the first such relation and `USA→PAK tariff-threat #2` the
/// second. Keys do not change when other relations are added or re-weighted; removing an
/// earlier relation of the same triple renumbers the later ones, which is why scenario files
/// that remove and then edit parallel relations should give them `id:`s.
public struct RelationKey: Hashable, Sendable, CustomStringConvertible {
  /// The relation's source actor.
  public var from: Actor.ID
  /// The relation's target actor.
  public var to: Actor.ID
  /// The relation's type.
  public var type: String
  /// 1 for the first relation with this from, to and type; 2 for the second; …
  public var ordinal: Int

  /// The key of the `ordinal`-th relation (from 1) from `from` to `to` of type `type`.
  public init(from: Actor.ID, to: Actor.ID, type: String, ordinal: Int = 1) {
    self.from = from
    self.to = to
    self.type = type
    self.ordinal = ordinal
  }

  /// `USA→PAK tariff-threat`, with ` #n` for the n-th parallel relation of that type.
  public var description: String {
    "\(from)→\(to) \(type)" + (ordinal > 1 ? " #\(ordinal)" : "")
  }
}

/// How an edit or a question points at one relation.
public enum RelationReference: Hashable, Sendable, CustomStringConvertible {
  /// The relation whose `id:` is this.
  case id(String)
  /// The one relation from `from` to `to` (either way if it is mutual) of `type`, or of any
  /// type when `type` is `nil`; it is an error when several match.
  case match(from: Actor.ID, to: Actor.ID, type: String?)
  /// The relation with this derived key.
  case key(RelationKey)

  public var description: String {
    switch self {
    case let .id(id): "relation \"\(id)\""
    case let .match(from, to, type): "relation \(from)→\(to)" + (type.map { " of type \($0)" } ?? "")
    case let .key(key): "relation \(key)"
    }
  }
}

extension World {
  /// Every relation's derived key, in file order (O(relations)).
  /// - Complexity: O(relations) expected.
  public func relationKeys() -> [RelationKey] {
    var seen: [RelationKey: Int] = [:]
    return relations.map { r in
      var key = RelationKey(from: r.from, to: r.to, type: r.type, ordinal: 0)
      let n = (seen[key] ?? 0) + 1
      seen[key] = n
      key.ordinal = n
      return key
    }
  }

  /// How reports name relation `i`: its `id`, else its derived key.
  ///
  /// - Parameters:
  ///   - i: The relation's index.
  ///   - keys: ``relationKeys()``, when naming many relations; without it the
  ///     ordinal is found by a scan of the relations before `i` (O(*i*)).
  /// - Complexity: O(1) with `keys`; O(relations) without.
  public func relationName(at i: Int, keys: [RelationKey]? = nil) -> String {
    let r = relations[i]
    if let id = r.id { return id }
    return (keys?[i] ?? relationKey(at: i)).description
  }

  /// Relation `i`'s derived key: ``relationKeys()``[i] without deriving the others.
  /// - Complexity: O(*i*): a scan of the relations before it for its ordinal.
  public func relationKey(at i: Int) -> RelationKey {
    let r = relations[i]
    return RelationKey(from: r.from, to: r.to, type: r.type, ordinal: relations.ordinal(at: i))
  }

  /// The index of the one relation a reference names.
  ///
  /// - Throws: ``EditError/unknownRelation(_:suggestion:)`` when none matches (with the
  ///   closest id as a hint), ``EditError/ambiguousRelation(_:candidates:total:)`` when several do.
  /// - Complexity: O(relations): a scan (and a bounded did-you-mean when none matches).
  public func relationIndex(_ reference: RelationReference) throws -> Int {
    switch reference {
    case let .id(id):
      if let i = relations.index(ofID: id) { return i }
      throw EditError.unknownRelation(reference, suggestion: closestMatch(to: id, in: relations.indices.compactMap(relations.id(at:))))
    case let .key(key):
      if let i = relations.index(ofKey: key) { return i }
      throw EditError.unknownRelation(reference, suggestion: nil)
    case let .match(from, to, type):
      for actor in [from, to] where index(of: actor) == nil {
        throw UnknownActorError(actor, suggestion: actorSuggestion(for: actor))
      }
      if let type, self.type(type) == nil {
        throw EditError.unknownType(type, suggestion: typeSuggestion(for: type))
      }
      let hits = relations.indices(joining: from, to, type: type, eitherWay: !directed)
      if hits.count == 1 { return hits[0] }
      if hits.isEmpty {
        let between = relations.indices(joining: from, to, type: nil, eitherWay: true).map { relations[$0].type }
        throw EditError.unknownRelation(
          reference, suggestion: type.flatMap { closestMatch(to: $0, in: between) } ?? between.first)
      }
      let keys = relationKeys()
      throw EditError.ambiguousRelation(reference, candidates: hits.prefix(5).map { relationName(at: $0, keys: keys) }, total: hits.count)
    }
  }
}

extension RelationStore {
  /// The indices of the relations that join `a` to `b` (as written, or either way when
  /// mutual or `eitherWay`), of `type` when given; a scan of the integer columns.
  package func indices(joining a: Actor.ID, _ b: Actor.ID, type: String?, eitherWay: Bool) -> [Int] {
    guard let sa = existingActorSymbol(a), let sb = existingActorSymbol(b) else { return [] }
    var st: Int32 = -1
    if let type {
      guard let s = existingTypeSymbol(type) else { return [] }
      st = s
    }
    return indices.filter { i in
      if st >= 0 && typeSymbols[i] != st { return false }
      let f = fromSymbols[i], t = toSymbols[i]
      if f == sa && t == sb { return true }
      return (eitherWay || isMutual(at: i)) && f == sb && t == sa
    }
  }

  /// The 1-based ordinal of relation `i` among relations with its from, to and type.
  func ordinal(at i: Int) -> Int {
    let (f, t, ty) = (fromSymbols[i], toSymbols[i], typeSymbols[i])
    return 1 + (0 ..< i).count { fromSymbols[$0] == f && toSymbols[$0] == t && typeSymbols[$0] == ty }
  }

  /// The index of the relation a derived key names, if any.
  func index(ofKey key: RelationKey) -> Int? {
    guard let f = existingActorSymbol(key.from), let t = existingActorSymbol(key.to),
      let ty = existingTypeSymbol(key.type), key.ordinal >= 1
    else { return nil }
    var seen = 0
    for i in indices where fromSymbols[i] == f && toSymbols[i] == t && typeSymbols[i] == ty {
      seen += 1
      if seen == key.ordinal { return i }
    }
    return nil
  }
}
