public import Foundation

/// What the history says of every run, recorded or read back: who ran which command line on which scenario,
/// with which settings, and how it ended.
public struct RunFacts: Sendable, Equatable {
    public var user: String
    public var workingDirectory: String
    /// The arguments after the program's name.
    public var arguments: [String]
    public var command: String
    public var scenario: String
    /// The scenario after `extends`, as canonical JSON (several scenarios: a JSON array of them).
    public var mergedScenario: String
    public var greenallocVersion: String
    public var glpkVersion: String
    /// The solver settings as JSON.
    public var settings: String
    public var status: String
    public var exitCode: Int32
    public var objective: Double?
    public var bound: Double?
    public var gap: Double?
    /// Timings in seconds as JSON.
    public var timings: String
    /// False when the run was interrupted as it ended (its outputs may be missing).
    public var completed: Bool

    public init(
        user: String, workingDirectory: String, arguments: [String], command: String, scenario: String,
        mergedScenario: String, greenallocVersion: String, glpkVersion: String, settings: String, status: String,
        exitCode: Int32, objective: Double?, bound: Double?, gap: Double?, timings: String, completed: Bool
    ) {
        (self.user, self.workingDirectory, self.arguments, self.command) = (user, workingDirectory, arguments, command)
        (self.scenario, self.mergedScenario, self.greenallocVersion, self.glpkVersion) = (scenario, mergedScenario, greenallocVersion, glpkVersion)
        (self.settings, self.status, self.exitCode) = (settings, status, exitCode)
        (self.objective, self.bound, self.gap, self.timings, self.completed) = (objective, bound, gap, timings, completed)
    }
}

/// Everything the history keeps about one run of a command that solves: its facts, when it ran, the files it
/// read and the documents it wrote.
@dynamicMemberLookup
public struct RunRecord: Sendable, Equatable {
    /// A file the run read: a scenario file (with the files it extends) or a table.
    public struct Input: Sendable, Equatable {
        public var role: String
        /// The absolute path the run read it from.
        public var path: String
        public var bytes: Data
        public init(role: String, path: String, bytes: Data) {
            (self.role, self.path, self.bytes) = (role, path, bytes)
        }
    }

    /// A document the run wrote: its bytes are kept when `stored`, else only its SHA-256 and size.
    public struct Output: Sendable, Equatable {
        public var name: String
        public var bytes: Data
        public var stored: Bool
        public init(name: String, bytes: Data, stored: Bool) {
            (self.name, self.bytes, self.stored) = (name, bytes, stored)
        }
    }

    public var facts: RunFacts
    public var startedAt: Date
    public var finishedAt: Date
    public var inputs: [Input]
    public var outputs: [Output]

    public init(facts: RunFacts, startedAt: Date, finishedAt: Date, inputs: [Input], outputs: [Output]) {
        (self.facts, self.startedAt, self.finishedAt, self.inputs, self.outputs) = (facts, startedAt, finishedAt, inputs, outputs)
    }

    public subscript<T>(dynamicMember keyPath: WritableKeyPath<RunFacts, T>) -> T {
        get { facts[keyPath: keyPath] }
        set { facts[keyPath: keyPath] = newValue }
    }
}

/// A recorded run as read back: its id, its facts and its times (UTC text), without its files.
@dynamicMemberLookup
public struct StoredRun: Sendable, Equatable {
    public var id: Int64
    public var startedAt: String
    public var finishedAt: String
    public var seconds: Double
    public var facts: RunFacts

    public subscript<T>(dynamicMember keyPath: KeyPath<RunFacts, T>) -> T { facts[keyPath: keyPath] }
}

/// A file of a recorded run, by name (outputs) or path (inputs), with its SHA-256.
public struct StoredFile: Sendable, Equatable {
    public var role: String
    public var path: String
    public var sha256: String
    public var size: Int
    /// For outputs: whether the bytes are in the history (inputs always are).
    public var stored: Bool
}
