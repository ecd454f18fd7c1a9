import Statecraft

/// The explorer's edit panel: the controls beside the page that change the world and the lens.
/// Its script (``PageAssets/explorerScript``) fills the lists from the page's data and sends
/// each change to the server; the panel itself holds no world text until then.
public enum ExplorerPanel {
  static func html(_ b: Briefing) -> String {
    let kinds = Actor.Kind.allCases.map { "<option>\(HTML.text($0.rawValue))</option>" }.joined()
    let signs = ["cooperative", "hostile", "neutral"].map { "<option>\($0)</option>" }.joined()
    return """
      <aside class="panel" id="explorer">
      <h2>Explore</h2>
      <p class="small">Change a tie, an actor or the lens: every section recomputes at once; changes against the unedited world are marked, and the map keeps its layout.</p>
      <div class="row"><button type="button" id="x-undo">Undo</button><button type="button" id="x-redo">Redo</button><button type="button" id="x-relayout">Re-layout</button></div>
      <p class="small" id="x-status" role="status">Ready.</p>
      <fieldset><legend>Selected tie</legend>
      <p class="small" id="x-tie-help">Click a tie on the map, or an actor and then one of its ties.</p>
      <label>Relation <select id="x-relation"></select></label>
      <label>Weight <input type="range" id="x-weight-range" min="0.01" max="2" step="0.01"></label>
      <label><input type="number" id="x-weight" min="0" step="0.01"> <span class="small">type a weight, or drag</span></label>
      <label>Sign <select id="x-sign">\(signs)</select></label>
      <label>Type <select id="x-type"></select></label>
      <div class="row"><button type="button" id="x-apply">Apply</button><button type="button" id="x-remove">Remove this relation</button></div>
      </fieldset>
      <fieldset><legend>Add a relation</legend>
      <label>From <select id="x-from"></select></label>
      <label>To <select id="x-to"></select></label>
      <label>Type <select id="x-add-type"></select></label>
      <label>Weight <input type="number" id="x-add-weight" min="0" step="0.05" value="0.5"></label>
      <label><input type="checkbox" id="x-mutual"> mutual</label>
      <button type="button" id="x-add">Add relation</button>
      </fieldset>
      <fieldset><legend>Actors</legend>
      <label>Id <input type="text" id="x-actor-id" size="10"></label>
      <label>Name <input type="text" id="x-actor-name" size="22"></label>
      <label>Kind <select id="x-actor-kind">\(kinds)</select></label>
      <div class="row"><button type="button" id="x-add-actor">Add actor</button><button type="button" id="x-remove-actor" disabled>Remove focused actor</button></div>
      </fieldset>
      <fieldset><legend>Lens</legend>
      <label>Date <input type="range" id="x-date" min="0" max="\(b.months.count)" value="0"> <span id="x-date-label"></span></label>
      <label>Ties <select id="x-lens-sign"><option value="absolute">every sign</option><option value="positive">cooperative only</option><option value="negative">hostile only</option></select></label>
      <label>Parallel ties <select id="x-combine"><option value="sum">summed</option><option value="max">strongest</option></select></label>
      <label>Types <select id="x-types" multiple size="5"></select></label>
      <button type="button" id="x-lens">Apply lens</button>
      </fieldset>
      <fieldset><legend>Edits</legend>
      <ol id="x-edits"></ol>
      <label>Compare <select id="x-a"></select> with <select id="x-b"></select></label>
      <button type="button" id="x-compare">Compare</button>
      <div id="x-comparison"></div>
      <p class="row"><a id="x-save" href="/api/scenario.yaml" download="explorer-scenario.yaml">Save as scenario</a> · <a id="x-report" href="/api/report.html" download="briefing.html">Download report</a></p>
      </fieldset>
      </aside>

      """
  }

  /// Two states side by side: each measure and influence answer in A and B, and B − A.
  public static func comparison(_ a: Briefing, _ b: Briefing, labels: (String, String)) -> String {
    var out = "<table class=\"compare\"><thead><tr><th>actor</th><th>measure</th><th class=\"num\">\(HTML.text(labels.0))</th><th class=\"num\">\(HTML.text(labels.1))</th><th class=\"num\">change</th></tr></thead><tbody>"
    let measures = a.measures.map(\.name).filter { name in b.measures.contains { $0.name == name } }.prefix(2)
    for m in measures {
      let (ia, ib) = (a.measures.firstIndex { $0.name == m }!, b.measures.firstIndex { $0.name == m }!)
      let top = b.actors.sorted { ($0.ranks[ib], $0.id) < ($1.ranks[ib], $1.id) }.prefix(8)
      for actor in top {
        let before = a.actors.first { $0.id == actor.id }?.scores[ia] ?? nil
        let after = actor.scores[ib]
        let delta = before.flatMap { x in after.map { $0 - x } }
        out += "<tr><td>\(HTML.text(actor.name))</td><td>\(HTML.text(m))</td>"
          + "<td class=\"num\">\(HTML.text(before.map(ReportText.tableNumber) ?? "—"))</td><td class=\"num\">\(HTML.text(after.map(ReportText.tableNumber) ?? "—"))</td>"
          + "<td class=\"num\">\(HTML.text(delta.map(ReportText.signedNumber) ?? "—"))</td></tr>"
      }
    }
    for ib in b.influence {
      guard let ia = a.influence.first(where: { $0.target == ib.target }) else { continue }
      for share in ib.rows.prefix(3) {
        let before = ia.rows.first { $0.actor == share.actor }?.share ?? 0
        out += "<tr><td>\(HTML.text(share.actor)) over \(HTML.text(ib.target))</td><td>influence</td>"
          + "<td class=\"num\">\(HTML.text(ReportText.tableNumber(before)))</td><td class=\"num\">\(HTML.text(ReportText.tableNumber(share.share)))</td>"
          + "<td class=\"num\">\(HTML.text(ReportText.signedNumber(share.share - before)))</td></tr>"
      }
    }
    return out + "</tbody></table>"
  }
}
