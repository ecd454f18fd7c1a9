/// A value tracked over a sequence of points (dates of a timeline, weights of a sweep).
public struct Series: Sendable {
  /// The series' name (an actor id, or the target of a sweep).
  public var name: String
  /// One value per point of the owning ``SeriesSet``; NaN where the value does not exist.
  public var values: [Double]

  /// A series with one value per point; NaN where a value does not exist.
  public init(name: String, values: [Double]) {
    self.name = name
    self.values = values
  }

  /// Largest value minus smallest: how far the series moved at all.
  public var spread: Double {
    let finite = values.filter { !$0.isNaN }
    guard let lo = finite.min(), let hi = finite.max() else { return 0 }
    return hi - lo
  }

  /// Last value minus first (NaN ends are skipped).
  public var change: Double {
    let finite = values.filter { !$0.isNaN }
    guard let first = finite.first, let last = finite.last else { return 0 }
    return last - first
  }
}

/// Several series over the same points: a timeline's actors, or a sweep's target.
public struct SeriesSet: Sendable {
  /// What the values are (a measure's name, "CHN over PAK").
  public var quantity: String
  /// What the points are ("date", "weight of us-tariff-threat").
  public var axis: String
  /// The points' labels, in order.
  public var points: [String]
  /// The points as numbers, for charts (dates as fractional years).
  public var positions: [Double]
  /// The series, one per actor (a timeline) or one for the target (a sweep).
  public var series: [Series]
  /// A position to mark on the axis and what it is (a sweep marks the relation's current weight).
  public var marker: (position: Double, label: String)?

  /// A set of series over shared points.
  public init(
    quantity: String, axis: String, points: [String], positions: [Double], series: [Series],
    marker: (position: Double, label: String)? = nil
  ) {
    self.quantity = quantity
    self.axis = axis
    self.points = points
    self.positions = positions
    self.series = series
    self.marker = marker
  }

  /// The series that moved most: largest ``Series/spread`` (max − min), ties in order. A
  /// timeline whose relations come and go can move a lot and end where it began.
  public func biggestMovers(_ k: Int) -> [Series] {
    NodeScores.descendingOrder(series.map(\.spread)).prefix(k).map { series[$0] }
  }

  /// The values as a table, JSON or long CSV (`series,point,value`).
  public func report(_ format: ReportFormat, top: Int? = nil) -> String {
    let shown = top.map { biggestMovers($0) } ?? series
    switch format {
    case .json:
      // The encoding cannot fail: names, numbers and lists of them.
      return (try? ReportJSON.encode(SeriesReport(set: self, top: top))) ?? "{}"
    case .csv:
      var lines = ["series,\(ReportText.csvField(axis)),\(ReportText.csvField(quantity))"]
      for s in shown {
        for (p, v) in zip(points, s.values) {
          lines.append("\(ReportText.csvField(s.name)),\(ReportText.csvField(p)),\(ReportText.jsonNumber(v))")
        }
      }
      return lines.joined(separator: "\n")
    case .table:
      let header = [axis] + shown.map(\.name)
      let rows = points.indices.map { i in [points[i]] + shown.map { ReportText.tableNumber($0.values[i]) } }
      let change = ["last − first"] + shown.map { ReportText.signedNumber($0.change) }
      let spread = ["max − min"] + shown.map { ReportText.tableNumber($0.spread) }
      return "\(quantity) by \(axis)" + (top.map { " (the \($0) that moved most: largest max − min)" } ?? "") + "\n\n"
        + ReportText.table(header: header, rows: rows + [change, spread], rightAligned: Set(1 ..< header.count))
    }
  }
}

/// A timeline asked for more dates than ``TimeStep/maxDates``.
public struct TimelineTooLong: Error, CustomStringConvertible {
  /// The dates the range and step would make.
  public var dates: Int
  /// The step asked for.
  public var step: TimeStep
  public var description: String {
    "from and to are \(dates) \(step.rawValue)s apart, more than the \(TimeStep.maxDates) dates a timeline draws; take a longer --step or a shorter range"
  }
}

/// A step between timeline dates: a day or a week (for worlds of daily or weekly relations, as
/// `import events --window week` writes), a month, a quarter or a year.
public enum TimeStep: String, CaseIterable, Sendable {
  case day, week, month, quarter, year

  var months: Int {
    switch self {
    case .day, .week, .month: 1
    case .quarter: 3
    case .year: 12
    }
  }

  /// The most dates a timeline has: one measure per date.
  public static let maxDates = 10_000

  /// How many dates a timeline from `start` to `end` has at this step.
  public func dateCount(from start: PartialDate, to end: PartialDate) -> Int {
    switch self {
    case .day, .week:
      let days = EventCalendar.dayNumber(end.lastDayKey) - EventCalendar.dayNumber(start.firstDayKey)
      return days < 0 ? 0 : days / (self == .day ? 1 : 7) + 1
    case .month, .quarter, .year:
      let months = (end.year * 12 + (end.month ?? 12)) - (start.year * 12 + (start.month ?? 1))
      return months < 0 ? 0 : months / self.months + 1
    }
  }

