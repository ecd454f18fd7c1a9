import Testing

@testable import Statecraft
import StatecraftTestSupport

@Suite("NodeScores")
struct NodeScoresTests {
  @Test("ranking breaks ties by file order, even with rounding noise")
  func ties() {
    let s = NodeScores(actors: ["A", "B", "C", "D"], values: [0.1, 0.3, 0.1 + 1e-17, 0.30000000000000004])
    #expect(s.ranked().map(\.actor) == ["B", "D", "A", "C"])
    #expect(s.top(1).map(\.actor) == ["B"])
    #expect(s[actor: "C"] == 0.1 + 1e-17)
    #expect(s[actor: "Z"] == nil)
  }
}
