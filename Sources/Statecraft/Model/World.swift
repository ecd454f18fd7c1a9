/// A model of actors and the relations between them, as read from one world file.
///
/// Value semantics: editing a copy never changes the original. Actors, relations, types
/// and sources keep file order, which is the tie-break for every ranking.
public struct World: Sendable {
  /// A short machine name, used for output file names (`pakistan-2025`).
  public var name: String
  /// A title for maps and reports.
  public var title: String
  /// The date the world describes, if any.
  public var date: PartialDate?
  public var description: String?
  public var actors: [Actor] { didSet { reindex() } }
  public var relations: [Relation]
  public var types: [RelationType]
  public var sources: [Source]

  private var indexByID: [Actor.ID: Int] = [:]

  public init(
    name: String, title: String? = nil, date: PartialDate? = nil, description: String? = nil,
    actors: [Actor], relations: [Relation], types: [RelationType] = [], sources: [Source] = []
  ) {
    self.name = name
    self.title = title ?? name
    self.date = date
    self.description = description
    self.actors = actors
    self.relations = relations
    self.types = types
    self.sources = sources
    reindex()
  }

  private mutating func reindex() {
    indexByID = Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// The node index of an actor in every digraph projected from this world.
  public func index(of id: Actor.ID) -> Int? { indexByID[id] }

  public subscript(actor id: Actor.ID) -> Actor? { index(of: id).map { actors[$0] } }

  public func type(_ id: String) -> RelationType? { types.first { $0.id == id } }

  public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

  /// Whether every relation holds both ways, so the world is an undirected graph.
  public var isUndirected: Bool { !relations.isEmpty && relations.allSatisfy(\.mutual) }
}
