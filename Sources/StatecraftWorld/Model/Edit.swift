/// One change to a world: the unit a scenario is made of.
///
///     var edited = world
///     try edited.apply(.reweight(.match(from: "USA", to: "PAK", type: "investment"), weight: 0.8))
///     try edited.apply(.removeActor("BSG"))
///
/// Edits validate exactly like the YAML reader (known actors, declared types and sources,
/// weights finite and > 0, unique ids, `until` not before `since`) and throw ``EditError``;
/// the scenario reader adds the file, line and column.
public enum Edit: Hashable, Sendable {
  /// Adds a relation (its sign as given; ``World/relation(from:to:type:weight:id:)`` builds one
  /// with the type's polarity). Boxed (`indirect`): a relation is twice the size of every
  /// other edit, and an explorer session keeps every edit for undo and "save as scenario".
  indirect case addRelation(Relation)
  /// Removes one relation.
  case removeRelation(RelationReference)
  /// Sets one relation's strength.
  case reweight(RelationReference, weight: Double)
  /// Makes one relation's strength uncertain: a range (its weight becomes the midpoint;
  /// `scenario --samples` draws it, as it draws the world's own ranges).
  case reweightRange(RelationReference, range: ClosedRange<Double>)
  /// Changes one relation's type; its sign becomes the new type's polarity.
  case retype(RelationReference, type: String)
  /// Sets one relation's sign.
  case resign(RelationReference, sign: Sign)
  /// Sets or clears one relation's `since` and `until` ("the partnership holds from 2025-03").
  case redate(RelationReference, since: DateChange, until: DateChange)
  /// Multiplies the strength of every relation of a type by `factor` (> 0); with `among`,
  /// only relations whose both ends are among those actors.
  case scaleType(String, factor: Double, among: [Actor.ID]?)
  /// Adds an actor.
  case addActor(Actor)
  /// Removes an actor and every relation it takes part in.
  case removeActor(Actor.ID)
}

/// What a ``Edit/redate(_:since:until:)`` does to one date of a relation.
public enum DateChange: Hashable, Sendable {
  /// Leaves the date as it is.
  case keep
  /// Sets the date.
  case set(PartialDate)
  /// Removes the date (the relation holds without that bound).
  case clear

  /// The date after the change, from the date before it.
  func applied(to date: PartialDate?) -> PartialDate? {
    switch self {
    case .keep: date
    case let .set(d): d
    case .clear: nil
    }
  }
}

/// An edit that does not fit the world it is applied to.
public enum EditError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An edit names an undeclared relation type.
  case unknownType(String, suggestion: String?)
  /// An added relation cites an undeclared source.
  case unknownSource(String, suggestion: String?)
  /// No relation matches the reference.
  case unknownRelation(RelationReference, suggestion: String?)
  /// Several relations match the reference: `total` of them, the first few named in `candidates`.
  case ambiguousRelation(RelationReference, candidates: [String], total: Int)
  /// An added actor's id is taken.
  case duplicateActor(Actor.ID)
  /// An added relation's id is taken.
  case duplicateRelationID(String)
  /// A weight is not a finite number > 0.
  case invalidWeight(Double)
  /// A scale factor is not a finite number > 0.
  case invalidFactor(Double)
  /// An added relation ends before it starts.
  case datesReversed(since: PartialDate, until: PartialDate)
  /// An added actor's id is empty or holds a space or comma.
  case invalidActorID(String)

  public var description: String {
    switch self {
    case let .unknownType(t, s): return "relation type \"\(t)\" is not declared\(didYouMean(s)); declare it in the base world"
    case let .unknownSource(t, s): return "source \"\(t)\" is not declared\(didYouMean(s)); declare it in the base world"
    case let .unknownRelation(r, s):
      return "no \(r) in the world" + (s.map { "; the closest is \"\($0)\"" } ?? "")
    case let .ambiguousRelation(r, candidates, total):
      // A few names and a count: 100,000 parallel ties once made a 1.8 MB message.
      let shown = candidates.joined(separator: "; ") + (total > candidates.count ? "; … \(total - candidates.count) more" : "")
      return "\(r) matches \(total) relations (\(shown)); "
        + "name the type, or give the relation an `id:` in the world and refer to it by id"
    case let .duplicateActor(id): return "actor \"\(id)\" is already in the world; ids must be unique"
    case let .duplicateRelationID(id): return "a relation with id \"\(id)\" is already in the world; ids must be unique"
    case let .invalidWeight(w): return "weight \(w) must be a finite number greater than 0"
    case let .invalidFactor(f): return "scale factor \(f) must be a finite number greater than 0"
    case let .datesReversed(since, until): return "until \(until) is before since \(since); swap them"
    case let .invalidActorID(id): return Actor.ID.problem(in: id) ?? "actor id \"\(id)\" cannot be used"
    }
  }
}

extension World {
  /// A relation of a declared type with the type's polarity as its sign (mutual in an
  /// undirected world).
  /// - Complexity: O(1) expected (a type lookup).
  public func relation(
    from: Actor.ID, to: Actor.ID, type: String, weight: Double, id: String? = nil
  ) -> Relation {
    Relation(
      from: from, to: to, type: type, weight: weight, sign: self.type(type)?.polarity ?? .neutral,
      mutual: !directed, id: id)
  }

