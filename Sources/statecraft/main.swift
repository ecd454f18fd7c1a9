import StatecraftCLI

StatecraftCommand.main()
