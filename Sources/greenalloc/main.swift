import GreenAllocCLI
import Foundation

CommandLineRunner.installSignalHandlers()
exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
