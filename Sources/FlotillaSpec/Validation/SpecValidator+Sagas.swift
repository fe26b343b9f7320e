extension SpecValidator {
    /// Saga steps name declared operations of existing services; the orchestrator needs a
    /// database to persist saga state; step names are unique.
    mutating func checkSagas() {
        for service in spec.services {
            for saga in service.sagas {
                if service.database == nil {
                    diagnostics.error(
                        "saga '\(saga.name.value)' needs service '\(service.name.value)' to own a database",
                        at: saga.name.location, hint: "add 'database: owned': saga state is persisted before every step"
                    )
                }
                if saga.steps.isEmpty {
                    diagnostics.error("saga '\(saga.name.value)' has no steps", at: saga.name.location)
                }
                var names = Set<String>()
                for step in saga.steps {
                    if !names.insert(step.name.value).inserted {
                        diagnostics.error(
                            "step name '\(step.name.value)' is used twice in saga '\(saga.name.value)'",
                            at: step.name.location)
                    }
                    checkOperation(step.action, in: saga)
                    if let compensation = step.compensation { checkOperation(compensation, in: saga) }
                }
            }
        }
    }

    private mutating func checkOperation(_ reference: Located<OperationReference>, in saga: SagaSpec) {
        let serviceName = Located(reference.value.service, at: reference.location)
        guard let target = resolve(serviceName, what: "saga '\(saga.name.value)' calls") else { return }
        let declared = target.operations.map(\.value)
        guard !declared.contains(reference.value.operation) else { return }
        diagnostics.error(
            "saga '\(saga.name.value)' calls '\(reference.value)', but service '\(target.name.value)' declares no operation '\(reference.value.operation)'"
                + Suggestion.didYouMean(reference.value.operation, among: declared),
            at: reference.location,
            hint: declared.isEmpty
                ? "add 'operations: [\(reference.value.operation)]' to service '\(target.name.value)'"
                : "operations of '\(target.name.value)': \(declared.joined(separator: ", "))")
    }
}
