import FlotillaServiceKit
import HTTPTypes

/// Why a reservation could not be made (an unknown product, 404, or too little stock, 409). It
/// is thrown to roll the attempt back, then stored with the reservation id so that a replay of
/// the same request gets the same answer.
struct ReservationRefusal: Error, Sendable {
    /// The HTTP status code.
    var status: Int
    /// The problem's detail.
    var detail: String

    /// The answer to the caller.
    var problem: ProblemError { ProblemError(HTTPResponse.Status(code: status), detail) }
}
