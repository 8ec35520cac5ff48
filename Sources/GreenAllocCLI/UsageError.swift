/// A request the command cannot carry out as given (exit code 64): the message says what to change.
struct UsageError: Error, CustomStringConvertible {
    var message: String

    var description: String { message }
}
