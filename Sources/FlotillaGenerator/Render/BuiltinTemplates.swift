// Generated from templates/ by FLOTILLA_RECORD_GOLDEN=1 swift test (BuiltinTemplatesTests); do not edit.
// The canonical templates are the files in templates/ at the repository root; a test fails when
// these copies differ, so the binary carries them and works from any folder.

/// The built-in templates, embedded so the `flotilla` binary needs no resource files.
enum BuiltinTemplates {
    /// Template text by name.
    static let all: [TemplateSet.Name: String] = [
        .dockerfile: #"""
        {{% CONTENT_TYPE: TEXT }}
        # syntax=docker/dockerfile:1
        # Generated from {{source}} by `flotilla generate`; do not edit. Customise with --templates DIR.
        # Build from the repository root:
        #   docker build -f {{dockerfile}} .

        # ---- build: the official Swift toolchain image of the spec's version -------------------------
        FROM swift:{{swiftVersion}}-noble AS build
        WORKDIR /build
        # jemalloc is linked into the release binary (faster, less fragmented than glibc malloc).
        # Not version-pinned (hadolint DL3008): Ubuntu's archive drops superseded package versions, so
        # exact pins break rebuilds within weeks; the image tag fixes the release, and security updates
        # of these packages should flow in.
        # hadolint ignore=DL3008
        RUN apt-get update \
            && apt-get install -y --no-install-recommends libjemalloc-dev \
            && rm -rf /var/lib/apt/lists/*
        # Dependency layer: resolved from the manifest (and Package.resolved when the project commits
        # one; the glob makes it optional) before any source is copied, so editing code reuses it.
        COPY Package.swift Package.resolve[d] ./
        RUN if [ -f Package.resolved ]; then swift package resolve --force-resolved-versions; \
            else swift package resolve; fi
        COPY . .
        # Linked to keep an idle instance small (pages mapped at start-up count towards its RSS):
        # Swift's runtime is linked statically; lld packs the relative relocations (DT_RELR, which the
        # runtime stage's glibc supports), so start-up no longer reads megabytes of relocation records;
        # and the binary exports no dynamic symbols (the static runtime asks for -export-dynamic, which
        # puts 70,000 symbols in the table every library lookup searches; only dladdr-based stack
        # symbolication, such as Thread.callStackSymbols, reads it).
        RUN --mount=type=cache,target=/build/.build \
            swift build -c release --product {{product}} --static-swift-stdlib -Xswiftc -use-ld=lld \
                -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic -Xlinker -ljemalloc \
            && mkdir -p /staging \
            && cp "$(swift build -c release --show-bin-path)/{{product}}" /staging/

        # ---- runtime: only what the binary needs ------------------------------------------------------
        FROM ubuntu:noble
        # Not version-pinned (hadolint DL3008): Ubuntu's archive drops superseded package versions, so
        # exact pins break rebuilds within weeks; the image tag fixes the release, and security updates
        # of these packages should flow in.
        # hadolint ignore=DL3008
        RUN apt-get update \
            && apt-get install -y --no-install-recommends ca-certificates tzdata libjemalloc2 \
            && rm -rf /var/lib/apt/lists/* \
            && groupadd --system --gid {{uid}} flotilla \
            && useradd --system --uid {{uid}} --gid {{uid}} --no-create-home --home-dir /nonexistent \
                --shell /usr/sbin/nologin flotilla \
            && mkdir -p {{dataDirectory}} \
            && chown {{uid}}:{{uid}} {{dataDirectory}}
        LABEL org.opencontainers.image.title="{{image}}" \
              org.opencontainers.image.description="{{service}}: a {{role}} of the {{system}} system, built by Flotilla" \
              org.opencontainers.image.base.name="docker.io/library/ubuntu:noble" \
              dev.flotilla.service="{{service}}" \
              dev.flotilla.system="{{system}}"
        WORKDIR /app
        COPY --from=build --chown=0:0 --chmod=0755 /staging/{{product}} /app/{{product}}
        ENV SERVICE_NAME={{service}} \
        {{#httpPort}}
            HTTP_PORT={{httpPort}} \
        {{/httpPort}}
            ADMIN_PORT={{adminPort}}
        {{#httpPort}}
        EXPOSE {{httpPort}}
        {{/httpPort}}
        # The numeric UID/GID matches the pod securityContext; nothing is written outside /tmp and
        # {{dataDirectory}}, so the root filesystem can be mounted read-only.
        USER {{uid}}:{{uid}}
        STOPSIGNAL SIGTERM
        HEALTHCHECK --interval={{healthInterval}} --timeout={{healthTimeout}} --start-period={{healthStartPeriod}} --retries={{healthRetries}} \
            CMD ["/app/{{product}}", "healthcheck"]
        ENTRYPOINT ["/app/{{product}}"]

        """#,
        .dockerignore: #"""
        {{% CONTENT_TYPE: TEXT }}
        # Generated from {{source}} by `flotilla generate`; do not edit.
        # BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile; the context is the repository
        # root, and the image needs only the package manifest and its sources.
        *
        !Package.swift
        !Package.resolved
        !Sources/
        !Tests/
        **/.build
        **/.DS_Store

        """#,
        .readme: #"""
        {{% CONTENT_TYPE: TEXT }}
        <!-- Generated from {{source}} by `flotilla generate`; do not edit. -->
        # Deployment artifacts of {{system}}

        Everything here is generated from `{{source}}`; change the spec and run `flotilla generate`
        (`flotilla generate --check` fails when these files are stale). See docs/generate.md of Flotilla
        for every translation rule.

        | path | what |
        | --- | --- |
        | `docker/<service>/Dockerfile` | multi-stage image per service; build context is the repository root |
        | `compose.yaml` | the whole system on one machine (environment `{{composeEnvironment}}`), PostgreSQL per database |
        | `secrets/` | development-only secret files read by compose; replace them for anything shared |
        | `k8s/base/` | environment-neutral Kubernetes objects (kustomize base) |
        {{#environments}}
        | `k8s/overlays/{{name}}/` | {{description}} |
        {{/environments}}

        ## Run

            docker compose -f {{manifests}}/compose.yaml up --build        # local, gateway on 127.0.0.1:{{gatewayPort}}
        {{#environments}}
            kubectl apply -k {{manifests}}/k8s/overlays/{{name}}
        {{/environments}}

        ## Services

        | service | role | image | ports (http / admin) |
        | --- | --- | --- | --- |
        {{#services}}
        | {{name}} | {{role}} | `{{image}}` | {{http}} / {{admin}} |
        {{/services}}

        """#,
    ]
}
