import Foundation
import Statecraft
import StatecraftCLI
import StatecraftRender

WorldIO.registerRenderFormats()
StatecraftCommand.main()
// main() returns only on success; the report must also have reached standard output.
if let reason = StandardOutput.finish() {
  FileHandle.standardError.write(Data("Error: cannot write to standard output (\(reason)); the output is incomplete.\n".utf8))
  exit(1)
}
