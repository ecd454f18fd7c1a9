/// An actor id that is not in the world: the one error every lookup by id throws (edits, path
/// and influence queries, groups, knock-outs), with the closest id as a hint.
public struct UnknownActorError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The id asked for.
  public var id: Actor.ID
  /// The world's closest id, if one is spelled like it (``World/actorSuggestion(for:)``).
  public var suggestion: String?

  /// An unknown-actor error for `id`, with an optional did-you-mean.
  public init(_ id: Actor.ID, suggestion: String?) {
    self.id = id
    self.suggestion = suggestion
  }

  public var description: String {
    "actor \"\(id)\" is not in this world\(didYouMean(suggestion, for: id.rawValue))"
  }
}

/// Finding actors and types by id, with a did-you-mean when they are not there.
extension World {
  /// The node index of an actor (its position in ``actors``).
  ///
  /// - Throws: ``UnknownActorError`` with the closest id as a hint.
  /// - Complexity: O(1) expected; O(actors) (bounded) to find the hint when it throws.
  public func requireIndex(of id: Actor.ID) throws(UnknownActorError) -> Int {
    guard let i = index(of: id) else { throw UnknownActorError(id, suggestion: actorSuggestion(for: id)) }
    return i
  }

  /// The id of an actor spelled like `id` (a did-you-mean for an unknown actor), if any.
  ///
  /// - Complexity: O(actors), bounded (``closestMatch(to:in:)``).
  public func actorSuggestion(for id: Actor.ID) -> String? { closestMatch(to: id.rawValue, in: actors.map(\.id.rawValue)) }

  /// The id of a declared relation type spelled like `type`, if any.
  ///
  /// - Complexity: O(types).
  public func typeSuggestion(for type: String) -> String? { closestMatch(to: type, in: types.map(\.id)) }
}
