/// A GitHub Actions workflow, with only the fields Flotilla sets.
public struct Workflow: Encodable, Sendable, Hashable {
    /// Display name.
    public var name: String
    /// Triggers.
    public var on: Triggers
    /// Token permissions of every job unless a job narrows or widens them.
    public var permissions: OrderedMap<String>
    /// At most one run per group.
    public var concurrency: Concurrency
    /// Jobs in order.
    public var jobs: OrderedMap<Job>

    /// `on`.
    public struct Triggers: Encodable, Sendable, Hashable {
        /// Pushes.
        public var push: Filter?
        /// Pull requests.
        public var pullRequest: Filter?
        /// Manual runs.
        public var workflowDispatch: Empty?

        enum CodingKeys: String, CodingKey {
            case push
            case pullRequest = "pull_request"
            case workflowDispatch = "workflow_dispatch"
        }
    }

    /// Branch and tag filters.
    public struct Filter: Encodable, Sendable, Hashable {
        /// Branches.
        public var branches: [String]?
        /// Tags.
        public var tags: [String]?
    }

    /// `{}`.
    public struct Empty: Encodable, Sendable, Hashable {}

    /// `concurrency`.
    public struct Concurrency: Encodable, Sendable, Hashable {
        /// Group key.
        public var group: String
        /// Whether a newer run cancels the running one.
        public var cancelInProgress: Bool

        enum CodingKeys: String, CodingKey {
            case group
            case cancelInProgress = "cancel-in-progress"
        }
    }

    /// A job.
    public struct Job: Encodable, Sendable, Hashable {
        /// Display name.
        public var name: String
        /// Jobs that must succeed first.
        public var needs: [String]?
        /// Runner.
        public var runsOn: String
        /// Container image the steps run in.
        public var container: String?
        /// Permissions of this job.
        public var permissions: OrderedMap<String>?
        /// Protected deployment environment.
        public var environment: DeploymentEnvironment?
        /// Concurrency of this job.
        public var concurrency: Concurrency?
        /// Matrix.
        public var strategy: Strategy?
        /// Time limit.
        public var timeoutMinutes: Int
        /// Job variables.
        public var env: OrderedMap<String>?
        /// Steps.
        public var steps: [Step]

        enum CodingKeys: String, CodingKey {
            case name, needs
            case runsOn = "runs-on"
            case container, permissions, environment, concurrency, strategy
            case timeoutMinutes = "timeout-minutes"
            case env, steps
        }
    }

    /// `environment`.
    public struct DeploymentEnvironment: Encodable, Sendable, Hashable {
        /// Name (protection rules are configured on GitHub).
        public var name: String
    }

    /// `strategy`.
    public struct Strategy: Encodable, Sendable, Hashable {
        /// Keep other matrix entries running when one fails.
        public var failFast: Bool
        /// The matrix.
        public var matrix: Matrix

        enum CodingKeys: String, CodingKey {
            case failFast = "fail-fast"
            case matrix
        }
    }

    /// A matrix of explicit entries.
    public struct Matrix: Encodable, Sendable, Hashable {
        /// Entries.
        public var include: [OrderedMap<String>]
    }

    /// A step: an action or a script.
    public struct Step: Encodable, Sendable, Hashable {
        /// Display name.
        public var name: String
        /// Condition.
        public var `if`: String?
        /// Action reference.
        public var uses: String?
        /// Folder the script runs in.
        public var workingDirectory: String?
        /// Variables of the step.
        public var env: OrderedMap<String>?
        /// Action inputs.
        public var with: OrderedMap<String>?
        /// Script.
        public var run: String?

        enum CodingKeys: String, CodingKey {
            case name, `if`, uses
            case workingDirectory = "working-directory"
            case env, with, run
        }
    }
}
