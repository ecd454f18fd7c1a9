import StatecraftCLI
import StatecraftRender
import Statecraft

WorldIO.registerRenderFormats()
StatecraftCommand.main()
