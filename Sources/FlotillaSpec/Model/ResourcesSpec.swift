/// CPU and memory requests and limits.
public struct ResourcesSpec: Sendable, Hashable {
    /// What the scheduler reserves.
    public var requests: ResourceAmounts
    /// The most the container may use.
    public var limits: ResourceAmounts

    /// Requests 100m CPU and 64Mi memory; limits 500m CPU and 256Mi memory.
    public static let `default` = ResourcesSpec(
        requests: ResourceAmounts(cpu: CPUQuantity(millicores: 100), memory: MemoryQuantity(bytes: 64 << 20)),
        limits: ResourceAmounts(cpu: CPUQuantity(millicores: 500), memory: MemoryQuantity(bytes: 256 << 20)))

    /// These resources with the fields given in `partial` replaced.
    public func applying(_ partial: PartialResources) -> ResourcesSpec {
        ResourcesSpec(
            requests: ResourceAmounts(
                cpu: partial.requestsCPU ?? requests.cpu, memory: partial.requestsMemory ?? requests.memory),
            limits: ResourceAmounts(cpu: partial.limitsCPU ?? limits.cpu, memory: partial.limitsMemory ?? limits.memory)
        )
    }
}

/// A CPU and a memory amount.
public struct ResourceAmounts: Sendable, Hashable {
    /// CPU.
    public var cpu: CPUQuantity
    /// Memory.
    public var memory: MemoryQuantity
}

/// Resources as written: any field may be missing and falls back to the defaults.
public struct PartialResources: Sendable, Hashable {
    /// `requests.cpu`, if written.
    public var requestsCPU: CPUQuantity?
    /// `requests.memory`, if written.
    public var requestsMemory: MemoryQuantity?
    /// `limits.cpu`, if written.
    public var limitsCPU: CPUQuantity?
    /// `limits.memory`, if written.
    public var limitsMemory: MemoryQuantity?
    /// Where the `resources` mapping is.
    public var location: SourceLocation
}

/// Horizontal autoscaling bounds and targets.
public struct AutoscaleSpec: Sendable, Hashable {
    /// Fewest replicas.
    public var min: Located<Int>
    /// Most replicas.
    public var max: Located<Int>
    /// Target CPU utilisation in percent of requests, if scaled on CPU.
    public var cpuTarget: Int?
    /// Target memory utilisation in percent of requests, if scaled on memory.
    public var memoryTarget: Int?
    /// Where the `autoscale` mapping is.
    public var location: SourceLocation
}