  /// The timeline's dates from `start` to `end` (inclusive; at most ``maxDates``): days from
  /// `start`'s first day for `day` and `week`, months for `month` and `quarter`, years for `year`.
  func dates(from start: PartialDate, to end: PartialDate) -> [PartialDate] {
    var dates: [PartialDate] = []
    switch self {
    case .day, .week:
      var n = EventCalendar.dayNumber(start.firstDayKey)
      let last = EventCalendar.dayNumber(end.lastDayKey)
      while n <= last && dates.count < Self.maxDates {
        let key = EventCalendar.key(ofDayNumber: n)
        dates.append(PartialDate(validYear: key / 10_000, month: (key / 100) % 100, day: key % 100))
        n += self == .day ? 1 : 7
      }
    case .month, .quarter, .year:
      var month = start.year * 12 + (start.month ?? 1) - 1
      let last = end.year * 12 + (end.month ?? 12) - 1
      while month <= last && dates.count < Self.maxDates {
        dates.append(self == .year ? PartialDate(validYear: month / 12) : PartialDate(validYear: month / 12, month: month % 12 + 1))
        month += months
      }
    }
    return dates
  }
}

extension World {
  /// How actors' scores move over time: the measure through the lens at each date from
  /// `start` to `end` (inclusive) by `step`, each date seeing only the relations valid on it.
  ///
  ///     let t = try world.timeline(.pagerank, from: PartialDate("2024-01")!, to: PartialDate("2025-12")!, step: .quarter)
  ///     t.biggestMovers(3)
  ///
  /// Dates are days (`YYYY-MM-DD`) for `day` and `week` steps (a week from `start`'s first
  /// day), months (`YYYY-MM`) for `month` and `quarter`, and years for `year`.
  ///
  /// - Throws: ``TimelineTooLong`` for a range of more than ``TimeStep/maxDates`` dates (say a
  ///   longer step), and what the measure throws.
  /// - Complexity: one projection and one measure per date.
  public func timeline(
    _ measure: Measure, from start: PartialDate, to end: PartialDate, step: TimeStep, lens: Lens = Lens(),
    settings: Measure.Settings = .init(), progress: ((_ done: Int, _ total: Int) -> Void)? = nil
  ) throws -> SeriesSet {
    let count = step.dateCount(from: start, to: end)
    guard count <= TimeStep.maxDates else { throw TimelineTooLong(dates: count, step: step) }
    let dates = step.dates(from: start, to: end)
    var columns: [[Double]] = []
    for date in dates {
      var l = lens
      l.date = date
      columns.append(try scores(measure, lens: l, settings: settings).values)
      progress?(columns.count, dates.count)
    }
    let series = actors.indices.map { i in Series(name: actors[i].id.rawValue, values: columns.map { $0[i] }) }
    return SeriesSet(
      quantity: measure.rawValue, axis: "date", points: dates.map(\.description),
      positions: dates.map { date in
        guard date.day != nil else { return Double(date.year) + Double((date.month ?? 1) - 1) / 12 }
        let n = EventCalendar.dayNumber(date.firstDayKey), jan1 = EventCalendar.dayNumber(date.year * 10_000 + 101)
        return Double(date.year) + Double(n - jan1) / 365.25
      }, series: series)
  }

  /// A target's value as one relation's weight runs over `weights` (a sweep).
  ///
  ///     let s = try world.sweep(.id("us-tariff-threat"), over: [0.2, 0.4, 0.6, 0.8, 1.0],
  ///                             target: .influence(InfluencePair("CHN over PAK")!, .fj))
  ///
  /// Each step's PageRank or influence solve starts from the step before's solution: the
  /// values of re-weighting and solving each step from scratch to the solver's tolerance
  /// (PageRank 1e-15, Friedkin–Johnsen 1e-13 per actor), in fewer sweeps, not bit for bit.
  /// - Complexity: one world edit and one computation of each question per step.
  public func sweep(
    _ relation: RelationReference, over weights: [Double], target: LeverageTarget, lens: Lens = Lens(),
    settings: Measure.Settings = .init()
  ) throws -> SeriesSet {
    let i = try relationIndex(relation)
    let key = RelationReference.key(relationKey(at: i))
    var values: [Double] = []
    var solution: [Double]?
    for w in weights {
      var edited = self
      try edited.apply(.reweight(key, weight: w))
      let step = try edited.value(of: target, lens: lens, settings: settings, start: solution)
      values.append(step.value)
      solution = step.solution
    }
    return SeriesSet(
      quantity: target.description, axis: "weight of \(relationName(at: i))", points: weights.map(ReportText.jsonNumber),
      positions: weights, series: [Series(name: target.description, values: values)],
      marker: (relations[i].weight, "current weight \(ReportText.jsonNumber(relations[i].weight))"))
  }
}
