import Foundation

/// Throws a located error at the first byte of `data` that is not UTF-8. Readers that take
/// raw bytes (XML, JSON) call it first, so a stray byte is a message, not a trap.
func requireUTF8(_ data: Data, file: String) throws {
  if let (line, column, byte) = firstInvalidUTF8(data) {
    throw GraphFileError.invalid(file: file, problems: [.init(
      line: line, column: column,
      message: "byte 0x\(String(byte, radix: 16, uppercase: true)) does not begin a UTF-8 character (a Latin-1 or Windows-1252 file holds such bytes); save the file as UTF-8")])
  }
}

/// The line, column and value of the first byte that does not begin a valid UTF-8 sequence
/// (its lead byte, so that é in Latin-1, 0xE9, is named rather than the byte after it).
func firstInvalidUTF8(_ data: Data) -> (Int, Int, UInt8)? {
  var line = 1, column = 1
  var i = data.startIndex
  while i < data.endIndex {
    let b = data[i]
    let length = b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0
    guard length > 0, data.distance(from: i, to: data.endIndex) >= length else { return (line, column, b) }
    for k in 1 ..< length where data[i + k] & 0xC0 != 0x80 { return (line, column, b) }
    // Overlong three- and four-byte forms, surrogates and code points above U+10FFFF.
    if length == 3 {
      let b1 = data[i + 1]
      if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 >= 0xA0) { return (line, column, b) }
    } else if length == 4 {
      let b1 = data[i + 1]
      if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 >= 0x90) { return (line, column, b) }
    }
    if b == 0x0A { line += 1; column = 1 } else { column += 1 }
    i += length
  }
  return nil
}