  /// Applies one edit in place; on error the world is unchanged.
  ///
  /// - Complexity: O(relations) per edit (a reference is resolved by a scan).
  public mutating func apply(_ edit: Edit) throws {
    switch edit {
    case var .addRelation(r):
      try validate(r)
      if !directed { r.mutual = true }
      relations.append(r)
    case let .removeRelation(ref):
      relations.remove(at: try relationIndex(ref))
    case let .reweight(ref, weight):
      let i = try relationIndex(ref)
      guard weight.isFinite, weight > 0 else { throw EditError.invalidWeight(weight) }
      relations[i].weight = weight
      relations[i].weightRange = nil  // a re-weight states the strength exactly
    case let .reweightRange(ref, range):
      let i = try relationIndex(ref)
      for w in [range.lowerBound, range.upperBound] where !(w.isFinite && w > 0) { throw EditError.invalidWeight(w) }
      relations[i].weight = range.lowerBound / 2 + range.upperBound / 2
      relations[i].weightRange = range
    case let .retype(ref, type):
      let i = try relationIndex(ref)
      guard let t = self.type(type) else {
        throw EditError.unknownType(type, suggestion: typeSuggestion(for: type))
      }
      relations[i].type = t.id
      relations[i].sign = t.polarity
    case let .resign(ref, sign):
      relations[try relationIndex(ref)].sign = sign
    case let .redate(ref, since, until):
      let i = try relationIndex(ref)
      var r = relations[i]
      (r.since, r.until) = (since.applied(to: r.since), until.applied(to: r.until))
      if let s = r.since, let u = r.until, PartialDate.reversed(since: s, until: u) { throw EditError.datesReversed(since: s, until: u) }
      relations[i] = r
    case let .scaleType(type, factor, among):
      try scale(type: type, by: factor, among: among)
    case let .addActor(actor):
      // The one id rule every reader applies (``Actor/ID/problem(in:)``).
      guard Actor.ID.problem(in: actor.id.rawValue) == nil else { throw EditError.invalidActorID(actor.id.rawValue) }
      guard index(of: actor.id) == nil else { throw EditError.duplicateActor(actor.id) }
      actors.append(actor)
    case let .removeActor(id):
      let i = try requireIndex(of: id)
      relations.removeAll(touching: id)
      actors.remove(at: i)
    }
  }

  /// Multiplies the weight (and weight range) of every relation of `type` by `factor`, or of
  /// those between members of `among` only. Every new weight is checked before any is
  /// written, so an overflow or underflow leaves the world unchanged.
  private mutating func scale(type: String, by factor: Double, among: [Actor.ID]?) throws {
    guard self.type(type) != nil else {
      throw EditError.unknownType(type, suggestion: typeSuggestion(for: type))
    }
    guard factor.isFinite, factor > 0 else { throw EditError.invalidFactor(factor) }
    for a in among ?? [] { _ = try requireIndex(of: a) }
    let group = among.map(Set.init)
    let scaled = relations.indices(ofType: type).filter { i in
      group.map { $0.contains(relations.from(at: i)) && $0.contains(relations.to(at: i)) } ?? true
    }
    for i in scaled {
      let range = relations.weightRange(at: i)
      for weight in [relations.weights[i], range?.lowerBound, range?.upperBound].compactMap({ $0 }).map({ $0 * factor }) {
        guard weight.isFinite, weight > 0 else { throw EditError.invalidWeight(weight) }
      }
    }
    for i in scaled {
      if let range = relations.weightRange(at: i) {
        relations[i].weightRange = range.lowerBound * factor ... range.upperBound * factor
      }
      relations.setWeight(relations.weights[i] * factor, at: i)
    }
  }

  /// Applies edits in order; on error the world is unchanged.
  /// - Complexity: O(edits × relations); one copy of the world.
  public mutating func apply(_ edits: [Edit]) throws {
    var copy = self
    for edit in edits { try copy.apply(edit) }
    self = copy
  }

  /// Checks a new relation the way the YAML reader checks one.
  func validate(_ r: Relation) throws {
    for a in [r.from, r.to] where index(of: a) == nil {
      throw UnknownActorError(a, suggestion: actorSuggestion(for: a))
    }
    guard type(r.type) != nil else {
      throw EditError.unknownType(r.type, suggestion: typeSuggestion(for: r.type))
    }
    guard r.weight.isFinite, r.weight > 0 else { throw EditError.invalidWeight(r.weight) }
    if let range = r.weightRange, !(range.lowerBound > 0 && range.upperBound.isFinite) {
      throw EditError.invalidWeight(range.lowerBound)
    }
    if let s = r.source, source(s) == nil {
      throw EditError.unknownSource(s, suggestion: closestMatch(to: s, in: sources.map(\.id)))
    }
    if let since = r.since, let until = r.until, PartialDate.reversed(since: since, until: until) {
      throw EditError.datesReversed(since: since, until: until)
    }
    if let id = r.id, relations.index(ofID: id) != nil {
      throw EditError.duplicateRelationID(id)
    }
  }
}
