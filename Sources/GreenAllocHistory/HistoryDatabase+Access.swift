public import GRDB

extension HistoryDatabase {
    /// Reads the database for a module that keeps its own tables in the history (the workspace). Database
    /// errors become history errors; the body's own errors pass through unchanged.
    public func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw Self.mapped(error, path: path)
        }
    }

    /// Writes in one immediate transaction (all or nothing); errors as for `reading`.
    public func writing<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            var result: T?
            try queue.inTransaction(.immediate) { db in
                result = try body(db)
                return .commit
            }
            guard let result else { throw HistoryError.unwritable(path: path, detail: "the transaction returned nothing") }
            return result
        } catch let error as DatabaseError {
            throw Self.mapped(error, path: path)
        }
    }
}
