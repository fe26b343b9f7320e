import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird

/// The 402 answer to a declined charge: `application/problem+json` with the declined payment
/// (``PaymentDeclinedProblem``), so the caller learns why and gets the stored payment.
enum DeclinedPaymentResponse {
    static let status = HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")

    /// The response for `payment`, declined, on `path`.
    static func make(for payment: PaymentDTO, path: String, requestID: String) -> Response {
        let problem = ProblemDetails(
            title: status.reasonPhrase, status: status.code, detail: payment.declineReason, instance: path,
            requestId: requestID.isEmpty ? nil : requestID)
        var headers = HTTPFields()
        headers[.contentType] = ProblemDetails.mediaType
        let body = PaymentDeclinedProblem(problem: problem, payment: payment)
        let data = (try? ContractCoding.encoder().encode(body)) ?? Data()
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
