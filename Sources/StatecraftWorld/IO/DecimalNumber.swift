extension Double {
  /// A number written in decimal, the only notation the readers accept: an optional sign,
  /// digits with an optional fraction, an optional exponent (`0.6`, `-3`, `1e-3`, `.5`).
  ///
  /// Swift's `Double(_:)` also reads hexadecimal (`"0x10"` is 16), `nan`, `inf` and
  /// `infinity`; NetworkX and the formats' own specifications do not, so a weight written that
  /// way is refused rather than silently read.
  ///
  /// - Complexity: O(length of the text).
  public init?(decimal text: some StringProtocol) {
    var digits = 0, index = 0
    var seenPoint = false, seenExponent = false, exponentDigits = 0
    for byte in text.utf8 {
      defer { index += 1 }
      switch byte {
      case UInt8(ascii: "0") ... UInt8(ascii: "9"):
        if seenExponent { exponentDigits += 1 } else { digits += 1 }
      case UInt8(ascii: "+"), UInt8(ascii: "-"):
        // A sign opens the number or its exponent, nowhere else.
        guard index == 0 || (seenExponent && exponentDigits == 0 && Self.previousWasE(text, index)) else { return nil }
      case UInt8(ascii: "."):
        guard !seenPoint, !seenExponent else { return nil }
        seenPoint = true
      case UInt8(ascii: "e"), UInt8(ascii: "E"):
        guard !seenExponent, digits > 0 else { return nil }
        seenExponent = true
      default: return nil
      }
    }
    guard digits > 0, !seenExponent || exponentDigits > 0, let value = Double(String(text)) else { return nil }
    self = value
  }

  private static func previousWasE(_ text: some StringProtocol, _ index: Int) -> Bool {
    let bytes = Array(text.utf8)
    return index > 0 && (bytes[index - 1] == UInt8(ascii: "e") || bytes[index - 1] == UInt8(ascii: "E"))
  }
}
